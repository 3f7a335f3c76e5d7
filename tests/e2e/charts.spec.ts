import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openApp, savedFile, screenshot, SCREENSHOT_DIR } from './helpers';
import {
  expectNothingOverChart,
  expectTicksApart,
  readDrawnChart,
  readFigure,
  rowOf,
  valueAxis,
} from './chart-readback';

/**
 * Charts beside the summary tables (#40): each chart is read back from its SVG as drawn (bar ends against the axis
 * ticks, names and figures as texts) and compared with the table's own cells.
 */
async function summaryTable(page: Page) {
  return page.locator('[data-testid^="summary-row-"]').evaluateAll((rows) =>
    rows.map((row) => ({
      key: row.getAttribute('data-testid')!.replace('summary-row-', ''),
      name: row.querySelector('th')!.textContent!.trim(),
      total: row.querySelector('[data-testid^="summary-total-"]')!.textContent!.trim(),
      kemantapan: row.querySelector('[data-testid^="summary-kemantapan-"]')!.textContent!.trim(),
    })),
  );
}

for (const language of ['id', 'en'] as const)
  test(`summary charts match the tables in ${language} at 1366×768`, async ({ page }) => {
    test.setTimeout(180_000);
    await page.setViewportSize({ width: 1366, height: 768 });
    await openApp(page);
    if (language === 'en') await page.getByTestId('language-en').click();
    await page.getByTestId('tab-summary').click();
    await page.getByTestId('chart-target-on').check();
    await page.getByTestId('chart-target').fill(language === 'id' ? '62,5' : '62.5');

    const table = (await summaryTable(page)).filter((row) => row.key !== 'total');
    expect(table.length).toBeGreaterThan(2);
    const short = (name: string) => name.replace(/^Kabupaten /, '');

    // Kemantapan: one bar per regency with a known condition, highest first, its end at the table's percentage.
    const kemantapanDrawing = page.getByTestId('chart-drawing-kemantapan');
    await expect(kemantapanDrawing.locator('svg')).toBeVisible();
    const kemantapan = await readDrawnChart(kemantapanDrawing);
    expectTicksApart(kemantapan, `kemantapan ${language}`);
    const axis = valueAxis(kemantapan, language);
    const withKemantapan = table.filter((row) => row.kemantapan !== '—');
    expect(kemantapan.bars).toHaveLength(withKemantapan.length);
    const drawnOrder = [...kemantapan.names].sort((a, b) => a.cy - b.cy).map((name) => name.text);
    const expectedOrder = [...withKemantapan]
      .sort((a, b) => readFigure(b.kemantapan, language) - readFigure(a.kemantapan, language))
      .map((row) => short(row.name));
    expect(drawnOrder.map((name) => withKemantapan.find((row) => short(row.name) === name)!.kemantapan)).toEqual(
      expectedOrder.map((name) => withKemantapan.find((row) => short(row.name) === name)!.kemantapan),
    );
    for (const row of withKemantapan) {
      const drawn = rowOf(kemantapan, short(row.name));
      expect(drawn.figure?.text, row.name).toBe(row.kemantapan);
      expect(Math.abs(drawn.left - axis.zero)).toBeLessThan(1);
      // The table rounds to 0,1 %: the bar's end is within that of the printed figure (plus a pixel of reading).
      expect(Math.abs((drawn.right - axis.zero) / axis.perUnit - readFigure(row.kemantapan, language))).toBeLessThan(
        0.05 + 1 / axis.perUnit,
      );
    }
    // The target line stands at 62,5 % of the axis, labelled so.
    expect(kemantapan.target?.text).toBe(language === 'id' ? 'Target 62,5%' : 'Target 62.5%');
    const targetRule = kemantapan.rules.find((rule) => rule.dashed)!;
    expect(Math.abs(targetRule.cx - (axis.zero + 62.5 * axis.perUnit))).toBeLessThan(1);

    // Kilometres by condition: each regency's stack ends at the table's total length, and says it in km.
    const conditionKm = await readDrawnChart(page.getByTestId('chart-drawing-condition-km'));
    expectTicksApart(conditionKm, `condition km ${language}`);
    const kmAxis = valueAxis(conditionKm, language);
    for (const row of table) {
      const drawn = rowOf(conditionKm, short(row.name));
      expect(drawn.figure?.text, row.name).toBe(`${row.total} km`);
      expect(Math.abs((drawn.right - kmAxis.zero) / kmAxis.perUnit - readFigure(row.total, language))).toBeLessThan(
        0.05 + 1 / kmAxis.perUnit,
      );
      // Stacked: the bars of a row touch end to end.
      const sorted = [...drawn.bars].sort((a, b) => a.left - b.left);
      for (let i = 1; i < sorted.length; i++) expect(Math.abs(sorted[i]!.left - sorted[i - 1]!.right)).toBeLessThan(1);
    }

    // Bridges by condition: bar lengths and figures are the table's counts.
    const bridgeTable = await page.locator('[data-testid^="summary-bridges-"]').evaluateAll((rows) =>
      rows.map((row) => ({
        name: row.querySelector('th')!.textContent!.trim(),
        count: row.querySelector('td')!.textContent!.trim(),
      })),
    );
    const bridges = await readDrawnChart(page.getByTestId('chart-drawing-bridge-condition'));
    expectTicksApart(bridges, `bridges ${language}`);
    const bridgeAxis = valueAxis(bridges, language);
    expect(bridges.names.map((name) => name.text)).toEqual(bridgeTable.map((row) => row.name));
    for (const row of bridgeTable) {
      const drawn = rowOf(bridges, row.name);
      expect(drawn.figure?.text).toBe(row.count);
      expect(Math.abs(drawn.right - drawn.left - readFigure(row.count, language) * bridgeAxis.perUnit)).toBeLessThan(1);
    }

    // The figures behind a chart leave as CSV (for Excel: ";" and decimal comma in Indonesian).
    const csv = readFileSync(await savedFile(page, 'chart-save-csv-kemantapan'), 'utf8');
    const first = withKemantapan.find((row) => short(row.name) === drawnOrder[0])!;
    const csvLine = csv
      .split('\r\n')
      .find((line) => line.startsWith(`${drawnOrder[0]}${language === 'id' ? ';' : ','}`))!;
    expect(Number(csvLine.split(language === 'id' ? ';' : ',')[1]!.replace(',', '.'))).toBeCloseTo(
      readFigure(first.kemantapan, language),
      1,
    );
    // … and the chart itself as SVG with its labels as text.
    const svgText = readFileSync(await savedFile(page, 'chart-save-svg-kemantapan'), 'utf8');
    expect(svgText).toContain('<svg');
    expect(svgText).toContain(first.kemantapan);

    await page.getByTestId('summary-charts').scrollIntoViewIfNeeded();
    await page.getByTestId('chart-kemantapan').evaluate((element) => element.scrollIntoView({ block: 'start' }));
    await screenshot(page, `charts-summary-${language}-1366`);
  });

test('retribution charts match their tables and print as vectors in the report', async ({ page }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await openApp(page);
  await page.getByTestId('tab-analysis').click();
  await page.getByTestId('analysis-corridor').selectOption('demo-corridor-kupang');
  await page.getByTestId('analysis-run').click();
  await expect(page.getByTestId('analysis-results')).toBeVisible();

  const tableOf = (testId: string) =>
    page
      .getByTestId(testId)
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows.map((row) => ({
          name: row.querySelector('th')!.textContent!.trim(),
          amount: row.querySelector('td')!.textContent!.trim(),
        })),
      );
  const figures: string[] = [];
  for (const [tableId, chartId] of [
    ['analysis-byOwner', 'retribution-owner'],
    ['analysis-byCategory', 'retribution-category'],
  ] as const) {
    const table = await tableOf(tableId);
    expect(table.length).toBeGreaterThan(1);
    const chart = await readDrawnChart(page.getByTestId(`chart-drawing-${chartId}`));
    expectTicksApart(chart, chartId);
    const axis = valueAxis(chart, 'id');
    // Beyond eight owners the smallest are one bar, "Lainnya", worth their sum.
    const grouped = table.length > 8;
    const shown = grouped ? table.slice(0, 7) : table;
    expect(chart.names.map((name) => name.text).slice(0, shown.length)).toEqual(shown.map((row) => row.name));
    const expected = shown.map((row) => ({ name: row.name, amount: readFigure(row.amount, 'id') }));
    if (grouped) {
      const rest = table.slice(7);
      expected.push({
        name: `Lainnya (${rest.length} pemilik)`,
        amount: rest.reduce((sum, row) => sum + readFigure(row.amount, 'id'), 0),
      });
    }
    expect(chart.names).toHaveLength(expected.length);
    for (const { name, amount } of expected) {
      const drawn = rowOf(chart, name);
      expect(Math.abs(drawn.right - drawn.left - amount * axis.perUnit), name).toBeLessThan(1);
      // The figure is the amount said the short way ("Rp1,2 juta"): within the half-step of its last digit.
      const figure = drawn.figure!.text;
      expect(figure).toMatch(/^Rp[\d.]+(,\d)? (juta|miliar)$|^Rp [\d.]+$/);
      const step = /miliar/.test(figure) ? 1e8 : /juta/.test(figure) ? 1e5 : 1;
      expect(Math.abs(readFigure(figure, 'id') - amount), name).toBeLessThanOrEqual(step / 2);
      figures.push(figure);
    }
  }
  await page.getByTestId('analysis-charts').evaluate((element) => element.scrollIntoView({ block: 'start' }));
  await screenshot(page, 'charts-retribution-id-1366');

  // The report carries both charts as vectors: their titles, names and figures are text in the embedded font.
  const pdf = await savedFile(page, 'export-pdf');
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  expect(text).toContain('Potensi retribusi menurut pemilik');
  expect(text).toContain('Potensi retribusi menurut kategori aset');
  for (const figure of figures) expect(text).toContain(figure);
  const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' });
  expect(fonts).toContain('NotoSans');
  expect(fonts).not.toMatch(/Helvetica|Times/);
  // The page of the owner chart holds no image: the maps are the report's only pictures.
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
  const chartPage = Array.from({ length: pages }, (_, i) => i + 1).find((number) =>
    execFileSync('pdftotext', ['-f', String(number), '-l', String(number), pdf, '-'], { encoding: 'utf8' }).includes(
      'Potensi retribusi menurut pemilik',
    ),
  )!;
  const imagesOnChartPage = execFileSync(
    'pdfimages',
    ['-f', String(chartPage), '-l', String(chartPage), '-list', pdf],
    {
      encoding: 'utf8',
    },
  )
    .trim()
    .split('\n')
    .slice(2);
  expect(imagesOnChartPage).toEqual([]);
  const prefix = join(SCREENSHOT_DIR, 'charts-report-page');
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '80',
    '-singlefile',
    '-f',
    String(chartPage),
    '-l',
    String(chartPage),
    pdf,
    prefix,
  ]);
  copyFileSync(pdf, join(SCREENSHOT_DIR, 'charts-report.pdf'));
});

test('a slide shows a chart beside the map, its figures at least 20 px at 1920×1080', async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openApp(page);
  await page.getByTestId('tab-story').click();
  await page.getByTestId('slide-chart-0').selectOption('kemantapan:beside');
  await expect
    .poll(() => page.evaluate(() => window.rumijaStore!.getSnapshot().stories[0]?.slides[0]?.chart))
    .toEqual({ id: 'kemantapan', layout: 'beside' });
  await page.getByTestId('slide-present-0').click();
  const drawing = page.getByTestId('presenter-chart');
  await expect(drawing.locator('svg')).toBeVisible();
  const chart = await readDrawnChart(drawing);
  expect(chart.bars.length).toBeGreaterThan(2);
  expectTicksApart(chart, 'slide kemantapan');
  // Every name, figure and tick as the eye gets it (font size × the drawing's scale on screen).
  const sizes = [...chart.names, ...chart.figures, ...chart.ticks].map((text) => text.fontSize * chart.scale);
  expect(Math.min(...sizes)).toBeGreaterThanOrEqual(20);
  // Nothing of the chart leaves the screen or hides under a scroll bar.
  // … and nothing of the presenter (exit ×, north arrow, counter, title card, legend, demo badge) lies over it.
  await expectNothingOverChart(page);
  // The bars are the table's: the first (highest) figure is the summary's best kemantapan.
  const axis = valueAxis(chart, 'id');
  const top = [...chart.figures].sort((a, b) => a.cy - b.cy)[0]!;
  const topRow = rowOf(chart, [...chart.names].sort((a, b) => a.cy - b.cy)[0]!.text);
  expect(Math.abs((topRow.right - axis.zero) / axis.perUnit - readFigure(top.text, 'id'))).toBeLessThan(
    0.1 + 1 / axis.perUnit,
  );
  await screenshot(page, 'charts-slide-id-1920');
});
