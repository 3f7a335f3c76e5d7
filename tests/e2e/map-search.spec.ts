import { expect, test, type Page } from '@playwright/test';
import type { LineString } from 'geojson';
import { execFileSync } from 'node:child_process';
import { openApp, screenshot } from './helpers';
import { createDemoDataset } from '#shared/demo/create-demo-dataset';
import { geodDistanceM, pointAtStaByGdal } from './oracles';

/** The search box over the map, as a planner and a presenter use it: names, ruas, STA, coordinates. */
const demo = createDemoDataset();
const ELTARI: [number, number] = [123.6707, -10.1716];

const markerAt = async (page: Page) => {
  const value = await page.getByTestId('search-marker').getAttribute('data-lnglat');
  return value!.split(',').map(Number) as [number, number];
};
const mapCenter = (page: Page) => page.evaluate(() => window.rumijaMap!.getCenter().toArray() as [number, number]);

async function search(page: Page, text: string) {
  const box = page.getByTestId('map-search');
  await box.fill('');
  await box.pressSequentially(text, { delay: 5 });
}

for (const viewport of [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
]) {
  test(`search finds places, ruas, bridges, an STA and coordinates in three notations (${viewport.width}×${viewport.height})`, async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await page.setViewportSize(viewport);
    await openApp(page);

    // A place from the shipped GeoNames list: the capital comes first, Enter flies there and marks it.
    await search(page, 'kupang');
    await expect(page.getByTestId('search-result').first()).toContainText('Kupang');
    await expect(page.getByTestId('search-result').first()).toContainText('Tempat');
    await screenshot(page, `search-results-id-${viewport.width}`);
    await page.getByTestId('map-search').press('Enter');
    await expect(page.getByTestId('search-marker')).toContainText('Kupang');
    await expect.poll(async () => geodDistanceM(await mapCenter(page), [123.60694, -10.17083])).toBeLessThan(50);

    // A ruas by its number: the map frames the whole ruas.
    await search(page, 'p101');
    await expect(page.getByTestId('search-result').first()).toContainText('P-101 · Oelamasi – Oepoli');
    await page.getByTestId('search-result').first().click();
    const ruas = demo.features.filter((f) => f.layerId === 'demo-roads' && f.properties.ruasNumber === 'P-101');
    const first = (ruas[0]!.geometry as LineString).coordinates[0] as [number, number];
    await expect
      .poll(() => page.evaluate((p) => window.rumijaMap!.getBounds().contains(p), first), { timeout: 10_000 })
      .toBe(true);

    // An STA on it, typed as people write it: the marker stands on the road at that chainage.
    await search(page, 'P-101 STA 16+250');
    await expect(page.getByTestId('search-results')).toContainText('Ruas P-101, STA 16+250');
    await page.getByTestId('map-search').press('Enter');
    await expect(page.getByTestId('search-marker')).toContainText('P-101 STA 16+250');
    const sta = pointAtStaByGdal(
      ruas.map((f) => f.geometry),
      16_250,
    )!;
    expect(geodDistanceM(await markerAt(page), sta)).toBeLessThan(1);
    await screenshot(page, `search-sta-id-${viewport.width}`);

    // Past the end of the ruas: said, not guessed.
    await search(page, 'P-101 STA 999+000');
    await page.getByTestId('map-search').press('Enter');
    await expect(page.getByTestId('search-message')).toContainText('STA 999+000 di luar ruas P-101');

    // Coordinates: decimal (lat, lon), DMS with LS/BT, and UTM 51S all land on El Tari within a metre.
    // UTM 51S of El Tari from PROJ (EPSG:32751), not from Rumija's own definitions.
    const [easting, northing] = execFileSync('gdaltransform', ['-s_srs', 'EPSG:4326', '-t_srs', 'EPSG:32751'], {
      input: `${ELTARI[0]} ${ELTARI[1]}\n`,
      encoding: 'utf8',
    })
      .trim()
      .split(/\s+/)
      .map(Number) as [number, number];
    for (const typed of [
      '-10.1716, 123.6707',
      `10°10'17.76" LS 123°40'14.52" BT`,
      `51S ${easting.toFixed(1)} ${northing.toFixed(1)}`,
    ]) {
      await search(page, typed);
      await page.getByTestId('map-search').press('Enter');
      await expect.poll(async () => geodDistanceM(await markerAt(page), ELTARI), { message: typed }).toBeLessThan(1);
    }

    await search(page, 'Atlantis');
    await page.getByTestId('map-search').press('Enter');
    await expect(page.getByTestId('search-message')).toHaveText('Tidak ditemukan: Atlantis');

    // In English: a bridge by its name.
    await page.getByTestId('language-en').click();
    await search(page, 'termanu');
    await expect(page.getByTestId('search-result').first()).toContainText('Bridge');
    await expect(page.getByTestId('search-result').first()).toContainText('Jembatan Termanu');
    await screenshot(page, `search-results-en-${viewport.width}`);
    await page.getByTestId('map-search').press('Enter');
    await expect(page.getByTestId('search-marker')).toContainText('Jembatan Termanu');
    await search(page, 'Atlantis');
    await page.getByTestId('map-search').press('Enter');
    await expect(page.getByTestId('search-message')).toHaveText('Not found: Atlantis');
  });
}

/** Lime pixels (the STA marker's #c6ff00) in the print preview's picture, counted in the page. */
const limePixelsInPreview = (page: Page) =>
  page.getByTestId('print-preview-image').evaluate(async (image: HTMLImageElement) => {
    await image.decode();
    const canvas = document.createElement('canvas');
    [canvas.width, canvas.height] = [image.naturalWidth, image.naturalHeight];
    const context = canvas.getContext('2d')!;
    context.drawImage(image, 0, 0);
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    let count = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i]! > 170 && data[i + 1]! > 220 && data[i + 2]! < 90) count++;
    return count;
  });

test('search and STA marks: a ruas lit whole, cleared by button and Esc, hidden on slides, printed only when asked', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await openApp(page);
  const highlighted = () =>
    page.evaluate(async () => {
      const map = window.rumijaMap!;
      if (!map.getLayer('search-highlight') || map.getLayoutProperty('search-highlight', 'visibility') === 'none')
        return 0;
      const source = map.getSource('search-highlight') as unknown as { getData: () => Promise<{ features: [] }> };
      return (await source.getData()).features.length;
    });

  // A ruas found by name: every one of its segments is lit, not a point in the middle of its box.
  const segments = demo.features.filter((f) => f.layerId === 'demo-roads' && f.properties.ruasNumber === 'P-101');
  await search(page, 'p101');
  await page.getByTestId('search-result').first().click();
  await expect(page.getByTestId('search-marker')).toContainText('P-101');
  await expect.poll(highlighted, { timeout: 15_000 }).toBe(segments.length);
  await screenshot(page, 'search-ruas-highlight-id-1366');
  // The clear button takes marker and highlight away.
  await page.getByTestId('search-clear').click();
  await expect(page.getByTestId('search-marker')).toHaveCount(0);
  await expect.poll(highlighted).toBe(0);
  // So does Esc, with the focus on the page rather than in the box.
  await search(page, 'kupang');
  await page.getByTestId('map-search').press('Enter');
  await expect(page.getByTestId('search-marker')).toBeVisible();
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('search-marker')).toHaveCount(0);
  await expect(page.getByTestId('search-clear')).toHaveCount(0);

  // The STA marker, put down from the STA panel, in the middle of the view.
  await page.getByTestId('tab-sta').click();
  await page.getByTestId('sta-ruas').selectOption('demo-roads|P-101');
  await page.getByTestId('sta-input').fill('45+500');
  await page.getByTestId('sta-go').click();
  await expect(page.getByTestId('sta-clear-marker')).toBeVisible();
  await page.waitForFunction(() => !window.rumijaMap!.isMoving());
  await page.getByTestId('print-open').click();
  await page.getByTestId('print-scale').selectOption('view');
  await page.getByTestId('print-marks').uncheck();
  await page.getByTestId('print-preview').click();
  await expect(page.getByTestId('print-preview-image')).toBeVisible({ timeout: 120_000 });
  expect(await limePixelsInPreview(page)).toBe(0);
  // Asked for, it is printed.
  await page.getByTestId('print-marks').check();
  const before = await page.getByTestId('print-preview-image').getAttribute('src');
  await page.getByTestId('print-preview').click();
  await expect
    .poll(() => page.getByTestId('print-preview-image').getAttribute('src'), { timeout: 120_000 })
    .not.toBe(before);
  expect(await limePixelsInPreview(page)).toBeGreaterThan(10);
  await page.getByTestId('print-marks').uncheck();
  await page.getByTestId('print-close').click();

  // Presenting a story hides it; it is back after the presentation, then Esc clears it.
  const visibility = () =>
    page.evaluate(() => window.rumijaMap!.getLayoutProperty('sta-marker', 'visibility') ?? 'visible');
  await page.getByTestId('tab-story').click();
  await page.getByTestId('story-present').click();
  await expect.poll(visibility).toBe('none');
  await page.keyboard.press('Escape');
  await expect.poll(visibility).toBe('visible');
  await page.getByTestId('tab-sta').click();
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('sta-clear-marker')).toHaveCount(0);
  const markerFeatures = await page.evaluate(() => window.rumijaMap!.querySourceFeatures('sta-marker').length);
  expect(markerFeatures).toBe(0);
});
