import { expect, test, type Page } from '@playwright/test';
import { openApp, screenshot, waitForMapIdle } from './helpers';
import { expectBlend, roadPixels } from './road-pixels';
import { createDemoDataset } from '#shared/demo/create-demo-dataset';

/**
 * Styling a layer the way a QGIS user does: colours by any field (categories with a palette, number classes),
 * line width, labels from a field; each step undoable, kept over a restart, saved and applied to another layer,
 * and the legend always shows what the map draws. Expected colours are ColorBrewer's, written out here.
 */
const SET1 = { nasional: '#e41a1c', provinsi: '#377eb8' };
/** YlOrRd sampled for two classes: light for short roads, dark for long ones. */
const YL_OR_RD_2 = ['#fed976', '#800026'];
const OTHER = '#b0bec5';
/** Roads are drawn opaque, on a dark casing (#38). */
const ROAD_OPACITY = 1;

const demo = createDemoDataset();
const plainRoads = demo.features.filter((f) => f.properties.kind === 'road' && !f.properties.borderRoute);
const byLength = [...plainRoads].sort((a, b) => Number(a.properties.lengthM) - Number(b.properties.lengthM));

const editor = (page: Page, layerId: string) => page.getByTestId(`style-editor-${layerId}`);
const control = (page: Page, name: string, layerId = 'demo-roads') => page.getByTestId(`style-${name}-${layerId}`);
const legendColor = (page: Page, layerId: string, label: string) =>
  page.getByTestId(`legend-${layerId}`).locator('.legend-item').filter({ hasText: label }).getAttribute('data-color');

async function openEditor(page: Page, layerId: string) {
  if (!(await editor(page, layerId).isVisible())) await page.getByTestId(`layer-style-button-${layerId}`).click();
  await expect(editor(page, layerId)).toBeVisible();
}

test('a road layer coloured by any field: categories, then classes; width and labels; undo and restart', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await openApp(page);
  for (const layer of ['demo-assets', 'demo-bridges', 'demo-corridors'])
    await page.getByTestId(`layer-visible-${layer}`).uncheck();

  // Categories of the status field with the Set1 palette: the legend lists each value, the map draws it so.
  await openEditor(page, 'demo-roads');
  await control(page, 'field').selectOption('status');
  await expect(control(page, 'method')).toHaveValue('categories');
  await control(page, 'palette').selectOption('Set1');
  await control(page, 'apply').click();
  await expect(page.getByTestId('legend-demo-roads')).toContainText('Warna menurut Status');
  for (const [status, colour] of Object.entries(SET1)) {
    const label = status === 'nasional' ? 'Nasional' : 'Provinsi';
    expect(await legendColor(page, 'demo-roads', label)).toBe(colour);
    const road = plainRoads.find((f) => f.properties.status === status)!;
    const { under, drawn } = await roadPixels(page, road.id);
    expectBlend(drawn, colour, under, ROAD_OPACITY, `${road.id} (${status})`);
  }

  // Two classes of equal interval over the length: the shortest road light, the longest dark.
  await control(page, 'field').selectOption('lengthM');
  await control(page, 'method').selectOption('equal');
  await control(page, 'classes').selectOption('2');
  await control(page, 'palette').selectOption('YlOrRd');
  await control(page, 'apply').click();
  await expect(page.getByTestId('legend-demo-roads-c0')).toHaveAttribute('data-color', YL_OR_RD_2[0]!);
  await expect(page.getByTestId('legend-demo-roads-c1')).toHaveAttribute('data-color', YL_OR_RD_2[1]!);
  await expect(page.getByTestId('legend-demo-roads-other')).toHaveAttribute('data-color', OTHER);
  // The classes' bounds in km with two decimals, the unit on each, as the table writes lengths. By hand: the
  // shortest demo road P-601 (1/2) 2 723,1 m, the longest P-102 (1/4) 66 066,1 m; their mean 34 394,6 m, which the
  // legend tidies to 5 significant digits, 34 395 m → 34,40 km (half up).
  const lengths = demo.features.filter((f) => f.properties.kind === 'road').map((f) => Number(f.properties.lengthM));
  expect([Math.min(...lengths), Math.max(...lengths)]).toEqual([2_723.1, 66_066.1]);
  await expect(page.getByTestId('legend-demo-roads-c0')).toHaveText('2,72 km – 34,40 km');
  await expect(page.getByTestId('legend-demo-roads-c1')).toHaveText('34,40 km – 66,07 km');
  await page.getByTestId('legend-demo-roads').scrollIntoViewIfNeeded();
  await screenshot(page, 'layer-style-class-legend-id-1366');
  for (const [road, colour] of [
    [byLength[0]!, YL_OR_RD_2[0]!],
    [byLength[byLength.length - 1]!, YL_OR_RD_2[1]!],
  ] as const) {
    const { under, drawn } = await roadPixels(page, road.id);
    expectBlend(drawn, colour, under, ROAD_OPACITY, `${road.id} (${road.properties.lengthM} m)`);
  }

  // Width typed the Indonesian way, labels from the ruas number.
  await control(page, 'line-width').fill('7,5');
  await control(page, 'label').selectOption('ruasNumber');
  await control(page, 'apply').click();
  await expect
    .poll(() => page.evaluate(() => window.rumijaMap!.getPaintProperty('data:demo-roads:line', 'line-width')))
    .toBe(7.5);
  await page.evaluate(() => window.rumijaMap!.jumpTo({ center: [123.72, -10.2], zoom: 10 }));
  await waitForMapIdle(page);
  const labels = () =>
    page.evaluate(() =>
      window
        .rumijaMap!.queryRenderedFeatures({ layers: ['data:demo-roads:label-line'] })
        .map((feature) => String(feature.properties._t)),
    );
  await expect.poll(labels).toContain('P-101');
  await screenshot(page, 'layer-style-classes-id-1366');

  // A size that is not a number says so and changes nothing.
  await control(page, 'line-width').fill('tebal');
  await control(page, 'apply').click();
  await expect(control(page, 'message')).toContainText('"tebal" bukan angka antara 0,5 dan 20');
  expect(await page.evaluate(() => window.rumijaMap!.getPaintProperty('data:demo-roads:line', 'line-width'))).toBe(7.5);

  // Undo takes the last style step back (width and labels), redo brings it again.
  await page.keyboard.press('Control+z');
  await expect
    .poll(() => page.evaluate(() => window.rumijaMap!.getPaintProperty('data:demo-roads:line', 'line-width')))
    .not.toBe(7.5);
  await expect.poll(labels).toEqual([]);
  await expect(page.getByTestId('legend-demo-roads-c1')).toHaveAttribute('data-color', YL_OR_RD_2[1]!);
  await page.keyboard.press('Control+y');
  await expect.poll(labels).toContain('P-101');

  // Kept over a restart.
  await page.reload();
  await waitForMapIdle(page);
  await expect(page.getByTestId('legend-demo-roads-c1')).toHaveAttribute('data-color', YL_OR_RD_2[1]!);
  await expect
    .poll(() => page.evaluate(() => window.rumijaMap!.getPaintProperty('data:demo-roads:line', 'line-width')))
    .toBe(7.5);
});

test('a saved style is applied to another layer; a layer without the field is told so', async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openApp(page);
  await openEditor(page, 'demo-roads');
  await control(page, 'field').selectOption('lengthM');
  await control(page, 'method').selectOption('equal');
  await control(page, 'classes').selectOption('2');
  await control(page, 'apply').click();
  await expect(page.getByTestId('legend-demo-roads-c0')).toHaveAttribute('data-color', YL_OR_RD_2[0]!);
  await control(page, 'save-name').fill('Panjang 2 kelas');
  await control(page, 'save').click();
  await expect(control(page, 'message')).toContainText('Gaya "Panjang 2 kelas" tersimpan');

  // Bridges have a length too: the saved classes colour them, the legend says so.
  await openEditor(page, 'demo-bridges');
  await control(page, 'saved', 'demo-bridges').selectOption('Panjang 2 kelas');
  await control(page, 'apply-saved', 'demo-bridges').click();
  await expect(page.getByTestId('legend-demo-bridges-c0')).toHaveAttribute('data-color', YL_OR_RD_2[0]!);
  await expect(page.getByTestId('legend-demo-bridges')).toContainText('Warna menurut Panjang');
  // Assets have no length: the style applies, every asset is "other", and the user is told why.
  await openEditor(page, 'demo-assets');
  await control(page, 'saved', 'demo-assets').selectOption('Panjang 2 kelas');
  await control(page, 'apply-saved', 'demo-assets').click();
  await expect(control(page, 'message', 'demo-assets')).toContainText('tidak ada di lapisan ini');
  await expect(page.getByTestId('legend-demo-assets-other')).toBeVisible();
  await screenshot(page, 'layer-style-saved-id-1920');

  await page.getByTestId('language-en').click();
  await openEditor(page, 'demo-roads');
  await expect(editor(page, 'demo-roads')).toContainText('Colour by field');
  await expect(page.getByTestId('legend-demo-roads')).toContainText('Colour by Length');
  // The class bounds in English number style, the unit on each.
  await expect(page.getByTestId('legend-demo-roads-c0')).toHaveText(/^\d+\.\d{2} km – \d+\.\d{2} km$/);
  await waitForMapIdle(page);
  await screenshot(page, 'layer-style-editor-en-1920');
  await page.setViewportSize({ width: 1366, height: 768 });
  await waitForMapIdle(page);
  await screenshot(page, 'layer-style-editor-en-1366');
  await page.getByTestId('legend-demo-roads').scrollIntoViewIfNeeded();
  await screenshot(page, 'layer-style-class-legend-en-1366');
});

test('every highlight the map draws is in the legend, in the colour it is drawn', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await openApp(page);
  await page.getByTestId('highlight-legend').locator('summary').click();
  for (const [key, layer, property] of [
    ['selection', 'selection-line', 'line-color'],
    ['selection', 'selection-point', 'circle-stroke-color'],
    ['staMark', 'sta-marker', 'circle-color'],
  ] as const) {
    const drawn = await page.evaluate(([id, name]) => window.rumijaMap!.getPaintProperty(id, name) as string, [
      layer,
      property,
    ] as const);
    await expect(page.getByTestId(`highlight-${key}`)).toHaveAttribute('data-color', drawn);
  }
  await page.getByTestId('highlight-legend').scrollIntoViewIfNeeded();
  await screenshot(page, 'highlight-legend-id-1366');
});
