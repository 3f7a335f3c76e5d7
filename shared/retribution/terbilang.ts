const ONES = ['', 'satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan'];
const SCALES = ['', 'ribu', 'juta', 'miliar', 'triliun'];

/** 1–999 in words; "seratus", "sebelas", "sepuluh" the Indonesian way. */
function hundreds(value: number): string[] {
  const words: string[] = [];
  const hundred = Math.floor(value / 100);
  const rest = value % 100;
  if (hundred === 1) words.push('seratus');
  else if (hundred > 1) words.push(ONES[hundred]!, 'ratus');
  if (rest === 10) words.push('sepuluh');
  else if (rest === 11) words.push('sebelas');
  else if (rest > 11 && rest < 20) words.push(ONES[rest - 10]!, 'belas');
  else {
    const ten = Math.floor(rest / 10);
    if (ten > 1) words.push(ONES[ten]!, 'puluh');
    if (rest % 10 > 0) words.push(ONES[rest % 10]!);
  }
  return words;
}

/**
 * A whole non-negative amount in Indonesian words, without "rupiah": 175 000 → "seratus tujuh puluh lima ribu",
 * 1 000 → "seribu" (but 1 000 000 → "satu juta"). Up to 999 triliun.
 */
export function terbilang(amount: number): string {
  if (!Number.isSafeInteger(amount) || amount < 0 || amount >= 1e15)
    throw new RangeError(`terbilang: ${amount} is not a whole amount below 10^15`);
  if (amount === 0) return 'nol';
  const groups: number[] = [];
  for (let rest = amount; rest > 0; rest = Math.floor(rest / 1000)) groups.push(rest % 1000);
  const words: string[] = [];
  for (let scale = groups.length - 1; scale >= 0; scale--) {
    const group = groups[scale]!;
    if (group === 0) continue;
    if (scale === 1 && group === 1) words.push('seribu');
    else words.push(...hundreds(group), ...(SCALES[scale] ? [SCALES[scale]!] : []));
  }
  return words.join(' ');
}

/** As printed on a notice: "seratus tujuh puluh lima ribu rupiah". */
export function terbilangRupiah(amount: number): string {
  return `${terbilang(amount)} rupiah`;
}
