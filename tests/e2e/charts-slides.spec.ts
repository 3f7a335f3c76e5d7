import { expect, test, type Page } from '@playwright/test';
import { openApp, screenshot } from './helpers';
import {
  expectNothingOverChart,
  expectTicksApart,
  readDrawnChart,
  readFigure,
  rowOf,
  valueAxis,
} from './chart-readback';

/**
 * Retribution charts as slide blocks (#40) at 1920×1080: the collection chart beside the map and the owner chart
 * alone, their bars measured against their axes and compared with hand figures and the analysis table's cells, their
 * figures at least 20 px, and nothing of the presenter (exit ×, north arrow, counter, title card, legend, demo
 * badge) over them.
 */
/** By hand (create-assessment-recap.test.ts): two semesters of 49.429.526; paid 28.520.961 + 10.125.000. */
const ASSESSED_2026 = 98_859_052;
const COLLECTED_2026 = 38_645_961;
/** The map's status blues, written here by hand: assessed, collected. */
const FILL = { assessed: '#608dbe', collected: '#002f55' } as const;
/** The slide of the demo story that shows the Kupang corridor's estimate. */
const CORRIDOR_SLIDE = 4;

async function choose(page: Page, index: number, chart: string) {
  await page.getByTestId(`slide-chart-${index}`).selectOption(chart);
  await expect
    .poll(() => page.evaluate((i) => window.rumijaStore!.getSnapshot().stories[0]?.slides[i]?.chart?.id, index))
    .toBe(chart.split(':')[0]);
}

async function present(page: Page, index: number, chart: string) {
  await choose(page, index, chart);
  await page.getByTestId(`slide-present-${index}`).click();
  const drawing = page.getByTestId('presenter-chart');
  await expect(drawing.locator('svg')).toBeVisible({ timeout: 120_000 });
  return drawing;
}

for (const language of ['id', 'en'] as const)
  test(`retribution charts on slides: collection beside the map, owners alone (${language}, 1920×1080)`, async ({
    page,
  }) => {
    test.setTimeout(240_000);
    await page.setViewportSize({ width: 1920, height: 1080 });
    await openApp(page);
    if (language === 'en') await page.getByTestId('language-en').click();
    await page.getByTestId('tab-story').click();

    // Owners on a slide without an estimate, before any analysis: the block says what is missing, draws nothing.
    await choose(page, 0, 'retribution-owner:beside');
    await page.getByTestId('slide-chart-0').scrollIntoViewIfNeeded();
    await screenshot(page, `charts-slide-choice-${language}-1920`);
    await page.getByTestId('slide-present-0').click();
    await expect(page.getByTestId('presenter-chart')).toContainText(
      language === 'id' ? 'Belum ada angka untuk grafik ini' : 'No figures for this chart yet',
    );
    await expect(page.getByTestId('presenter-chart').locator('svg')).toHaveCount(0);
    await page.getByTestId('presenter-exit').click();

    // Collection beside the map, on a slide without an estimate: assessed and collected, as worked by hand.
    let drawing = await present(page, 0, 'retribution-collection:beside');
    let chart = await readDrawnChart(drawing);
    expectTicksApart(chart, `slide collection ${language}`);
    let axis = valueAxis(chart, language);
    const row = rowOf(chart, 'Simpang Polda – Bandara El Tari');
    for (const [series, amount] of [
      ['assessed', ASSESSED_2026],
      ['collected', COLLECTED_2026],
    ] as const) {
      const bar = row.bars.find((candidate) => candidate.fill === FILL[series])!;
      expect(Math.abs((bar.right - bar.left) / axis.perUnit - amount), series).toBeLessThan(1 / axis.perUnit);
    }
    const sizes = (drawn: typeof chart) =>
      [...drawn.names, ...drawn.figures, ...drawn.ticks].map((text) => text.fontSize * drawn.scale);
    expect(Math.min(...sizes(chart))).toBeGreaterThanOrEqual(20);
    await expectNothingOverChart(page);
    await screenshot(page, `charts-slide-collection-${language}-1920`);
    await page.getByTestId('presenter-exit').click();

    // Owners alone, on the corridor's slide: the slide's estimate, as the analysis panel tabulates it.
    drawing = await present(page, CORRIDOR_SLIDE, 'retribution-owner:alone');
    chart = await readDrawnChart(drawing);
    expectTicksApart(chart, `slide owners ${language}`);
    axis = valueAxis(chart, language);
    expect(Math.min(...sizes(chart))).toBeGreaterThanOrEqual(20);
    await expectNothingOverChart(page);
    await screenshot(page, `charts-slide-owners-${language}-1920`);
    await page.getByTestId('presenter-exit').click();
    await page.getByTestId('tab-analysis').click();
    const table = await page
      .getByTestId('analysis-byOwner')
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows.map((tr) => ({
          name: tr.querySelector('th')!.textContent!.trim(),
          amount: tr.querySelector('td')!.textContent!,
        })),
      );
    expect(table.length).toBeGreaterThan(1);
    for (const entry of table.slice(0, 7)) {
      const drawn = rowOf(chart, entry.name);
      const amount = Number(entry.amount.replace(/[^0-9]/g, ''));
      expect(Math.abs(drawn.right - drawn.left - amount * axis.perUnit), entry.name).toBeLessThan(1);
      expect(Math.abs(readFigure(drawn.figure!.text, language) - amount)).toBeLessThanOrEqual(
        /miliar|billion/.test(drawn.figure!.text) ? 5e7 : /juta|million/.test(drawn.figure!.text) ? 5e4 : 0,
      );
    }
  });
