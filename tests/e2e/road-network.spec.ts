import { expect, test, type Page } from '@playwright/test';
import { createDemoDataset } from '#shared/demo/create-demo-dataset';
import { ogrRows } from './oracles';
import { clickOnMapAt, gdalNumber, openApp, screenshot, waitForMapIdle, identifiedPopup } from './helpers';

async function openDemo(page: Page) {
  page.on('pageerror', (error) => console.log('pageerror:', error.message));
  await openApp(page);
  await page.waitForFunction(() => window.rumijaStore?.getSnapshot().status === 'ready');
  await page.waitForFunction(() => Boolean(window.rumijaMap?.getSource('data:demo-bridges')));
  await waitForMapIdle(page);
}

const demo = createDemoDataset();
const demoBridges = demo.features.filter((feature) => feature.properties.kind === 'bridge');

test('the demo loads with its layers, marked as demo', async ({ page }) => {
  await openDemo(page);
  await expect(page.getByTestId('demo-banner')).toContainText('ilustrasi');
  await expect(page.getByTestId('layer-demo-roads')).toContainText(
    `${demo.features.filter((f) => f.properties.kind === 'road').length} fitur`,
  );
  await expect(page.getByTestId('layer-demo-bridges')).toContainText('5 fitur');
  await expect(page.getByTestId('layer-demo-bridges')).toContainText('DEMO');
  await screenshot(page, 'road-network-province-id');
});

test('the five bridges are on the map and their popups give length and condition', async ({ page }) => {
  await openDemo(page);
  for (const bridge of demoBridges) {
    const position = (bridge.geometry as { coordinates: number[] }).coordinates;
    await page.evaluate(
      (center) => window.rumijaMap!.jumpTo({ center: center as [number, number], zoom: 12 }),
      position,
    );
    await waitForMapIdle(page);
    await clickOnMapAt(page, position);
    // The bridge stands on its road: both are listed under the click, and the user picks the bridge.
    await expect(page.getByTestId('identify-list')).toContainText('Jembatan (demo)');
    await expect(page.getByTestId('identify-list')).toContainText('P-101 · Oelamasi – Oepoli');
    const popup = await identifiedPopup(page, String(bridge.properties.name));
    await expect(popup).toContainText(String(bridge.properties.name));
    await expect(popup.locator('tr[data-field="lengthM"]')).toContainText(`${bridge.properties.lengthM} m`);
    const condition = bridge.properties.existence === 'proposed' ? 'Usulan (bangunan baru)' : 'Rusak berat';
    await expect(popup).toContainText(condition);
    await expect(popup).toContainText('ilustrasi');
  }
  await screenshot(page, 'road-network-bridge-popup');
});

test('hovering a road highlights it', async ({ page }) => {
  await openDemo(page);
  const road = demo.features.find((feature) => feature.id === 'demo-road-P-101-2')!;
  const middle = (road.geometry as { coordinates: number[][] }).coordinates[1];
  await page.evaluate((center) => window.rumijaMap!.jumpTo({ center: center as [number, number], zoom: 12 }), middle);
  await waitForMapIdle(page);
  const point = await page.evaluate((position) => window.rumijaMap!.project(position as [number, number]), middle);
  const box = (await page.getByTestId('map').boundingBox())!;
  await page.mouse.move(box.x + point.x, box.y + point.y);
  await expect
    .poll(() =>
      page.evaluate(
        () => window.rumijaMap!.getFeatureState({ source: 'data:demo-roads', id: 'demo-road-P-101-2' }).hover,
      ),
    )
    .toBe(true);
});

test('a filter in the attribute table selects and zooms to the results', async ({ page }) => {
  await openDemo(page);
  await page.getByTestId('layer-table-demo-roads').click();
  const table = page.getByTestId('attribute-table');
  await expect(table).toBeVisible();
  await page.getByTestId('filter-condition').selectOption('rusak_berat');
  const expected = demo.features.filter(
    (f) => f.properties.kind === 'road' && f.properties.condition === 'rusak_berat',
  );
  await expect(page.getByTestId('table-count')).toContainText(`${expected.length} dari`);
  await expect(page.getByTestId('table-row')).toHaveCount(expected.length);
  await page.getByTestId('table-zoom-filtered').click();
  await expect
    .poll(() => page.evaluate(() => window.rumijaStore!.getSnapshot().selection.length))
    .toBe(expected.length);
  await waitForMapIdle(page);
  const inView = await page.evaluate(
    (ids) => {
      const bounds = window.rumijaMap!.getBounds();
      const snapshot = window.rumijaStore!.getSnapshot();
      return ids.every((id) => {
        const geometry = snapshot.featureById.get(id)!.geometry as { coordinates: number[][] };
        return geometry.coordinates.every((position) => bounds.contains(position as [number, number]));
      });
    },
    expected.map((f) => f.id),
  );
  expect(inView).toBe(true);

  // Search narrows further; a row click selects one segment and zooms to it.
  await page.getByTestId('table-search').fill('Oepoli');
  await expect(page.getByTestId('table-row')).toHaveCount(2);
  await page.getByTestId('table-row').first().click();
  await waitForMapIdle(page);
  const zoom = await page.evaluate(() => window.rumijaMap!.getZoom());
  expect(zoom).toBeGreaterThan(9);
  await screenshot(page, 'road-network-table-filter');
});

test('sorting the table orders rows by the column, both ways', async ({ page }) => {
  await openDemo(page);
  await page.getByTestId('layer-table-demo-bridges').click();
  await page.getByTestId('sort-lengthM').click();
  const lengths = () => page.locator('[data-testid="table-row"] [data-field="lengthM"]').allTextContents();
  expect(await lengths()).toEqual(['25 m', '30 m', '30 m', '100 m', '100 m']);
  await page.getByTestId('sort-lengthM').click();
  expect(await lengths()).toEqual(['100 m', '100 m', '30 m', '30 m', '25 m']);
});

test('the table search follows edits: a bridge is found by its new name, and no longer by its old one', async ({
  page,
}) => {
  await openDemo(page);
  await page.getByTestId('layer-table-demo-bridges').click();
  const kapsali = page.locator('[data-feature-id="demo-bridge-1"]');
  // Renamed while the search for its old name is on: it leaves the rows.
  await page.getByTestId('table-search').fill('kapsali');
  await expect(page.getByTestId('table-row')).toHaveCount(1);
  await kapsali.locator('[data-field="name"]').dblclick();
  await page.getByTestId('cell-editor').fill('Jembatan Oesao');
  await page.getByTestId('cell-editor').press('Enter');
  await expect(page.getByTestId('table-message')).toHaveText('Tersimpan');
  await expect(page.getByTestId('table-row')).toHaveCount(0);
  await page.getByTestId('table-search').fill('oesao');
  await expect(kapsali.locator('[data-field="name"]')).toHaveText('Jembatan Oesao');
  // Undone: found by the old name again, not by the new.
  await page.locator('.maplibregl-canvas').focus();
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('table-row')).toHaveCount(0);
  await page.getByTestId('table-search').fill('kapsali');
  await expect(kapsali.locator('[data-field="name"]')).toHaveText('Jembatan Kapsali');
});

test('an attribute edit is validated, saved and survives a reload', async ({ page }) => {
  await openDemo(page);
  await page.getByTestId('layer-table-demo-bridges').click();
  const kapsali = page.locator('[data-feature-id="demo-bridge-1"]');

  // Invalid: a negative length is refused with a message and nothing changes.
  await kapsali.locator('[data-field="lengthM"]').dblclick();
  await page.getByTestId('cell-editor').fill('-5');
  await page.getByTestId('cell-editor').press('Enter');
  await expect(page.getByTestId('table-message')).toContainText('Tidak tersimpan');
  await expect(page.getByTestId('table-message')).toContainText('Panjang');
  await page.getByTestId('cell-editor').press('Escape');
  await expect(kapsali.locator('[data-field="lengthM"]')).toHaveText('100 m');

  // Valid: condition from rusak berat to sedang, and the width in Indonesian decimals.
  await kapsali.locator('[data-field="condition"]').dblclick();
  await page.getByTestId('cell-editor').selectOption('sedang');
  await expect(page.getByTestId('table-message')).toHaveText('Tersimpan');
  await kapsali.locator('[data-field="widthM"]').dblclick();
  await page.getByTestId('cell-editor').fill('7,5');
  await page.getByTestId('cell-editor').press('Enter');
  await expect(kapsali.locator('[data-field="widthM"]')).toHaveText('7,5 m');

  await page.reload();
  await openDemo(page);
  await page.getByTestId('layer-table-demo-bridges').click();
  await expect(page.locator('[data-feature-id="demo-bridge-1"] [data-field="condition"]')).toHaveText('Sedang');
  await expect(page.locator('[data-feature-id="demo-bridge-1"] [data-field="widthM"]')).toHaveText('7,5 m');
  const mapCondition = await page.evaluate(
    () =>
      window.rumijaMap!.querySourceFeatures('data:demo-bridges').find((f) => f.properties.fid === 'demo-bridge-1')
        ?.properties.condition,
  );
  expect(mapCondition).toBe('sedang');
});

test('the legend matches the map style for status and condition', async ({ page }) => {
  await openDemo(page);
  const compare = async (styleBy: 'status' | 'condition') => {
    const paint = await page.evaluate(
      () => window.rumijaMap!.getPaintProperty('data:demo-roads:line', 'line-color') as unknown[],
    );
    expect(paint[0]).toBe('match');
    const pairs = new Map<string, string>();
    for (let i = 2; i < paint.length - 1; i += 2) pairs.set(String(paint[i]), String(paint[i + 1]));
    expect((paint[1] as unknown[])[1]).toEqual(['get', styleBy]);
    const items = page.locator('[data-testid^="legend-demo-roads-"]');
    const legend = await items.evaluateAll((elements) =>
      elements.map((element) => [
        element.getAttribute('data-testid')!.replace('legend-demo-roads-', ''),
        element.getAttribute('data-color')!,
      ]),
    );
    const colorItems = legend.filter(([key]) => key !== 'border' && key !== 'unknown');
    expect(colorItems.length).toBe(pairs.size);
    for (const [key, color] of colorItems) expect(pairs.get(key!), key).toBe(color);
  };
  await compare('status');
  await page.getByTestId('layer-style-demo-roads').selectOption('condition');
  await expect
    .poll(() =>
      page.evaluate(() => JSON.stringify(window.rumijaMap!.getPaintProperty('data:demo-roads:line', 'line-color'))),
    )
    .toContain('condition');
  await compare('condition');
  await waitForMapIdle(page);
  await screenshot(page, 'road-network-by-condition');
});

test('layers toggle and reorder, and the choice survives a reload', async ({ page }) => {
  await openDemo(page);
  await page.getByTestId('layer-visible-demo-roads').uncheck();
  await expect
    .poll(() => page.evaluate(() => window.rumijaMap!.getLayoutProperty('data:demo-roads:line', 'visibility')))
    .toBe('none');
  const order = () =>
    page.evaluate(() =>
      window
        .rumijaMap!.getStyle()
        .layers.map((l) => l.id)
        .filter((id) => /^data:demo-(roads|corridors):(line|band)$/.test(id)),
    );
  expect(await order()).toEqual(['data:demo-corridors:band', 'data:demo-roads:line']);
  await page.getByTestId('layer-up-demo-corridors').click();
  await expect.poll(order).toEqual(['data:demo-roads:line', 'data:demo-corridors:band']);
  await page.reload();
  await openDemo(page);
  await expect(page.getByTestId('layer-visible-demo-roads')).not.toBeChecked();
  expect(await order()).toEqual(['data:demo-roads:line', 'data:demo-corridors:band']);
});

test('reset to demo asks first and keeps nothing of the edit', async ({ page }) => {
  await openDemo(page);
  await page.evaluate(() =>
    window.rumijaStore!.document.editProperties('demo-bridge-2', { name: 'Jembatan Termanu (ubah)' }),
  );
  await page.getByTestId('reset-demo').click();
  await expect(page.getByTestId('confirm-dialog')).toBeVisible();
  await page.getByTestId('confirm-cancel').click();
  expect(
    await page.evaluate(() => window.rumijaStore!.getSnapshot().featureById.get('demo-bridge-2')!.properties.name),
  ).toBe('Jembatan Termanu (ubah)');
  await page.getByTestId('reset-demo').click();
  await page.getByTestId('confirm-ok').click();
  await expect
    .poll(() =>
      page.evaluate(() => window.rumijaStore!.getSnapshot().featureById.get('demo-bridge-2')!.properties.name),
    )
    .toBe('Jembatan Termanu');
});

/** One number from SQL over the demo roads (table `roads`: status, condition, regency), answered by GDAL. */
const gdalRoadQuery = (sql: string) =>
  gdalNumber(
    'roads',
    demo.features
      .filter((f) => f.properties.kind === 'road')
      .map((f) => ({
        geometry: f.geometry,
        properties: {
          status: f.properties.status,
          condition: f.properties.condition,
          regency: f.properties.regencyCode,
        },
      })),
    sql,
  );

test('the summary panel gives km by status and condition per regency and kemantapan', async ({ page }) => {
  await openDemo(page);
  await page.getByTestId('tab-summary').click();
  // GDAL (SpatiaLite's ellipsoidal ST_Length) as the outside judge of the km, not the app's own summary code.
  const kemantapan = gdalRoadQuery(
    "SELECT 100 * SUM(CASE WHEN condition IN ('baik', 'sedang') THEN ST_Length(geometry, 1) ELSE 0 END) / SUM(ST_Length(geometry, 1)) AS v FROM roads WHERE status <> 'rdtl' AND condition IS NOT NULL",
  )
    .toFixed(1)
    .replace('.', ',');
  await expect(page.getByTestId('summary-kemantapan-total')).toHaveText(`${kemantapan}%`);
  await expect(page.getByTestId('summary-row-5303')).toContainText('Kabupaten Kupang');
  // Each Sumba regency its own length (the Waikabubak road crosses all four; their splits are checked against
  // GeoNames in shared/demo/demo-regencies.test.ts), as GDAL sums the segments of each.
  for (const [code, name] of [
    ['5317', 'Kabupaten Sumba Barat Daya'],
    ['5301', 'Kabupaten Sumba Barat'],
    ['5316', 'Kabupaten Sumba Tengah'],
    ['5302', 'Kabupaten Sumba Timur'],
  ]) {
    const km = gdalRoadQuery(`SELECT SUM(ST_Length(geometry, 1)) / 1000 AS v FROM roads WHERE regency = '${code}'`);
    await expect(page.getByTestId(`summary-row-${code}`)).toContainText(name!);
    await expect(page.getByTestId(`summary-total-${code}`)).toHaveText(km.toFixed(1).replace('.', ','));
  }
  await expect(page.getByTestId('summary-bridges-rusak_berat')).toContainText('4');
  await expect(page.getByTestId('summary-bridges-rusak_berat')).toContainText('255');
  await expect(page.getByTestId('summary-bridges-proposed')).toContainText('30');
  await page.getByTestId('summary-status').selectOption('provinsi');
  const provincial = gdalRoadQuery(
    "SELECT SUM(ST_Length(geometry, 1)) / 1000 AS v FROM roads WHERE status = 'provinsi'",
  );
  await expect(page.getByTestId('summary-total-total')).toHaveText(provincial.toFixed(1).replace('.', ','));
  await waitForMapIdle(page);
  await screenshot(page, 'road-network-summary-id');
  await page.getByTestId('language-en').click();
  await expect(page.getByTestId('summary-panel')).toContainText('Network summary');
  await expect(page.locator('.maplibregl-ctrl-attrib')).not.toContainText('Peta dasar');
  await waitForMapIdle(page);
  await screenshot(page, 'road-network-summary-en');
});

test('Ctrl+Z undoes an attribute edit, it stays undone after a reload, and Ctrl+Shift+Z redoes it', async ({
  page,
}) => {
  await openDemo(page);
  await page.getByTestId('layer-table-demo-bridges').click();
  const condition = () => page.locator('[data-feature-id="demo-bridge-3"] [data-field="condition"]');
  await condition().dblclick();
  await page.getByTestId('cell-editor').selectOption('baik');
  await expect(condition()).toHaveText('Baik');
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await expect(condition()).toHaveText('Rusak berat');
  await page.reload();
  await openDemo(page);
  await page.getByTestId('layer-table-demo-bridges').click();
  await expect(condition()).toHaveText('Rusak berat');
  await page.getByTestId('redo').click();
  await expect(condition()).toHaveText('Baik');
  await page.keyboard.press('Control+z');
  await expect(condition()).toHaveText('Rusak berat');
  await page.keyboard.press('Control+Shift+z');
  await expect(condition()).toHaveText('Baik');
});

test('clicking a road tells the STA of the clicked point along its ruas', async ({ page }) => {
  await openDemo(page);
  const segments = demo.features.filter((f) => f.properties.ruasNumber === 'P-601');
  const second = (segments[1]!.geometry as { coordinates: number[][] }).coordinates;
  const target = second[1];
  // GDAL's geodesic length (SpatiaLite through PROJ) of the first segment and of the second one's first edge.
  const [row] = ogrRows(
    [segments[0]!, { ...segments[1]!, geometry: { type: 'LineString', coordinates: second.slice(0, 2) } }],
    'SELECT SUM(ST_Length(geometry, 1)) AS sta FROM features',
  );
  const expected = Number(row!.sta);
  await page.evaluate((center) => window.rumijaMap!.jumpTo({ center: center as [number, number], zoom: 17 }), target);
  await waitForMapIdle(page);
  await clickOnMapAt(page, target!);
  const popup = await identifiedPopup(page, 'P-601');
  const text = await popup.locator('tr[data-field="staAtClick"]').textContent();
  const match = /STA (\d+)\+(\d{3})/.exec(text ?? '');
  expect(match, text ?? '').not.toBeNull();
  expect(
    Math.abs(Number(match![1]) * 1000 + Number(match![2]) - expected),
    `STA ${match![0]}, GDAL ${expected}`,
  ).toBeLessThan(3);
});
