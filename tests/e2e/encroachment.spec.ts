import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDemoDataset } from '../../shared/demo/create-demo-dataset';
import { analyzeAssets, createRoadIndex } from '../../shared/analysis/encroachment';
import { estimateRetribution } from '../../shared/tariff/estimate-retribution';
import { EXAMPLE_TARIFF_SCHEDULE } from '../../shared/tariff/tariff-schedule';
import { formatRupiah } from '../../shared/format/format-rupiah';
import { openApp, screenshot, waitForMapIdle } from './helpers';

const demo = createDemoDataset();
const kupangCorridor = demo.features.find((f) => f.id === 'demo-corridor-kupang')!;
const corridorSegments = new Set(kupangCorridor.properties.segmentIds as string[]);
const roads = demo.features.filter((f) => f.properties.kind === 'road' && corridorSegments.has(f.id));
const corridors = demo.features.filter((f) => f.properties.kind === 'corridor');
const assets = demo.features.filter((f) => f.properties.kind === 'asset');

function expectedEstimate(rates = EXAMPLE_TARIFF_SCHEDULE) {
  const results = analyzeAssets(createRoadIndex(roads, corridors), assets);
  return {
    results,
    estimate: estimateRetribution(results, assets, rates, {
      periodYears: 1,
      payingShare: 0.2,
    }),
  };
}

test('the Simpang Polda – El Tari estimate runs in a worker and matches the shared computation', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('tab-analysis').click();
  await expect(page.getByTestId('encroachment-panel')).toContainText('TARIF CONTOH');
  await page.getByTestId('analysis-corridor').selectOption('demo-corridor-kupang');
  await page.getByTestId('analysis-paying').fill('20');
  await page.getByTestId('analysis-run').click();
  await expect(page.getByTestId('analysis-results')).toBeVisible();

  const { results, estimate } = expectedEstimate();
  await expect(page.getByTestId('analysis-total-exact')).toHaveText(formatRupiah(estimate.totalIdr));
  const inside = results.filter((r) => r.quantity > 0).length;
  await expect(page.getByTestId('analysis-count')).toContainText(`${inside} dari ${assets.length} aset`);
  await expect(page.getByTestId('analysis-byOwner')).toContainText('PLN UP3 Kupang');

  // The detail table sorts: largest levy first by default, then by zone, inner zones first.
  const largest = Math.max(...estimate.lines.map((line) => line.amountIdr));
  await expect(page.getByTestId('analysis-line').first().locator('[data-field="amount"]')).toHaveText(
    formatRupiah(largest),
  );
  await page.getByTestId('analysis-sort-zone').click();
  await expect(page.getByTestId('analysis-line').first()).toContainText('RUMAJA');
  await page.getByTestId('analysis-sort-zone').click();
  await expect(page.getByTestId('analysis-line').first()).toContainText('RUMIJA');

  // Assets on the map are coloured by their zone.
  const zones = await page.evaluate(() =>
    window.rumijaMap!.querySourceFeatures('data:demo-assets').map((f) => f.properties.zone as string | undefined),
  );
  expect(zones.filter(Boolean).length).toBeGreaterThan(0);
  await page.evaluate(() => window.rumijaMap!.jumpTo({ center: [123.645, -10.1625], zoom: 16 }));
  await waitForMapIdle(page);
  // The RUMIJA band of the 25 m corridor is drawn around the road at this zoom.
  const bands = await page.evaluate(() =>
    window.rumijaMap!.querySourceFeatures('row-zones').map((f) => `${f.properties.fid}:${f.properties.zone}`),
  );
  expect(bands).toContain('demo-road-P-601-2:rumija');
  expect(bands).toContain('demo-road-P-601-2:ruwasja');
  await screenshot(page, 'encroachment-kupang-id');
});

test('the export is GeoJSON that GDAL reads, with the computed fields', async ({ page }) => {
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
  expect(execFileSync('pdfinfo', [pdfFile], { encoding: 'utf8' })).toMatch(/Pages:\s+[1-9]/);
  const text = execFileSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' });
  expect(text).toContain('Laporan Estimasi Retribusi Pemakaian RUMIJA');
  expect(text).toContain('Koridor Simpang Polda - Bandara El Tari');
  expect(text).toContain(formatRupiah(expectedEstimate().estimate.totalIdr).replace('\u00a0', ' ').split(' ')[1]);
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
  await page.getByTestId('tariff-valid-to').fill('2025-12-31');
  await page.getByTestId('tariff-save').click();
  await expect(page.getByTestId('tariff-message')).toContainText('validTo');
  await page.getByTestId('tariff-valid-to').fill('2026-12-31');
  await page.getByTestId('tariff-save').click();
  await expect(page.getByTestId('tariff-message')).toContainText('Versi 2 tersimpan');
  await page.reload();
  await openApp(page);
  await page.getByTestId('tab-analysis').click();
  await page.getByTestId('analysis-corridor').selectOption('demo-corridor-kupang');
  await page.getByTestId('analysis-paying').fill('20');
  await page.getByTestId('analysis-run').click();
  const edited = {
    ...EXAMPLE_TARIFF_SCHEDULE,
    items: EXAMPLE_TARIFF_SCHEDULE.items.map((i) => (i.id === 'tiang' ? { ...i, ratePerYearIdr: 300_000 } : i)),
  };
  await expect(page.getByTestId('analysis-total-exact')).toHaveText(
    formatRupiah(expectedEstimate(edited).estimate.totalIdr),
  );
  await page.getByTestId('language-en').click();
  await expect(page.getByTestId('encroachment-panel')).toContainText('Potential levy');
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
