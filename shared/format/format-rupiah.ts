import type { Locale } from './format-number';

const exact = new Map<Locale, Intl.NumberFormat>();

/**
 * Whole rupiah in the reader's number style: "Rp 3.000.000" (id-ID currency format) in Indonesian,
 * "Rp 3,000,000" in English, so that it reads like "Rp3.2 billion" beside it and not like 3 point 000.
 */
export function formatRupiah(amount: number, locale: Locale = 'id'): string {
  let format = exact.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'id-ID', {
      style: 'currency',
      currency: 'IDR',
      currencyDisplay: 'narrowSymbol',
      maximumFractionDigits: 0,
      minimumFractionDigits: 0,
    });
    exact.set(locale, format);
  }
  return format.format(Math.round(amount));
}

/** Large sums the way officials say them: "Rp3 miliar", "Rp1,2 miliar", "Rp450 juta". */
export function formatRupiahShort(amount: number, locale: Locale = 'id'): string {
  const scales: [number, string, string][] = [
    [1e12, 'triliun', 'trillion'],
    [1e9, 'miliar', 'billion'],
    [1e6, 'juta', 'million'],
  ];
  for (const [scale, indonesian, english] of scales) {
    if (Math.abs(amount) >= scale) {
      const value = new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'id-ID', { maximumFractionDigits: 1 }).format(
        amount / scale,
      );
      return `Rp${value} ${locale === 'en' ? english : indonesian}`;
    }
  }
  return formatRupiah(amount, locale);
}
