import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDemoDataset } from '#shared/demo/create-demo-dataset';
import { openApp, screenshot, waitForMapIdle } from './helpers';

const demo = createDemoDataset();
const kupangCorridor = demo.features.find((f) => f.id === 'demo-corridor-kupang')!;
const corridorSegments = new Set(kupangCorridor.properties.segmentIds as string[]);
const roads = demo.features.filter((f) => f.properties.kind === 'road' && corridorSegments.has(f.id));
const assets = demo.features.filter((f) => f.properties.kind === 'asset');

/** The example tariff's rates (Rp per unit, metre or m² and year), written out here for the outside judge. */
const EXAMPLE_RATES = { pole: 150_000, cable: 13_333, pipe: 10_000, billboard: 250_000, kiosk: 60_000 };

/**
 * The corridor's retribution worked out by GDAL (SpatiaLite) instead of the app's engine: the roads and assets
 * in UTM 51S, each road buffered by its RUMIJA half-width (the corridor carries a 25 m RUMIJA), poles counted
 * inside, cable and pipe lengths and footprint areas clipped to the buffer, times the rates.
 */
function gdalEstimate(rates = EXAMPLE_RATES): { totalIdr: number; inside: number } {
  expect(roads.every((road) => road.properties.rumijaWidthM === 25)).toBe(true);
  const file = join(mkdtempSync(join(tmpdir(), 'rumija-oracle-')), 'f.geojson');
  const feature = (f: (typeof demo.features)[number], kind: string) => ({
    type: 'Feature',
    geometry: f.geometry,
    properties: { kind, category: f.properties.category ?? null },
  });
  writeFileSync(
    file,
    JSON.stringify({
      type: 'FeatureCollection',
      features: [...roads.map((r) => feature(r, 'road')), ...assets.map((a) => feature(a, 'asset'))],
    }),
  );
  const utm = 'ST_Transform(SetSRID(geometry, 4326), 32751)';
  const sql = `SELECT
    SUM(CASE
      WHEN a.category IN ('tiang_listrik', 'tiang_telekomunikasi') THEN ${rates.pole} * ST_Within(a.g, r.z)
      WHEN a.category = 'kabel' THEN ${rates.cable} * ST_Length(ST_Intersection(a.g, r.z))
      WHEN a.category = 'pipa' THEN ${rates.pipe} * ST_Length(ST_Intersection(a.g, r.z))
      WHEN a.category = 'reklame' THEN ${rates.billboard} * ST_Area(ST_Intersection(a.g, r.z))
      WHEN a.category IN ('kios', 'bangunan') THEN ${rates.kiosk} * ST_Area(ST_Intersection(a.g, r.z))
    END) AS total,
    SUM(ST_Intersects(a.g, r.z)) AS inside
    FROM (SELECT category, ${utm} AS g FROM f WHERE kind = 'asset') AS a,
         (SELECT ST_Union(ST_Buffer(${utm}, 12.5, 64)) AS z FROM f WHERE kind = 'road') AS r`;
  const output = execFileSync('ogrinfo', ['-q', '-dialect', 'SQLite', '-sql', sql, file], { encoding: 'utf8' });
  return {
    totalIdr: Number(/total \(Real\) = ([\d.]+)/.exec(output)![1]),
    inside: Number(/inside \(Integer\) = (\d+)/.exec(output)![1]),
  };
}

/** "Rp 106.311.608" → 106311608. */
const rupiah = (text: string | null) => Number((text ?? '').replace(/\D/g, ''));

/** Within 0,2 % of GDAL's figure: they differ by about 0,07 % (UTM's scale here, 0,99965, shrinks lengths 0,035 % and areas 0,07 %; buffer chords). */
function expectNearGdal(actual: number, expected: number) {
  expect(Math.abs(actual - expected) / expected, `Rp ${actual} vs GDAL Rp ${Math.round(expected)}`).toBeLessThan(0.002);
}

test('the Simpang Polda – El Tari estimate runs in a worker and agrees with GDAL', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('tab-analysis').click();
  await expect(page.getByTestId('encroachment-panel')).toContainText('TARIF CONTOH');
  await page.getByTestId('analysis-corridor').selectOption('demo-corridor-kupang');
  await page.getByTestId('analysis-paying').fill('20');
  await page.getByTestId('analysis-run').click();
  await expect(page.getByTestId('analysis-results')).toBeVisible();

  const oracle = gdalEstimate();
  expectNearGdal(rupiah(await page.getByTestId('analysis-total-exact').textContent()), oracle.totalIdr);
  // Counted of the corridor's assets (those within its RUWASJA), not of all 665 in the province.
  const counted = /(\d+) dari (\d+) aset di koridor ini/.exec(
    (await page.getByTestId('analysis-count').textContent()) ?? '',
  )!;
  const inCorridor = await page.evaluate(
    () => window.rumijaStore!.getSnapshot().analysis.results.filter((result) => result.zone !== 'luar').length,
  );
  expect(Number(counted[2])).toBe(inCorridor);
  expect(inCorridor).toBeLessThan(assets.length);
  // An asset that only touches the RUMIJA edge may count on one side and not the other.
  expect(Math.abs(Number(counted[1]) - oracle.inside)).toBeLessThanOrEqual(1);
  await expect(page.getByTestId('analysis-byOwner')).toContainText('PLN UP3 Kupang');

  // The detail table sorts: largest levy first by default, then by zone, inner zones first.
  const amounts = (await page.getByTestId('analysis-line').locator('[data-field="amount"]').allTextContents()).map(
    rupiah,
  );
  expect(amounts).toHaveLength(Math.min(500, Number(counted[1])));
  expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
  await page.getByTestId('analysis-sort-zone').click();
  await expect(page.getByTestId('analysis-line').first()).toContainText('RUMAJA');
  await page.getByTestId('analysis-sort-zone').click();
  await expect(page.getByTestId('analysis-line').first()).toContainText('RUMIJA');

  // Assets on the map are coloured by their zone. Hitung framed the corridor; the whole province is looked at here.
  await page.evaluate(() => window.rumijaMap!.jumpTo({ center: [122.3, -9.4], zoom: 6.5 }));
  await waitForMapIdle(page);
  const zones = await page.evaluate(() =>
    window.rumijaMap!.querySourceFeatures('data:demo-assets').map((f) => f.properties.zone as string | undefined),
  );
  // Every asset the map holds has its zone, one of the four (tiles repeat features, so compare as sets).
  expect(zones.every((zone) => zone !== undefined)).toBe(true);
  expect(new Set(zones)).toEqual(new Set(['rumaja', 'rumija', 'ruwasja', 'luar']));
  await page.evaluate(() => window.rumijaMap!.jumpTo({ center: [123.645, -10.1625], zoom: 16 }));
  await waitForMapIdle(page);
  // The RUMIJA band of the 25 m corridor is drawn around the road at this zoom.
  const bands = await page.evaluate(() =>
    window.rumijaMap!.querySourceFeatures('row-zones').map((f) => `${f.properties.fid}:${f.properties.zone}`),
  );
  expect(bands).toContain('demo-road-P-601-2:rumija');
  expect(bands).toContain('demo-road-P-601-2:ruwasja');
  await screenshot(page, 'encroachment-kupang-id');
  // The bands follow an edit in view (found from the change, not by walking every road): gone with the road, back on undo.
  const bandsOf = () =>
    page.evaluate(() =>
      window
        .rumijaMap!.querySourceFeatures('row-zones')
        .filter((f) => f.properties.fid === 'demo-road-P-601-2')
        .map((f) => String(f.properties.zone)),
    );
  await page.evaluate(() => window.rumijaStore!.document.deleteFeatures(['demo-road-P-601-2']));
  await expect.poll(bandsOf).toEqual([]);
  await page.evaluate(() => window.rumijaStore!.history.undo());
  await expect.poll(async () => new Set(await bandsOf())).toEqual(new Set(['rumaja', 'rumija', 'ruwasja']));
});

test('the export is GeoJSON that GDAL reads, with the computed fields', async ({ page }) => {
  // The report draws maps at print resolution and two charts (svg2pdf): over a minute on a shared machine.
  test.setTimeout(150_000);
  await openApp(page);
  await page.getByTestId('tab-analysis').click();
  await page.getByTestId('analysis-corridor').selectOption('demo-corridor-kupang');
  await page.getByTestId('analysis-run').click();
  await expect(page.getByTestId('analysis-results')).toBeVisible();
  const downloadPromise = page.waitForEvent('download');
  await page.getByTestId('export-geojson').click();
  const download = await downloadPromise;
  const file = join(mkdtempSync(join(tmpdir(), 'rumija-export-')), download.suggestedFilename());
  await download.saveAs(file);
  const collection = JSON.parse(readFileSync(file, 'utf8'));
  expect(collection.features).toHaveLength(assets.length);
  expect(collection.crs).toBeUndefined();
  const info = execFileSync('ogrinfo', ['-ro', '-al', '-so', file], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  expect(info).toContain(`Feature Count: ${assets.length}`);
  expect(info).toMatch(/retribusi_idr: (Integer|Real)/);
  expect(info).toMatch(/zona: String/);

  // The printable report is a PDF in Indonesian with the same total.
  const pdfPromise = page.waitForEvent('download');
  await page.getByTestId('export-pdf').click();
  const pdfDownload = await pdfPromise;
  const pdfFile = join(mkdtempSync(join(tmpdir(), 'rumija-report-')), pdfDownload.suggestedFilename());
  await pdfDownload.saveAs(pdfFile);
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdfFile], { encoding: 'utf8' }))![1]);
  const text = execFileSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' });
  expect(text).toContain('Laporan Estimasi Retribusi Pemakaian RUMIJA');
  // The en dash survives: the report embeds Noto Sans instead of converting to WinAnsi (#30).
  expect(text).toContain('Koridor Simpang Polda – Bandara El Tari');
  // Every page says which it is, out of exactly as many as the file has.
  expect(text.match(/halaman \d+ dari \d+/g)).toEqual(
    Array.from({ length: pages }, (_, i) => `halaman ${i + 1} dari ${pages}`),
  );
  const panelTotal = (await page.getByTestId('analysis-total-exact').textContent())!.replace(/\s/g, ' ');
  expect(text.replace(/\s/g, ' ')).toContain(panelTotal);
  // The rows of the detail table add up to the total: the report prints their sum under them.
  expect(text.replace(/\s+/g, ' ')).toContain(`Jumlah ${panelTotal}`);
  // Maps drawn at print resolution: the corridor overview (counting the corridor's assets) and detail maps.
  // Counted as the panel counts: of the corridor's assets, not of every asset in the province.
  const panelCount = (await page.getByTestId('analysis-count').textContent())!;
  const [inside, ofCorridor] = /([\d.]+) dari ([\d.]+) aset/.exec(panelCount)!.slice(1);
  expect(text).toContain(
    `Peta Koridor Simpang Polda – Bandara El Tari: ${inside} dari ${ofCorridor} aset di koridor ini`,
  );
  expect(text).toMatch(new RegExp(`Aset di koridor ini\\s+${ofCorridor!.replace('.', '\\.')}\\n`));
  expect(text).toMatch(/Detail P-601 STA \d\+\d{3} – \d\+\d{3}: \d+ aset di dalam RUMIJA/);
  const images = execFileSync('pdfimages', ['-list', pdfFile], { encoding: 'utf8' }).trim().split('\n').slice(2);
  expect(images.length).toBeGreaterThanOrEqual(2);
  // The overview is 180 mm wide at 150 dpi: over a thousand pixels, not a screenshot.
  expect(Number(images[0]!.trim().split(/\s+/)[3])).toBeGreaterThan(1000);
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdfFile, join(tmpdir(), 'rumija-report-page')]);
  // GDAL reading the export adds its rows to the same total the panel and the report print.
  const sum = execFileSync(
    'ogrinfo',
    ['-q', '-dialect', 'SQLite', '-sql', 'SELECT SUM(retribusi_idr) AS v FROM "rumija-perambahan"', file],
    {
      encoding: 'utf8',
    },
  );
  expect(Number(/v \((?:Integer|Integer64|Real)\) = ([\d.]+)/.exec(sum)![1])).toBe(rupiah(panelTotal));
});

test('a tariff edit is saved as a new version, survives reload and changes the estimate', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('tab-analysis').click();
  await page.locator('.tariff-details summary').click();
  await page.getByTestId('tariff-rate-tiang').fill('-1');
  await expect(page.getByTestId('tariff-rate-tiang-error')).toContainText('tidak boleh negatif');
  await page.getByTestId('tariff-save').click();
  await expect(page.getByTestId('tariff-message')).toContainText('Tidak tersimpan');
  await page.getByTestId('tariff-rate-tiang').fill('300000');
  // Dates typed and shown the Indonesian way, whatever the browser's own format.
  await expect(page.getByTestId('tariff-valid-from')).toHaveValue(/^\d{2}\/\d{2}\/\d{4}$/);
  await page.getByTestId('tariff-valid-to').fill('31/12/2025');
  await page.getByTestId('tariff-save').click();
  await expect(page.getByTestId('tariff-message')).toContainText('validTo');
  await page.getByTestId('tariff-valid-to').fill('31 Desember 2026');
  await page.getByTestId('tariff-valid-to').press('Enter');
  await expect(page.getByTestId('tariff-valid-to')).toHaveValue('31/12/2026');
  await page.getByTestId('tariff-valid-to').fill('31/02/2026');
  await page.getByTestId('tariff-valid-to').press('Enter');
  await expect(page.getByTestId('tariff-editor')).toContainText('“31/02/2026” bukan tanggal');
  await page.getByTestId('tariff-valid-to').fill('31/12/2026');
  await page.getByTestId('tariff-save').click();
  await expect(page.getByTestId('tariff-message')).toContainText('Versi 2 tersimpan');
  await page.reload();
  await openApp(page);
  await page.getByTestId('tab-analysis').click();
  await page.getByTestId('analysis-corridor').selectOption('demo-corridor-kupang');
  await page.getByTestId('analysis-paying').fill('20');
  await page.getByTestId('analysis-run').click();
  await expect(page.getByTestId('analysis-results')).toBeVisible();
  expectNearGdal(
    rupiah(await page.getByTestId('analysis-total-exact').textContent()),
    gdalEstimate({ ...EXAMPLE_RATES, pole: 300_000 }).totalIdr,
  );
  await page.getByTestId('language-en').click();
  await expect(page.getByTestId('encroachment-panel')).toContainText('Potential levy');
  await page.locator('.tariff-details summary').click();
  await expect(page.getByTestId('tariff-valid-to')).toHaveValue('31 Dec 2026');
  await screenshot(page, 'encroachment-panel-en');
});

test('money typed the Indonesian way is read as typed; an undone tariff marks the result out of date', async ({
  page,
}) => {
  await openApp(page);
  await page.getByTestId('tab-analysis').click();
  await page.getByTestId('analysis-corridor').selectOption('demo-corridor-kupang');
  await page.locator('.tariff-details summary').click();
  const rate = page.getByTestId('tariff-rate-tiang');
  await expect(rate).toHaveValue('150.000');

  // "20.5" is not a rupiah amount in Indonesian: refused, with what was probably meant.
  await rate.fill('17.50');
  await expect(page.getByTestId('tariff-rate-tiang-error')).toContainText('Maksud Anda 17,50?');
  await page.getByTestId('tariff-save').click();
  await expect(page.getByTestId('tariff-message')).toContainText('Tidak tersimpan');

  await rate.fill('175.000');
  await expect(page.getByTestId('tariff-rate-tiang-error')).toHaveCount(0);
  await page.getByTestId('tariff-save').click();
  await expect(page.getByTestId('tariff-message')).toHaveText('Versi 2 tersimpan');
  await page.getByTestId('analysis-run').click();
  // One pole inside RUMIJA for one year at Rp175 000 per unit and year.
  const poleLine = page.getByTestId('analysis-line').filter({ hasText: 'Tiang listrik' }).first();
  await expect(poleLine.locator('[data-field="amount"]')).toHaveText(/^Rp\s?175\.000$/);
  await expect(page.getByTestId('analysis-stale')).toHaveCount(0);

  await page.getByTestId('undo').click();
  await expect(rate).toHaveValue('150.000');
  await expect(page.getByTestId('tariff-message')).toHaveCount(0);
  await expect(page.getByTestId('analysis-stale')).toContainText('tarif versi 2; tarif sekarang versi 1');
  await page.getByTestId('analysis-rerun').click();
  await expect(page.getByTestId('analysis-stale')).toHaveCount(0);
  await expect(poleLine.locator('[data-field="amount"]')).toHaveText(/^Rp\s?150\.000$/);
  await screenshot(page, 'tariff-undo-id');

  // In English the same amount is typed with commas, and shown grouped once the field is left.
  await page.getByTestId('language-en').click();
  await expect(rate).toHaveValue('150,000');
  await rate.fill('175000');
  await rate.blur();
  await expect(rate).toHaveValue('175,000');
  await rate.fill('175.000');
  await expect(page.getByTestId('tariff-rate-tiang-error')).toContainText('ambiguous');
  await screenshot(page, 'tariff-ambiguous-en');
});

test('an analysis with the road layer switched off says why every asset is outside, instead of a silent Rp 0', async ({
  page,
}) => {
  await openApp(page);
  await page.getByTestId('layer-visible-demo-roads').uncheck();
  await page.getByTestId('tab-analysis').click();
  await page.getByTestId('analysis-run').click();
  await expect(page.getByTestId('analysis-warnings')).toContainText(
    'Tidak ada ruas jalan: semua aset dilaporkan di luar RUMIJA',
  );
  await expect(page.getByTestId('analysis-total-exact')).toHaveText(/^Rp\s?0$/);
  await page.getByTestId('language-en').click();
  await expect(page.getByTestId('analysis-warnings')).toContainText('No road segments');
  await screenshot(page, 'analysis-warning-en');
});
