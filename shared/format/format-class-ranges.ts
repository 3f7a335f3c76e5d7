import { formatNumber, formatSta, type Locale } from './format-number';

/** What a number field measures, as the feature model says (null: a file's own column, unit unknown). */
export type RangeUnit = 'm' | 'length' | 'sta' | 'year' | null;

/** The fewest decimals (up to 4) at which no two neighbouring values read the same. */
function decimalsToTellApart(values: readonly number[], least: number): number {
  for (let digits = least; digits < 4; digits += 1) {
    const factor = 10 ** digits;
    const rounded = values.map((value) => Math.round(value * factor));
    if (rounded.every((value, index) => index === 0 || value !== rounded[index - 1])) return digits;
  }
  return 4;
}

/**
 * Labels of a legend's number classes: one unit and one number of decimals for the whole legend, so that
 * "2.723,1 – 18.985" (metres, no unit, mixed decimals) reads "2,72 – 18,99 km" beside a table's "66,07 km".
 * Lengths of a kilometre and more are in km with two decimals, as the table shows them.
 */
export function formatClassRanges(breaks: readonly number[], unit: RangeUnit, locale: Locale): string[] {
  const pairs = (label: (value: number) => string) =>
    breaks.slice(0, -1).map((lower, index) => `${label(lower)} – ${label(breaks[index + 1]!)}`);
  if (unit === 'year') return pairs((value) => String(Math.round(value)));
  if (unit === 'sta') return pairs(formatSta);
  if (unit === 'length' && breaks.some((value) => Math.abs(value) >= 1000)) {
    const kilometres = breaks.map((value) => value / 1000);
    const digits = decimalsToTellApart(kilometres, 2);
    return pairs((value) => `${formatNumber(value / 1000, locale, digits)} km`);
  }
  // A bound of 4,5 m is not shown as 5 m: one decimal when any bound has one, more only to tell bounds apart.
  const digits = decimalsToTellApart(breaks, breaks.some((value) => !Number.isInteger(value)) ? 1 : 0);
  const suffix = unit === 'm' || unit === 'length' ? ' m' : '';
  return pairs((value) => `${formatNumber(value, locale, digits)}${suffix}`);
}
