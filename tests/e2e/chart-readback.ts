import { expect, type Locator, type Page } from '@playwright/test';

/** A chart as a reader sees it: bars, names, figures and axis ticks where they are drawn (CSS pixels). */
export interface DrawnChart {
  bars: { left: number; right: number; cy: number; fill: string }[];
  names: { text: string; cy: number; fontSize: number }[];
  figures: { text: string; cy: number; left: number; fontSize: number }[];
  /** Value-axis tick labels with their drawn boxes (left, right). */
  ticks: { text: string; cx: number; left: number; right: number; fontSize: number }[];
  target: { text: string; cx: number } | null;
  rules: { cx: number; dashed: boolean }[];
  /** Rendered width over drawn width: a font size times this is what the eye gets. */
  scale: number;
}

/** Reads a chart's rendered SVG back: positions from the layout, texts from the drawing (not the chart's data). */
export function readDrawnChart(drawing: Locator): Promise<DrawnChart> {
  return drawing.evaluate((root) => {
    const svg = root.querySelector('svg')!;
    const box = (element: Element) => element.getBoundingClientRect();
    const fontSize = (element: Element) => Number.parseFloat(getComputedStyle(element).fontSize);
    const texts = (label: string) => [...svg.querySelectorAll(`g[aria-label="${label}"] text`)];
    const bars = [...svg.querySelectorAll('g[aria-label="bar"] rect')].map((rect) => {
      const b = box(rect);
      return { left: b.left, right: b.right, cy: b.top + b.height / 2, fill: rect.getAttribute('fill') ?? '' };
    });
    const names = texts('y-axis tick label').map((text) => {
      const b = box(text);
      return { text: text.textContent ?? '', cy: b.top + b.height / 2, fontSize: fontSize(text) };
    });
    const figures = [...svg.querySelectorAll('g[aria-label="text"] text[aria-label="value"]')].map((text) => {
      const b = box(text);
      return { text: text.textContent ?? '', cy: b.top + b.height / 2, left: b.left, fontSize: fontSize(text) };
    });
    const ticks = texts('x-axis tick label').map((text) => {
      const b = box(text);
      return {
        text: text.textContent ?? '',
        cx: b.left + b.width / 2,
        left: b.left,
        right: b.right,
        fontSize: fontSize(text),
      };
    });
    const targetText = svg.querySelector('text[aria-label="target"]');
    const target = targetText
      ? { text: targetText.textContent ?? '', cx: box(targetText).left + box(targetText).width / 2 }
      : null;
    const rules = [...svg.querySelectorAll('g[aria-label="rule"] line')].map((line) => {
      const b = box(line);
      return {
        cx: b.left + b.width / 2,
        dashed: Boolean(line.closest('[stroke-dasharray]') ?? line.getAttribute('stroke-dasharray')),
      };
    });
    const scale = svg.getBoundingClientRect().width / Number(svg.getAttribute('width'));
    return { bars, names, figures, ticks, target, rules, scale };
  });
}

/** "1.234,5 km", "72,3%", "Rp3,2 miliar" → a number, read the way the language writes it. */
export function readFigure(text: string, language: 'id' | 'en'): number {
  const scale = /miliar|billion/.test(text) ? 1e9 : /juta|million/.test(text) ? 1e6 : 1;
  const digits = text.replace(/[^\d.,-]/g, '');
  const plain = language === 'id' ? digits.replace(/\./g, '').replace(',', '.') : digits.replace(/,/g, '');
  return Number(plain) * scale;
}

/** Pixels per unit of the value axis, from the first and last tick as drawn and as labelled. */
export function valueAxis(chart: DrawnChart, language: 'id' | 'en') {
  const first = chart.ticks[0]!;
  const last = chart.ticks.at(-1)!;
  const perUnit = (last.cx - first.cx) / (readFigure(last.text, language) - readFigure(first.text, language));
  const zero = first.cx - readFigure(first.text, language) * perUnit;
  return { perUnit, zero };
}

/** The bar(s), name and figure drawn on one row (matched by their vertical middle). */
export function rowOf(chart: DrawnChart, name: string) {
  const label = chart.names.find((candidate) => candidate.text === name);
  if (!label) throw new Error(`no row named ${name}: ${chart.names.map((n) => n.text).join(', ')}`);
  const near = (cy: number) => Math.abs(cy - label.cy) < 3;
  const bars = chart.bars.filter((bar) => near(bar.cy));
  return {
    label,
    bars,
    left: Math.min(...bars.map((bar) => bar.left)),
    right: Math.max(...bars.map((bar) => bar.right)),
    figure: chart.figures.find((figure) => near(figure.cy)),
  };
}

/** The chart's box against every other thing the presenter draws: none may cover any of it. */
export async function expectNothingOverChart(page: Page) {
  const chart = (await page.getByTestId('presenter-chart').boundingBox())!;
  expect(chart.x).toBeGreaterThanOrEqual(0);
  expect(chart.y + chart.height).toBeLessThanOrEqual(1080);
  expect(chart.x + chart.width).toBeLessThanOrEqual(1920);
  for (const testId of [
    'presenter-exit',
    'presenter-north',
    'presenter-counter',
    'presenter-slide',
    'presenter-legend',
  ]) {
    const element = page.getByTestId(testId);
    if ((await element.count()) === 0 || !(await element.isVisible())) continue;
    const box = (await element.boundingBox())!;
    const apart =
      box.x >= chart.x + chart.width ||
      box.x + box.width <= chart.x ||
      box.y >= chart.y + chart.height ||
      box.y + box.height <= chart.y;
    expect(apart, `${testId} ${JSON.stringify(box)} over the chart ${JSON.stringify(chart)}`).toBe(true);
  }
  expect(
    await page.getByTestId('presenter-chart').evaluate((element) => element.scrollHeight <= element.clientHeight),
  ).toBe(true);
}

/**
 * The value axis's tick labels as drawn: at least two, in order, and none touching or overlapping the next (a clear
 * gap of at least a quarter of their font size, as the eye gets it).
 */
export function expectTicksApart(chart: DrawnChart, what: string) {
  const ticks = [...chart.ticks].sort((a, b) => a.cx - b.cx);
  expect(ticks.length, `${what}: ticks`).toBeGreaterThanOrEqual(2);
  for (let index = 1; index < ticks.length; index++) {
    const [before, after] = [ticks[index - 1]!, ticks[index]!];
    const gap = after.left - before.right;
    expect(gap, `${what}: "${before.text}" and "${after.text}" ${gap.toFixed(1)} px apart`).toBeGreaterThanOrEqual(
      (before.fontSize * chart.scale) / 4,
    );
  }
}
