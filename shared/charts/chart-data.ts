/**
 * A chart as data: the bars it draws, already in the order they are drawn, with their colours from the map's
 * palette. Names are data (a regency, an owner) or i18n keys the UI words; values are in the chart's unit.
 */
export type ChartUnit = 'percent' | 'km' | 'count' | 'rupiah';

export type ChartId =
  | 'kemantapan'
  | 'condition-km'
  | 'bridge-condition'
  | 'retribution-owner'
  | 'retribution-category'
  | 'retribution-collection'
  | 'programme-kemantapan';

/** A row of the chart (one bar, or one stack of bars): named by data or by an i18n key. */
export interface ChartRow {
  key: string;
  name?: string;
  nameKey?: string;
  /** The row stands for this many (owners grouped as "others"), for the key's {{count}}. */
  count?: number;
}

/** A series (a colour in a stack), named by an i18n key. */
export interface ChartSeries {
  key: string;
  nameKey: string;
  colour: string;
}

export interface ChartBar {
  rowKey: string;
  seriesKey: string;
  value: number;
  colour: string;
}

export interface ChartData {
  id: ChartId;
  /** i18n key of the chart's title. */
  titleKey: string;
  unit: ChartUnit;
  rows: ChartRow[];
  /** More than one series: the bars of a row stack, and a legend names them. */
  series: ChartSeries[];
  bars: ChartBar[];
  /** A reference line (the provincial kemantapan target), in the chart's unit. */
  target?: number;
  /** The value axis ends here at least (100 for percentages). */
  domainMax?: number;
  /**
   * How a row's series are drawn: end to end (a stack, the default), or each from zero, one inside the other, the
   * first widest (potential, assessed, collected: amounts that contain one another rather than add up).
   */
  layout?: 'stack' | 'nested';
}

/** A row's total: the sum of its bars. */
export function rowTotal(chart: ChartData, rowKey: string): number {
  return chart.bars.filter((bar) => bar.rowKey === rowKey).reduce((sum, bar) => sum + bar.value, 0);
}

/** The figure printed at a row's end: its stack's total, or its largest bar when the bars are nested. */
export function rowFigure(chart: ChartData, rowKey: string): number {
  if (chart.layout !== 'nested') return rowTotal(chart, rowKey);
  return Math.max(0, ...chart.bars.filter((bar) => bar.rowKey === rowKey).map((bar) => bar.value));
}

/** Bars of a series in a row (0 when the row has none). */
export function barValue(chart: ChartData, rowKey: string, seriesKey: string): number {
  return chart.bars.find((bar) => bar.rowKey === rowKey && bar.seriesKey === seriesKey)?.value ?? 0;
}
