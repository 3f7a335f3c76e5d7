import { expect, test, type Page } from '@playwright/test';
import proj4 from 'proj4';
import { openApp, screenshot } from './helpers';
import { createDemoDataset } from '#shared/demo/create-demo-dataset';
import { pointAtSta, ruasPaths } from '#shared/geo/ruas-reference';
import { geodesicDistanceM } from '#shared/geo/geodesic';
import { utmProjection } from '#shared/geo/utm';

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
    await expect.poll(async () => geodesicDistanceM(await mapCenter(page), [123.60694, -10.17083])).toBeLessThan(50);

    // A ruas by its number: the map frames the whole ruas.
    await search(page, 'p101');
    await expect(page.getByTestId('search-result').first()).toContainText('P-101 · Oelamasi – Oepoli');
    await page.getByTestId('search-result').first().click();
    const ruas = ruasPaths(
      demo.features.filter((f) => f.layerId === 'demo-roads'),
      'P-101',
    );
    const first = ruas[0]![0] as [number, number];
    await expect
      .poll(() => page.evaluate((p) => window.rumijaMap!.getBounds().contains(p), first), { timeout: 10_000 })
      .toBe(true);

    // An STA on it, typed as people write it: the marker stands on the road at that chainage.
    await search(page, 'P-101 STA 16+250');
    await expect(page.getByTestId('search-results')).toContainText('Ruas P-101, STA 16+250');
    await page.getByTestId('map-search').press('Enter');
    await expect(page.getByTestId('search-marker')).toContainText('P-101 STA 16+250');
    expect(geodesicDistanceM(await markerAt(page), pointAtSta(ruas, 16_250) as [number, number])).toBeLessThan(1);
    await screenshot(page, `search-sta-id-${viewport.width}`);

    // Past the end of the ruas: said, not guessed.
    await search(page, 'P-101 STA 999+000');
    await page.getByTestId('map-search').press('Enter');
    await expect(page.getByTestId('search-message')).toContainText('STA 999+000 di luar ruas P-101');

    // Coordinates: decimal (lat, lon), DMS with LS/BT, and UTM 51S all land on El Tari within a metre.
    const [easting, northing] = proj4('WGS84', utmProjection(51, 'S'), ELTARI) as [number, number];
    for (const typed of [
      '-10.1716, 123.6707',
      `10°10'17.76" LS 123°40'14.52" BT`,
      `51S ${easting.toFixed(1)} ${northing.toFixed(1)}`,
    ]) {
      await search(page, typed);
      await page.getByTestId('map-search').press('Enter');
      await expect
        .poll(async () => geodesicDistanceM(await markerAt(page), ELTARI), { message: typed })
        .toBeLessThan(1);
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
