import type { Locale } from './format-number';

const MONTHS: Record<Locale, string[]> = {
  id: ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
};
/** Month names and abbreviations of both languages, lower case, to their number (1–12). */
const MONTH_NAMES = new Map<string, number>(
  [
    ['januari', 'january'],
    ['februari', 'february'],
    ['maret', 'march'],
    ['april'],
    ['mei', 'may'],
    ['juni', 'june'],
    ['juli', 'july'],
    ['agustus', 'august', 'agu', 'ags'],
    ['september', 'sept'],
    ['oktober', 'october', 'okt'],
    ['november', 'nop'],
    ['desember', 'december', 'des'],
  ].flatMap((names, index) =>
    names.flatMap((name) => [name, name.slice(0, 3)]).map((name) => [name, index + 1] as [string, number]),
  ),
);

/**
 * A stored date (ISO `2026-01-21`) as the UI shows it: `21/01/2026` in Indonesian, `21 Jan 2026` in English —
 * never the browser's own format (`01/21/2026` in an American Chromium).
 */
export function formatDateInput(iso: string | null, locale: Locale): string {
  const match = iso ? /^(\d{4})-(\d{2})-(\d{2})/.exec(iso) : null;
  if (!match) return '';
  const [, year, month, day] = match;
  return locale === 'id' ? `${day}/${month}/${year}` : `${Number(day)} ${MONTHS.en[Number(month) - 1]} ${year}`;
}

/** A date as typed in either language (21/01/2026, 21-1-2026, 21 Januari 2026, 21 Jan 2026, 2026-01-21) to ISO; null if none. */
export function parseDateInput(text: string): string | null {
  const trimmed = text.trim().toLowerCase();
  let parts: [number, number, number] | null = null;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(trimmed);
  const numeric = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(trimmed);
  const named = /^(\d{1,2})\s+([a-z]+)\.?\s+(\d{4})$/.exec(trimmed);
  if (iso) parts = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (numeric) parts = [Number(numeric[3]), Number(numeric[2]), Number(numeric[1])];
  else if (named && MONTH_NAMES.has(named[2]!))
    parts = [Number(named[3]), MONTH_NAMES.get(named[2]!)!, Number(named[1])];
  if (!parts) return null;
  const [year, month, day] = parts;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
