import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { openApp, pngPixels, savedFile, screenshot } from './helpers';
import { expectTicksApart, readDrawnChart, readFigure, rowOf, valueAxis } from './chart-readback';

/**
 * The collection chart (#40) beside the table it summarises, in the retribution panel: potential (the analysis's
 * per-corridor estimate), assessed and collected (the recap's period totals of the year). Bars are read back from
 * the SVG as drawn and measured against the axis; amounts are compared with the table's cells and with the demo
 * cycle's figures worked by hand.
 */
const WORDS = {
  id: {
    potential: 'Potensi (analisis, per tahun) (Rp)',
    assessed: 'Ketetapan (SKRD terbit) (Rp)',
    corridor: 'Koridor',
  },
  en: {
    potential: 'Potential (analysis, per year) (Rp)',
    assessed: 'Assessed (issued SKRD) (Rp)',
    corridor: 'Corridor',
  },
};
/** The map's status blues, light to dark, written here by hand: potential, assessed, collected. */
const FILL = { potential: '#b8c0e0', assessed: '#608dbe', collected: '#002f55' } as const;
/** By hand (see create-assessment-recap.test.ts): two semesters of 49.429.526; paid 28.520.961 + 10.125.000. */
const ASSESSED_2026 = 98_859_052;
const COLLECTED_2026 = 38_645_961;

const rupiahOf = (text: string) => Number(text.replace(/[^0-9]/g, ''));

for (const language of ['id', 'en'] as const)
  test(`collection chart matches its table, saves as Excel (${language}, 1366×768)`, async ({ page }) => {
    test.setTimeout(240_000);
    await page.setViewportSize({ width: 1366, height: 768 });
    // The demo periods are of 2026 and potential stands for the year the analysis runs: that year, whenever this runs.
    await page.clock.setFixedTime(new Date('2026-12-07T02:00:00Z'));
    await openApp(page);
    if (language === 'en') await page.getByTestId('language-en').click();
    await page.getByTestId('tab-retribution').click();
    await page.getByTestId('retribution-tab-collection').click();
    const table = page.getByTestId('collection-table');
    await expect(table.getByTestId('collection-row')).toHaveCount(1);
    // Before any analysis: no potential, so the chart draws assessed and collected only.
    await expect(page.getByTestId('collection-no-potential')).toBeVisible();
    await expect(table.getByTestId('collection-potential')).toHaveText('—');
    const cell = async (testId: string) => rupiahOf((await table.getByTestId(testId).textContent())!);
    expect(await cell('collection-assessed')).toBe(ASSESSED_2026);
    expect(await cell('collection-collected')).toBe(COLLECTED_2026);
    const drawing = page.getByTestId('chart-drawing-retribution-collection');
    await expect(drawing.locator('svg')).toBeVisible();
    expect(new Set((await readDrawnChart(drawing)).bars.map((bar) => bar.fill))).toEqual(
      new Set([FILL.assessed, FILL.collected]),
    );

    // A yearly analysis of every corridor gives the potential: the analysis panel's per-corridor figure.
    await page.getByTestId('collection-run-analysis').click();
    await expect(page.getByTestId('collection-potential-source')).toBeVisible({ timeout: 120_000 });
    const corridor = (await table.locator('tbody th').textContent())!.trim();
    const potential = await cell('collection-potential');
    expect(potential).toBeGreaterThan(ASSESSED_2026 / 2);

    const chart = await readDrawnChart(drawing);
    expectTicksApart(chart, `collection ${language} 1366`);
    const axis = valueAxis(chart, language);
    const row = rowOf(chart, corridor);
    // Three bars, nested from zero: each ends at its table cell.
    expect(row.bars).toHaveLength(3);
    for (const [series, amount] of [
      ['potential', potential],
      ['assessed', ASSESSED_2026],
      ['collected', COLLECTED_2026],
    ] as const) {
      const bar = row.bars.find((candidate) => candidate.fill === FILL[series])!;
      expect(bar, series).toBeDefined();
      expect(Math.abs(bar.left - axis.zero), series).toBeLessThan(1);
      expect(Math.abs(bar.right - bar.left - amount * axis.perUnit), series).toBeLessThan(1);
    }
    // The row's figure is its largest amount the short way ("Rp123,4 juta"), within half its last digit.
    const largest = Math.max(potential, ASSESSED_2026);
    const figure = row.figure!.text;
    expect(figure).toMatch(language === 'id' ? /^Rp\d+(,\d)? (juta|miliar)$/ : /^Rp\d+(\.\d)? (million|billion)$/);
    expect(Math.abs(readFigure(figure, language) - largest)).toBeLessThanOrEqual(
      /miliar|billion/.test(figure) ? 5e7 : 5e4,
    );

    await page.getByTestId('retribution-collection').evaluate((element) => element.scrollIntoView({ block: 'start' }));
    await screenshot(page, `charts-collection-${language}-1366`);
    await page.getByTestId('chart-retribution-collection').scrollIntoViewIfNeeded();
    await screenshot(page, `charts-collection-chart-${language}-1366`);
    // At 1920 the panel is as wide or wider: the ticks are chosen again for the width, still clear of each other.
    await page.setViewportSize({ width: 1920, height: 1080 });
    await expect
      .poll(() =>
        drawing.evaluate(
          (element) => Number(element.querySelector('svg')?.getAttribute('width')) === Math.floor(element.clientWidth),
        ),
      )
      .toBe(true);
    expectTicksApart(await readDrawnChart(drawing), `collection ${language} 1920`);
    await screenshot(page, `charts-collection-chart-${language}-1920`);
    await page.setViewportSize({ width: 1366, height: 768 });

    // The chart's figures as Excel, read back by GDAL: the table's cells, numbers as numbers.
    const xlsx = await savedFile(page, 'chart-save-xlsx-retribution-collection');
    const info = execFileSync('ogrinfo', ['-ro', '-al', xlsx], { encoding: 'utf8' });
    const field = (name: string) =>
      new RegExp(`^\\s+${name.replace(/[()]/g, '\\$&')} \\((\\w+)\\) = (.*)$`, 'm').exec(info);
    expect(field(WORDS[language].corridor)?.[2]).toBe(corridor);
    expect(field(WORDS[language].potential)?.slice(1)).toEqual([
      expect.stringMatching(/Integer|Real/),
      String(potential),
    ]);
    expect(field(WORDS[language].assessed)?.slice(1)).toEqual([
      expect.stringMatching(/Integer|Real/),
      String(ASSESSED_2026),
    ]);
    expect(info).toMatch(new RegExp(` = ${COLLECTED_2026}$`, 'm'));

    // The chart as PNG, decoded: twice the drawing's size, each bar in its colour where the drawing has it, the
    // background white, and the title as wide as on screen (the embedded Noto Sans; DejaVu, the system's, is wider).
    const png = readFileSync(await savedFile(page, 'chart-save-png-retribution-collection'));
    const svgBox = (await drawing.locator('svg').boundingBox())!;
    const size = await drawing
      .locator('svg')
      .evaluate((svg) => ({ width: Number(svg.getAttribute('width')), height: Number(svg.getAttribute('height')) }));
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size.width * 2, size.height * 2]);
    const inPng = (x: number, y: number) => ({
      x: ((x - svgBox.x) / chart.scale) * 2,
      y: ((y - svgBox.y) / chart.scale) * 2,
    });
    // Where the bars are now: saving may have scrolled the panel since they were read.
    const rowNow = rowOf(await readDrawnChart(drawing), corridor);
    const barOf = (series: keyof typeof FILL) => rowNow.bars.find((candidate) => candidate.fill === FILL[series])!;
    const [collectedPixel, assessedPixel, potentialPixel, corner] = await pngPixels(page, png, [
      inPng((barOf('collected').left + barOf('collected').right) / 2, rowNow.label.cy),
      inPng((barOf('collected').right + barOf('assessed').right) / 2, rowNow.label.cy),
      inPng((barOf('assessed').right + barOf('potential').right) / 2, rowNow.label.cy),
      { x: 3, y: 3 },
    ]);
    const near = (rgb: number[] | undefined, hex: string) =>
      rgb!.every((value, i) => Math.abs(value - Number.parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16)) <= 3);
    expect(near(collectedPixel, FILL.collected), `collected ${collectedPixel}`).toBe(true);
    expect(near(assessedPixel, FILL.assessed), `assessed ${assessedPixel}`).toBe(true);
    expect(near(potentialPixel, FILL.potential), `potential ${potentialPixel}`).toBe(true);
    expect(corner).toEqual([255, 255, 255]);
    const title = await drawing
      .locator('svg text', { hasText: /^(Potensi, ketetapan|Retribution potential)/ })
      .boundingBox();
    const titleInk = await page.evaluate(
      async ({ base64, top, bottom }) => {
        const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${base64}`)).blob());
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const context = canvas.getContext('2d')!;
        context.drawImage(bitmap, 0, 0);
        const { data, width } = context.getImageData(0, top, bitmap.width, bottom - top);
        let left = Infinity;
        let right = -Infinity;
        for (let i = 0; i < data.length; i += 4)
          if (data[i]! + data[i + 1]! + data[i + 2]! < 300) {
            const x = (i / 4) % width;
            left = Math.min(left, x);
            right = Math.max(right, x);
          }
        return { left, right };
      },
      {
        base64: png.toString('base64'),
        top: Math.round(inPng(0, title!.y).y),
        bottom: Math.round(inPng(0, title!.y + title!.height).y),
      },
    );
    const screenWidth = (title!.width / chart.scale) * 2;
    expect(Math.abs(titleInk.right - titleInk.left - screenWidth) / screenWidth).toBeLessThan(0.03);

    // The analysis panel's per-corridor table holds the same potential for the corridor.
    await page.getByTestId('tab-analysis').click();
    const byCorridor = await page
      .getByTestId('analysis-byCorridor')
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows.map((tr) => ({
          name: tr.querySelector('th')!.textContent!,
          amount: tr.querySelector('td')!.textContent!,
        })),
      );
    const match = byCorridor.find((entry) => entry.name.includes(corridor))!;
    expect(rupiahOf(match.amount)).toBe(potential);
  });

test('collection potential: only for the year and tariff it stands for; computing asks before replacing', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await openApp(page);
  const analysisOptions = () => page.evaluate(() => window.rumijaStore!.getSnapshot().analysis.options);

  // An analysis of all corridors over 5 years is loaded: not a yearly one, so no potential, and the panel says why.
  await page.getByTestId('tab-analysis').click();
  await page.getByTestId('analysis-period').fill('5');
  await page.getByTestId('analysis-period').press('Enter');
  await page.getByTestId('analysis-run').click();
  await expect(page.getByTestId('analysis-results')).toBeVisible({ timeout: 120_000 });
  expect((await analysisOptions())?.periodYears).toBe(5);
  const fiveYearTotal = await page.getByTestId('analysis-total-exact').textContent();
  await page.getByTestId('tab-retribution').click();
  await page.getByTestId('retribution-tab-collection').click();
  const table = page.getByTestId('collection-table');
  await expect(page.getByTestId('collection-no-potential')).toContainText(
    'Analisis yang dimuat (seluruh koridor, periode 5 tahun, tarif',
  );
  await expect(table.getByTestId('collection-potential')).toHaveText('—');

  // Computing would replace it: asked first; "Batal" keeps it as it was.
  await page.getByTestId('collection-run-analysis').click();
  await expect(page.getByTestId('confirm-dialog')).toContainText('Ganti analisis yang dimuat?');
  await expect(page.getByTestId('confirm-dialog')).toContainText('seluruh koridor, periode 5 tahun');
  await page.getByTestId('confirm-cancel').click();
  await expect(page.getByTestId('confirm-dialog')).toHaveCount(0);
  expect((await analysisOptions())?.periodYears).toBe(5);
  await page.getByTestId('tab-analysis').click();
  await expect(page.getByTestId('analysis-total-exact')).toHaveText(fiveYearTotal!);

  // Confirmed: the yearly analysis replaces it. Its potential stands beside the year it ran in (the demo's periods
  // are of 2026, priced with the example tariff v1, which the analysis used) and the note names that year.
  await page.getByTestId('tab-retribution').click();
  await page.getByTestId('retribution-tab-collection').click();
  await page.getByTestId('collection-run-analysis').click();
  await page.getByTestId('confirm-ok').click();
  await expect(page.getByTestId('collection-potential-source')).toBeVisible({ timeout: 120_000 });
  expect((await analysisOptions())?.periodYears).toBe(1);
  const thisYear = await page.evaluate(() => new Date().getFullYear());
  await expect(page.getByTestId('collection-potential-source')).toContainText(`hanya untuk tahun ${thisYear}`);
  await expect(table.locator('tbody td').first()).toHaveText('2026');
  if (thisYear === 2026) {
    await expect(table.getByTestId('collection-potential')).not.toHaveText('—');
    await expect(page.getByTestId('collection-potential-not-for')).toHaveCount(0);
  } else await expect(table.getByTestId('collection-potential')).toHaveText('—');

  // The tariff edited (version 2) and the potential computed again with it: the 2026 periods were priced with
  // version 1, so the analysis does not stand for them: no potential, no potential bar, and the panel says so.
  await page.getByTestId('tab-analysis').click();
  await page.locator('.tariff-details summary').click();
  await page.getByTestId('tariff-rate-tiang').fill('300000');
  await page.getByTestId('tariff-save').click();
  await expect(page.getByTestId('tariff-message')).toContainText('Versi 2 tersimpan');
  await page.getByTestId('tab-retribution').click();
  await page.getByTestId('retribution-tab-collection').click();
  await page.getByTestId('collection-run-analysis').click();
  await expect(page.getByTestId('confirm-dialog')).toContainText('v1');
  await page.getByTestId('confirm-ok').click();
  await expect(page.getByTestId('collection-potential-source')).toContainText(' v2', { timeout: 120_000 });
  await expect(table.getByTestId('collection-potential')).toHaveText('—');
  await expect(page.getByTestId('collection-potential-not-for')).toContainText('tahun lain atau tarif lain');
  const drawing = page.getByTestId('chart-drawing-retribution-collection');
  expect(new Set((await readDrawnChart(drawing)).bars.map((bar) => bar.fill))).toEqual(
    new Set([FILL.assessed, FILL.collected]),
  );
  await page.getByTestId('retribution-collection').evaluate((element) => element.scrollIntoView({ block: 'start' }));
  await screenshot(page, 'charts-collection-potential-not-for-id-1366');
});
