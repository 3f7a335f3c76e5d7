import { formatDateInput } from './date-input';
export type Locale = 'id' | 'en';

const tags: Record<Locale, string> = { id: 'id-ID', en: 'en-GB' };
const formatters = new Map<string, Intl.NumberFormat>();

function formatter(locale: Locale, digits: number): Intl.NumberFormat {
  const key = `${locale}:${digits}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.NumberFormat(tags[locale], { minimumFractionDigits: digits, maximumFractionDigits: digits });
    formatters.set(key, format);
  }
  return format;
}

export function formatNumber(value: number, locale: Locale, digits = 0): string {
  return formatter(locale, digits).format(value);
}

/** "12,3 km" in Indonesian, "12.3 km" in English. */
export function formatKilometres(metres: number, locale: Locale, digits = 1): string {
  return `${formatNumber(metres / 1000, locale, digits)} km`;
}

/** Metres under 1 km, kilometres above. */
export function formatLength(metres: number, locale: Locale): string {
  return metres < 1000
    ? `${formatNumber(metres, locale, metres < 100 ? 1 : 0)} m`
    : formatKilometres(metres, locale, 2);
}

export function formatPercent(value: number | null, locale: Locale, digits = 1): string {
  return value === null ? '—' : `${formatNumber(value, locale, digits)}%`;
}

/** Chainage: 16250 m → "STA 16+250". */
export function formatSta(metres: number): string {
  const rounded = Math.round(metres);
  return `STA ${Math.floor(rounded / 1000)}+${String(rounded % 1000).padStart(3, '0')}`;
}

/** A measured length both ways: "1.234,6 m (1,235 km)". */
export function formatMeasuredLength(metres: number, locale: Locale): string {
  return `${formatNumber(metres, locale, 1)} m (${formatNumber(metres / 1000, locale, 3)} km)`;
}

/** A measured area both ways: "12.345 m² (1,2345 ha)". */
export function formatMeasuredArea(squareMetres: number, locale: Locale): string {
  return `${formatNumber(squareMetres, locale, 0)} m² (${formatNumber(squareMetres / 10_000, locale, 4)} ha)`;
}

/** A day in the UI language's way: 21/01/2026 in Indonesian, 21 Jan 2026 in English. */
export function formatDate(date: Date, locale: Locale = 'id'): string {
  const iso = `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
  return formatDateInput(iso, locale);
}

/** A moment as the UI shows it, this computer's time: 21/01/2026 14.05 (English: 21 Jan 2026 14:05). */
export function formatMoment(iso: string, locale: Locale): string {
  const date = new Date(iso);
  const time = `${String(date.getHours()).padStart(2, '0')}${locale === 'id' ? '.' : ':'}${String(date.getMinutes()).padStart(2, '0')}`;
  return `${formatDate(date, locale)} ${time}`;
}
