/** The standard PDF fonts cover Latin-1 only; dashes, typographic quotes and no-break spaces are mapped down to it. */
export const plainPdfText = (text: string) =>
  text
    .replace(/[–—]/g, '-')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/²/g, '2');
