import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clickOnMapAt, openApp, screenshot, SURVEY_GEOJSON as survey, waitForMapIdle } from './helpers';
import { createDemoDataset } from '#shared/demo/create-demo-dataset';

/** A planner's everyday moves: import, look, select, delete, undo — nothing lost unasked. */

async function importSurvey(page: Page) {
  const path = join(mkdtempSync(join(tmpdir(), 'rumija-everyday-')), 'tiang-survei.geojson');
  writeFileSync(path, survey);
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('import-files').click();
  await (await chooser).setFiles(path);
  await page.getByTestId('preview-import').click();
  await expect(page.getByTestId('import-outcome')).toContainText('12');
  return page.locator('[data-testid^="layer-import-"]');
}

const selection = (page: Page) => page.evaluate(() => window.rumijaStore!.getSnapshot().selection.length);
const center = (page: Page) => page.evaluate(() => window.rumijaMap!.getCenter().toArray());

for (const viewport of [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
]) {
  test(`after an import nothing is selected; deleting more than a few asks first (${viewport.width}×${viewport.height})`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport);
    await openApp(page);
    const layer = await importSurvey(page);
    // The map frames what arrived, and nothing is selected: the Delete key has nothing to remove.
    await expect.poll(async () => (await center(page))[0]).toBeGreaterThan(123.62);
    await expect.poll(async () => (await center(page))[0]).toBeLessThan(123.66);
    expect(await selection(page)).toBe(0);
    await page.keyboard.press('Delete');
    await expect(layer).toContainText('12 fitur');

    // Twelve selected through the table: Delete asks, naming how many and from which layer.
    const layerId = (await layer.getAttribute('data-testid'))!.replace('layer-', '');
    // Zoom to layer: away to the province, and back to the survey with one click.
    await page.evaluate(() => window.rumijaMap!.jumpTo({ center: [121, -9.5], zoom: 7 }));
    await page.getByTestId(`layer-zoom-${layerId}`).click();
    await expect.poll(async () => (await center(page))[0]).toBeGreaterThan(123.62);
    await expect.poll(async () => (await center(page))[0]).toBeLessThan(123.66);
    await page.getByTestId(`layer-table-${layerId}`).click();
    await page.getByTestId('table-zoom-filtered').click();
    await page.getByTestId('table-close').click();
    await page.keyboard.press('Delete');
    await expect(page.getByTestId('confirm-dialog')).toContainText('Hapus 12 fitur?');
    await expect(page.getByTestId('confirm-dialog')).toContainText('dari tiang-survei akan dihapus');
    await screenshot(page, `delete-ask-id-${viewport.width}`);
    await page.getByTestId('confirm-cancel').click();
    await expect(layer).toContainText('12 fitur');
    await page.getByTestId('tool-delete').click();
    await page.getByTestId('confirm-ok').click();
    await expect(layer).toContainText('0 fitur');
    await expect(page.getByTestId('tool-message')).toContainText('12 fitur dihapus');
    // "12 fitur diimpor" no longer describes the data: it is gone.
    await expect(page.getByTestId('import-outcome')).toHaveCount(0);
    // Undo says what it undid.
    await page.keyboard.press('Control+z');
    await expect(layer).toContainText('12 fitur');
    await expect(page.getByTestId('tool-message')).toHaveText('Diurungkan: hapus 12 fitur dari tiang-survei.');

    // In English the question is English; one feature picked in the table goes without a question.
    await page.getByTestId('language-en').click();
    // The app's own layers are named in the UI language; the imported one keeps its own name.
    await expect(page.getByTestId('layer-demo-roads')).toContainText('Road segments (demo)');
    await expect(page.getByTestId('layer-demo-assets')).toContainText('Utility assets (synthetic demo)');
    await expect(layer).toContainText('tiang-survei');
    await page.getByTestId(`layer-table-${layerId}`).click();
    await page.getByTestId('table-row').first().click();
    await page.getByTestId('table-close').click();
    await page.keyboard.press('Delete');
    await expect(layer).toContainText('11 features');
    await expect(page.getByTestId('confirm-dialog')).toHaveCount(0);
    await page.keyboard.press('Control+z');
    await expect(page.getByTestId('tool-message')).toHaveText('Undone: deleted 1 feature of tiang-survei.');
    await page.keyboard.press('Control+Shift+z');
    await expect(page.getByTestId('tool-message')).toHaveText('Redone: deleted 1 feature of tiang-survei.');
    await expect(layer).toContainText('11 features');
    await page.getByTestId(`layer-table-${layerId}`).click();
    await page.getByTestId('table-zoom-filtered').click();
    await page.getByTestId('table-close').click();
    await page.keyboard.press('Delete');
    await expect(page.getByTestId('confirm-dialog')).toContainText('Delete 11 features?');
    await screenshot(page, `delete-ask-en-${viewport.width}`);
    await page.getByTestId('confirm-cancel').click();
  });
}

const termanu = createDemoDataset().features.find((feature) => feature.properties.name === 'Jembatan Termanu')!;

for (const viewport of [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
]) {
  test(`a click lists everything under it with readable titles, then shows the one picked (${viewport.width}×${viewport.height})`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport);
    await openApp(page);
    const at = (termanu.geometry as { coordinates: number[] }).coordinates;
    await page.evaluate((center) => window.rumijaMap!.jumpTo({ center: center as [number, number], zoom: 13 }), at);
    await waitForMapIdle(page);
    await clickOnMapAt(page, at);
    const list = page.getByTestId('identify-list');
    await expect(list.getByRole('heading')).toHaveText(/^\d+ fitur di titik ini$/);
    await expect(list.getByTestId('identify-item').filter({ hasText: 'Jembatan (demo)' })).toContainText(
      'Jembatan Termanu',
    );
    await expect(list.getByTestId('identify-item').filter({ hasText: 'Ruas jalan (demo)' })).toContainText(
      'P-101 · Oelamasi – Oepoli',
    );
    // No internal ids anywhere in the list.
    expect(await list.textContent()).not.toMatch(/demo-road|demo-bridge|sta-P-/);
    await screenshot(page, `identify-list-id-${viewport.width}`);
    await list.getByTestId('identify-item').filter({ hasText: 'Ruas jalan (demo)' }).click();
    await expect(page.getByTestId('feature-popup')).toContainText('Ruas jalan: P-101 · Oelamasi – Oepoli');
    await page.getByTestId('identify-back').click();
    await list.getByTestId('identify-item').filter({ hasText: 'Jembatan Termanu' }).click();
    await expect(page.getByTestId('feature-popup')).toContainText('Jembatan: Jembatan Termanu');
    // The popup stays inside the map, clear of the demo banner.
    const popup = (await page.locator('.maplibregl-popup').boundingBox())!;
    const banner = (await page.getByTestId('demo-banner').boundingBox())!;
    const map = (await page.getByTestId('map').boundingBox())!;
    expect(
      popup.y >= banner.y + banner.height || popup.x >= banner.x + banner.width || popup.x + popup.width <= banner.x,
    ).toBe(true);
    expect(popup.x).toBeGreaterThanOrEqual(map.x);
    expect(popup.x + popup.width).toBeLessThanOrEqual(map.x + map.width + 1);

    await page.getByTestId('language-en').click();
    // The map redraws its layers in the new language before it takes clicks again.
    await waitForMapIdle(page);
    await clickOnMapAt(page, at);
    await expect(list.getByRole('heading')).toHaveText(/^\d+ features here$/);
    await expect(list.getByTestId('identify-item').filter({ hasText: 'Bridges (demo)' })).toContainText(
      'Jembatan Termanu',
    );
    await screenshot(page, `identify-list-en-${viewport.width}`);
  });
}

test('a feature whose own kind column says "constructor" and that has no name still gets a readable popup', async ({
  page,
}) => {
  await openApp(page);
  const path = join(mkdtempSync(join(tmpdir(), 'rumija-everyday-')), 'aneh.geojson');
  writeFileSync(
    path,
    JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { kind: 'constructor', tinggi: 9 },
          geometry: { type: 'Point', coordinates: [123.5, -10.3] },
        },
      ],
    }),
  );
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('import-files').click();
  await (await chooser).setFiles(path);
  await page.getByTestId('preview-import').click();
  await expect(page.getByTestId('import-outcome')).toContainText('1 fitur diimpor');
  await page.evaluate(() => window.rumijaMap!.jumpTo({ center: [123.5, -10.3], zoom: 14 }));
  await waitForMapIdle(page);
  await clickOnMapAt(page, [123.5, -10.3]);
  const popup = page.getByTestId('feature-popup');
  await expect(popup).toContainText('Fitur: Fitur');
  await expect(popup.locator('tr[data-field="kind"]')).toContainText('constructor');
  await expect(popup.locator('tr[data-field="tinggi"]')).toContainText('9');
});

test('numbers typed in the table are read the UI language’s way, and an ambiguous one says what was meant', async ({
  page,
}) => {
  await openApp(page);
  await page.getByTestId('layer-table-demo-bridges').click();
  const length = page.locator('[data-feature-id="demo-bridge-1"] [data-field="lengthM"]');
  const type = async (text: string) => {
    await length.dblclick();
    await page.getByTestId('cell-editor').fill(text);
    await page.getByTestId('cell-editor').press('Enter');
  };
  // 1 250 m typed with a thousands dot is 1 250 m (read as 1,25 m before).
  await type('1.250');
  await expect(length).toHaveText('1.250 m');
  await type('20.5');
  await expect(page.getByTestId('table-message')).toContainText('“20.5” tidak jelas');
  await expect(page.getByTestId('table-message')).toContainText('Maksud Anda 20,5?');
  await page.getByTestId('cell-editor').press('Escape');
  await expect(length).toHaveText('1.250 m');
  await screenshot(page, 'table-number-ambiguous-id');

  await page.getByTestId('language-en').click();
  await type('1,500.5');
  await expect(length).toHaveText('1,500.5 m');
  await type('7,5');
  await expect(page.getByTestId('table-message')).toContainText('Did you mean 7.5?');
  await screenshot(page, 'table-number-ambiguous-en');
});

for (const viewport of [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
]) {
  test(`a result says when the data changed after it; undo makes it current again; tabs keep their choices (${viewport.width}×${viewport.height})`, async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await page.setViewportSize(viewport);
    await openApp(page);
    const sidebarWidth = async () => (await page.locator('.sidebar').boundingBox())!.width;
    const widths = [await sidebarWidth()];
    await page.getByTestId('tab-analysis').click();
    widths.push(await sidebarWidth());
    await page.getByTestId('analysis-corridor').selectOption('demo-corridor-kupang');
    await page.getByTestId('analysis-paying').fill('20');
    await page.getByTestId('analysis-run').click();
    // The count speaks of the corridor's assets, and the map shows the corridor.
    await expect(page.getByTestId('analysis-count')).toContainText(
      /^\d+ dari \d+ aset di koridor ini berada di dalam RUMIJA/,
    );
    const [inside, total] = ((await page.getByTestId('analysis-count').textContent())!.match(/\d+/g) ?? []).map(Number);
    expect(inside).toBeLessThanOrEqual(total!);
    expect(total).toBeLessThan(665);
    await expect.poll(async () => await page.evaluate(() => window.rumijaMap!.getZoom())).toBeGreaterThan(11);

    // Other tabs and back: the corridor and the paying share are as they were left; the sidebar keeps its width.
    for (const tab of ['summary', 'sta', 'story', 'layers']) {
      await page.getByTestId(`tab-${tab}`).click();
      widths.push(await sidebarWidth());
    }
    expect(new Set(widths).size).toBe(1);

    // An asset deleted after the run: the result says it is out of date.
    await page.getByTestId('layer-table-demo-assets').click();
    await page.getByTestId('table-row').first().click();
    await page.getByTestId('table-close').click();
    await page.keyboard.press('Delete');
    await page.getByTestId('tab-analysis').click();
    await expect(page.getByTestId('analysis-corridor')).toHaveValue('demo-corridor-kupang');
    await expect(page.getByTestId('analysis-paying')).toHaveValue('20');
    await expect(page.getByTestId('analysis-stale')).toContainText('Data jalan, koridor atau aset berubah');
    await screenshot(page, `analysis-stale-id-${viewport.width}`);
    // Undo brings back exactly what it was computed from: current again. Redo: out of date again.
    await page.keyboard.press('Control+z');
    await expect(page.getByTestId('analysis-stale')).toHaveCount(0);
    await page.keyboard.press('Control+Shift+z');
    await expect(page.getByTestId('analysis-stale')).toBeVisible();
    await page.getByTestId('language-en').click();
    await expect(page.getByTestId('analysis-stale')).toContainText('Roads, corridors or assets changed');
    await screenshot(page, `analysis-stale-en-${viewport.width}`);
    await page.getByTestId('analysis-rerun').click();
    await expect(page.getByTestId('analysis-stale')).toHaveCount(0);
    await expect(page.getByTestId('analysis-count')).toContainText('assets in this corridor stand inside RUMIJA');
  });
}

test('the toolbar fits on one row at 1366 and 1440 px, in both languages', async ({ page }) => {
  for (const width of [1366, 1440]) {
    await page.setViewportSize({ width, height: 800 });
    await openApp(page);
    for (const language of ['id', 'en']) {
      await page.getByTestId(`language-${language}`).click();
      const tops = await page
        .locator('.tool-row > button, .tool-row > .tool-menu > button')
        .evaluateAll((buttons) => buttons.map((button) => Math.round(button.getBoundingClientRect().top)));
      expect(tops.length).toBeGreaterThan(8);
      expect(new Set(tops).size, `${width} ${language}`).toBe(1);
    }
    await page.getByTestId('tool-menu-asset').click();
    await expect(page.getByTestId('tool-asset-line')).toBeVisible();
    await screenshot(page, `toolbar-${width}-en`);
    await page.getByTestId('tool-asset-line').click();
    await expect(page.getByTestId('tool-menu-asset')).toHaveText('Asset line ▾');
    await page.keyboard.press('Escape');
  }
});

test('layers are renamed, told apart when named alike, removed after a question and made see-through — each one undo step', async ({
  page,
}) => {
  await openApp(page);
  const first = await importSurvey(page);
  await importSurvey(page);
  const imported = page.locator('[data-testid^="layer-name-import-"]');
  await expect(imported).toHaveText(['tiang-survei (2)', 'tiang-survei']);
  const layerId = (await first.first().getAttribute('data-testid'))!.replace('layer-', '');

  await page.getByTestId(`layer-rename-button-${layerId}`).click();
  await page.getByTestId(`layer-rename-${layerId}`).fill('Tiang PLN Oebobo');
  await page.getByTestId(`layer-rename-${layerId}`).press('Enter');
  await expect(page.getByTestId(`layer-name-${layerId}`)).toHaveText('Tiang PLN Oebobo');
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId(`layer-name-${layerId}`)).toHaveText(/^tiang-survei/);
  await page.keyboard.press('Control+Shift+z');
  await expect(page.getByTestId(`layer-name-${layerId}`)).toHaveText('Tiang PLN Oebobo');

  await page.getByTestId(`layer-remove-${layerId}`).click();
  await expect(page.getByTestId('confirm-dialog')).toContainText('Hapus lapisan Tiang PLN Oebobo?');
  await expect(page.getByTestId('confirm-dialog')).toContainText('12 fitur');
  await screenshot(page, 'layer-remove-ask-id');
  await page.getByTestId('confirm-ok').click();
  await expect(page.getByTestId(`layer-${layerId}`)).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('tool-message')).toHaveText('Diurungkan: hapus lapisan Tiang PLN Oebobo.');
  await expect(page.getByTestId(`layer-${layerId}`)).toContainText('12 fitur');
  // Opacity: the roads drawn at half their own opacity, one undo step.
  const roadOpacity = () =>
    page.evaluate(() => JSON.stringify(window.rumijaMap!.getPaintProperty('data:demo-roads:line', 'line-opacity')));
  const opaque = await roadOpacity();
  await page.getByTestId('layer-opacity-demo-roads').fill('50');
  await page.getByTestId('layer-opacity-demo-roads').blur();
  // A road line without an opacity of its own (the casing carries the contrast since #38) is drawn at 0.5 itself.
  const half = opaque === undefined ? '0.5' : JSON.stringify(['*', JSON.parse(opaque), 0.5]);
  await expect.poll(roadOpacity).toBe(half);
  await screenshot(page, 'layer-opacity-id');
  await page.keyboard.press('Control+z');
  await expect.poll(roadOpacity).toBe(opaque);
  await expect(page.getByTestId('layer-opacity-demo-roads')).toHaveValue('100');

  // Still there after a restart.
  await page.reload();
  await openApp(page);
  await expect(page.getByTestId(`layer-${layerId}`)).toContainText('Tiang PLN Oebobo');
});
