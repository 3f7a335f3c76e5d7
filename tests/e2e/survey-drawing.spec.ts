import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp, screenshot } from './helpers';

/**
 * A consultant's stakes, road axis and a street label near Kupang in DGN95 / Indonesia TM-3 zone 51.2 (EPSG:23840),
 * written by GDAL's DXF driver as CAD software writes it (HEADER, TABLES, BLOCKS and an MTEXT), without a CRS.
 */
function drawing(): string {
  const folder = mkdtempSync(join(tmpdir(), 'rumija-dxf-'));
  const csv = join(folder, 'patok.csv');
  writeFileSync(
    csv,
    [
      'WKT,Layer,OGR_STYLE',
      '"POINT (101400.25 383000.5)",PATOK_RUMIJA,',
      '"POINT (101450 383010)",PATOK_RUMIJA,',
      '"LINESTRING (101380 382990,101480 383020)",AS_JALAN,',
      '"POINT (101420 383030)",TEKS,"LABEL(f:""Arial"",t:""Jl. Timor Raya"",s:2.5g)"',
    ].join('\n') + '\n',
  );
  const dxf = join(folder, 'patok-survei.dxf');
  execFileSync('ogr2ogr', ['-f', 'DXF', dxf, csv, '-oo', 'GEOM_POSSIBLE_NAMES=WKT', '-oo', 'KEEP_GEOM_COLUMNS=NO']);
  return readFileSync(dxf, 'utf8');
}

/** Group code / value pairs as a DXF holds them. */
const dxf = (...pairs: (string | number)[]) => pairs.map((value) => String(value)).join('\n') + '\n';

/** An R12 road axis as older survey software writes it: a POLYLINE whose SEQEND is missing. */
// prettier-ignore
const NO_SEQEND = dxf(
  0, 'SECTION', 2, 'ENTITIES',
  0, 'POLYLINE', 8, 'AS_JALAN', 66, 1, 70, 0,
  0, 'VERTEX', 8, 'AS_JALAN', 10, 101380, 20, 382990,
  0, 'VERTEX', 8, 'AS_JALAN', 10, 101480, 20, 383020,
  0, 'POINT', 8, 'PATOK_RUMIJA', 10, 101400.25, 20, 383000.5, 30, 0,
  0, 'ENDSEC', 0, 'EOF',
);

async function drop(page: Page, name: string, content: string) {
  await page.evaluate(
    ({ name, content }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([content], name, { type: 'application/dxf' }));
      const target = document.querySelector('[data-testid="workspace"]')!;
      target.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
      target.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    },
    { name, content },
  );
}

for (const language of ['id', 'en'] as const)
  test(`a TM-3 survey DXF: the zone is asked, found by name and placed where PROJ puts it (${language})`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await openApp(page);
    if (language === 'en') await page.getByTestId('language-en').click();
    await drop(page, 'patok-survei.dxf', drawing());
    await expect(page.getByTestId('preview-crs-required')).toBeVisible();
    await expect(page.getByTestId('preview-crs-suggested')).toContainText(
      'DGN95 / Indonesia TM-3 zone 51.2, DGN95 / Indonesia TM-3 zone 51.1',
    );
    await page.getByTestId('preview-epsg').fill('tm-3 51.2');
    await expect(page.getByTestId('preview-crs-found')).toContainText('DGN95 / Indonesia TM-3 zone 51.2 (EPSG:23840)');
    await page.getByTestId('preview-crs-found').selectOption('EPSG:23840');
    await expect(page.getByTestId('preview-crs')).toHaveText('DGN95 / Indonesia TM-3 zone 51.2 (EPSG:23840)');
    await expect(page.getByTestId('preview-count')).toHaveText('4');
    await expect(page.getByTestId('preview-crs-shift')).toHaveText(
      language === 'id' ? 'Datum setara WGS 84: tanpa pergeseran.' : 'Datum equivalent to WGS 84: no shift.',
    );
    await expect(page.getByTestId('preview-layers')).toContainText('PATOK_RUMIJA');
    await screenshot(page, `survey-dxf-preview-${language}`);
    // Only the stakes.
    // Each box is read again by the worker before it changes: click, then wait for the new state.
    for (const layer of ['AS_JALAN', 'TEKS']) {
      await page.getByTestId(`preview-layer-${layer}`).click();
      await expect(page.getByTestId(`preview-layer-${layer}`)).not.toBeChecked();
    }
    await expect(page.getByTestId('preview-count')).toHaveText('2');
    await page.getByTestId('preview-import').click();
    await expect(page.getByTestId('import-outcome')).toContainText('patok-survei.dxf');
    const first = await page.evaluate(() => {
      const snapshot = window.rumijaStore!.getSnapshot();
      const layer = snapshot.layers.find((l) => l.name === 'patok-survei')!;
      return (snapshot.featuresByLayer.get(layer.id)![0]!.geometry as { coordinates: number[] }).coordinates;
    });
    const [lon, lat] = execFileSync('gdaltransform', ['-s_srs', 'EPSG:23840', '-t_srs', 'EPSG:4326', '-output_xy'], {
      input: '101400.25 383000.5\n',
      encoding: 'utf8',
    })
      .trim()
      .split(/\s+/)
      .map(Number);
    expect(Math.abs(first[0]! - lon!)).toBeLessThan(1e-7);
    expect(Math.abs(first[1]! - lat!)).toBeLessThan(1e-7);
  });

test('a POLYLINE without its SEQEND reaches the preview instead of reading for ever', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await openApp(page);
  await drop(page, 'as-jalan-r12.dxf', NO_SEQEND);
  await expect(page.getByTestId('preview-crs-required')).toBeVisible();
  await expect(page.getByTestId('preview-layers')).toContainText('AS_JALAN');
  await expect(page.getByTestId('preview-layers')).toContainText('PATOK_RUMIJA');
  await page.getByTestId('preview-crs-pick').selectOption('EPSG:23840');
  await expect(page.getByTestId('preview-count')).toHaveText('2');
});

test('reading a drawing again in another system shows its progress and can be stopped, naming the file', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await openApp(page);
  // 200 000 stakes along a line: enough that the second read is still going when Stop is pressed.
  const stakes: string[] = [];
  for (let i = 0; i < 200_000; i++)
    stakes.push(dxf(0, 'POINT', 8, 'PATOK', 10, 101000 + i * 0.01, 20, 383000 + i * 0.005));
  await drop(page, 'patok-banyak.dxf', dxf(0, 'SECTION', 2, 'ENTITIES') + stakes.join('') + dxf(0, 'ENDSEC', 0, 'EOF'));
  await expect(page.getByTestId('preview-crs-required')).toBeVisible({ timeout: 120_000 });
  await page.getByTestId('preview-crs-pick').selectOption('EPSG:23840');
  await expect(page.getByTestId('import-progress-label')).toContainText('patok-banyak.dxf');
  await page.getByTestId('import-stop').click();
  await expect(page.getByTestId('preview-error')).toHaveText(
    'Tidak diimpor, tidak ada yang berubah: patok-banyak.dxf: Pembaca berkas: dibatalkan',
  );
  await expect(page.getByTestId('import-progress')).toHaveCount(0);
  // The file still waits in the preview; choosing again reads it to the end.
  await page.getByTestId('preview-crs-pick').selectOption('EPSG:23839');
  await expect(page.getByTestId('preview-crs')).toContainText('EPSG:23839', { timeout: 120_000 });
  await expect(page.getByTestId('preview-count')).toHaveText('200.000');
});
