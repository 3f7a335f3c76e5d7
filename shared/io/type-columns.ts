import type { StoredFeature } from '../model/layer';
import { parseLocaleNumber } from '../format/parse-number';
import { readField } from '../model/field-value';

/** How a column's text was read: as numbers written the Indonesian or the English way, or left as text. */
export type ColumnReading = 'id-number' | 'en-number' | 'text';

/** A code with leading zeros ("0012", a regency code "5301" is fine) is an identifier, not a number. */
const LEADING_ZERO = /^[-−]?0\d/;

type Reading = ColumnReading | 'either';

function readingOf(values: readonly string[]): Reading {
  if (values.length === 0 || values.some((value) => LEADING_ZERO.test(value.trim()))) return 'text';
  const all = (locale: 'id' | 'en') => values.map((value) => parseLocaleNumber(value, locale, { allowNegative: true }));
  const asId = all('id');
  const asEn = all('en');
  const idOk = asId.every((parsed) => parsed.ok);
  const enOk = asEn.every((parsed) => parsed.ok);
  if (idOk && !enOk) return 'id-number';
  if (enOk && !idOk) return 'en-number';
  if (!idOk) return 'text';
  // Both readings work: when they agree on every value (no separators at all) the column is numeric either way;
  // when they differ ("1.250"), the rest of the file says which style it is written in.
  const same = asId.every((parsed, index) => parsed.ok && asEn[index]!.ok && parsed.value === asEn[index]!.value);
  return same ? 'id-number' : 'either';
}

/**
 * How each column's text will be read (only columns that become numbers are listed), and the columns that read
 * either way ("1.250") with nothing in the file to say which: those stay text unless the user chooses. A choice in
 * `chosen` wins over what the values say.
 */
export function readColumns(
  features: readonly StoredFeature[],
  columns: readonly string[],
  chosen: Readonly<Record<string, ColumnReading>> = {},
): { typed: Record<string, ColumnReading>; ambiguous: string[] } {
  // Column names are data ("__proto__" among them): a prototype-free record keeps each as its own key.
  const typed: Record<string, ColumnReading> = Object.create(null) as Record<string, ColumnReading>;
  const ambiguous: string[] = [];
  const readings = new Map<string, Reading>();
  for (const column of columns) {
    const texts: string[] = [];
    let other = false;
    for (const feature of features) {
      const value = readField(feature.properties, column);
      if (value === null || value === undefined || value === '') continue;
      if (typeof value === 'string') texts.push(value);
      else if (typeof value !== 'number') other = true;
    }
    if (other || texts.length === 0) continue;
    readings.set(column, readingOf(texts));
  }
  // The file's style: what its unambiguous columns are written in, if they all agree.
  const styles = new Set(
    [...readings.values()].filter((reading) => reading === 'id-number' || reading === 'en-number'),
  );
  const fileStyle = styles.size === 1 ? ([...styles][0] as ColumnReading) : null;
  for (const [column, reading] of readings) {
    const choice = Object.hasOwn(chosen, column) ? chosen[column] : undefined;
    // A choice counts only where the values allow it: "abc" never becomes a number because a user said so.
    if (choice && (choice === 'text' || reading === choice || reading === 'either')) {
      if (choice !== 'text') typed[column] = choice;
    } else if (reading === 'id-number' || reading === 'en-number') typed[column] = reading;
    else if (reading === 'either' && fileStyle) typed[column] = fileStyle;
    if (reading === 'either' && !fileStyle) ambiguous.push(column);
  }
  return { typed, ambiguous };
}

/**
 * Columns a file brought as text but that hold numbers ("7,5", "1.234,5" or "7.5", "1,234.5"; a CSV has no types)
 * become numbers, read in the style the whole column is written in. A column that reads either way ("1.250") takes
 * the style of the file's other numeric columns, or stays text when they do not say; a column with any value that is
 * not a number, or codes with leading zeros, stays text. Returns the features (new objects where a value changed) and how each typed column was read.
 */
export function typeColumns(
  features: readonly StoredFeature[],
  columns: readonly string[],
  chosen: Readonly<Record<string, ColumnReading>> = {},
): { features: StoredFeature[]; typed: Record<string, ColumnReading> } {
  const { typed } = readColumns(features, columns, chosen);
  const keys = Object.keys(typed);
  if (keys.length === 0) return { features: [...features], typed };
  const out = features.map((feature) => {
    const properties = { ...feature.properties };
    for (const key of keys) {
      const value = properties[key];
      if (typeof value === 'string' && value.trim() !== '') {
        const parsed = parseLocaleNumber(value, typed[key] === 'en-number' ? 'en' : 'id', { allowNegative: true });
        if (parsed.ok) properties[key] = parsed.value;
      } else if (value === '') properties[key] = null;
    }
    return { ...feature, properties };
  });
  return { features: out, typed };
}
