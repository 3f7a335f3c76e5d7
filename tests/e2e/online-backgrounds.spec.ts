import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp, pixelAt, savedFile, screenshot, waitForMapIdle } from './helpers';
import { FileSource, PMTiles } from 'pmtiles';
import { centres, expectQuadrants, showOrthoArea } from './ortho-view';
import { writeQuadrantTiff } from '../fixtures/quadrant-tiff';
import { mbtilesTiles } from '../fixtures/mbtiles-tiles';

/**
 * Online backgrounds as a planner adds them: an XYZ service and a WMS on 127.0.0.1 (serving GDAL's tiles of the
 * four-colour orthophoto) are drawn through the host's fetcher, never by the page itself; "save area offline" makes
 * an archive that draws the same view after the server is stopped and the app restarted.
 */
const folder = mkdtempSync(join(tmpdir(), 'rumija-online-'));
const tiff = writeQuadrantTiff(folder, 'ortofoto.tif');
const mbtiles = join(folder, 'ortofoto.mbtiles');
execFileSync('gdal_translate', ['-q', '-of', 'MBTILES', tiff, mbtiles]);
execFileSync('gdaladdo', ['-q', '-r', 'nearest', mbtiles, '2', '4', '8']);

const HALF = 20037508.342789244;
const WMS_CAPABILITIES = (base: string) => `<?xml version="1.0" encoding="UTF-8"?>
<WMS_Capabilities version="1.3.0" xmlns="http://www.opengis.net/wms" xmlns:xlink="http://www.w3.org/1999/xlink">
  <Service><Name>WMS</Name><Title>Uji</Title></Service>
  <Capability>
    <Request><GetMap><Format>image/png</Format>
      <DCPType><HTTP><Get><OnlineResource xlink:href="${base}/wms?"/></Get></HTTP></DCPType>
    </GetMap></Request>
    <Layer><Title>Uji</Title><CRS>EPSG:3857</CRS>
      <Layer><Name>ortofoto</Name><Title>Ortofoto drone uji</Title>
        <Attribution><Title>Drone PUPR uji</Title></Attribution></Layer>
    </Layer>
  </Capability>
</WMS_Capabilities>`;

/** XYZ at /{z}/{x}/{y}.png and a WMS at /wms answering GetMap for tile-shaped boxes, from the same tiles. */
async function startTileServer() {
  const tiles = new Map((await mbtilesTiles(mbtiles)).map((tile) => [`${tile.z}/${tile.x}/${tile.y}`, tile.data]));
  const zooms = [...tiles.keys()].map((key) => Number(key.split('/')[0]));
  const asked: string[] = [];
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    asked.push(url.pathname + url.search);
    let key = url.pathname
      .match(/^\/(\d+)\/(\d+)\/(\d+)\.png$/)
      ?.slice(1)
      .join('/');
    if (url.pathname === '/wms' && url.searchParams.get('REQUEST') === 'GetCapabilities') {
      response.writeHead(200, { 'content-type': 'text/xml' }).end(WMS_CAPABILITIES(`http://${request.headers.host}`));
      return;
    }
    if (url.pathname === '/wms' && url.searchParams.get('REQUEST') === 'GetMap') {
      const [minx, , maxx, maxy] = url.searchParams.get('BBOX')!.split(',').map(Number);
      const size = maxx! - minx!;
      const z = Math.round(Math.log2((2 * HALF) / size));
      key = `${z}/${Math.round((minx! + HALF) / size)}/${Math.round((HALF - maxy!) / size)}`;
    }
    const tile = key ? tiles.get(key) : undefined;
    if (tile) response.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.from(tile));
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    host,
    asked,
    minzoom: Math.min(...zooms),
    maxzoom: Math.max(...zooms),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Every request the page itself makes to the tile server (there must be none: the host fetches). */
function watchRequestsTo(page: Page, host: string): string[] {
  const direct: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes(host)) direct.push(request.url());
  });
  return direct;
}

test('an XYZ service is drawn through the host, saved offline, and drawn again with its server stopped', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const server = await startTileServer();
  const offsite = watchRequestsTo(page, server.host);
  await openApp(page);
  await showOrthoArea(page, false);
  await expect(page.getByTestId('background-add-online')).toHaveText('Tambah layanan daring…');
  expect(server.asked).toEqual([]); // nothing online before the user adds it

  await page.getByTestId('background-add-online').click();
  await page.getByTestId('online-address').fill(`http://${server.host}/{z}/{x}.png`);
  await expect(page.getByTestId('online-invalid')).toContainText('{z}, {x} dan {y}');
  await page.getByTestId('online-address').fill('tiles.example.org/{z}/{x}/{y}.png');
  await expect(page.getByTestId('online-invalid')).toContainText('http://');
  await page.getByTestId('online-address').fill(`http://${server.host}/{z}/{x}/{y}.png`);
  await expect(page.getByTestId('online-hosts')).toContainText(`Rumija hanya akan menghubungi: ${server.host}.`);
  await page.getByTestId('online-name').fill('Ortofoto daring');
  await page.getByTestId('online-attribution').fill('Drone PUPR uji');
  await page.getByTestId('online-maxzoom').fill(String(server.maxzoom));
  await screenshot(page, 'online-service-dialog-id');
  expect(server.asked).toEqual([]);
  await page.getByTestId('online-add').click();
  await expect(page.getByTestId('background-message')).toHaveText('Latar ditambahkan: Ortofoto daring');
  await expect(page.getByTestId('basemap-choice').locator('option:checked')).toHaveText('Ortofoto daring');
  await expect(page.getByTestId('background-Ortofoto daring')).toContainText(`menghubungi ${server.host}`);
  await waitForMapIdle(page);
  await expectQuadrants(page);
  await expect(page.locator('.maplibregl-ctrl-attrib')).toContainText('Drone PUPR uji');
  expect(server.asked.length).toBeGreaterThan(0);
  expect(offsite).toEqual([]); // the page never reached the tile server itself

  // Save the view offline: count and estimate first, then the download with its progress.
  await page.getByTestId('background-save-area-Ortofoto daring').click();
  await page.getByTestId('save-area-from').fill(String(server.maxzoom - 2));
  await page.getByTestId('save-area-to').fill(String(server.maxzoom));
  await expect(page.getByTestId('save-area-estimate')).toContainText(/^\d+ ubin, perkiraan \d+(,\d MB| KB)\.$/);
  await screenshot(page, 'save-area-dialog-id');
  await page.getByTestId('save-area-download').click();
  const archiveName = `Ortofoto daring (luring ${new Date().toISOString().slice(0, 10)}).pmtiles`;
  await expect(page.getByTestId('background-message')).toContainText(`Area disimpan luring: ${archiveName} (`, {
    timeout: 60_000,
  });
  await expect(page.getByTestId('basemap-choice').locator('option:checked')).toHaveText(archiveName);
  const saved = (await page.getByTestId('background-message').textContent())!.match(/\((\d+) ubin/)![1];

  // A copy of the archive for the hearing room's laptop: a PMTiles the pmtiles reader opens, with every tile.
  const copy = await savedFile(page, `background-save-copy-${archiveName}`);
  const archive = new PMTiles(new FileSource(new File([readFileSync(copy)], archiveName)));
  const header = await archive.getHeader();
  expect(header.numAddressedTiles).toBe(Number(saved));
  expect([header.minZoom, header.maxZoom]).toEqual([server.maxzoom - 1, server.maxzoom]);
  await expect(page.getByTestId('background-message')).toHaveText(`Salinan disimpan: ${archiveName}`);

  // The server goes away: a view not seen before names the failure by the online background.
  await server.stop();
  await page.getByTestId('basemap-choice').selectOption({ label: 'Ortofoto daring' });
  await page.evaluate(() => window.rumijaMap!.jumpTo({ center: [123.3, -10.3], zoom: 13 }));
  await expect(page.getByTestId('background-error-Ortofoto daring')).toContainText('Ubin tidak didapat:');
  await page.getByTestId('background-remove-Ortofoto daring').click();
  await expect(page.getByTestId('background-Ortofoto daring')).toHaveCount(0);
  await page.getByTestId('basemap-choice').selectOption({ label: archiveName });
  await expect(page.getByTestId('basemap-choice').locator('option:checked')).toHaveText(archiveName);

  // Restarted with no server and no online service: the saved archive draws the same view.
  await page.reload();
  await openApp(page);
  const bridge: string[] = [];
  page.on('request', (request) => request.url().includes('__rumija-host') && bridge.push(request.url()));
  await expect(page.getByTestId('basemap-choice').locator('option:checked')).toHaveText(archiveName);
  await showOrthoArea(page, false);
  await expectQuadrants(page);
  expect(bridge).toEqual([]);
  await showOrthoArea(page, true);
  await page.getByTestId('backgrounds').scrollIntoViewIfNeeded();
  await screenshot(page, 'online-saved-offline-id');
  expect(offsite).toEqual([]);
});

test('a WMS layer is picked from its GetCapabilities and drawn; a host not added is refused', async ({ page }) => {
  test.setTimeout(120_000);
  const server = await startTileServer();
  await openApp(page);
  await showOrthoArea(page, false);
  const outside: [number, number] = [centres.ne[0] + 0.025, centres.ne[1]];
  const before = await pixelAt(page, outside);
  await page.getByTestId('language-en').click();
  await page.getByTestId('background-add-online').click();
  await page.getByTestId('online-kind').selectOption('wms');
  await page.getByTestId('online-address').fill(`http://${server.host}/wms`);
  await page.getByTestId('online-read-capabilities').click();
  await expect(page.getByTestId('online-layer').locator('option:checked')).toHaveText('Ortofoto drone uji');
  await expect(page.getByTestId('online-attribution')).toHaveValue('Drone PUPR uji');
  await page.getByTestId('online-role').selectOption('overlay');
  // The drone mosaic has no detail past zoom 14: asking for more would only be refused.
  await page.getByTestId('online-maxzoom').fill(String(server.maxzoom));
  await expect(page.getByTestId('online-hosts')).toContainText(`Rumija will contact only: ${server.host}.`);
  await screenshot(page, 'online-service-wms-en');
  await page.getByTestId('online-add').click();
  await expect(page.getByTestId('background-message')).toHaveText('Background added: Ortofoto drone uji');
  await waitForMapIdle(page);
  // Where the service has nothing (outside the orthophoto) the basemap shows through unchanged.
  expect(await pixelAt(page, outside)).toEqual(before);
  await expectQuadrants(page);
  expect(server.asked.some((asked) => asked.includes('REQUEST=GetMap'))).toBe(true);

  // A service whose capabilities were read but which was not added is not contacted afterwards.
  const other = await startTileServer();
  await page.getByTestId('background-add-online').click();
  await page.getByTestId('online-kind').selectOption('wms');
  await page.getByTestId('online-address').fill(`http://${other.host}/wms`);
  await page.getByTestId('online-read-capabilities').click();
  await expect(page.getByTestId('online-layer')).toBeVisible();
  await page.getByTestId('online-cancel').click();
  await expect(page.getByTestId('online-service-dialog')).toHaveCount(0);
  await expect
    .poll(() =>
      page.evaluate(async (address) => {
        const response = await fetch('./__rumija-host/online/fetch', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ url: address, kind: 'tile' }),
        });
        return response.status;
      }, `http://${other.host}/14/0/0.png`),
    )
    .toBe(502);
  expect(other.asked).toEqual(['/wms?SERVICE=WMS&REQUEST=GetCapabilities']);
  await other.stop();

  // The host API refuses an address whose host the user never added, and the server never sees it.
  const refused = await page.evaluate(
    async (address) => {
      const response = await fetch('./__rumija-host/online/fetch', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ url: address, kind: 'tile' }),
      });
      return `${response.status} ${await response.text()}`;
    },
    `http://localhost:${server.host.split(':')[1]}/14/0/0.png`,
  );
  expect(refused).toMatch(/^502 Host tidak ada di daftar layanan daring: /);
  expect(server.asked.some((asked) => asked.startsWith('/14/0/0'))).toBe(false);
  await server.stop();
});
