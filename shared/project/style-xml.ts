/** Text as XML attribute or character data: markup escaped, the control characters XML 1.0 forbids left out. */
export const escapeXml = (text: string) =>
  text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);

/** "#rrggbb" as QGIS's "r,g,b,a". */
export function qgisColor(hex: string, alpha = 255): string {
  const value = Number.parseInt(hex.slice(1), 16);
  return `${(value >> 16) & 255},${(value >> 8) & 255},${value & 255},${alpha}`;
}
