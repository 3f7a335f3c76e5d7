import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp, screenshot } from './helpers';

/**
 * What an import skipped and repaired can be seen, before and after Impor, and saved as a CSV for the surveyor
 * (#31): a Garmin-like GPX written by GDAL with one track recorded standing still and one with a doubled vertex.
 */
const folder = mkdtempSync(join(tmpdir(), 'rumija-import-notes-'));

function garminGpx(): string {
  const line = (name: string, coordinates: number[][]) => ({
    type: 'Feature',
    properties: { name },
    geometry: { type: 'LineString', coordinates },
  });
  writeFileSync(
    join(folder, 'tracks.geojson'),
    JSON.stringify({
      type: 'FeatureCollection',
      features: [
        line('Survei pagi', [
          [123.6, -10.16],
          [123.61, -10.17],
        ]),
        line(
          'Berhenti di Oesapa',
          Array.from({ length: 60 }, () => [123.65, -10.15]),
        ),
        line('Survei sore', [
          [123.6, -10.18],
          [123.6, -10.18],
          [123.62, -10.19],
        ]),
      ],
    }),
  );
  const gpx = join(folder, 'garmin-hari-1.gpx');
  execFileSync('ogr2ogr', ['-f', 'GPX', '-lco', 'FORCE_GPX_TRACK=YES', gpx, join(folder, 'tracks.geojson')]);
  return gpx;
}

async function importFile(page: Page, path: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('import-files').click();
  await (await chooser).setFiles(path);
}

test('skipped and repaired records are listed before and after import and saved as CSV', async ({ page }) => {
  const gpx = garminGpx();
  // GDAL reads three tracks, the second 60 vertices at one place.
  expect(execFileSync('ogrinfo', ['-ro', '-so', gpx, 'tracks'], { encoding: 'utf8' })).toMatch(/Feature Count: 3/);
  await page.setViewportSize({ width: 1366, height: 768 });
  await openApp(page);
  await importFile(page, gpx);
  const preview = page.getByTestId('import-preview');
  await expect(page.getByTestId('preview-count')).toHaveText('2');
  await expect(page.getByTestId('preview-skipped')).toHaveText('1 fitur tidak diimpor: fitur 2 (Berhenti di Oesapa)');
  await expect(page.getByTestId('preview-repairs')).toHaveText('1 perbaikan aman dilakukan (lihat rincian).');
  const notes = preview.getByTestId('import-notes');
  await notes.locator('summary').click();
  await expect(notes.locator('summary')).toHaveText('Rincian: 2 fitur dilewati atau diperbaiki');
  await expect(notes.getByTestId('import-note')).toHaveText([
    /^2Berhenti di OesapaDilewatigaris yang 60 titiknya di satu tempat \(GPS tidak bergerak\)$/,
    /^3Survei soreDiperbaiki1 titik kembar dibuang$/,
  ]);
  await screenshot(page, 'import-notes-preview-id-1366');

  const pending = page.waitForEvent('download');
  await notes.getByTestId('import-notes-csv').click();
  const download = await pending;
  expect(download.suggestedFilename()).toBe('garmin-hari-1-catatan-impor.csv');
  const csv = join(folder, download.suggestedFilename());
  await download.saveAs(csv);
  // Excel's Indonesian CSV: BOM, semicolons; read back by GDAL as a table a surveyor opens.
  expect(readFileSync(csv, 'utf8').startsWith('\ufeffNo.;Fitur;Tindakan;Alasan\r\n')).toBe(true);
  const read = execFileSync('ogrinfo', ['-ro', '-al', csv], { encoding: 'utf8' });
  expect(read).toMatch(/Feature Count: 2/);
  expect(read).toMatch(/Fitur \(String\) = Berhenti di Oesapa/);
  expect(read).toMatch(/Tindakan \(String\) = Diperbaiki/);

  await preview.getByTestId('preview-import').click();
  const outcome = page.getByTestId('import-outcome');
  await expect(outcome).toContainText('2 fitur diimpor dari garmin-hari-1.gpx');
  await expect(outcome).toContainText('1 fitur dilewati (lihat rincian).');
  await outcome.getByTestId('import-notes').locator('summary').click();
  await expect(outcome.getByTestId('import-note')).toHaveCount(2);
  await screenshot(page, 'import-notes-outcome-id-1366');

  await page.getByTestId('language-en').click();
  await expect(outcome).toContainText('1 feature skipped (see details).');
  await expect(outcome.getByTestId('import-notes').locator('summary')).toHaveText(
    'Details: 2 features skipped or repaired',
  );
  await expect(outcome.getByTestId('import-note')).toHaveText([
    /^2Berhenti di OesapaSkippedline whose 60 points are all at one place \(GPS standing still\)$/,
    /^3Survei soreRepaired1 duplicate vertex removed$/,
  ]);
  await screenshot(page, 'import-notes-outcome-en-1366');
});

test('owner types written many ways are mapped value by value, suggestions confirmed, before Impor', async ({
  page,
}) => {
  const csv = join(folder, 'tiang-upt.csv');
  writeFileSync(
    csv,
    'lon;lat;kategori;pemilik;jenis_pemilik\n' +
      '123,601;-10,171;tiang_listrik;PLN UP3 Kupang;PT PLN (Persero) UP3 Kupang\n' +
      '123,602;-10,172;tiang_listrik;PLN UP3 Kupang;PT PLN (Persero) UP3 Kupang\n' +
      '123,603;-10,173;tiang_listrik;PLN;pln up3\n' +
      '123,604;-10,174;pipa;Tirta Lontar;Perumda Air Minum\n' +
      '123,605;-10,175;tiang_telekomunikasi;Telkom;Telkom\n',
  );
  await page.setViewportSize({ width: 1366, height: 768 });
  await openApp(page);
  await importFile(page, csv);
  await page.getByTestId('preview-kind').selectOption('asset');
  await expect(page.getByTestId('map-ownerType')).toHaveValue('jenis_pemilik');
  const values = page.getByTestId('preview-values');
  // "Telkom" is an option as written; the other three are asked about, the commonest first, nothing chosen.
  await expect(values.getByTestId('value-row')).toHaveText([
    /^Jenis pemilik“PT PLN \(Persero\) UP3 Kupang” \(2 fitur\)—.*saran: PLN$/,
    /^Jenis pemilik“Perumda Air Minum” \(1 fitur\)—.*saran: PDAM$/,
    /^Jenis pemilik“pln up3” \(1 fitur\)—.*saran: PLN$/,
  ]);
  await expect(page.getByTestId('preview-values-pending')).toHaveText(
    'Belum dapat diimpor: 3 nilai belum dipetakan (lihat “Nilai yang perlu dipetakan”).',
  );
  await expect(page.getByTestId('preview-import')).toBeDisabled();
  await values.getByTestId('values-suggest').click();
  await expect(page.getByTestId('preview-values-pending')).toHaveCount(0);
  // A suggestion taken can still be changed by hand.
  await values.getByRole('combobox', { name: 'Jenis pemilik: Perumda Air Minum' }).selectOption('pemerintah');
  await screenshot(page, 'import-values-id-1366');
  await page.getByTestId('preview-import').click();
  await expect(page.getByTestId('import-outcome')).toContainText('5 fitur diimpor dari tiang-upt.csv');
  const stored = await page.evaluate(() => {
    const snapshot = window.rumijaStore!.getSnapshot();
    const layer = snapshot.layers.find((l) => l.name === 'tiang-upt')!;
    return snapshot.featuresByLayer.get(layer.id)!.map((feature) => feature.properties.ownerType);
  });
  expect(stored).toEqual(['pln', 'pln', 'pln', 'pemerintah', 'telkom']);
});

test('numbers that read two ways are asked about, and read as chosen', async ({ page }) => {
  const csv = join(folder, 'patok-sta.csv');
  writeFileSync(csv, 'lon;lat;nama;sta;tinggi\n123,601;-10,171;Patok A;1.250;1,5\n123,602;-10,172;Patok B;2.500;2\n');
  await page.setViewportSize({ width: 1366, height: 768 });
  await openApp(page);
  await importFile(page, csv);
  const numbers = page.getByTestId('preview-numbers');
  // "1,5" says the file writes decimal commas: "1.250" then reads as 1250 without asking.
  await expect(numbers).toHaveText('Dibaca gaya Indonesia (1.234,5): sta, tinggi');
  await page.getByTestId('preview-cancel').click();

  writeFileSync(csv, 'lon;lat;nama;sta\n123,601;-10,171;Patok A;1.250\n123,602;-10,172;Patok B;2.500\n');
  await importFile(page, csv);
  await expect(page.getByTestId('reading-sta')).toContainText('“sta” bisa dibaca dua cara');
  await page.getByTestId('reading-sta').locator('select').selectOption('id-number');
  await expect(page.getByTestId('reading-sta').locator('select')).toHaveValue('id-number');
  await screenshot(page, 'import-numbers-id-1366');
  await page.getByTestId('preview-import').click();
  await expect(page.getByTestId('import-outcome')).toContainText('2 fitur diimpor dari patok-sta.csv');
  const stored = await page.evaluate(() => {
    const snapshot = window.rumijaStore!.getSnapshot();
    const layer = snapshot.layers.find((l) => l.name === 'patok-sta')!;
    return snapshot.featuresByLayer.get(layer.id)!.map((feature) => feature.properties.sta);
  });
  expect(stored).toEqual([1250, 2500]);
});
