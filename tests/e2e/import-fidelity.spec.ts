import { expect, test, type Page } from '@playwright/test';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp, screenshot } from './helpers';

/**
 * Files as people pick them, written by GDAL: a Shapefile chosen as its five parts, with records
 * without geometry and columns the model does not know; a Shapefile without .prj in a projection
 * nobody can guess. The preview says what will be written, skipped, repaired and kept.
 */
const folder = mkdtempSync(join(tmpdir(), 'rumija-fidelity-e2e-'));
const roads = {
  type: 'FeatureCollection',
  features: [
    ...['P-101', 'P-102'].map((ruas, index) => ({
      type: 'Feature',
      properties: {
        no_ruas: ruas,
        nama_ruas: index ? 'Oesapa – Tarus' : 'Simpang Polda – El Tari',
        kondisi: index ? 'sedang' : 'baik',
        status_jalan: 'provinsi',
        lebar_rumija_m: 20 + index,
        panjang_km: 1.2 + index,
        tahun_survei: 2025,
        keterangan: index ? 'lebar bertambah' : 'réservés pour élargissement',
      },
      geometry: {
        type: 'LineString',
        coordinates: [
          [123.6 + index * 0.02, -10.16, 35],
          [123.605 + index * 0.02, -10.162, 36],
          [123.61 + index * 0.02, -10.165, 36],
        ],
      },
    })),
    ...['P-103', 'P-104'].map((ruas) => ({
      type: 'Feature',
      properties: { no_ruas: ruas, nama_ruas: `Belum dipetakan ${ruas}`, kondisi: 'baik', status_jalan: 'provinsi' },
      geometry: null,
    })),
  ],
};

function shapefile(name: string, ...options: string[]) {
  const directory = join(folder, name);
  mkdirSync(directory, { recursive: true });
  writeFileSync(join(folder, 'roads.geojson'), JSON.stringify(roads));
  execFileSync(
    'ogr2ogr',
    ['-f', 'ESRI Shapefile', join(directory, `${name}.shp`), join(folder, 'roads.geojson'), ...options],
    {
      stdio: 'pipe',
    },
  );
  return directory;
}

async function pick(page: Page, paths: string[]) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('import-files').click();
  await (await chooser).setFiles(paths);
  await expect(page.getByTestId('import-preview')).toBeVisible({ timeout: 30_000 });
}

test('a Shapefile picked as its five files: the preview counts what is written, skipped and kept, and the table shows the extra columns', async ({
  page,
}) => {
  const directory = shapefile('ruas_survei', '-lco', 'ENCODING=UTF-8', '-dim', 'XYZ');
  await openApp(page);
  await pick(
    page,
    readdirSync(directory).map((name) => join(directory, name)),
  );
  await expect(page.getByTestId('import-preview')).toContainText('ruas_survei.shp');
  await expect(page.getByTestId('preview-count')).toHaveText('2');
  await expect(page.getByTestId('preview-skipped')).toContainText('2 fitur tidak diimpor');
  await expect(page.getByTestId('preview-skipped')).toContainText('fitur 3 (Belum dipetakan P-103)');
  await expect(page.getByTestId('preview-repairs')).toContainText('2 perbaikan aman');
  await page.getByTestId('preview-kind').selectOption('road');
  // GDAL cut the DBF names to ten characters; they are still recognised.
  await expect(page.getByTestId('map-ruasNumber')).toHaveValue('no_ruas');
  await expect(page.getByTestId('map-status')).toHaveValue('status_jal');
  await expect(page.getByTestId('map-rumijaWidthM')).toHaveValue('lebar_rumi');
  await expect(page.getByTestId('sample-name')).toHaveText('Simpang Polda – El Tari · Oesapa – Tarus');
  await expect(page.getByTestId('preview-extras')).toContainText('3 kolom tanpa pemetaan disimpan apa adanya');
  await expect(page.getByTestId('preview-extras')).toContainText('panjang_km');
  await screenshot(page, 'import-fidelity-preview-id');
  await page.getByTestId('preview-import').click();
  await expect(page.getByTestId('import-outcome')).toContainText('2 fitur diimpor dari ruas_survei.shp');
  await expect(page.getByTestId('import-outcome')).toContainText('2 fitur dilewati (lihat rincian)');
  await expect(page.getByTestId('import-outcome')).toContainText('3 kolom tambahan disimpan apa adanya');

  await page.locator('[data-testid^="layer-table-import-"]').click();
  await expect(page.getByTestId('table-row')).toHaveCount(2);
  await expect(page.getByTestId('sort-panjang_km')).toBeVisible();
  await expect(page.getByTestId('table-row').first()).toContainText('réservés pour élargissement');
  await screenshot(page, 'import-fidelity-table-id');
});

test('a Shapefile without .prj in a projection nobody can guess waits for the user to choose it', async ({ page }) => {
  const directory = shapefile('mercator', '-t_srs', 'EPSG:3857', '-lco', 'ENCODING=UTF-8');
  rmSync(join(directory, 'mercator.prj'));
  await openApp(page);
  await page.getByTestId('language-en').click();
  await pick(
    page,
    readdirSync(directory).map((name) => join(directory, name)),
  );
  await expect(page.getByTestId('preview-crs-required')).toContainText('does not name its coordinate system');
  await expect(page.getByTestId('preview-import')).toBeDisabled();
  await expect(page.getByTestId('preview-count')).toHaveText('0');
  await page.getByTestId('preview-epsg').fill('3857');
  await page.getByTestId('preview-epsg-apply').click();
  await expect(page.getByTestId('preview-count')).toHaveText('2');
  await expect(page.getByTestId('preview-crs')).toContainText('EPSG:3857');
  await expect(page.getByTestId('preview-import')).toBeEnabled();
  await screenshot(page, 'import-fidelity-crs-en');
  await page.getByTestId('preview-import').click();
  await expect(page.getByTestId('import-outcome')).toContainText('2 features imported from mercator.shp');
});

test('GeoJSON saved as .txt is read as GeoJSON, and a lone .dbf says what is missing', async ({ page }) => {
  const text = join(folder, 'tiang dari email.txt');
  writeFileSync(
    text,
    JSON.stringify({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { nama: 'Tiang 1' }, geometry: { type: 'Point', coordinates: [123.6, -10.16] } },
      ],
    }),
  );
  const directory = shapefile('lepas', '-lco', 'ENCODING=UTF-8');
  await openApp(page);
  await pick(page, [text, join(directory, 'lepas.dbf')]);
  await expect(page.getByTestId('preview-count')).toHaveText('1');
  await expect(page.getByTestId('import-messages')).toContainText(
    'lepas.dbf: bagian dari Shapefile; pilih juga lepas.shp',
  );
});
