import type { SpreadsheetCell } from '../format/spreadsheet-text';
import { barValue, type ChartData, type ChartRow, type ChartSeries } from './chart-data';

export interface ChartWords {
  title: string;
  /** The header of the rows' column (regency, condition, owner…). */
  rowHeader: string;
  rowName: (row: ChartRow) => string;
  seriesName: (series: ChartSeries) => string;
  /** "km", "%", "Rp": appended to each value column's header. */
  unit: string;
}

/**
 * A chart's figures as spreadsheet rows (title, header, one row per bar or stack): the numbers the bars are drawn
 * from, unrounded, so a spreadsheet sums them as the chart does. A stacked chart gets a total column (nested bars do not add up).
 */
export function chartSpreadsheetRows(chart: ChartData, words: ChartWords): SpreadsheetCell[][] {
  const stacked = chart.series.length > 1 && chart.layout !== 'nested';
  const header = [
    words.rowHeader,
    ...chart.series.map((series) => `${words.seriesName(series)} (${words.unit})`),
    ...(stacked ? [`Σ (${words.unit})`] : []),
  ];
  const rows = chart.rows.map((row) => {
    const values = chart.series.map((series) => barValue(chart, row.key, series.key));
    // A stack's missing part is 0 (no km in that condition); a nested chart's missing bar is a figure nobody computed
    // (no potential for that year): an empty cell, not a 0.
    const cells = chart.series.map((series, index) =>
      chart.layout !== 'nested' || chart.bars.some((bar) => bar.rowKey === row.key && bar.seriesKey === series.key)
        ? values[index]
        : null,
    );
    return [words.rowName(row), ...cells, ...(stacked ? [values.reduce((sum, value) => sum + value, 0)] : [])];
  });
  return [[words.title], header, ...rows];
}
