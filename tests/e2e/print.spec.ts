import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp, savedFile, screenshot, SCREENSHOT_DIR, waitForMapIdle } from './helpers';
import { createDemoDataset } from '#shared/demo/create-demo-dataset';
import { sheetLayout } from '#shared/print/print-layout';
import { phraseBox, underText } from '../unit/pdf-text-box';

/**
 * Maps on paper as a planner makes them: a print layout at a chosen scale with grid, legend, inset and sources,
 * checked with poppler (page size, embedded fonts, text) and by the pixel where a known bridge must be; an atlas of
 * the demo's ruas with a contents page.
 */
const demo = createDemoDataset();
const ruasCount = new Set(
  demo.features.filter((f) => f.properties.kind === 'road').map((f) => String(f.properties.ruasNumber)),
).size;

const poppler = (tool: string, file: string, ...args: string[]) =>
  execFileSync(tool, [...args, file, ...(tool === 'pdftotext' ? ['-'] : [])], { encoding: 'utf8' });

test('an A3 landscape sheet at 1:250.000: poppler reads its size, fonts, texts, and the bridge is where it must be', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await openApp(page);
  // Centre the map on the Noelmina bridge (demo-bridge-2) and print at a fixed scale around it.
  const bridge = demo.features.find((f) => f.id === 'demo-bridge-2')!;
  const at = (bridge.geometry as unknown as { coordinates: [number, number] }).coordinates;
  await page.evaluate((center) => window.rumijaMap!.jumpTo({ center, zoom: 10 }), at);
  await waitForMapIdle(page);
  await page.getByTestId('print-open').click();
  await page.getByTestId('print-paper').selectOption('A3');
  await page.getByTestId('print-orientation').selectOption('landscape');
  await page.getByTestId('print-map-title').fill('Peta Jalan Perbatasan – Oelamasi–Oepoli');
  await page.getByTestId('print-author').fill('Bidang Bina Marga');
  await page.getByTestId('print-scale').selectOption('250000');
  await page.getByTestId('print-grid').selectOption('utm');
  await page.getByTestId('print-preview').click();
  await expect(page.getByTestId('print-preview-image')).toBeVisible({ timeout: 120_000 });
  await screenshot(page, 'print-preview-id-1366');

  const file = await savedFile(page, 'print-pdf');
  expect(poppler('pdfinfo', file)).toMatch(/Page size:\s+1190\.55 x 841\.89 pts/);
  for (const row of poppler('pdffonts', file).trim().split('\n').slice(2))
    expect(row).toMatch(/^\w*\+?NotoSans\s+CID TrueType\s+Identity-H\s+yes/);
  const text = poppler('pdftotext', file, '-layout').replace(/\s+/g, ' ');
  for (const expected of [
    'Peta Jalan Perbatasan – Oelamasi–Oepoli',
    'Pembuat: Bidang Bina Marga',
    'Skala 1:250.000',
    'Legenda',
    'Jembatan (demo)',
    'Rusak berat',
    'DATA DEMO',
    ' mT',
    ' mU',
    'Halaman 1 dari 1',
    'OpenStreetMap',
  ])
    expect(text, expected).toContain(expected);

  // The basemap's licence is readable: under its words the rendered page is text on plain paper, not map or inset.
  for (const phrase of ['Peta dasar: © kontributor OpenStreetMap', 'GeoNames (CC BY 4.0)', 'idn-area-data']) {
    const box = phraseBox(file, phrase);
    expect(box, phrase).not.toBeNull();
    const under = underText(file, box!);
    expect(under.coloured, `${phrase}: ${JSON.stringify(under)}`).toBe(0);
    expect(under.plainShare, phrase).toBeGreaterThan(0.5);
  }

  // The bridge lies at the centre of the map frame: the page pixel there is its rusak-berat red (GDAL reads it).
  const frame = sheetLayout('A3', 'landscape').map;
  const png = join(mkdtempSync(join(tmpdir(), 'rumija-print-png-')), 'page');
  execFileSync('pdftoppm', ['-png', '-r', '100', '-singlefile', file, png]);
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  copyFileSync(`${png}.png`, join(SCREENSHOT_DIR, 'print-a3-sheet-id.png'));
  const toPixel = (mm: number) => String(Math.round((mm / 25.4) * 100));
  const pixel = execFileSync(
    'gdallocationinfo',
    ['-valonly', `${png}.png`, toPixel(frame.x + frame.width / 2), toPixel(frame.y + frame.height / 2)],
    { encoding: 'utf8' },
  ).replace(/\s+/g, ' ');
  const [r, g, b] = pixel.trim().split(' ').map(Number);
  // The layout is remembered: after a restart the dialog opens on A3 landscape at 1:250.000.
  await page.getByTestId('print-close').click();
  await page.reload();
  await waitForMapIdle(page);
  await page.getByTestId('print-open').click();
  await expect(page.getByTestId('print-paper')).toHaveValue('A3');
  await expect(page.getByTestId('print-scale')).toHaveValue('250000');
  // #68151d (rusak berat, 104 21 29); JPEG allows some drift.
  expect(Math.abs(r! - 104), `pixel ${pixel}`).toBeLessThan(30);
  expect(g!).toBeLessThan(55);
  expect(b!).toBeLessThan(60);
});

test('an atlas of the demo roads: a contents page, then one sheet per ruas; filtered to provincial ruas', async ({
  page,
}) => {
  test.setTimeout(400_000);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openApp(page);
  await page.getByTestId('print-open').click();
  await page.getByTestId('print-paper').selectOption('A4');
  await page.getByTestId('print-orientation').selectOption('portrait');
  await page.getByTestId('atlas-layer').selectOption('demo-roads');
  const file = await savedFile(page, 'atlas-pdf');
  await expect(page.getByTestId('print-message')).toContainText(`Atlas ${ruasCount} lembar`);
  // The time the atlas took, as the app measured it (printed, not asserted).
  console.log(`atlas of ${ruasCount} ruas: ${await page.getByTestId('print-message').textContent()}`);
  expect(poppler('pdfinfo', file)).toMatch(new RegExp(`Pages:\\s+${ruasCount + 1}\\b`));
  const contents = poppler('pdftotext', file, '-f', '1', '-l', '1', '-layout');
  expect(contents).toContain('Daftar isi');
  expect(contents).toMatch(/P-101 – .+\s+\d+/);
  const last = poppler('pdftotext', file, '-f', String(ruasCount + 1), '-l', String(ruasCount + 1));
  expect(last).toContain(`Halaman ${ruasCount + 1} dari ${ruasCount + 1}`);

  const provincial = new Set(
    demo.features
      .filter((f) => f.properties.kind === 'road' && f.properties.status === 'provinsi')
      .map((f) => String(f.properties.ruasNumber)),
  ).size;
  await page.getByTestId('atlas-status').selectOption('provinsi');
  const filtered = await savedFile(page, 'atlas-pdf');
  expect(poppler('pdfinfo', filtered)).toMatch(new RegExp(`Pages:\\s+${provincial + 1}\\b`));
  execFileSync('pdftoppm', ['-png', '-r', '40', '-f', '2', '-l', '2', filtered, join(tmpdir(), 'rumija-atlas-page')]);

  // Cancel stops an atlas under way: no file, and the dialog says so.
  await page.getByTestId('atlas-status').selectOption('');
  let downloaded = false;
  page.on('download', () => (downloaded = true));
  await page.getByTestId('atlas-pdf').click();
  await page.getByTestId('print-cancel').click();
  await expect(page.getByTestId('print-message')).toContainText('Pencetakan dibatalkan');
  expect(downloaded).toBe(false);
});

test('in English: a sheet fitted to the selected bridge as PDF and as a 150 dpi PNG', async ({ page }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openApp(page);
  await page.getByTestId('language-en').click();
  await page.evaluate(() => window.rumijaStore!.selection.select(['demo-bridge-2', 'demo-bridge-3']));
  await page.getByTestId('print-open').click();
  await expect(page.getByTestId('print-pdf')).toHaveText('Save PDF');
  await page.getByTestId('print-paper').selectOption('A4');
  await page.getByTestId('print-orientation').selectOption('portrait');
  await page.getByTestId('print-map-title').fill('NTT Provincial Road Map – border bridges');
  await page.getByTestId('print-scale').selectOption('selection');
  await page.getByTestId('print-grid').selectOption('degrees');
  await page.getByTestId('print-preview').click();
  await expect(page.getByTestId('print-preview-image')).toBeVisible({ timeout: 120_000 });
  await screenshot(page, 'print-preview-en-1920');

  const file = await savedFile(page, 'print-pdf');
  expect(poppler('pdfinfo', file)).toMatch(/Page size:\s+595\.\d+ x 841\.89 pts \(A4\)/);
  const text = poppler('pdftotext', file, '-layout').replace(/\s+/g, ' ');
  for (const expected of [
    'NTT Provincial Road Map – border bridges',
    'Scale 1:',
    'Legend',
    'Bridges (demo)',
    'Page 1 of 1',
    'DEMO DATA',
  ])
    expect(text, expected).toContain(expected);
  // Degree grid labels at the frame: 9°42′ S, 123°54′ E.
  expect(text).toMatch(/\b9°\d{2}′ S\b/);
  expect(text).toMatch(/\b12[34]°(\d{2}′)? E\b/);
  execFileSync('pdftoppm', ['-png', '-r', '60', '-singlefile', file, join(tmpdir(), 'rumija-print-en')]);

  // The PNG is the sheet at 150 dpi: A4 portrait is 1240 × 1754 pixels.
  await page.getByTestId('print-dpi').selectOption('150');
  const png = await savedFile(page, 'print-png');
  expect(execFileSync('gdalinfo', [png], { encoding: 'utf8' })).toMatch(/Size is 1240, 1754/);
});

test('the print settings fit their column in both languages (no control cut off at the right)', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await openApp(page);
  for (const language of ['id', 'en'] as const) {
    await page.getByTestId(`language-${language}`).click();
    await page.getByTestId('print-open').click();
    const overflow = await page
      .locator('.print-settings')
      .evaluate((settings) => settings.scrollWidth - settings.clientWidth);
    expect(overflow, language).toBeLessThanOrEqual(0);
    await page.keyboard.press('Escape');
  }
});
