import { parseLocaleNumber, type ParsedNumber } from '../format/parse-number';
import type { Locale } from '../format/format-number';
import { numericValue } from '../style/classify';

/** Whether a row passes: given the stored value and the text shown for it (made only when a text filter asks). */
export type RowTest = (value: unknown, shown: () => string) => boolean;

export type ColumnFilter = { ok: true; test: RowTest } | { ok: false; reading: Extract<ParsedNumber, { ok: false }> };

const COMPARISON = /^(>=|<=|>|<|=|≥|≤)\s*(.+)$/;
const RANGE = /^(.+?)\s*(?:\.\.|\s[–-]\s|\ssampai\s|\sto\s)\s*(.+)$/i;

/**
 * A column filter as typed in the table header. Number columns: `> 20`, `<= 5,5`, `= 7`, `10 .. 20` or
 * `10 – 20` (between, inclusive), or a number alone (equal); numbers are read the UI language's way. Other
 * columns: the text shown in the cell contains what was typed (any case). Null: no filter.
 */
export function parseColumnFilter(text: string, numeric: boolean, locale: Locale): ColumnFilter | null {
  const typed = text.trim();
  if (typed === '') return null;
  if (!numeric) {
    const needle = typed.toLowerCase();
    return { ok: true, test: (_value, shown) => shown().toLowerCase().includes(needle) };
  }
  const number = (input: string) => parseLocaleNumber(input, locale, { allowNegative: true });
  const bounded = (reading: ParsedNumber, make: (limit: number) => (value: number) => boolean): ColumnFilter =>
    reading.ok ? { ok: true, test: onNumbers(make(reading.value)) } : { ok: false, reading };

  const comparison = COMPARISON.exec(typed);
  if (comparison) {
    const reading = number(comparison[2]!);
    switch (comparison[1]) {
      case '>':
        return bounded(reading, (limit) => (value) => value > limit);
      case '<':
        return bounded(reading, (limit) => (value) => value < limit);
      case '>=':
      case '≥':
        return bounded(reading, (limit) => (value) => value >= limit);
      case '<=':
      case '≤':
        return bounded(reading, (limit) => (value) => value <= limit);
      default:
        return bounded(reading, (limit) => (value) => value === limit);
    }
  }
  const range = RANGE.exec(typed);
  if (range) {
    const low = number(range[1]!);
    const high = number(range[2]!);
    if (!low.ok) return { ok: false, reading: low };
    if (!high.ok) return { ok: false, reading: high };
    const [from, to] = low.value <= high.value ? [low.value, high.value] : [high.value, low.value];
    return { ok: true, test: onNumbers((value) => value >= from && value <= to) };
  }
  return bounded(number(typed), (limit) => (value) => value === limit);
}

/** Rows without a number never pass a number filter. */
const onNumbers =
  (test: (value: number) => boolean): RowTest =>
  (value) => {
    const number = numericValue(value);
    return number !== null && test(number);
  };
