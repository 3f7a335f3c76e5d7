import { expect, test } from '@playwright/test';
import { BASEMAP_COLORS } from '../../renderer/src/map/basemap-style';
import { openApp, pixelAt, screenshot } from './helpers';

function hexToRgb(hex: string) {
  const value = parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

function expectColorNear(actual: number[], expectedHex: string) {
  const expected = hexToRgb(expectedHex);
  const distance = Math.max(...actual.map((channel, index) => Math.abs(channel - expected[index]!)));
  expect(distance, `pixel ${actual} should be close to ${expectedHex}`).toBeLessThanOrEqual(6);
}

test('first screen shows the whole province offline, land and sea coloured', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await openApp(page);

  const bounds = await page.evaluate(() => window.rumijaMap!.getBounds().toArray());
  // Labuan Bajo (west) to Atambua (east), Rote (south) to Flores' north coast.
  expect(bounds[0][0]).toBeLessThan(119.9);
  expect(bounds[1][0]).toBeGreaterThan(124.9);
  expect(bounds[0][1]).toBeLessThan(-10.8);
  expect(bounds[1][1]).toBeGreaterThan(-8.3);

  // Land: inland Sumba, away from labels. Sea: the Savu Sea between Sumba and Timor.
  expectColorNear(await pixelAt(page, [119.9, -9.75]), BASEMAP_COLORS.landIndonesia);
  expectColorNear(await pixelAt(page, [122.3, -9.9]), BASEMAP_COLORS.sea);

  const offsite = requests.filter(
    (url) => !url.startsWith(new URL('/', page.url()).href) && !url.startsWith('blob:') && !url.startsWith('data:'),
  );
  expect(offsite).toEqual([]);
  await screenshot(page, 'basemap-province-id');
});

test('labels for Kupang and Atambua are rendered with the shipped font', async ({ page }) => {
  await openApp(page);
  const labels = await page.evaluate(() =>
    window
      .rumijaMap!.queryRenderedFeatures({ layers: ['place-labels'] })
      .map((feature) => feature.properties.name as string),
  );
  expect(labels).toContain('Kupang');
  expect(labels).toContain('Atambua');
  // The shipped font is loaded, and text is drawn with it: document.fonts.check() alone says true for any family
  // that has no face at all, so the faces are listed and the text measured against a fallback.
  const fonts = await page.evaluate(async () => {
    await document.fonts.ready;
    const loaded = (family: string) =>
      [...document.fonts]
        .filter((face) => face.family.replace(/"/g, '') === family && face.status === 'loaded')
        .map((face) => face.weight);
    const context = document.createElement('canvas').getContext('2d')!;
    const width = (font: string) => {
      context.font = font;
      return context.measureText('Oelamasi – Oepoli, Kupang 1.234,5 km').width;
    };
    return {
      noto: [...new Set(loaded('Noto Sans'))].sort(),
      missing: loaded('Nonexistent Sans'),
      notoWidth: width('700 16px "Noto Sans", monospace'),
      fallbackWidth: width('700 16px "Nonexistent Sans", monospace'),
    };
  });
  expect(fonts.noto).toEqual(['400', '700']);
  expect(fonts.missing).toEqual([]);
  expect(Math.abs(fonts.notoWidth - fonts.fallbackWidth)).toBeGreaterThan(10);
});

test('the Indonesia – Timor-Leste border includes the Oecusse enclave', async ({ page }) => {
  await openApp(page);
  await page.evaluate(() => window.rumijaMap!.jumpTo({ center: [124.3, -9.3], zoom: 8.5 }));
  await page.waitForFunction(() => window.rumijaMap!.loaded());
  const borderCount = await page.evaluate(
    () => window.rumijaMap!.queryRenderedFeatures({ layers: ['border-line'] }).length,
  );
  expect(borderCount).toBeGreaterThan(0);
  // Inland Oecusse is Timor-Leste and drawn in its own colour; West Timor next to it is Indonesia.
  expectColorNear(await pixelAt(page, [124.42, -9.24]), BASEMAP_COLORS.landTimorLeste);
  expectColorNear(await pixelAt(page, [124.2, -9.6]), BASEMAP_COLORS.landIndonesia);
  await screenshot(page, 'basemap-oecusse');
});

test('city zoom in Kupang stays sharp and shows UTM coordinates of the cursor', async ({ page }) => {
  await openApp(page);
  await page.evaluate(() => window.rumijaMap!.jumpTo({ center: [123.6, -10.17], zoom: 12.5 }));
  await page.waitForFunction(() => window.rumijaMap!.loaded() && !window.rumijaMap!.isMoving());
  const box = (await page.getByTestId('map').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await expect(page.getByTestId('cursor-utm')).toContainText('51S');
  const decimal = await page.getByTestId('cursor-decimal').textContent();
  // Five decimals of a degree, with the Indonesian decimal comma; the map's centre pixel is within a pixel (~20 m
  // here) of the centre set.
  const [lat, lon] = /^(-?\d+,\d{5})°; (\d+,\d{5})°$/
    .exec(decimal ?? '')!
    .slice(1)
    .map((text) => Number(text.replace(',', '.'))) as [number, number];
  expect(Math.abs(lat - -10.17)).toBeLessThan(0.0005);
  expect(Math.abs(lon - 123.6)).toBeLessThan(0.0005);
  await expect(page.locator('.maplibregl-ctrl-scale')).toBeVisible();
  await screenshot(page, 'basemap-kupang-city');
  await page.getByTestId('language-en').click();
  await page.mouse.move(box.x + box.width / 2 + 1, box.y + box.height / 2);
  await expect(page.getByTestId('cursor-decimal')).toHaveText(/^-10\.\d{5}°, 123\.\d{5}°$/);
});

test('language switch changes the interface text and is remembered', async ({ page }) => {
  await openApp(page);
  await expect(page.getByTestId('app-subtitle')).toHaveText('Aset Jalan & RUMIJA Provinsi NTT');
  await expect(page.locator('.maplibregl-ctrl-zoom-in')).toHaveAttribute('title', 'Perbesar');
  await page.getByTestId('language-en').click();
  await expect(page.getByTestId('app-subtitle')).toHaveText('Road & Right-of-Way Assets, NTT Province');
  await expect(page.locator('.maplibregl-ctrl-zoom-in')).toHaveAttribute('title', 'Zoom in');
  await expect(page.locator('.maplibregl-ctrl-attrib')).toContainText('OpenStreetMap contributors');
  await screenshot(page, 'basemap-province-en');
  await page.reload();
  await expect(page.getByTestId('app-subtitle')).toHaveText('Road & Right-of-Way Assets, NTT Province');
});

test('the built page runs under the strict CSP without violations and blocks injected scripts', async ({ page }) => {
  await page.addInitScript(() => {
    (window as unknown as { cspViolations: string[] }).cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) =>
      (window as unknown as { cspViolations: string[] }).cspViolations.push(
        `${event.violatedDirective} ${event.blockedURI}`,
      ),
    );
  });
  await openApp(page);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("script-src 'self'");
  expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
  // An injected inline script must not run (the page itself has none).
  const inlineRan = await page.evaluate(async () => {
    const script = document.createElement('script');
    script.textContent = 'window.inlineScriptRan = true';
    document.body.append(script);
    await new Promise((resolve) => setTimeout(resolve, 100));
    return (window as unknown as { inlineScriptRan?: boolean }).inlineScriptRan ?? false;
  });
  expect(inlineRan).toBe(false);
  const violations = await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
  expect(violations).toEqual([expect.stringMatching(/^script-src/)]);
});
