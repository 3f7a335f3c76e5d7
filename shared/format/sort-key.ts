/**
 * A text made to sort as people read it, compared with plain `<` (a collator is ~10× slower on 200 000 rows):
 * case and accents ignored, numbers by value ("Ruas 9" before "Ruas 10").
 */
export function sortKeyOf(value: string | number): string | number {
  if (typeof value === 'number') return value;
  return value
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\d+/g, (digits) => digits.replace(/^0+(?=\d)/, '').padStart(16, '0'));
}
