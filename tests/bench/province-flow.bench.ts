/**
 * A planner's day with the province's roads, through the UI as a user does it: a 200 000-segment OSM-like file
 * written by GDAL is imported (preview, field mapping, import), found in the attribute table, edited in a cell,
 * undone and redone, and the app reopened with the edit kept. Each step is timed from the user's action to what
 * the user sees (the figures are end to end: file in, map drawn, table ready); screenshots go to out/screenshots.
 * Prints figures; asserts nothing, except that each step did what it should (a wrong flow is not a figure).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { createSyntheticRoadNetwork } from '#shared/demo/synthetic-network';
import { launchChromium, startPreview } from './browser';

const SEGMENTS = 200_000;
const SCREENSHOTS = resolve(__dirname, '../../out/screenshots');
const CONDITION_LABEL: Record<string, string> = {
  baik: 'Baik',
  sedang: 'Sedang',
  rusak_ringan: 'Rusak Ringan',
  rusak_berat: 'Rusak Berat',
};

/** The synthetic network as a survey office's file: Indonesian field names, written by GDAL (ogr2ogr). */
function gdalWrittenNetwork(folder: string) {
  const { features } = createSyntheticRoadNetwork(SEGMENTS, 2026);
  const ours = join(folder, 'source.geojson');
  const text = JSON.stringify({
    type: 'FeatureCollection',
    features: features.map((feature) => ({
      type: 'Feature',
      geometry: feature.geometry,
      properties: {
        no_ruas: feature.properties.ruasNumber,
        nama: feature.properties.name,
        kondisi: CONDITION_LABEL[String(feature.properties.condition)],
        kab: feature.properties.regencyCode,
      },
    })),
  });
  writeFileSync(ours, text);
  const written = join(folder, 'jalan-provinsi-200rb.geojson');
  execFileSync('ogr2ogr', ['-f', 'GeoJSON', '-lco', 'COORDINATE_PRECISION=7', written, ours]);
  const target = features[123_457]!;
  return {
    path: written,
    target: { name: String(target.properties.name), condition: String(target.properties.condition) },
  };
}

const mapIdleWith = (page: Page, layerId: string) =>
  page.waitForFunction(
    (id) => {
      const map = window.rumijaMap;
      return Boolean(
        map?.getSource(`data:${id}`) && map.isSourceLoaded(`data:${id}`) && map.loaded() && map.areTilesLoaded(),
      );
    },
    layerId,
    { timeout: 300_000, polling: 50 },
  );

const conditionOf = (page: Page, name: string) =>
  page.evaluate(
    (wanted) =>
      [...window.rumijaStore!.getSnapshot().featureById.values()].find((feature) => feature.properties.name === wanted)
        ?.properties.condition,
    name,
  );

const conditionBecomes = (page: Page, name: string, condition: string) =>
  page.waitForFunction(
    ({ name, condition }) =>
      [...window.rumijaStore!.getSnapshot().featureById.values()].find((f) => f.properties.name === name)?.properties
        .condition === condition,
    { name, condition },
  );

async function shot(page: Page, name: string) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: resolve(SCREENSHOTS, `${name}.png`) });
}

export async function benchmarkProvinceFlow() {
  const folder = mkdtempSync(join(tmpdir(), 'rumija-flow-'));
  const preview = await startPreview(5194);
  const browser = await launchChromium();
  try {
    const started = Date.now();
    const file = gdalWrittenNetwork(folder);
    const fileMb = statSync(file.path).size / 1048576;
    console.log(
      `\nA 200 000-segment layer through the UI (file by GDAL, ${fileMb.toFixed(0)} MB, made in ${Date.now() - started} ms)`,
    );
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(preview.url);
    await page.waitForFunction(() => window.rumijaStore?.getSnapshot().status === 'ready', null, { timeout: 60_000 });
    const figures: [string, number][] = [];
    const step = async (label: string, run: () => Promise<unknown>) => {
      const at = Date.now();
      await run();
      figures.push([label, Date.now() - at]);
    };

    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('import-files').click();
    await step('file chosen → preview (read, checked)', async () => {
      await (await chooser).setFiles(file.path);
      await page.getByTestId('preview-count').filter({ hasText: '200.000' }).waitFor({ timeout: 300_000 });
    });
    await page.getByTestId('preview-kind').selectOption('road');
    await page.getByTestId('default-status').selectOption('provinsi');
    let layerId = '';
    await step('Impor → stored and drawn', async () => {
      await page.getByTestId('preview-import').click();
      await page
        .getByTestId('import-outcome')
        .filter({ hasText: '200.000 fitur diimpor' })
        .waitFor({ timeout: 300_000 });
      layerId = await page.evaluate(
        () => window.rumijaStore!.getSnapshot().layers.find((layer) => layer.name.startsWith('jalan-provinsi'))!.id,
      );
      await mapIdleWith(page, layerId);
    });
    await page.getByTestId(`layer-${layerId}`).getByRole('combobox').selectOption('condition');
    await mapIdleWith(page, layerId);
    await shot(page, 'province-200k-imported');

    await step('table opened (first rows)', async () => {
      await page.getByTestId(`layer-table-${layerId}`).click();
      await page.locator('[data-testid="table-row"]').first().waitFor();
    });
    await step('table searched by name (one row)', async () => {
      await page.getByTestId('table-search').fill(file.target.name);
      await page.waitForFunction(() => document.querySelectorAll('[data-testid="table-row"]').length === 1);
    });
    await page.getByTestId('table-row').first().click();
    await mapIdleWith(page, layerId);
    const edited = file.target.condition === 'rusak_berat' ? 'baik' : 'rusak_berat';
    await step('cell edited → saved', async () => {
      await page.getByTestId('table-row').first().locator('[data-field="condition"]').dblclick();
      await page.getByTestId('cell-editor').selectOption(edited);
      await page.getByTestId('table-message').filter({ hasText: 'Tersimpan' }).waitFor();
    });
    await mapIdleWith(page, layerId);
    await shot(page, 'province-200k-edited');
    await page.locator('.maplibregl-canvas').focus();
    await step('Ctrl+Z → undone', async () => {
      await page.keyboard.press('Control+z');
      await conditionBecomes(page, file.target.name, file.target.condition);
    });
    await step('Ctrl+Shift+Z → redone', async () => {
      await page.keyboard.press('Control+Shift+z');
      await conditionBecomes(page, file.target.name, edited);
    });

    await step('reopened → map drawn', async () => {
      await page.reload();
      await page.waitForFunction(() => window.rumijaStore?.getSnapshot().status === 'ready', null, {
        timeout: 120_000,
      });
      await mapIdleWith(page, layerId);
    });
    const kept = await conditionOf(page, file.target.name);
    if (kept !== edited) throw new Error(`after reopening, ${file.target.name} is ${String(kept)}, not ${edited}`);
    await page.getByTestId(`layer-table-${layerId}`).click();
    await page.getByTestId('table-search').fill(file.target.name);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="table-row"]').length === 1);
    await shot(page, 'province-200k-reopened');
    const heapMb = await page.evaluate(
      () => ((performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0) / 1048576,
    );
    for (const [label, ms] of figures) console.log(`  ${label.padEnd(40)} ${(ms / 1000).toFixed(2)} s`);
    console.log(
      `  page heap after reopening: ${heapMb.toFixed(0)} MB; the edit was kept (${file.target.name}: ${edited})`,
    );
  } finally {
    await browser.close();
    preview.stop();
    rmSync(folder, { recursive: true, force: true });
  }
}
