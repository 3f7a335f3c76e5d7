import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp, pixelAt, screenshot, waitForMapIdle } from './helpers';

/**
 * A layer past the tiling limit (20 000 segments, drawn from vector tiles cut in a worker) imported from a file GDAL
 * wrote, edited, undone, redone, deleted and brought back, and reopened — as a user does it, through the UI.
 */
const ROWS = 200;
const PER_ROW = 100;
const WEST = 123.55;
const NORTH = -10.1;
const STEP_LON = 0.0028;
const STEP_LAT = 0.00075;

/** Segment `index`: ~300 m east–west with six vertices; conditions alternate so the colour tells them apart. */
function segment(index: number) {
  const row = Math.floor(index / PER_ROW);
  const column = index % PER_ROW;
  const west = WEST + column * STEP_LON;
  const lat = NORTH - row * STEP_LAT;
  return {
    type: 'Feature',
    geometry: {
      type: 'LineString',
      coordinates: Array.from({ length: 6 }, (_, vertex) => [
        Number((west + (vertex * STEP_LON * 0.9) / 5).toFixed(7)),
        lat,
      ]),
    },
    properties: {
      no_ruas: `U-${String(row).padStart(3, '0')}`,
      nama: `Ruas uji ${index}`,
      kondisi: index % 2 === 0 ? 'Baik' : 'Rusak Berat',
    },
  };
}

/** Tiles are cut again in a worker after each edit: on a busy 2-core machine that takes longer than expect's 15 s. */
const TILES_REDRAWN = { timeout: 60_000 };

const TARGET = 10_050; // an even index: "Baik"
const TARGET_NAME = `Ruas uji ${TARGET}`;
const targetMiddle = (): [number, number] => {
  const coordinates = segment(TARGET).geometry.coordinates;
  return [(coordinates[0]![0]! + coordinates[5]![0]!) / 2, coordinates[0]![1]!];
};

/** Written by GDAL from our text, so the app reads a file another tool made. */
function gdalWrittenFile() {
  const folder = mkdtempSync(join(tmpdir(), 'rumija-province-'));
  const ours = join(folder, 'source.geojson');
  writeFileSync(
    ours,
    JSON.stringify({
      type: 'FeatureCollection',
      features: Array.from({ length: ROWS * PER_ROW }, (_, i) => segment(i)),
    }),
  );
  const written = join(folder, 'jalan-kabupaten.geojson');
  execFileSync('ogr2ogr', ['-f', 'GeoJSON', written, ours]);
  return written;
}

const layerIdOf = (page: Page) =>
  page.evaluate(() => window.rumijaStore!.getSnapshot().layers.find((layer) => layer.name === 'jalan-kabupaten')!.id);

/**
 * How the map draws the target's middle: green for baik, red for rusak berat, background when it is not drawn. Read
 * at eleven points along the middle fifth, since rusak berat is drawn broken (#38) and one point may fall in a gap.
 */
async function colourAtTarget(page: Page) {
  const [west, lat] = segment(TARGET).geometry.coordinates[0]!;
  const east = segment(TARGET).geometry.coordinates[5]![0]!;
  const seen = new Set<string>();
  let first = '';
  for (let i = 0; i <= 10; i++) {
    const [r, g, b] = await pixelAt(page, [west! + (east - west!) * (0.4 + i * 0.02), lat!]);
    first ||= `${r},${g},${b}`;
    if (g! > r! + 40 && g! > b!) seen.add('green');
    else if (r! > g! + 60 && r! > b! + 60) seen.add('red');
  }
  return seen.size === 1 ? [...seen][0]! : seen.size === 2 ? 'green and red' : `other ${first}`;
}

test('a 20 000-segment layer from a GDAL file is drawn from tiles, edited, undone, deleted and reopened', async ({
  page,
}) => {
  test.setTimeout(480_000);
  await openApp(page);
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('import-files').click();
  await (await chooser).setFiles(gdalWrittenFile());
  await expect(page.getByTestId('preview-count')).toHaveText('20.000', { timeout: 60_000 });
  await page.getByTestId('preview-kind').selectOption('road');
  await expect(page.getByTestId('map-condition')).toHaveValue('kondisi');
  await page.getByTestId('default-status').selectOption('kabupaten');
  await page.getByTestId('preview-import').click();
  // Counts are grouped the Indonesian way in messages too.
  await expect(page.getByTestId('import-outcome')).toContainText('20.000 fitur diimpor dari jalan-kabupaten.geojson', {
    timeout: 60_000,
  });
  const layerId = await layerIdOf(page);
  const sourceType = () => page.evaluate((id) => window.rumijaMap!.getSource(`data:${id}`)?.type, layerId);
  expect(await sourceType()).toBe('vector');
  await page.getByTestId(`layer-${layerId}`).getByRole('combobox').selectOption('condition');
  await waitForMapIdle(page);
  await screenshot(page, 'province-scale-layer-overview');

  // Find the segment in the table; a row click selects it and frames it.
  await page.getByTestId(`layer-table-${layerId}`).click();
  await page.getByTestId('table-search').fill(TARGET_NAME);
  await expect(page.getByTestId('table-row')).toHaveCount(1);
  await page.getByTestId('table-row').first().click();
  await waitForMapIdle(page);
  // The selection's halo covers the line; cleared (not what is tested here) so the pixels show the segment's own colour.
  const clearSelection = () => page.evaluate(() => window.rumijaStore!.selection.select([]));
  await clearSelection();
  await page.evaluate((center) => window.rumijaMap!.jumpTo({ center, zoom: 17 }), targetMiddle());
  await waitForMapIdle(page);
  await expect.poll(() => colourAtTarget(page), TILES_REDRAWN).toBe('green');
  // The map hit-tests the tiled feature by its id.
  const hit = await page.evaluate((center) => {
    const map = window.rumijaMap!;
    const point = map.project(center);
    return map.queryRenderedFeatures([point.x, point.y]).map((feature) => feature.properties.fid);
  }, targetMiddle());
  const targetId = await page.evaluate(
    (name) => [...window.rumijaStore!.getSnapshot().featureById.values()].find((f) => f.properties.name === name)!.id,
    TARGET_NAME,
  );
  expect(hit).toContain(targetId);

  // An edit in the table reaches the tile; undo and redo follow.
  const row = page.locator(`[data-feature-id="${targetId}"]`);
  await row.locator('[data-field="condition"]').dblclick();
  await page.getByTestId('cell-editor').selectOption('rusak_berat');
  await expect(page.getByTestId('table-message')).toHaveText('Tersimpan');
  // The double click selected the row again.
  await clearSelection();
  await page.locator('.maplibregl-canvas').focus();
  await expect.poll(() => colourAtTarget(page), TILES_REDRAWN).toBe('red');
  await screenshot(page, 'province-scale-layer-edited');
  await page.keyboard.press('Control+z');
  await expect.poll(() => colourAtTarget(page), TILES_REDRAWN).toBe('green');
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(() => colourAtTarget(page), TILES_REDRAWN).toBe('red');

  // Deleting the selected segment (clicked on the map) takes it off the map; undo brings it back.
  const point = await page.evaluate((center) => window.rumijaMap!.project(center), targetMiddle());
  const canvas = (await page.locator('.maplibregl-canvas').boundingBox())!;
  await page.mouse.click(canvas.x + point.x, canvas.y + point.y);
  await expect.poll(() => page.evaluate(() => window.rumijaStore!.getSnapshot().selection)).toEqual([targetId]);
  await page.locator('.maplibregl-popup-close-button').click();
  await page.keyboard.press('Delete');
  await expect.poll(() => colourAtTarget(page), TILES_REDRAWN).toMatch(/^other/);
  // The pointer goes to the empty land between two rows of segments: the segment coming back under it would be drawn
  // hovered (a white line over its colour).
  const [west, lat] = segment(TARGET).geometry.coordinates[0]!;
  const away = await page.evaluate((at) => window.rumijaMap!.project(at), [
    west! + STEP_LON / 2,
    lat! + STEP_LAT / 2,
  ] as [number, number]);
  await page.mouse.move(canvas.x + away.x, canvas.y + away.y);
  await page.keyboard.press('Control+z');
  await expect
    .poll(() => page.evaluate((id) => window.rumijaStore!.getSnapshot().featureById.has(id), targetId))
    .toBe(true);
  // Undo selects what it brought back; its halo would cover the segment's own colour.
  await clearSelection();
  await expect.poll(() => colourAtTarget(page), TILES_REDRAWN).toBe('red');

  // Reopened: still 20 000 segments, drawn from tiles, with the edit.
  await page.reload();
  await openApp(page);
  await expect(page.getByTestId(`layer-${layerId}`)).toContainText('20.000 fitur');
  expect(await sourceType()).toBe('vector');
  // Its stored blocks went to the tile worker as soon as they were read, and the map took them from there.
  await expect
    .poll(() => page.evaluate((id) => performance.getEntriesByName(`rumija:tiles-adopted:${id}`).length, layerId))
    .toBe(1);
  await page.evaluate((center) => window.rumijaMap!.jumpTo({ center, zoom: 17 }), targetMiddle());
  await waitForMapIdle(page);
  await expect.poll(() => colourAtTarget(page), TILES_REDRAWN).toBe('red');
  await screenshot(page, 'province-scale-layer-reopened');
  // Drawn from the stored blocks as read; the history still steps through them: the edit undone, then redone.
  await page.locator('.maplibregl-canvas').focus();
  await page.keyboard.press('Control+z');
  await expect.poll(() => colourAtTarget(page), TILES_REDRAWN).toBe('green');
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(() => colourAtTarget(page), TILES_REDRAWN).toBe('red');
});
