import * as Plot from '@observablehq/plot';
import type { TFunction } from 'i18next';
import { rowFigure, type ChartData, type ChartRow, type ChartUnit } from '#shared/charts/chart-data';
import { formatNumber, formatPercent, type Locale } from '#shared/format/format-number';
import { formatRupiahShort } from '#shared/format/format-rupiah';
import { CASING_COLOR, LABEL_COLORS } from '#shared/style/map-colours';

export interface ChartRenderOptions {
  t: TFunction;
  locale: Locale;
  /** Width of the drawing in CSS pixels. */
  width: number;
  /** Size of every figure and label, in CSS pixels (12 in the sidebar, 24 on a slide). */
  fontSize: number;
  /** The PDF's embedded font name when drawn for svg2pdf; the UI font otherwise. */
  fontFamily?: string;
  /** Height of a row over the font size (2 in the sidebar; tighter on a slide, where 19 regencies must fit). */
  rowSpacing?: number;
}

const TEXT_COLOUR = LABEL_COLORS.place.text;

/** A figure as it is printed on a bar: "1.234,5 km", "75,0%", "12", "Rp3,2 miliar" (English: "1,234.5 km"…). */
function formatChartValue(value: number, unit: ChartUnit, locale: Locale): string {
  switch (unit) {
    case 'percent':
      return formatPercent(value, locale);
    case 'km':
      return `${formatNumber(value, locale, 1)} km`;
    case 'count':
      return formatNumber(value, locale);
    default:
      return formatRupiahShort(value, locale);
  }
}

/** An axis tick: whole numbers in the UI language's style; rupiah the way officials say them. */
function formatTick(value: number, unit: ChartUnit, locale: Locale): string {
  if (unit === 'rupiah') return value === 0 ? '0' : formatRupiahShort(value, locale);
  const digits = Number.isInteger(value) ? 0 : 1;
  return unit === 'percent' ? `${formatNumber(value, locale, digits)}%` : formatNumber(value, locale, digits);
}

export function chartRowName(row: ChartRow, t: TFunction): string {
  return row.nameKey ? t(row.nameKey, { count: row.count ?? 0 }) : (row.name ?? row.key);
}

let measureContext: CanvasRenderingContext2D | null | undefined;
/** Width of a text as drawn, from a canvas when there is one, else a generous estimate. */
function textWidth(text: string, fontSize: number, fontFamily: string): number {
  if (measureContext === undefined)
    measureContext = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  if (!measureContext) return text.length * fontSize * 0.62;
  measureContext.font = `${fontSize}px ${fontFamily}`;
  return measureContext.measureText(text).width;
}

/**
 * The value axis's ticks: 0 and multiples of the smallest round step (1, 2, 2,5 or 5 × a power of ten) whose labels,
 * centred on their ticks, stand at least `gap` apart, measured in the font they are drawn in. Plot's own `ticks: n` is
 * a hint d3 may exceed ("Rp50 million" and "Rp100 million" touched at 1366 px): the values are chosen here instead.
 */
function axisTicks(
  maxValue: number,
  plotWidth: number,
  unit: ChartUnit,
  label: (value: number) => string,
  measure: (text: string) => number,
  gap: number,
): number[] {
  const perUnit = plotWidth / maxValue;
  const smallest = unit === 'count' || unit === 'rupiah' ? 1 : 0.1;
  for (let power = Math.floor(Math.log10(smallest)); power <= Math.ceil(Math.log10(maxValue)); power++)
    for (const factor of [1, 2, 2.5, 5]) {
      const step = factor * 10 ** power;
      // 2,5 only where it stays a whole number: "0,25" would be printed "0,3".
      // More than 20 ticks never fit a chart's width: not even tried (a rupiah step of 1 would make millions).
      if (step < smallest || (factor === 2.5 && power < 1) || maxValue / step > 20) continue;
      const values: number[] = [];
      for (let index = 0; index * step <= maxValue * (1 + 1e-9); index++)
        values.push(Number((index * step).toPrecision(12)));
      if (values.length < 2) break;
      const widths = values.map((value) => measure(label(value)));
      const apart = values.every(
        (value, index) =>
          index === 0 || (value - values[index - 1]!) * perUnit >= (widths[index - 1]! + widths[index]!) / 2 + gap,
      );
      if (apart) return values;
    }
  return [0];
}

/**
 * Draws a chart as an SVG element with Observable Plot: horizontal bars (names read along the left), each row's
 * figure at its end, the target as a dashed line, a title and (for stacks) a legend inside the drawing, so a PNG, a
 * slide or a PDF page carries all of it.
 */
export function renderChart(chart: ChartData, options: ChartRenderOptions): SVGSVGElement {
  const { t, locale, width, fontSize } = options;
  const fontFamily = options.fontFamily ?? "'Noto Sans', system-ui, sans-serif";
  const names = new Map(chart.rows.map((row) => [row.key, chartRowName(row, t)]));
  const stacked = chart.series.length > 1;
  const seriesName = new Map(chart.series.map((series) => [series.key, t(series.nameKey)]));
  const data = chart.bars.map((bar) => ({ ...bar, row: names.get(bar.rowKey)! }));
  const totals = chart.rows.map((row) => ({ row: names.get(row.key)!, total: rowFigure(chart, row.key) }));
  const valueLabels = totals.map((entry) => formatChartValue(entry.total, chart.unit, locale));
  const widest = (texts: string[]) => Math.max(0, ...texts.map((text) => textWidth(text, fontSize, fontFamily)));

  const marginLeft = Math.ceil(widest([...names.values()]) + fontSize);
  const marginRight = Math.ceil(widest(valueLabels) + fontSize);
  const lineHeight = fontSize * 1.4;
  const legendLines = stacked ? 1 : 0;
  const marginTop = Math.ceil(lineHeight * (1.6 + legendLines) + fontSize * 0.6);
  const marginBottom = Math.ceil(fontSize * 3.4);
  const rowHeight = Math.ceil(fontSize * (options.rowSpacing ?? 2));
  const height = marginTop + marginBottom + Math.max(1, chart.rows.length) * rowHeight;
  const maxValue = Math.max(chart.domainMax ?? 0, chart.target ?? 0, ...totals.map((entry) => entry.total), 1);
  const title = t(chart.titleKey);
  // Ticks far enough apart for every label ("Rp100 million") to stand clear of the next by most of a letter.
  const ticks = axisTicks(
    maxValue,
    width - marginLeft - marginRight,
    chart.unit,
    (value) => formatTick(value, chart.unit, locale),
    (text) => textWidth(text, fontSize, fontFamily),
    fontSize * 0.8,
  );
  // Percentages and rupiah say their unit on every tick; lengths and counts once, at the axis's end.
  const unitLabel = chart.unit === 'km' || chart.unit === 'count' ? t(`charts.unit.${chart.unit}`) : null;

  const barLabel = (bar: (typeof data)[number]) =>
    stacked ? `${bar.row} · ${seriesName.get(bar.seriesKey)}` : bar.row;
  const barStyle = { fill: 'colour', stroke: CASING_COLOR, strokeWidth: 0.75, insetLeft: 0, insetRight: 0 };
  const band = rowHeight * 0.75;
  const bars: Plot.Markish[] =
    chart.layout === 'nested'
      ? // Each series from zero, the later ones thinner and on top, so the one inside the other stays visible.
        chart.series.map((series, index) =>
          Plot.barX(
            data.filter((bar) => bar.seriesKey === series.key),
            {
              ...barStyle,
              x1: 0,
              x2: 'value',
              y: 'row',
              insetTop: (band * index) / (2 * chart.series.length + 1),
              insetBottom: (band * index) / (2 * chart.series.length + 1),
              ariaLabel: barLabel,
            },
          ),
        )
      : [Plot.barX(data, { ...barStyle, x: 'value', y: 'row', ariaLabel: barLabel })];
  const marks: Plot.Markish[] = [
    ...bars,
    Plot.ruleX([0], { stroke: CASING_COLOR }),
    Plot.text(totals, {
      x: 'total',
      y: 'row',
      text: (_: unknown, index: number) => valueLabels[index],
      textAnchor: 'start',
      dx: fontSize * 0.35,
      fill: TEXT_COLOUR,
      ariaLabel: () => 'value',
    }),
    // The title and the legend, above the frame, from its top-left corner.
    Plot.text([title], {
      text: (value: string) => value,
      frameAnchor: 'top-left',
      dx: -marginLeft + 2,
      dy: -marginTop + lineHeight * 0.8,
      textAnchor: 'start',
      fontWeight: 'bold',
      fontSize: fontSize * 1.15,
      fill: TEXT_COLOUR,
    }),
  ];
  if (stacked) {
    let x = -marginLeft + 2;
    for (const series of chart.series) {
      const name = seriesName.get(series.key)!;
      const dy = -marginTop + lineHeight * 1.95;
      marks.push(
        Plot.dot([series.key], {
          frameAnchor: 'top-left',
          dx: x + fontSize * 0.45,
          dy,
          symbol: 'square',
          r: fontSize * 0.4,
          fill: series.colour,
          stroke: CASING_COLOR,
          strokeWidth: 0.75,
        }),
        Plot.text([name], {
          text: (value: string) => value,
          frameAnchor: 'top-left',
          dx: x + fontSize * 1.1,
          dy,
          textAnchor: 'start',
          fill: TEXT_COLOUR,
        }),
      );
      x += fontSize * 1.1 + textWidth(name, fontSize, fontFamily) + fontSize * 0.9;
    }
  }
  if (chart.target !== undefined) {
    const targetText = t('charts.target', { value: formatChartValue(chart.target, chart.unit, locale) });
    marks.push(
      Plot.ruleX([chart.target], { stroke: CASING_COLOR, strokeWidth: 1.5, strokeDasharray: '6,3' }),
      Plot.text([chart.target], {
        x: (value: number) => value,
        text: () => targetText,
        frameAnchor: 'top',
        dy: -fontSize * 0.5,
        textAnchor: 'middle',
        fill: TEXT_COLOUR,
        ariaLabel: () => 'target',
      }),
    );
  }

  return Plot.plot({
    width,
    height,
    marginLeft,
    marginRight,
    marginTop,
    marginBottom,
    style: { fontSize: `${fontSize}px`, fontFamily, color: TEXT_COLOUR, background: '#ffffff', overflow: 'visible' },
    x: {
      domain: [0, maxValue],
      grid: true,
      label: unitLabel,
      labelAnchor: 'right',
      labelArrow: 'none',
      ticks,
      tickFormat: (value: number) => formatTick(value, chart.unit, locale),
    },
    y: { domain: chart.rows.map((row) => names.get(row.key)!), label: null, tickSize: 0, padding: 0.25 },
    color: { type: 'identity' },
    marks,
  }) as SVGSVGElement;
}
