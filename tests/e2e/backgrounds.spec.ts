import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import proj4 from 'proj4';
import '#shared/geo/known-crs';
import { openApp, pixelAt, savedFile, screenshot, SCREENSHOT_DIR, waitForMapIdle } from './helpers';
import { sheetLayout } from '#shared/print/print-layout';
import { centres, expectQuadrants, showOrthoArea } from './ortho-view';
import { ORTHO_ORIGIN, QUADRANTS, writeQuadrantTiff } from '../fixtures/quadrant-tiff';
import { mbtilesTiles } from '../fixtures/mbtiles-tiles';
import { writePmtiles } from '#shared/background/write-pmtiles';

/**
 * Backgrounds from files on this computer: a drone orthophoto as a GeoTIFF in UTM 51S made by GDAL lands each
 * coloured quadrant where GDAL put it (and is there again after a restart); GDAL's MBTiles and a PMTiles archive of
 * the same picture become the basemap in place of the shipped one.
 */
const folder = mkdtempSync(join(tmpdir(), 'rumija-backgrounds-'));
const tiff = writeQuadrantTiff(folder, 'ortofoto-kupang.tif', '-of', 'COG', '-co', 'BLOCKSIZE=128');
const mbtiles = join(folder, 'ortofoto-kupang.mbtiles');
execFileSync('gdal_translate', ['-q', '-of', 'MBTILES', tiff, mbtiles]);
execFileSync('gdaladdo', ['-q', '-r', 'nearest', mbtiles, '2', '4', '8']);

async function addBackground(page: Page, path: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('background-add').click();
  await (await chooser).setFiles(path);
}

test('a GeoTIFF orthophoto in UTM 51S lies where GDAL put it, under the data, and is there after a restart', async ({
  page,
}) => {
  await openApp(page);
  await showOrthoArea(page, false);
  const before = await pixelAt(page, centres.nw);
  await addBackground(page, tiff);
  await expect(page.getByTestId('background-message')).toHaveText('Latar ditambahkan: ortofoto-kupang.tif');
  await expect(page.getByTestId('background-ortofoto-kupang.tif')).toContainText('GeoTIFF (ortofoto)');
  await waitForMapIdle(page);
  await expectQuadrants(page);

  await page.reload();
  await openApp(page);
  await expect(page.getByTestId('background-ortofoto-kupang.tif')).toBeVisible();
  await showOrthoArea(page, false);
  await expectQuadrants(page);

  // Half opacity lets the basemap through; hiding it shows the basemap alone again.
  const slider = page.getByTestId('background-opacity-ortofoto-kupang.tif');
  await slider.fill('50');
  await slider.dispatchEvent('pointerup');
  await waitForMapIdle(page);
  const half = await pixelAt(page, centres.nw);
  expect(Math.abs(half[0]! - (QUADRANTS.nw[0] + before[0]!) / 2)).toBeLessThan(12);
  const visible = page.getByTestId('background-visible-ortofoto-kupang.tif');
  await visible.click();
  await expect(visible).not.toBeChecked();
  await waitForMapIdle(page);
  expect(await pixelAt(page, centres.nw)).toEqual(before);
  await visible.click();
  await expect(visible).toBeChecked();
  await slider.fill('100');
  await slider.dispatchEvent('pointerup');

  // The corridor's data drawn over the orthophoto, in both languages.
  await showOrthoArea(page, true);
  await page.getByTestId('backgrounds').scrollIntoViewIfNeeded();
  await screenshot(page, 'background-orthophoto-id');
  await page.getByTestId('language-en').click();
  await expect(page.getByTestId('backgrounds')).toContainText('Map background');
  await page.getByTestId('backgrounds').scrollIntoViewIfNeeded();
  await waitForMapIdle(page);
  await screenshot(page, 'background-orthophoto-en');
});

test('an MBTiles from GDAL and a PMTiles archive become the basemap in place of the shipped one', async ({ page }) => {
  const pmtiles = join(folder, 'ortofoto-kupang.pmtiles');
  writeFileSync(
    pmtiles,
    writePmtiles(await mbtilesTiles(mbtiles), {
      tileType: 2,
      bounds: [123.6, -10.2, 123.63, -10.15],
      metadata: { attribution: 'Ortofoto uji Rumija' },
    }),
  );
  await openApp(page);
  await showOrthoArea(page, false);
  for (const [path, name] of [
    [mbtiles, 'ortofoto-kupang.mbtiles'],
    [pmtiles, 'ortofoto-kupang.pmtiles'],
  ] as const) {
    await addBackground(page, path);
    await expect(page.getByTestId('background-message')).toHaveText(`Latar ditambahkan: ${name}`);
    await expect(page.getByTestId('basemap-choice').locator('option:checked')).toHaveText(name);
    await waitForMapIdle(page);
    await expectQuadrants(page);
  }
  // The archive's credit is shown while it is the basemap.
  await expect(page.locator('.maplibregl-ctrl-attrib')).toContainText('Ortofoto uji Rumija');
  await expect(page.locator('.maplibregl-ctrl-attrib')).not.toContainText('GeoNames');
  // Back to the shipped map: its land colour, not the archive's, at the same place.
  await page.getByTestId('basemap-choice').selectOption('ntt');
  await waitForMapIdle(page);
  const shipped = await pixelAt(page, centres.nw);
  await expect(page.locator('.maplibregl-ctrl-attrib')).toContainText('GeoNames');
  expect(Math.abs(shipped[0]! - QUADRANTS.nw[0])).toBeGreaterThan(20);
  await page.getByTestId('basemap-choice').selectOption({ label: 'ortofoto-kupang.pmtiles' });
  await showOrthoArea(page, true);
  await page.getByTestId('backgrounds').scrollIntoViewIfNeeded();
  await screenshot(page, 'background-basemap-choice-id');
});

/** A street, a reservoir and a place name around the orthophoto's area, as a vector MBTiles extract GDAL writes. */
function writeStreetArchive() {
  const [west, north] = proj4('EPSG:32751', 'EPSG:4326', [ORTHO_ORIGIN[0], ORTHO_ORIGIN[1]]) as [number, number];
  const [east, south] = proj4('EPSG:32751', 'EPSG:4326', [ORTHO_ORIGIN[0] + 2000, ORTHO_ORIGIN[1] - 2000]) as [
    number,
    number,
  ];
  const middle = [(west + east) / 2, (north + south) / 2] as [number, number];
  const layer = (features: object[]) => JSON.stringify({ type: 'FeatureCollection', features });
  writeFileSync(
    join(folder, 'transportation.geojson'),
    layer([
      {
        type: 'Feature',
        properties: { class: 'primary', name: 'Jalan El Tari' },
        geometry: {
          type: 'LineString',
          coordinates: [
            [west, middle[1]],
            [east, middle[1]],
          ],
        },
      },
    ]),
  );
  writeFileSync(
    join(folder, 'water.geojson'),
    layer([
      {
        type: 'Feature',
        properties: { class: 'lake' },
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [west, north],
              [middle[0], north],
              [middle[0], north - 0.004],
              [west, north - 0.004],
              [west, north],
            ],
          ],
        },
      },
    ]),
  );
  writeFileSync(
    join(folder, 'place.geojson'),
    layer([
      {
        type: 'Feature',
        properties: { class: 'suburb', name: 'Oebobo Uji' },
        geometry: { type: 'Point', coordinates: [east - 0.004, south + 0.004] },
      },
    ]),
  );
  const gpkg = join(folder, 'streets.gpkg');
  for (const name of ['transportation', 'water', 'place'])
    execFileSync('ogr2ogr', [
      '-f',
      'GPKG',
      ...(name === 'transportation' ? [] : ['-update']),
      '-nln',
      name,
      gpkg,
      join(folder, `${name}.geojson`),
    ]);
  const streets = join(folder, 'jalan-kupang.mbtiles');
  execFileSync('ogr2ogr', ['-f', 'MBTILES', streets, gpkg, '-dsco', 'MINZOOM=10', '-dsco', 'MAXZOOM=15']);

  return { streets, west, east, north, south, middle };
}

test('a vector MBTiles in the OpenMapTiles schema is drawn as a street basemap: roads, water and place names', async ({
  page,
}) => {
  const { streets, west, east, north, south, middle } = writeStreetArchive();
  await openApp(page);
  await showOrthoArea(page, false);
  await addBackground(page, streets);
  await expect(page.getByTestId('background-message')).toHaveText('Latar ditambahkan: jalan-kupang.mbtiles');
  await expect(page.getByTestId('background-jalan-kupang.mbtiles')).toContainText('MBTiles · peta dasar');
  await waitForMapIdle(page);
  const near = (pixel: number[], hex: string) =>
    [1, 3, 5].every((at, band) => Math.abs(pixel[band]! - parseInt(hex.slice(at, at + 2), 16)) < 10);
  expect(near(await pixelAt(page, middle), '#fcd6a4'), 'primary road').toBe(true);
  expect(near(await pixelAt(page, [west + 0.001, north - 0.002]), '#aad3df'), 'water').toBe(true);
  expect(near(await pixelAt(page, [east - 0.001, south + 0.001]), '#f2efe9'), 'land').toBe(true);
  const names = await page.evaluate(() =>
    window
      .rumijaMap!.queryRenderedFeatures()
      .filter((feature) => feature.layer.type === 'symbol' && feature.layer.id.startsWith('bg:'))
      .map((feature) => String(feature.properties.name)),
  );
  expect(names).toContain('Oebobo Uji');
  await showOrthoArea(page, true);
  await screenshot(page, 'background-vector-streets-id');

  // The office's own style (as Maputnik saves it): red water, a blue road; the hillshade layer and the bus icons
  // cannot be drawn offline and are counted, not silently dropped.
  const officeStyle = join(folder, 'gaya-kantor.json');
  writeFileSync(
    officeStyle,
    JSON.stringify({
      version: 8,
      sources: {
        openmaptiles: { type: 'vector', url: 'https://tiles.example.org/openmaptiles.json' },
        terrain: { type: 'raster-dem', url: 'https://tiles.example.org/terrain.json' },
      },
      sprite: 'https://tiles.example.org/sprite',
      layers: [
        { id: 'latar', type: 'background', paint: { 'background-color': '#f4f1de' } },
        { id: 'relief', type: 'hillshade', source: 'terrain' },
        {
          id: 'air',
          type: 'fill',
          source: 'openmaptiles',
          'source-layer': 'water',
          paint: { 'fill-color': '#d03030' },
        },
        {
          id: 'jalan',
          type: 'line',
          source: 'openmaptiles',
          'source-layer': 'transportation',
          paint: { 'line-color': '#1d4ed8', 'line-width': 8 },
        },
        {
          id: 'halte',
          type: 'symbol',
          source: 'openmaptiles',
          'source-layer': 'place',
          layout: { 'icon-image': 'bus_11', 'text-field': ['get', 'name'], 'text-font': ['Open Sans Bold'] },
        },
      ],
    }),
  );
  await showOrthoArea(page, false);
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('background-style-pick-jalan-kupang.mbtiles').click();
  await (await chooser).setFiles(officeStyle);
  await expect(page.getByTestId('background-message')).toHaveText(
    'jalan-kupang.mbtiles digambar dengan gaya gaya-kantor.json — 1 lapisan bukan dari ubin vektor dilewati — 1 ikon tidak ditampilkan (tanpa sprite)',
  );
  await expect(page.getByTestId('background-style-jalan-kupang.mbtiles').locator('option:checked')).toHaveText(
    'gaya-kantor.json',
  );
  await waitForMapIdle(page);
  expect(near(await pixelAt(page, [west + 0.001, north - 0.002]), '#d03030'), 'water in the office style').toBe(true);
  expect(near(await pixelAt(page, middle), '#1d4ed8'), 'road in the office style').toBe(true);
  expect(near(await pixelAt(page, [east - 0.001, south + 0.001]), '#f4f1de'), 'background of the style').toBe(true);
  await page.getByTestId('backgrounds').scrollIntoViewIfNeeded();
  await screenshot(page, 'background-vector-user-style-id');

  // Kept across a restart; back to the shipped style on request.
  await page.reload();
  await openApp(page);
  const styleChoice = page.getByTestId('background-style-jalan-kupang.mbtiles');
  await expect(styleChoice.locator('option:checked')).toHaveText('gaya-kantor.json');
  await styleChoice.selectOption('openmaptiles');
  await expect(styleChoice.locator('option:checked')).toHaveText('Jalan (skema OpenMapTiles)');
  await showOrthoArea(page, false);
  expect(near(await pixelAt(page, [west + 0.001, north - 0.002]), '#aad3df'), 'water, shipped style').toBe(true);
  // The plain style, picked by hand: no water fill, the street as a thin grey line.
  await styleChoice.selectOption('generic');
  await waitForMapIdle(page);
  expect(near(await pixelAt(page, [west + 0.001, north - 0.002]), '#aad3df'), 'no water fill').toBe(false);
});

test('in the desktop app an orthophoto stays where it is and only the ranges a view needs are read', async ({
  page,
}) => {
  test.setTimeout(120_000);
  // A 3 000 × 3 000 uncompressed COG (0.67 m pixels, ~36 MB with overviews), as a drone mosaic comes.
  const big = join(folder, 'ortofoto-besar.tif');
  execFileSync('gdal_translate', [
    '-q',
    '-outsize',
    '3000',
    '3000',
    '-r',
    'nearest',
    '-of',
    'COG',
    '-co',
    'COMPRESS=NONE',
    '-co',
    'BLOCKSIZE=256',
    tiff,
    big,
  ]);
  const bytes = readFileSync(big);
  const reads: number[] = [];
  await page.exposeFunction('readKeptFile', (offset: number, length: number) => {
    reads.push(Math.min(length, bytes.length - offset));
    return bytes.subarray(offset, offset + length).toString('base64');
  });
  // The preload's host as main answers it: the page gets a token and a name, and reads ranges through it.
  await page.addInitScript((size) => {
    const decode = (base64: string) => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const read = (window as unknown as { readKeptFile: (o: number, l: number) => Promise<string> }).readKeptFile;
    const token = '2f1c7a9e-4b1d-4c3e-9a57-0d6b8e2f4a11';
    (window as unknown as { rumijaHost: unknown }).rumijaHost = {
      kind: 'electron',
      openFiles: async () => [],
      saveFile: async () => ({ saved: false }),
      appInfo: async () => ({ host: 'electron', version: '0.1.0', platform: 'linux' }),
      setFullScreen: async () => undefined,
      openPresenterView: async () => undefined,
      setLanguage: async () => undefined,
      takeOpenedFiles: async () => [],
      onFilesOpened: () => () => undefined,
      onMenuCommand: () => () => undefined,
      setOnlineHosts: async () => undefined,
      fetchOnline: async () => ({ status: 'missing' }),
      pickBackgroundFiles: async () => [{ token, name: 'ortofoto-besar.tif', size }],
      readBackgroundFile: async (request: { token: string; offset: number; length: number }) => {
        if (request.token !== token) throw new Error('unknown background file');
        return decode(await read(request.offset, request.length));
      },
      forgetBackgroundFile: async () => undefined,
      // Recent projects as the preload gives them; backups stay in the browser's store here.
      recentProjects: async () => [],
      openRecentProject: async () => null,
      forgetRecentProject: async () => undefined,
      onRecentProjectChosen: () => () => undefined,
    };
  }, bytes.length);
  await openApp(page);
  await showOrthoArea(page, false);
  await page.getByTestId('background-add').click();
  await expect(page.getByTestId('background-message')).toHaveText('Latar ditambahkan: ortofoto-besar.tif');
  await waitForMapIdle(page);
  await expectQuadrants(page);
  const total = reads.reduce((sum, length) => sum + length, 0);
  // The view (zoom 14.5: 256-pixel tiles of zoom 16, 2.4 m) needs the 1 500-pixel overview, about a fifth of the
  // file; the full-resolution image (three quarters of it) is never read.
  expect(total).toBeLessThan(bytes.length / 4);
  // The file itself is not copied into the app's database: only its token is kept.
  const keys = await page.evaluate(() => window.rumijaStore!.db.meta.toCollection().primaryKeys());
  expect(keys.filter((key) => String(key).startsWith('background-file:'))).toEqual([]);

  await page.reload();
  await openApp(page);
  await expect(page.getByTestId('background-ortofoto-besar.tif')).toBeVisible();
  await showOrthoArea(page, false);
  await expectQuadrants(page);
  console.log(
    `ranged reads: ${reads.length} reads, ${(reads.reduce((a, b) => a + b, 0) / 1048576).toFixed(2)} MB of a ${(bytes.length / 1048576).toFixed(1)} MB file (two openings)`,
  );
});

test('a printed sheet shows the orthophoto under the data, where it lies', async ({ page }) => {
  test.setTimeout(240_000);
  await openApp(page);
  await showOrthoArea(page, true);
  await addBackground(page, tiff);
  await expect(page.getByTestId('background-message')).toHaveText('Latar ditambahkan: ortofoto-kupang.tif');
  // Centre the map on the north-west quadrant and print it at 1:5.000 as a 150 dpi PNG.
  await page.evaluate((center) => window.rumijaMap!.jumpTo({ center, zoom: 16 }), centres.nw);
  await waitForMapIdle(page);
  await page.getByTestId('print-open').click();
  await page.getByTestId('print-paper').selectOption('A4');
  await page.getByTestId('print-orientation').selectOption('portrait');
  await page.getByTestId('print-scale').selectOption('5000');
  await page.getByTestId('print-dpi').selectOption('150');
  const png = await savedFile(page, 'print-png');
  execFileSync('cp', [png, join(SCREENSHOT_DIR, 'print-orthophoto-a4.png')]);
  const frame = sheetLayout('A4', 'portrait').map;
  const toPixel = (mm: number) => String(Math.round((mm / 25.4) * 150));
  // 150 m west and north of the centre (3 cm on paper at 1:5.000): still the north-west quadrant, away from the road.
  const values = execFileSync(
    'gdallocationinfo',
    ['-valonly', png, toPixel(frame.x + frame.width / 2 - 30), toPixel(frame.y + frame.height / 2 - 30)],
    { encoding: 'utf8' },
  )
    .trim()
    .split(/\s+/)
    .map(Number);
  for (let band = 0; band < 3; band++)
    expect(Math.abs(values[band]! - QUADRANTS.nw[band]!), `printed pixel ${values}`).toBeLessThan(12);
  // The sheet credits the orthophoto among its sources.
  const pdf = await savedFile(page, 'print-pdf');
  expect(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')).toContain(
    'Latar: ortofoto-kupang.tif',
  );
});

test('an orthophoto over a street basemap, under the corridor analysis', async ({ page }) => {
  test.setTimeout(120_000);
  const { streets } = writeStreetArchive();
  await openApp(page);
  await addBackground(page, streets);
  await expect(page.getByTestId('background-message')).toHaveText('Latar ditambahkan: jalan-kupang.mbtiles');
  await addBackground(page, tiff);
  await expect(page.getByTestId('background-message')).toHaveText('Latar ditambahkan: ortofoto-kupang.tif');
  await expect(page.getByTestId('basemap-choice').locator('option:checked')).toHaveText('jalan-kupang.mbtiles');
  const slider = page.getByTestId('background-opacity-ortofoto-kupang.tif');
  await slider.fill('70');
  await slider.dispatchEvent('pointerup');
  await showOrthoArea(page, true);
  // Half-way between the orthophoto's colour and the street map's land under it.
  const pixel = await pixelAt(page, centres.se);
  const land = [0xf2, 0xef, 0xe9];
  for (let band = 0; band < 3; band++)
    expect(Math.abs(pixel[band]! - (0.7 * QUADRANTS.se[band]! + 0.3 * land[band]!)), `${pixel}`).toBeLessThan(14);
  await page.getByRole('tab', { name: 'RUMIJA' }).click();
  await page.getByTestId('analysis-run').click();
  await expect(page.getByTestId('analysis-total')).toContainText('Rp', { timeout: 60_000 });
  await waitForMapIdle(page);
  await screenshot(page, 'background-ortho-streets-analysis-id');
});
