import type { PeriodTotal } from '../retribution/sum-period-totals';
import { STATUS_COLORS } from '../style/map-colours';
import type { ChartData } from './chart-data';

/** A corridor's year: what the analysis says it could yield, what was assessed, what was paid. */
export interface CollectionRow {
  corridorId: string;
  year: number;
  /**
   * The encroachment estimate for the corridor, per year: null when no yearly analysis has been run, or when the
   * analysis does not stand for this year (another year's register, another tariff).
   */
  potentialIdr: number | null;
  /** Issued assessments in force for the periods of the year. */
  assessedIdr: number;
  /** Paid against them. */
  collectedIdr: number;
  /** Periods of the year that have assessments. */
  periods: string[];
}

/** Light to dark, as the bars nest: the map's status blues, told apart by lightness in every colour vision. */
export const COLLECTION_COLOURS = {
  potential: STATUS_COLORS.desa!,
  assessed: STATUS_COLORS.provinsi!,
  collected: STATUS_COLORS.nasional!,
} as const;

/**
 * The period totals (the recap's) added up per corridor and year, beside the analysis's yearly potential of the
 * corridor (the encroachment estimate's per-corridor total). Ordered by corridor, then year.
 */
export function summarizeCollection(
  periodTotals: readonly PeriodTotal[],
  /** A corridor's yearly potential for a year, null when unknown or not standing for that year. */
  potentialPerYear: ((corridorId: string, year: number) => number | null) | null,
): CollectionRow[] {
  const rows = new Map<string, CollectionRow>();
  for (const total of periodTotals) {
    const key = `${total.corridorId}\u0000${total.year}`;
    const row = rows.get(key) ?? {
      corridorId: total.corridorId,
      year: total.year,
      potentialIdr: potentialPerYear ? potentialPerYear(total.corridorId, total.year) : null,
      assessedIdr: 0,
      collectedIdr: 0,
      periods: [],
    };
    row.assessedIdr += total.issuedIdr;
    row.collectedIdr += total.paidIdr;
    row.periods.push(total.period);
    rows.set(key, row);
  }
  return [...rows.values()].sort((a, b) => a.corridorId.localeCompare(b.corridorId) || a.year - b.year);
}

/**
 * Potential, assessed and collected per corridor and year as nested bars (the potential widest, the money received
 * narrowest), the row's largest figure printed at its end. Without a potential the chart has two series.
 */
export function chartCollection(
  rows: readonly CollectionRow[],
  corridorName: (corridorId: string) => string,
): ChartData {
  const withPotential = rows.some((row) => row.potentialIdr !== null);
  const series = [
    ...(withPotential ? [{ key: 'potential', nameKey: 'charts.collection.potential' }] : []),
    { key: 'assessed', nameKey: 'charts.collection.assessed' },
    { key: 'collected', nameKey: 'charts.collection.collected' },
  ].map((entry) => ({ ...entry, colour: COLLECTION_COLOURS[entry.key as keyof typeof COLLECTION_COLOURS] }));
  const years = new Set(rows.map((row) => row.year));
  const rowKey = (row: CollectionRow) => `${row.corridorId}:${row.year}`;
  return {
    id: 'retribution-collection',
    titleKey: 'charts.collection.title',
    unit: 'rupiah',
    layout: 'nested',
    // One year: the corridor names the row; several: each row says its year too.
    rows: rows.map((row) => ({
      key: rowKey(row),
      name: years.size > 1 ? `${corridorName(row.corridorId)} ${row.year}` : corridorName(row.corridorId),
    })),
    series,
    // A year the potential does not stand for has no potential bar (not one of length 0): nothing is made up.
    bars: rows.flatMap((row) =>
      series
        .filter((entry) => entry.key !== 'potential' || row.potentialIdr !== null)
        .map((entry) => ({
          rowKey: rowKey(row),
          seriesKey: entry.key,
          value:
            entry.key === 'potential'
              ? (row.potentialIdr ?? 0)
              : entry.key === 'assessed'
                ? row.assessedIdr
                : row.collectedIdr,
          colour: entry.colour,
        })),
    ),
  };
}
