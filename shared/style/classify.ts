import { ckmeans, quantileSorted } from 'simple-statistics';
import type { CategoryRule, ClassMethod, ClassRule } from '../model/layer-style';
import { OTHER_COLOR, paletteColors, type PaletteName } from './palettes';

const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/** A value as a number for classes: numbers, and text that is a plain number ("12.5"); anything else is none. */
export function numericValue(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && PLAIN_NUMBER.test(value.trim())) return Number(value.trim());
  return null;
}

/** A value as a category: its text; empty values have none (they are drawn as "other"). */
export function categoryValue(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'object') return null;
  const text = String(value).trim();
  return text === '' ? null : text.slice(0, 200);
}

const MAX_CATEGORIES = 12;
/** Natural breaks are found on at most this many values (an even sample of the sorted ones). */
const JENKS_SAMPLE = 20_000;

/** The distinct values of a field, most frequent first, with their counts. */
function valueCounts(values: Iterable<unknown>): { value: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const raw of values) {
    const value = categoryValue(raw);
    if (value !== null) counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count);
}

const byValue = new Intl.Collator('id', { numeric: true, sensitivity: 'base' });

/** Categories of the most frequent values (at most 12), listed in value order like QGIS does. */
export function categoryRule(field: string, values: Iterable<unknown>, palette: PaletteName): CategoryRule {
  const kept = valueCounts(values)
    .slice(0, MAX_CATEGORIES)
    .map((entry) => entry.value)
    .sort(byValue.compare);
  const colors = paletteColors(palette, kept.length);
  return {
    type: 'categories',
    field,
    palette,
    categories: kept.map((value, index) => ({ value, color: colors[index]! })),
    otherColor: OTHER_COLOR,
  };
}

/** Rounds a bound to 4 significant digits beyond its integer part, so legends read "12,35" not "12,3456789". */
const tidy = (value: number) => Number(value.toPrecision(Math.max(4, Math.ceil(Math.log10(Math.abs(value) + 1)))));

/** Class bounds (n + 1 values, rising, no repeats) of numbers by one of QGIS's methods. */
export function classBreaks(numbers: readonly number[], method: ClassMethod, classes: number): number[] {
  const sorted = [...numbers].sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const min = sorted[0]!;
  const max = sorted[sorted.length - 1]!;
  if (min === max) return [min, max];
  let inner: number[];
  if (method === 'equal')
    inner = Array.from({ length: classes - 1 }, (_, index) => min + ((max - min) * (index + 1)) / classes);
  else if (method === 'quantile')
    inner = Array.from({ length: classes - 1 }, (_, index) => quantileSorted(sorted, (index + 1) / classes));
  else {
    const step = Math.max(1, Math.floor(sorted.length / JENKS_SAMPLE));
    const sample = step === 1 ? sorted : sorted.filter((_, index) => index % step === 0);
    const distinct = new Set(sample).size;
    inner = ckmeans(sample, Math.min(classes, distinct))
      .slice(1)
      .map((cluster) => cluster[0]!);
  }
  const bounds = [min];
  for (const bound of inner.map(tidy)) if (bound > bounds[bounds.length - 1]! && bound < max) bounds.push(bound);
  bounds.push(max);
  return bounds;
}

/** Classes of a numeric field; null when no value is a number. */
export function classRule(
  field: string,
  values: Iterable<unknown>,
  method: ClassMethod,
  classes: number,
  palette: PaletteName,
): ClassRule | null {
  const numbers: number[] = [];
  for (const value of values) {
    const number = numericValue(value);
    if (number !== null) numbers.push(number);
  }
  const breaks = classBreaks(numbers, method, Math.min(12, Math.max(2, Math.round(classes))));
  if (breaks.length < 2) return null;
  return {
    type: 'classes',
    field,
    method,
    palette,
    breaks,
    colors: paletteColors(palette, breaks.length - 1),
    otherColor: OTHER_COLOR,
  };
}

/** The index of the class a number falls in (values past the ends go to the first or last class). */
export function classIndex(breaks: readonly number[], value: number): number {
  let index = 0;
  while (index < breaks.length - 2 && value >= breaks[index + 1]!) index++;
  return index;
}

/** Whether most of a field's values are numbers: then classes are offered before categories. */
export function isMostlyNumeric(values: Iterable<unknown>): boolean {
  let numbers = 0;
  let others = 0;
  for (const value of values) {
    if (numericValue(value) !== null) numbers++;
    else if (categoryValue(value) !== null) others++;
  }
  return numbers > 0 && numbers >= others;
}
