import type { RetributionEstimate } from '../tariff/estimate-retribution';
import { STATUS_COLORS } from '../style/map-colours';
import type { ChartData, ChartRow } from './chart-data';

/** Owners beyond this many are one bar, "others": a chart of forty owners is a table again. */
export const MAX_OWNER_BARS = 8;
const BAR_COLOUR = STATUS_COLORS.provinsi!;

function sortedTotals(totals: Record<string, number>): [string, number][] {
  return Object.entries(totals).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** Retribution potential by owner, largest first, from the estimate's own totals (the table's figures). */
export function chartRetributionByOwner(estimate: RetributionEstimate): ChartData {
  const sorted = sortedTotals(estimate.byOwner);
  const shown = sorted.length > MAX_OWNER_BARS ? sorted.slice(0, MAX_OWNER_BARS - 1) : sorted;
  const rest = sorted.slice(shown.length);
  const rows: ChartRow[] = shown.map(([owner]) => ({ key: `owner:${owner}`, name: owner }));
  const bars = shown.map(([owner, amount]) => ({
    rowKey: `owner:${owner}`,
    seriesKey: 'amount',
    value: amount,
    colour: BAR_COLOUR,
  }));
  if (rest.length) {
    rows.push({ key: 'others', nameKey: 'charts.others', count: rest.length });
    bars.push({
      rowKey: 'others',
      seriesKey: 'amount',
      value: rest.reduce((sum, [, amount]) => sum + amount, 0),
      colour: BAR_COLOUR,
    });
  }
  return {
    id: 'retribution-owner',
    titleKey: 'charts.retributionOwner.title',
    unit: 'rupiah',
    rows,
    series: [{ key: 'amount', nameKey: 'charts.retribution.series', colour: BAR_COLOUR }],
    bars,
  };
}

/** Retribution potential by asset category, largest first. */
export function chartRetributionByCategory(estimate: RetributionEstimate): ChartData {
  const sorted = sortedTotals(estimate.byCategory);
  return {
    id: 'retribution-category',
    titleKey: 'charts.retributionCategory.title',
    unit: 'rupiah',
    rows: sorted.map(([category]) => ({ key: category, nameKey: `model.category.${category}` })),
    series: [{ key: 'amount', nameKey: 'charts.retribution.series', colour: BAR_COLOUR }],
    bars: sorted.map(([category, amount]) => ({
      rowKey: category,
      seriesKey: 'amount',
      value: amount,
      colour: BAR_COLOUR,
    })),
  };
}
