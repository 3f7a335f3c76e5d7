import { expect, test, type Page } from '@playwright/test';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDemoDataset } from '#shared/demo/create-demo-dataset';
import { openApp, screenshot, waitForMapIdle } from './helpers';

/**
 * The formats of GIS and of the office through the app as a user works: a GeoPackage from another office (UTM 51S,
 * two layers) picked layer by layer; a condition sheet in Excel placed by ruas and STA with the rows that cannot be
 * placed listed; the export dialog in both languages writing a project GeoPackage and an Excel CSV.
 */
const folder = mkdtempSync(join(tmpdir(), 'rumija-gis-e2e-'));
const demo = createDemoDataset();
const roads = demo.features.filter((f) => f.properties.kind === 'road');
const bridges = demo.features.filter((f) => f.properties.kind === 'bridge');

async function importFile(page: Page, path: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('import-files').click();
  await (await chooser).setFiles(path);
}

async function download(page: Page, click: () => Promise<void>): Promise<string> {
  const pending = page.waitForEvent('download');
  await click();
  const file = join(folder, (await pending).suggestedFilename());
  await (await pending).saveAs(file);
  return file;
}

test('a GeoPackage from QGIS/GDAL in UTM 51S: its layers are listed, one is picked and lands in place', async ({
  page,
}) => {
  const asGeoJson = (features: typeof roads) =>
    JSON.stringify({
      type: 'FeatureCollection',
      features: features.map((f) => ({
        type: 'Feature',
        geometry: f.geometry,
        properties: { ...f.properties, source: undefined, ref: f.id },
      })),
    });
  writeFileSync(join(folder, 'roads.geojson'), asGeoJson(roads));
  writeFileSync(join(folder, 'bridges.geojson'), asGeoJson(bridges));
  const gpkg = join(folder, 'kantor-upt.gpkg');
  execFileSync('ogr2ogr', ['-f', 'GPKG', '-t_srs', 'EPSG:32751', '-nln', 'ruas', gpkg, join(folder, 'roads.geojson')]);
  execFileSync('ogr2ogr', [
    '-f',
    'GPKG',
    '-update',
    '-t_srs',
    'EPSG:32751',
    '-nln',
    'jembatan',
    gpkg,
    join(folder, 'bridges.geojson'),
  ]);

  await openApp(page);
  await importFile(page, gpkg);
  await expect(page.getByTestId('import-preview')).toContainText('kantor-upt.gpkg');
  await expect(page.getByTestId('preview-layers')).toContainText(`ruas — LINESTRING, ${roads.length} fitur`);
  await expect(page.getByTestId('preview-count')).toHaveText(String(roads.length + bridges.length));
  await expect(page.getByTestId('preview-crs')).toContainText('32751');
  await page.getByTestId('preview-layer-ruas').click();
  await expect(page.getByTestId('preview-count')).toHaveText(String(bridges.length));
  await screenshot(page, 'import-geopackage-id');
  await page.getByTestId('preview-import').click();
  await expect(page.getByTestId('import-outcome')).toContainText(
    `${bridges.length} fitur diimpor dari kantor-upt.gpkg`,
  );
  await page.locator('[data-testid^="layer-table-import-"]').click();
  await expect(page.getByTestId('table-row')).toHaveCount(bridges.length);
  // Back from UTM to within a centimetre of where the bridge is.
  const first = bridges[0]!;
  const shown = await page.evaluate((ref) => {
    for (const feature of window.rumijaStore!.getSnapshot().featureById.values())
      if (feature.properties.ref === ref) return (feature.geometry as { coordinates: number[] }).coordinates;
    return null;
  }, first.id);
  const [lon, lat] = (first.geometry as { coordinates: number[] }).coordinates;
  expect(Math.abs(shown![0]! - lon!)).toBeLessThan(1e-7);
  expect(Math.abs(shown![1]! - lat!)).toBeLessThan(1e-7);
});

test('a condition sheet in Excel is placed by ruas and STA; rows that cannot be are listed and not imported', async ({
  page,
}) => {
  const ruas = String(roads[0]!.properties.ruasNumber);
  writeFileSync(
    join(folder, 'kondisi.csv'),
    [
      'no_ruas,sta_awal,sta_akhir,kondisi',
      `${ruas},0+000,1+500,baik`,
      `${ruas},1+500,3+250,rusak_ringan`,
      'X-999,0+000,0+500,baik',
    ].join('\n'),
  );
  const xlsx = join(folder, 'kondisi-2026.xlsx');
  execFileSync('ogr2ogr', ['-f', 'XLSX', '-oo', 'AUTODETECT_TYPE=NO', xlsx, join(folder, 'kondisi.csv')]);
  await openApp(page);
  await importFile(page, xlsx);
  await expect(page.getByTestId('preview-count')).toHaveText('2');
  await expect(page.getByTestId('preview-unplaced')).toContainText('1 baris tidak ditempatkan');
  await expect(page.getByTestId('preview-unplaced')).toContainText('baris 4: ruas X-999 tidak ada di jaringan jalan');
  await screenshot(page, 'import-excel-sta-id');
  await page.getByTestId('preview-import').click();
  await expect(page.getByTestId('import-outcome')).toContainText('1 baris tidak dapat ditempatkan');
  await waitForMapIdle(page);
});

test('the export dialog in both languages: a project GeoPackage GDAL reads, and a CSV for Indonesian Excel', async ({
  page,
}) => {
  await openApp(page);
  await page.getByTestId('export-project').click();
  await expect(page.getByTestId('export-dialog')).toContainText('Ekspor proyek (semua lapisan)');
  await page.getByTestId('export-format').selectOption('geopackage');
  await screenshot(page, 'export-project-dialog-id');
  const gpkg = await download(page, () => page.getByTestId('export-save').click());
  await expect(page.getByTestId('project-export-message')).toContainText('fitur diekspor ke');
  const info = spawnSync('ogrinfo', ['-ro', '-al', '-so', gpkg], { encoding: 'utf8' });
  expect(info.stderr).not.toMatch(/Warning|ERROR/);
  expect(info.stdout).toContain(`Feature Count: ${roads.length}`);
  expect(info.stdout).toMatch(/Nomor ruas: String/);
  const has = spawnSync('ogrinfo', ['-ro', '-q', '-sql', "SELECT HasSpatialIndex('Ruas jalan (demo)', 'geom')", gpkg], {
    encoding: 'utf8',
  });
  expect(has.stdout).toMatch(/= 1/);

  // The road layer's table: Indonesian defaults are ; and decimal comma, labels "Nomor ruas" and "Rusak berat".
  await page.getByTestId('layer-table-demo-roads').click();
  await page.getByTestId('table-export').click();
  await page.getByTestId('export-format').selectOption('csv');
  await expect(page.getByTestId('export-csv-separator')).toHaveValue(';');
  await expect(page.getByTestId('export-csv-decimal')).toHaveValue(',');
  await screenshot(page, 'export-dialog-csv-id');
  const csv = readFileSync(await download(page, () => page.getByTestId('export-save').click()), 'utf8');
  // Rumija's own ID and kind are not asked for, so they do not leave.
  expect(csv.startsWith('\ufeffWKT;Nomor ruas;')).toBe(true);
  expect(csv.split('\r\n')[0]).not.toMatch(/;(ID|kind|Jenis fitur Rumija);/);
  expect(csv.split('\r\n')[0]).toContain(';Nomor ruas;');
  const severe = roads.find((road) => road.properties.condition === 'rusak_berat');
  if (severe) expect(csv).toContain(';Rusak berat;');
  const decimal = roads.find((road) => !Number.isInteger(Number(road.properties.lengthM)))!;
  expect(csv).toContain(`;${String(decimal.properties.lengthM).replace('.', ',')};`);

  await page.getByTestId('language-en').click();
  await page.getByTestId('table-export').click();
  await expect(page.getByTestId('export-dialog')).toContainText('Column names');
  await page.getByTestId('export-format').selectOption('csv');
  await expect(page.getByTestId('export-csv-separator')).toHaveValue(',');
  await screenshot(page, 'export-dialog-csv-en');
  await page.getByTestId('export-format').selectOption('shapefile');
  await expect(page.getByTestId('export-hint')).toContainText('shortened to 10 characters');
  const zip = await download(page, () => page.getByTestId('export-save').click());
  await expect(page.getByTestId('table-message')).toContainText('Column names shortened to 10 characters');
  const shp = spawnSync('ogrinfo', ['-ro', '-al', '-so', `/vsizip/${zip}`], { encoding: 'utf8' });
  expect(shp.stderr).not.toMatch(/Warning|ERROR/);
  expect(shp.stdout).toContain(`Feature Count: ${roads.length}`);
  expect(shp.stdout).toMatch(/Ruas_numbe: String/);
});

test('the summary leaves as an Excel workbook: a sheet per table, kilometres as numbers', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('tab-summary').click();
  const shownTotal = await page.getByTestId('summary-total-total').textContent();
  const file = await download(page, () => page.getByTestId('summary-save-xlsx').click());
  expect(file.endsWith('.xlsx')).toBe(true);
  const info = spawnSync('ogrinfo', ['-ro', '-al', file], { encoding: 'utf8' });
  expect(info.stderr).not.toMatch(/Warning|ERROR/);
  expect(info.stdout).toMatch(/Layer name: Ringkasan jaringan\n/);
  expect(info.stdout).toMatch(/Total \(km\): Real/);
  const total = /Kabupaten\/kota \(String\) = Total\n\s+Total \(km\) \(Real\) = ([\d.]+)/.exec(info.stdout)![1]!;
  expect(Number(total).toLocaleString('id-ID', { minimumFractionDigits: 1, maximumFractionDigits: 1 })).toBe(
    shownTotal,
  );
});
