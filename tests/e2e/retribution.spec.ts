import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp, savedFile, screenshot, waitForMapIdle } from './helpers';
import { expectBlend, hex, pixelAtScreen } from './road-pixels';
import { createDemoDataset } from '#shared/demo/create-demo-dataset';
import { createDemoRetribution } from '#shared/demo/create-demo-retribution';

/**
 * The retribution register with the demo cycle: owner names reconciled into an obligor, an issued SKRD with its
 * lines and the amount in words, a bank statement matched and recorded, and the arrears moving with it. Screens in
 * both languages at 1366×768.
 */
const WORDS = {
  id: {
    unlinked: 'aset belum tertaut',
    confirmed: 'ditautkan ke',
    words: 'Terbilang',
    exact: 'Cocok',
    recorded: 'pembayaran dari',
    recap: { number: 'Nomor SKRD', period: 'Masa retribusi', total: 'Ketetapan (Rp)', sum: 'JUMLAH' },
  },
  en: {
    unlinked: 'not linked to an obligor',
    confirmed: 'linked to',
    words: 'In words',
    exact: 'Matches',
    recorded: 'from rekening-koran.csv recorded',
    recap: { number: 'SKRD number', period: 'Period', total: 'Assessed (IDR)', sum: 'TOTAL' },
  },
};

/** Rupiah in a cell as a whole number, whatever the language's grouping. */
const rupiahOf = (text: string) => Number(text.replace(/[^0-9]/g, ''));

async function tour(page: Page, language: 'id' | 'en') {
  const words = WORDS[language];
  const name = (screen: string) => `retribution-${screen}-${language}-1366`;
  await page.getByTestId('tab-retribution').click();
  await expect(page.getByTestId('retribution-demo')).toBeVisible();

  // Reconciliation: demo owners not yet in the register are suggested; confirming one links its assets.
  const unlinkedText = async () =>
    rupiahOf((await page.getByTestId('unlinked-count').textContent())!.split(/dari|of/)[0]!);
  await expect(page.getByTestId('unlinked-count')).toContainText(words.unlinked);
  const before = await unlinkedText();
  const suggestion = page.getByTestId('suggestion').filter({ hasText: 'Operator seluler (contoh)' });
  const linked = rupiahOf((await suggestion.locator('label').first().textContent())!.split('—')[1]!);
  await screenshot(page, name('reconciliation'));
  await suggestion.getByTestId('confirm-suggestion').click();
  await expect(page.getByRole('status')).toContainText(words.confirmed);
  expect(await unlinkedText()).toBe(before - linked);
  await expect(page.getByTestId('obligor-table')).toContainText('Operator seluler (contoh)');

  // An issued SKRD: its lines add up to its total, written in words.
  await page.getByTestId('retribution-tab-assess').click();
  const rows = page.getByTestId('assessment-table').locator('tbody tr');
  await expect(rows).toHaveCount(5);
  const totals = await rows.locator('td:nth-child(5)').allTextContents();
  expect(rupiahOf((await page.getByTestId('assess-sum').textContent())!)).toBe(
    totals.reduce((sum, text) => sum + rupiahOf(text), 0),
  );
  // The notices of the period, read back by poppler: their totals add up to what the panel shows.
  const pdf = await savedFile(page, 'assess-notices');
  const printed = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  const noticeTotals = [...printed.matchAll(/JUMLAH RETRIBUSI TERUTANG\s+Rp\s*([\d.]+)/g)].map((m) => rupiahOf(m[1]!));
  expect(noticeTotals).toHaveLength(5);
  expect(noticeTotals.reduce((sum, value) => sum + value, 0)).toBe(
    rupiahOf((await page.getByTestId('assess-sum').textContent())!),
  );
  expect(execFileSync('pdffonts', [pdf], { encoding: 'utf8' })).toMatch(
    /NotoSans\S*\s+CID TrueType\s+Identity-H\s+yes/,
  );
  // The finance office's recap, read by GDAL: the period's rows and its total row both equal the notices' sum.
  const sumOfNotices = noticeTotals.reduce((sum, value) => sum + value, 0);
  const recap = await savedFile(page, 'assess-recap');
  const sheet = '"Simpang Polda – Bandara El Tari"';
  const { number: numberColumn, period, total: assessed, sum: totalWord } = words.recap;
  const periodName = (await page.getByTestId('assess-period').locator('option:checked').textContent())!.split(
    ' — ',
  )[1]!;
  const gdal = (sql: string) =>
    Number(
      / v \((?:Real|Integer|Integer64)\) = ([\d.]+)/.exec(
        execFileSync('ogrinfo', ['-ro', '-q', '-dialect', 'SQLite', '-sql', sql, recap], { encoding: 'utf8' }),
      )![1],
    );
  expect(
    gdal(
      `SELECT SUM("${assessed}") AS v FROM ${sheet} WHERE "${period}" = '${periodName}' AND "${numberColumn}" NOT LIKE '${totalWord}%'`,
    ),
  ).toBe(sumOfNotices);
  expect(gdal(`SELECT "${assessed}" AS v FROM ${sheet} WHERE "${numberColumn}" = '${totalWord} ${periodName}'`)).toBe(
    sumOfNotices,
  );
  // One PDF per obligor, in a zip opened by unzip: five files, one notice each, adding up to the same sum.
  const zip = await savedFile(page, 'assess-notice-files');
  const unzipped = mkdtempSync(join(tmpdir(), 'rumija-skrd-zip-'));
  execFileSync('unzip', ['-q', zip, '-d', unzipped]);
  const perObligor = readdirSync(unzipped).map((file) =>
    [
      ...execFileSync('pdftotext', ['-layout', join(unzipped, file), '-'], { encoding: 'utf8' }).matchAll(
        /JUMLAH RETRIBUSI TERUTANG\s+Rp\s*([\d.]+)/g,
      ),
    ].map((m) => rupiahOf(m[1]!)),
  );
  expect(perObligor.map((totals) => totals.length)).toEqual([1, 1, 1, 1, 1]);
  expect(perObligor.flat().reduce((sum, value) => sum + value, 0)).toBe(sumOfNotices);
  // By hand: five SKRDs of the first semester, 11.329.491 + 1.211.493 + 12.630.602 + 10.125.000 (PLN: 135 poles ×
  // Rp150.000 × 6/12) + 14.132.940.
  expect(sumOfNotices).toBe(49_429_526);
  await page.getByTestId('retribution-assess').evaluate((element) => element.scrollIntoView({ block: 'start' }));
  await screenshot(page, name('notices'));
  await rows.filter({ hasText: 'Telkom' }).click();
  const detail = page.getByTestId('assessment-detail');
  const amounts = await detail.locator('tbody td:nth-child(7)').allTextContents();
  const total = rupiahOf((await detail.locator('tfoot td').last().textContent())!);
  expect(amounts.reduce((sum, text) => sum + rupiahOf(text), 0)).toBe(total);
  await expect(page.getByTestId('terbilang')).toContainText(words.words);
  await expect(page.getByTestId('terbilang')).toContainText('rupiah');
  await detail.evaluate((element) => element.scrollIntoView({ block: 'start' }));
  await screenshot(page, name('assessment'));

  // A bank statement: one transfer quoting Telkom's first-semester SKRD, one duplicate, one unknown.
  const number = (await rows.filter({ hasText: 'Telkom' }).locator('td:nth-child(2)').textContent())!;
  await page.getByTestId('retribution-tab-arrears').click();
  const outstandingBefore = rupiahOf((await page.getByTestId('arrears-outstanding').textContent())!);
  await page.getByTestId('retribution-tab-payments').click();
  const csv = [
    'Tanggal;Keterangan;Referensi;Debet;Kredit',
    `05/12/2026;TRF TELKOM ${number};FT2612050001;;1.000.000,00`,
    `05/12/2026;TRF TELKOM ${number};FT2612050001;;1.000.000,00`,
    '06/12/2026;TRF TANPA NOMOR;FT2612060002;;12.345,00',
    '06/12/2026;BIAYA ADMIN;;6.500,00;',
  ].join('\r\n');
  await page
    .getByTestId('statement-file')
    .setInputFiles({ name: 'rekening-koran.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  const lines = page.getByTestId('statement-row');
  await expect(lines).toHaveCount(3);
  expect(await lines.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-kind')))).toEqual([
    'partial',
    'duplicate',
    'unmatched',
  ]);
  // A partial match is offered unticked: the user confirms it.
  await lines.first().locator('input[type=checkbox]').check();
  await page.getByTestId('statement-matches').scrollIntoViewIfNeeded();
  await screenshot(page, name('payments'));
  await page.getByTestId('statement-record').click();
  await expect(page.getByTestId('payment-message')).toContainText(words.recorded);
  await expect(page.getByTestId('payment-table')).toContainText('FT2612050001');

  await page.getByTestId('retribution-tab-arrears').click();
  expect(rupiahOf((await page.getByTestId('arrears-outstanding').textContent())!)).toBe(outstandingBefore - 1_000_000);
  await screenshot(page, name('arrears'));
}

for (const language of ['id', 'en'] as const)
  test(`retribution register: reconcile, assessment, bank statement, arrears (${language})`, async ({ page }) => {
    test.setTimeout(180_000);
    await page.setViewportSize({ width: 1366, height: 768 });
    await openApp(page);
    if (language === 'en') await page.getByTestId('language-en').click();
    await tour(page, language);
  });

/**
 * The compliance map: with the demo cycle, a pole of PLN (both semesters paid) is drawn in the paid colour, one of
 * Telkom (half of a semester due 31/07/2026 paid) in the overdue colour, one of an owner nobody reconciled in the
 * no-obligor colour; unticking "paid" leaves PLN's pole off the map. Colours are written here, not read from the
 * app's table; each legend swatch must show the same.
 */
const STANDING = { paid: '#aad2c9', overdue: '#9a3540', no_obligor: '#565f78' } as const;
const demoFeatures = createDemoDataset('2026-03-01T00:00:00.000Z').features;
const demoCycle = createDemoRetribution(demoFeatures, '2026-03-01T00:00:00.000Z');
const onSkrd = new Set(demoCycle.assessments.flatMap((a) => a.lines.map((line) => line.assetId)));
const poleOf = (owner: string, assessed: boolean) =>
  demoFeatures.find(
    (f) =>
      f.properties.kind === 'asset' &&
      f.geometry.type === 'Point' &&
      f.properties.owner === owner &&
      onSkrd.has(f.id) === assessed,
  )!;

for (const language of ['id', 'en'] as const)
  test(`compliance map: assets in their obligor's standing colour, filtered by class (${language})`, async ({
    page,
  }) => {
    test.setTimeout(180_000);
    await page.setViewportSize({ width: 1366, height: 768 });
    await openApp(page);
    if (language === 'en') await page.getByTestId('language-en').click();
    await page.getByTestId('tab-retribution').click();
    await page.getByTestId('retribution-tab-map').click();
    await page.getByTestId('standing-map-on').check();
    for (const [standing, colour] of Object.entries(STANDING))
      await expect(page.getByTestId(`standing-swatch-${standing}`)).toHaveAttribute('data-color', colour);
    // The layer's legend follows the map; a clean ground under the poles: the other layers off.
    await page.getByTestId('tab-layers').click();
    for (const [standing, colour] of Object.entries(STANDING))
      await expect(page.getByTestId(`legend-demo-assets-standing-${standing}`)).toHaveAttribute('data-color', colour);
    // The shape says the zone, as on the map (#38): the legend draws it blank, not as a bridge's circle.
    await expect(page.getByTestId('legend-demo-assets-standing-zone-rumija')).toHaveAttribute('data-shape', 'diamond');
    await expect(page.getByTestId('legend-demo-assets-standing-paid')).toHaveAttribute('data-shape', 'band');
    for (const layer of ['demo-corridors', 'demo-roads', 'demo-bridges'])
      await page.getByTestId(`layer-visible-${layer}`).uncheck();
    await page.getByTestId('tab-retribution').click();
    const pixelOf = async (id: string) => {
      const feature = demoFeatures.find((f) => f.id === id)!;
      const position = (feature.geometry as { coordinates: number[] }).coordinates as [number, number];
      await page.evaluate((center) => window.rumijaMap!.jumpTo({ center, zoom: 17 }), position);
      await waitForMapIdle(page);
      return pixelAtScreen(page, await page.evaluate((at) => window.rumijaMap!.project(at), position));
    };
    const pln = poleOf('PLN UP3 Kupang', true).id;
    const telkom = poleOf('Telkom Indonesia', true).id;
    const unlinked = poleOf('Operator seluler (contoh)', false).id;
    expectBlend(await pixelOf(pln), STANDING.paid, [0, 0, 0], 1, `${pln} (PLN, paid)`);
    expectBlend(await pixelOf(telkom), STANDING.overdue, [0, 0, 0], 1, `${telkom} (Telkom, overdue)`);
    expectBlend(await pixelOf(unlinked), STANDING.no_obligor, [0, 0, 0], 1, `${unlinked} (no obligor)`);
    // The filter: paid assets off, then the PLN pole shows the ground; Telkom's stays.
    const paidCount = rupiahOf((await page.getByTestId('standing-count-paid').textContent())!);
    expect(paidCount).toBeGreaterThan(0);
    await page.getByTestId('standing-show-paid').uncheck();
    const ground = await pixelOf(pln);
    expect(Math.max(...ground.map((c, i) => Math.abs(c - hex(STANDING.paid)[i]!))), `${pln} hidden`).toBeGreaterThan(
      30,
    );
    expectBlend(await pixelOf(telkom), STANDING.overdue, [0, 0, 0], 1, `${telkom} still shown`);
    await page.getByTestId('standing-show-paid').check();
    // Off again: the pole is back in its zone's colour (RUMIJA magenta or another zone, never the paid colour).
    await page.getByTestId('standing-map-on').uncheck();
    const zoned = await pixelOf(pln);
    expect(Math.max(...zoned.map((c, i) => Math.abs(c - hex(STANDING.paid)[i]!)))).toBeGreaterThan(30);
    await page.getByTestId('standing-map-on').check();
    await page.getByTestId('tab-layers').click();
    await page.getByTestId('layer-visible-demo-roads').check();
    await page.getByTestId('tab-retribution').click();
    // The corridor's assessed poles in view.
    const poles = demoFeatures.filter((f) => onSkrd.has(f.id) && f.geometry.type === 'Point');
    const mean = (i: number) =>
      poles.reduce((sum, f) => sum + (f.geometry as { coordinates: number[] }).coordinates[i]!, 0) / poles.length;
    await page.evaluate((center) => window.rumijaMap!.jumpTo({ center, zoom: 14 }), [mean(0), mean(1)] as [
      number,
      number,
    ]);
    await waitForMapIdle(page);
    await screenshot(page, `retribution-map-${language}-1366`);
  });
