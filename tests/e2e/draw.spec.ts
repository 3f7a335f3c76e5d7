import { expect, test, type Page } from '@playwright/test';
import { Geodesic } from 'geographiclib-geodesic';
import type { Position } from 'geojson';
import { openApp, screenshot, waitForMapIdle } from './helpers';

const WGS84 = Geodesic.WGS84;
const move = (from: Position, azimuth: number, metres: number): Position => {
  const r = WGS84.Direct(from[1], from[0], azimuth, metres);
  return [r.lon2!, r.lat2!];
};
const distance = (a: Position, b: Position) => WGS84.Inverse(a[1], a[0], b[1], b[0]).s12!;

async function openDemo(page: Page) {
  page.on('pageerror', (error) => console.log('pageerror:', error.message));
  await openApp(page);
  await page.waitForFunction(() => window.rumijaStore?.getSnapshot().status === 'ready');
  await page.waitForFunction(() => Boolean(window.rumijaMap?.getSource('data:demo-bridges')));
}

async function jumpTo(page: Page, center: Position, zoom: number) {
  await page.evaluate(([c, z]) => window.rumijaMap!.jumpTo({ center: c as [number, number], zoom: z as number }), [center, zoom] as const);
  await waitForMapIdle(page);
}

async function clickAt(page: Page, lngLat: Position) {
  const point = await page.evaluate((position) => window.rumijaMap!.project(position as [number, number]), lngLat);
  const box = (await page.getByTestId('map').boundingBox())!;
  await page.mouse.click(box.x + point.x, box.y + point.y);
}

const featuresNamed = (page: Page, name: string) =>
  page.evaluate((wanted) => [...window.rumijaStore!.getSnapshot().featureById.values()].filter((feature) => feature.properties.name === wanted), name);

/** Reads "1.234,5 m" (Indonesian) from the readout. */
const metresIn = (text: string) => Number(/([\d.]+,\d) m/.exec(text)![1].replace(/\./g, '').replace(',', '.'));

// An empty stretch east of Kupang, away from the demo roads, so nothing snaps by accident.
const start: Position = [123.74, -10.215];
const end = move(start, 90, 1_200);

test('draw a road, add a bridge at STA 0+500, undo, redo, reload: it is all still there', async ({ page }) => {
  await openDemo(page);
  await jumpTo(page, move(start, 90, 600), 15);

  await page.getByTestId('tool-road').click();
  await clickAt(page, start);
  await clickAt(page, end);
  await expect(page.getByTestId('measure-readout')).toContainText('Panjang');
  await clickAt(page, end); // clicking the last point again finishes the line
  const form = page.getByTestId('feature-form');
  await expect(form).toBeVisible();
  await expect(page.getByTestId('form-measure')).toContainText('km');
  // The model refuses a road without ruas number and name, naming the fields.
  await page.getByTestId('feature-form-save').click();
  await expect(page.getByTestId('error-ruasNumber')).toBeVisible();
  await page.getByTestId('new-ruasNumber').fill('901');
  await page.getByTestId('new-name').fill('Jalan Uji Gambar');
  await page.getByTestId('new-status').selectOption('kabupaten');
  await screenshot(page, 'draw-road-form-id');
  await page.getByTestId('feature-form-save').click();
  await expect(form).toBeHidden();
  await expect(page.getByTestId('tool-message')).toContainText('Jalan digambar');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('tool-status')).toBeHidden();

  const [road] = await featuresNamed(page, 'Jalan Uji Gambar');
  expect(road.layerId).toBe('drawn-road');
  expect(Number(road.properties.lengthM)).toBeGreaterThan(1_150);
  expect(Number(road.properties.lengthM)).toBeLessThan(1_250);
  const roadStart = (road.geometry as { coordinates: Position[] }).coordinates[0];

  // A bridge at STA 0+500 of the new ruas.
  await page.getByTestId('tab-sta').click();
  await page.getByTestId('sta-ruas').selectOption('drawn-road|901');
  await page.getByTestId('sta-input').fill('0+500');
  await page.getByTestId('sta-go').click();
  await page.getByTestId('sta-add-bridge').click();
  await expect(page.getByTestId('new-staM')).toHaveValue('0+500');
  await expect(page.getByTestId('new-ruasNumber')).toHaveValue('901');
  await page.getByTestId('new-name').fill('Jembatan Uji');
  await page.getByTestId('new-lengthM').fill('30');
  await page.getByTestId('feature-form-save').click();
  await expect(form).toBeHidden();
  await waitForMapIdle(page);
  await screenshot(page, 'draw-bridge-at-sta-id');

  const bridgeIsThere = async () => {
    const [bridge] = await featuresNamed(page, 'Jembatan Uji');
    if (!bridge) return null;
    const position = (bridge.geometry as { coordinates: Position }).coordinates;
    return { staM: bridge.properties.staM, fromStart: distance(roadStart, position), layerId: bridge.layerId };
  };
  const placed = (await bridgeIsThere())!;
  expect(placed.staM).toBe(500);
  expect(placed.layerId).toBe('drawn-bridge');
  expect(Math.abs(placed.fromStart - 500)).toBeLessThan(0.5);

  await page.getByTestId('map').click({ position: { x: 5, y: 5 } }); // focus off the panel inputs
  await page.keyboard.press('Control+z');
  await expect.poll(bridgeIsThere).toBeNull();
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(async () => (await bridgeIsThere())?.staM).toBe(500);

  await page.reload();
  await openDemo(page);
  expect((await bridgeIsThere())!.staM).toBe(500);
  expect(await featuresNamed(page, 'Jalan Uji Gambar')).toHaveLength(1);
  await expect(page.getByTestId('layer-drawn-road')).toBeVisible();
});

test('measure a known distance and an area within 0.5 %', async ({ page }) => {
  await openDemo(page);
  const a: Position = [123.75, -10.25];
  const b = move(a, 90, 1_500);
  await jumpTo(page, move(a, 90, 750), 15);
  await page.getByTestId('tool-measure-line').click();
  await clickAt(page, a);
  await clickAt(page, b);
  await clickAt(page, b);
  const readout = page.getByTestId('measure-readout');
  await expect(readout).toContainText('km');
  const measured = metresIn(await readout.innerText());
  expect(Math.abs(measured - 1_500) / 1_500).toBeLessThan(0.005);
  await screenshot(page, 'measure-distance-id');

  // A 600 m × 400 m rectangle: 24 ha.
  await page.getByTestId('tool-measure-area').click();
  const c = move(a, 90, 600);
  const d = move(c, 0, 400);
  const e = move(a, 0, 400);
  for (const corner of [a, c, d, e]) await clickAt(page, corner);
  await clickAt(page, a);
  await expect(readout).toContainText('ha');
  const text = await readout.innerText();
  const squareMetres = Number(/Luas: ([\d.]+) m²/.exec(text)![1].replace(/\./g, ''));
  expect(Math.abs(squareMetres - 240_000) / 240_000).toBeLessThan(0.005);
  await page.keyboard.press('Escape');
  await expect(readout).toBeHidden();
});
