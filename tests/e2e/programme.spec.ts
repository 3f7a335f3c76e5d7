import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { openApp, savedFile, screenshot } from './helpers';
import { readDrawnChart, readFigure, rowOf, valueAxis } from './chart-readback';

/**
 * The road programme on the demo network with the example catalogue: a ceiling of Rp 100 miliar for 2027, the
 * totals, kemantapan and list a planner reads, the same after a reload, and the Excel file read back by GDAL.
 *
 * Expected values are worked by hand from the demo lengths (shared/demo, rounded there to 0,1 m) and the example
 * unit costs for a 4,5 m carriageway (0,75 × the 6 m asphalt price; lapen 0,8 × asphalt): rekonstruksi lapen
 * Rp2 700 juta/km, rehabilitasi aspal Rp1 500 juta/km, berkala aspal Rp675 juta/km, rutin aspal Rp45 juta/km;
 * P-105 (5 m) rutin Rp60 juta/km; P-602/P-603 (7 m, 1,2 ×) berkala Rp1 080 juta, rutin Rp72 juta; P-601 (14 m,
 * 2 ×) rutin Rp120 juta/km; bridges: penggantian Rp100 juta/m, new Rp120 juta/m.
 *
 * The walk down the priority list (in juta): bridges on the border route P-101 Bipolo 25 m 2 500, Nunpisa 30 m
 * 3 000, Kapsali 100 m 10 000, Termanu 100 m 10 000 → 25 500; P-101 (3/3) 9,8789 km × 2 700 = 26 673,03 →
 * 52 173,03; P-102 (4/4) 51 259,23 and every other rusak berat (≥ 55 769,85) and the rusak ringan border ruas
 * (≥ 60 292,5) would pass 100 000; then the rusak ringan by cost: P-202 (2/3) in Manggarai Timur 10,3367 × 1 500 =
 * 15 505,05 → 67 678,08; P-202 (1/3) in Manggarai 10,4646 × 1 500 = 15 696,9 → 83 374,98; P-103 (2/2) 17 198,7
 * and the other rusak ringan would pass; new bridge Na'anruin 30 m × 120 = 3 600 → 86 974,98; P-102 (2/4) sedang on
 * the border in TTS 5,4735 × 675 = 3 694,6125 → 90 669,5925; P-102 (3/4) in Malaka 16 254,3375 would pass; P-602
 * 3,499 × 1 080 = 3 778,92 → 94 448,5125; the other sedang (≥ 7 798,275) would pass; then every baik: P-603
 * 290,8368, P-105 (2/2) 4,947 × 60 = 296,82, P-601 (1/2) 326,772, P-105 (1/2) 5,9832 × 60 = 358,992, P-503
 * 450,8235, P-601 (2/2) 497,796 → 96 670,5528. Programmed Rp 96.670.552.800 of 34 candidates (29 provincial
 * segments, split where a ruas crosses a regency border, and 5 bridges), 16 items; left Rp 3.329.447.200.
 * Cost of every candidate (Σ length × unit cost over the 34; the splits add up to the unsplit segments):
 * Rp 991.308.367.800.
 * Roads handled 9 878,9 + 10 336,7 + 10 464,6 + 5 473,5 + 3 499 + 4 039,4 + 4 947 + 2 723,1 + 5 983,2 + 10 018,3
 * + 4 148,3 = 71 512,0 m → 71,5 km; bridges 25 + 30 + 100 + 100 + 30 = 285 m; provincial length 566 691,1 m, so
 * 495 179,1 m → 495,2 km not reached.
 * Kemantapan (provincial roads, baik + sedang over the known length): before 149 502,0 / 566 691,1 = 26,38 %;
 * after, P-101 (3/3) and P-202 (1/3), (2/3) become baik (+9 878,9 + 10 464,6 + 10 336,7): 180 182,2 / 566 691,1 =
 * 31,80 %. Kupang (5303) 4 947 / 84 502,5 = 5,85 % → 14 825,9 / 84 502,5 = 17,54 %; Manggarai (5313) 0 → 100 %;
 * Manggarai Timur (5319) 0 → 10 336,7 / 34 712,1 = 29,78 %; TTS (5304) 27 226,9 / 104 758,8 = 25,99 % and Malaka
 * (5321) 24 080,5 / 43 065,4 = 55,92 % do not change (their funded part was sedang already), nor do the others.
 * Cost by regency: Kupang 25 500 + 3 600 + 26 673,03 + 296,82 = 56 069,85; Kota Kupang 326,772 + 497,796 + 358,992
 * = 1 183,56 (12 854,6 m).
 */
const BUDGET = 100_000_000_000;
const WORDS = {
  id: {
    budget: '100.000.000.000',
    totals: {
      budget: ['Rp 100.000.000.000', 'Rp100 miliar'],
      funded: ['Rp 96.670.552.800', 'Rp96,7 miliar'],
      remaining: ['Rp 3.329.447.200', 'Rp3,3 miliar'],
      needed: ['Rp 991.308.367.800', 'Rp991,3 miliar'],
      items: ['16 dari 34', ''],
      roads: ['71,5 km', ''],
      bridges: ['285,0 m', ''],
      unfunded: ['495,2 km', ''],
    },
    // Regency, cost (short), road km and bridge metres handled, before, after — as the table reads.
    regencies: {
      '5302': ['Kabupaten Sumba Timur', '–', '–', '–', '0,0%', '0,0%'],
      '5303': ['Kabupaten Kupang', 'Rp56,1 miliar', '14,8', '285,0', '5,9%', '17,5%'],
      '5304': ['Kabupaten Timor Tengah Selatan', 'Rp3,7 miliar', '5,5', '0,0', '26,0%', '26,0%'],
      '5305': ['Kabupaten Timor Tengah Utara', '–', '–', '–', '0,0%', '0,0%'],
      '5306': ['Kabupaten Belu', 'Rp3,8 miliar', '3,5', '0,0', '100,0%', '100,0%'],
      '5307': ['Kabupaten Alor', '–', '–', '–', '17,4%', '17,4%'],
      '5308': ['Kabupaten Lembata', '–', '–', '–', '100,0%', '100,0%'],
      '5311': ['Kabupaten Ende', 'Rp290,8 juta', '4,0', '0,0', '14,8%', '14,8%'],
      '5312': ['Kabupaten Ngada', '–', '–', '–', '27,5%', '27,5%'],
      '5313': ['Kabupaten Manggarai', 'Rp15,7 miliar', '10,5', '0,0', '0,0%', '100,0%'],
      '5314': ['Kabupaten Rote Ndao', 'Rp450,8 juta', '10,0', '0,0', '100,0%', '100,0%'],
      '5318': ['Kabupaten Nagekeo', '–', '–', '–', '100,0%', '100,0%'],
      '5319': ['Kabupaten Manggarai Timur', 'Rp15,5 miliar', '10,3', '0,0', '0,0%', '29,8%'],
      '5321': ['Kabupaten Malaka', '–', '–', '–', '55,9%', '55,9%'],
      '5371': ['Kota Kupang', 'Rp1,2 miliar', '12,9', '0,0', '100,0%', '100,0%'],
      total: ['Provinsi', 'Rp96,7 miliar', '71,5', '285,0', '26,4%', '31,8%'],
    },
    funded: 'Terprogram',
    notFunded: 'Tidak muat',
    sheet: 'Program 2027',
    costColumn: 'Biaya (Rp)',
    regencySheet: 'Per kabupaten',
    regencyColumn: 'Kabupaten/kota',
    bridgeColumn: 'Jembatan (m)',
    aboutSheet: 'Keterangan',
    about: ['Dinas PUPR Provinsi Nusa Tenggara Timur', 'CONTOH — bukan HSPK/AHSP resmi', 'DEMO (ilustrasi)'],
    statusColumn: 'Status',
  },
  en: {
    budget: '100,000,000,000',
    totals: {
      budget: ['Rp 100,000,000,000', 'Rp100 billion'],
      funded: ['Rp 96,670,552,800', 'Rp96.7 billion'],
      remaining: ['Rp 3,329,447,200', 'Rp3.3 billion'],
      needed: ['Rp 991,308,367,800', 'Rp991.3 billion'],
      items: ['16 of 34', ''],
      roads: ['71.5 km', ''],
      bridges: ['285.0 m', ''],
      unfunded: ['495.2 km', ''],
    },
    regencies: {
      '5302': ['Kabupaten Sumba Timur', '–', '–', '–', '0.0%', '0.0%'],
      '5303': ['Kabupaten Kupang', 'Rp56.1 billion', '14.8', '285.0', '5.9%', '17.5%'],
      '5304': ['Kabupaten Timor Tengah Selatan', 'Rp3.7 billion', '5.5', '0.0', '26.0%', '26.0%'],
      '5305': ['Kabupaten Timor Tengah Utara', '–', '–', '–', '0.0%', '0.0%'],
      '5306': ['Kabupaten Belu', 'Rp3.8 billion', '3.5', '0.0', '100.0%', '100.0%'],
      '5307': ['Kabupaten Alor', '–', '–', '–', '17.4%', '17.4%'],
      '5308': ['Kabupaten Lembata', '–', '–', '–', '100.0%', '100.0%'],
      '5311': ['Kabupaten Ende', 'Rp290.8 million', '4.0', '0.0', '14.8%', '14.8%'],
      '5312': ['Kabupaten Ngada', '–', '–', '–', '27.5%', '27.5%'],
      '5313': ['Kabupaten Manggarai', 'Rp15.7 billion', '10.5', '0.0', '0.0%', '100.0%'],
      '5314': ['Kabupaten Rote Ndao', 'Rp450.8 million', '10.0', '0.0', '100.0%', '100.0%'],
      '5318': ['Kabupaten Nagekeo', '–', '–', '–', '100.0%', '100.0%'],
      '5319': ['Kabupaten Manggarai Timur', 'Rp15.5 billion', '10.3', '0.0', '0.0%', '29.8%'],
      '5321': ['Kabupaten Malaka', '–', '–', '–', '55.9%', '55.9%'],
      '5371': ['Kota Kupang', 'Rp1.2 billion', '12.9', '0.0', '100.0%', '100.0%'],
      total: ['Province', 'Rp96.7 billion', '71.5', '285.0', '26.4%', '31.8%'],
    },
    funded: 'Programmed',
    notFunded: 'Does not fit',
    sheet: 'Programme 2027',
    costColumn: 'Cost (Rp)',
    regencySheet: 'By regency',
    regencyColumn: 'Regency/city',
    bridgeColumn: 'Bridges (m)',
    aboutSheet: 'About',
    about: [
      'Public Works and Housing Agency (PUPR), East Nusa Tenggara Province',
      'EXAMPLE — not the official HSPK/AHSP',
      'DEMO (illustrative)',
    ],
    statusColumn: 'Status',
  },
};
const FUNDED_IN_ORDER = [
  'demo-bridge-4',
  'demo-bridge-3',
  'demo-bridge-1',
  'demo-bridge-2',
  'demo-road-P-101-3',
  'demo-road-P-202-2',
  'demo-road-P-202-1',
  'demo-bridge-5',
  'demo-road-P-102-2',
  'demo-road-P-602-1',
  'demo-road-P-603-1',
  'demo-road-P-105-2',
  'demo-road-P-601-1',
  'demo-road-P-105-1',
  'demo-road-P-503-1',
  'demo-road-P-601-2',
];

const clean = (text: string) => text.replace(/\s+/g, ' ').trim();

async function readScreen(page: Page, language: 'id' | 'en') {
  const words = WORDS[language];
  for (const [key, [exact, short]] of Object.entries(words.totals)) {
    const cells = page.getByTestId(`programme-total-${key}`).locator('td');
    expect([key, clean(await cells.nth(0).innerText()), clean(await cells.nth(1).innerText())]).toEqual([
      key,
      exact,
      short,
    ]);
  }
  const rows = page.getByTestId('programme-kemantapan').locator('tbody tr');
  await expect(rows).toHaveCount(Object.keys(words.regencies).length);
  for (const [key, expected] of Object.entries(words.regencies)) {
    const cells = await page.getByTestId(`programme-regency-${key}`).locator('th, td').allInnerTexts();
    expect(cells.map(clean)).toEqual(expected);
  }
  const list = page.getByTestId('programme-list').locator('tbody tr');
  await expect(list).toHaveCount(34);
  const funded = page.getByTestId('programme-list').locator('tbody tr.funded');
  expect(
    await funded.evaluateAll((trs) =>
      trs.map((tr) => (tr as HTMLElement).dataset.testid!.replace('programme-item-', '')),
    ),
  ).toEqual(FUNDED_IN_ORDER);
  // One row read whole: rank, name and regency, handling and condition, cost with length and unit cost, status;
  // the exact cost is the cell's tooltip.
  const row = await page.getByTestId('programme-item-demo-road-P-101-3').locator('td, th').allInnerTexts();
  expect(row.map(clean)).toEqual(
    language === 'id'
      ? [
          '5',
          'P-101 Oelamasi – Oepoli (3/3) Kabupaten Kupang',
          'Rekonstruksi Rusak berat',
          'Rp26,7 miliar 9,88 km · Rp2,7 miliar/km',
          'Terprogram',
        ]
      : [
          '5',
          'P-101 Oelamasi – Oepoli (3/3) Kabupaten Kupang',
          'Reconstruction Severely damaged',
          'Rp26.7 billion 9.88 km · Rp2.7 billion/km',
          'Programmed',
        ],
  );
  await expect(page.getByTestId('programme-item-demo-road-P-101-3').locator('td').nth(2)).toHaveAttribute(
    'title',
    language === 'id' ? /^Rp\s26\.673\.030\.000$/ : /^Rp\s26,673,030,000$/,
  );
  await expect(page.getByTestId('programme-item-demo-road-P-102-3')).toContainText(words.notFunded);

  // The chart as drawn: the province and Kupang bars end at the kemantapan after, their first part at the one before.
  const drawn = await readDrawnChart(page.getByTestId('chart-drawing-programme-kemantapan'));
  const axis = valueAxis(drawn, language);
  const at = (x: number) => (x - axis.zero) / axis.perUnit;
  for (const [name, before, after] of [
    [words.regencies.total[0]!, 26.38, 31.8],
    ['Kupang', 5.85, 17.54],
  ] as const) {
    const row = rowOf(drawn, name);
    expect(row.bars).toHaveLength(2);
    expect(at(Math.min(...row.bars.map((bar) => bar.right)))).toBeCloseTo(before, 0);
    expect(at(row.right)).toBeCloseTo(after, 0);
    expect(readFigure(row.figure!.text, language)).toBeCloseTo(after, 1);
  }
}

for (const language of ['id', 'en'] as const)
  test(`programme: a Rp 100 miliar ceiling on the demo network, read back, reloaded, exported (${language})`, async ({
    page,
  }) => {
    test.setTimeout(240_000);
    const words = WORDS[language];
    await page.setViewportSize({ width: 1366, height: 768 });
    await openApp(page);
    if (language === 'en') await page.getByTestId('language-en').click();
    await page.getByTestId('tab-programme').click();
    await expect(page.getByTestId('programme-demo')).toBeVisible();
    await page.getByTestId('programme-year').fill('2027');
    await page.getByTestId('programme-budget').fill(words.budget);
    await page.getByTestId('programme-save').click();
    await expect(page.getByTestId('programme-message')).toContainText('2027');
    await readScreen(page, language);
    await screenshot(page, `programme-plan-${language}-1366`);

    // The map marks what is funded: the Kupang–Oepoli bridges and segments, framed.
    await page.getByTestId('programme-frame').click();
    await page.getByTestId('programme-kemantapan').scrollIntoViewIfNeeded();
    await page.waitForTimeout(1500);
    await screenshot(page, `programme-kemantapan-${language}-1366`);
    await page.getByTestId('programme-list').scrollIntoViewIfNeeded();
    await screenshot(page, `programme-chart-list-${language}-1366`);

    // The Excel file, read by GDAL: the funded costs add up to what the screen says, and nothing else is funded.
    const file = await savedFile(page, 'programme-save-xlsx');
    const gdal = (sql: string) =>
      execFileSync('ogrinfo', ['-ro', '-q', '-dialect', 'SQLite', '-sql', sql, file], { encoding: 'utf8' });
    const value = (sql: string) => Number(/ v \((?:Real|Integer|Integer64)\) = ([\d.]+)/.exec(gdal(sql))![1]);
    const sheet = `"${words.sheet}"`;
    expect(value(`SELECT SUM("${words.costColumn}") AS v FROM ${sheet} WHERE "Status" = '${words.funded}'`)).toBe(
      96_670_552_800,
    );
    expect(value(`SELECT COUNT(*) AS v FROM ${sheet} WHERE "Status" = '${words.funded}'`)).toBe(16);
    expect(value(`SELECT SUM("${words.costColumn}") AS v FROM ${sheet}`)).toBe(991_308_367_800);
    // The regency rows add up to the province row (every funded bridge is in Kabupaten Kupang), and the workbook says
    // whose it is and that its prices and network are examples.
    const regencies = `"${words.regencySheet}" WHERE "${words.regencyColumn}" <> '${words.regencies.total[0]}'`;
    expect(value(`SELECT SUM("${words.costColumn}") AS v FROM ${regencies}`)).toBe(96_670_552_800);
    expect(value(`SELECT SUM("${words.bridgeColumn}") AS v FROM ${regencies}`)).toBe(285);
    const about = gdal(`SELECT * FROM "${words.aboutSheet}"`);
    for (const expected of words.about) expect(about).toContain(expected);

    // A reload keeps the programme: the same numbers come back.
    await page.reload();
    await page.waitForFunction(() => Boolean(window.rumijaMap?.loaded()));
    if (language === 'en') await page.getByTestId('language-en').click();
    await page.getByTestId('tab-programme').click();
    await expect(page.getByTestId('programme-year')).toHaveValue('2027');
    await readScreen(page, language);

    // The rules and unit costs, labelled as examples.
    await page.getByTestId('programme-tab-catalogue').click();
    await expect(page.getByTestId('programme-example')).toBeVisible();
    await screenshot(page, `programme-catalogue-${language}-1366`);
    expect(BUDGET).toBe(100_000_000_000);
  });

test('unit costs count as adopted only once their name and source no longer say CONTOH, and undo brings it back', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await openApp(page);
  await page.getByTestId('tab-programme').click();
  await page.getByTestId('programme-tab-catalogue').click();
  await expect(page.getByTestId('programme-example')).toBeVisible();
  await expect(page.getByTestId('catalogue-adopted')).not.toBeChecked();

  // Ticked with the example's own name and source: refused, naming both fields, and nothing saved.
  await page.getByTestId('catalogue-adopted').check();
  await page.getByTestId('catalogue-save').click();
  await expect(page.getByTestId('catalogue-message')).toContainText(
    'Tidak tersimpan: harga resmi tidak boleh masih bertanda CONTOH. Ganti Nama, Sumber harga satuan',
  );
  await expect(page.getByTestId('catalogue-version')).toHaveText('Versi 1');
  await expect(page.getByTestId('programme-example')).toBeVisible();

  await page.getByTestId('catalogue-name').fill('Harga satuan penanganan jalan dan jembatan 2027');
  await page.getByTestId('catalogue-reference').fill('Pergub NTT No. 12 Tahun 2026 tentang HSPK');
  await page.getByTestId('catalogue-save').click();
  await expect(page.getByTestId('catalogue-version')).toHaveText('Versi 2');
  await expect(page.getByTestId('programme-example')).toHaveCount(0);
  // The network is still the demo one, and says so; the costs no longer say they are examples.
  await expect(page.getByTestId('programme-demo')).toHaveText(
    'Jaringan DEMO (ilustrasi): angka ini bukan program resmi.',
  );
  await screenshot(page, 'programme-adopted-id-1366');

  await page.reload();
  await page.waitForFunction(() => Boolean(window.rumijaMap?.loaded()));
  await page.getByTestId('language-en').click();
  await page.getByTestId('tab-programme').click();
  await page.getByTestId('programme-tab-catalogue').click();
  await expect(page.getByTestId('catalogue-version')).toHaveText('Version 2');
  await expect(page.getByTestId('catalogue-adopted')).toBeChecked();
  await expect(page.getByTestId('programme-example')).toHaveCount(0);
  await screenshot(page, 'programme-adopted-en-1366');

  await page.getByTestId('undo').click();
  await expect(page.getByTestId('catalogue-version')).toHaveText('Version 1');
  await expect(page.getByTestId('programme-example')).toBeVisible();
  await expect(page.getByTestId('programme-demo')).toHaveText(
    'DEMO network (illustrative) and EXAMPLE unit costs: these figures are not an official programme.',
  );
  await expect(page.getByTestId('catalogue-adopted')).not.toBeChecked();
});
