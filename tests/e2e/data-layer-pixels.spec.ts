import { expect, test, type Page } from '@playwright/test';
import { openApp, screenshot, waitForMapIdle } from './helpers';
import { createDemoDataset } from '../../shared/demo/create-demo-dataset';

/**
 * The data layers as a user sees them: a road of each status and condition, and a bridge of each condition,
 * drawn at a known place in the colour its legend shows. Expected colours are written here, not taken from
 * the app's colour table, and the legend swatch must show the same one.
 */
const STATUS = { nasional: '#c62828', provinsi: '#1565c0' } as const;
const CONDITION = { baik: '#2e7d32', sedang: '#9ccc65', rusak_ringan: '#f9a825', rusak_berat: '#c62828' } as const;
/** Roads are drawn at 92 % opacity over the basemap. */
const ROAD_OPACITY = 0.92;

const demo = createDemoDataset();
const plainRoads = demo.features.filter((f) => f.properties.kind === 'road' && !f.properties.borderRoute);

const hex = (value: string) => [1, 3, 5].map((i) => parseInt(value.slice(i, i + 2), 16));

/** The screen point halfway along the first edge of a road, after framing it; and the pixel there. */
async function frameRoad(page: Page, id: string) {
  const road = demo.features.find((f) => f.id === id)!;
  const [a, b] = (road.geometry as { coordinates: number[][] }).coordinates as [number, number][];
  await page.evaluate(
    ({ from, to }) => window.rumijaMap!.jumpTo({ center: [(from[0] + to[0]) / 2, (from[1] + to[1]) / 2], zoom: 11 }),
    { from: a!, to: b! },
  );
  await waitForMapIdle(page);
  return page.evaluate(
    ({ from, to }) => {
      const map = window.rumijaMap!;
      const [p, q] = [map.project(from), map.project(to)];
      return { x: (p.x + q.x) / 2, y: (p.y + q.y) / 2 };
    },
    { from: a!, to: b! },
  );
}

async function pixelAtScreen(page: Page, point: { x: number; y: number }) {
  return page.evaluate(({ x, y }) => {
    const canvas = window.rumijaMap!.getCanvas();
    const ratio = canvas.width / canvas.clientWidth;
    const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext;
    const pixel = new Uint8Array(4);
    gl.readPixels(Math.round(x * ratio), Math.round(canvas.height - y * ratio), 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, pixel);
    return Array.from(pixel.slice(0, 3));
  }, point);
}

function expectBlend(actual: number[], colour: string, under: number[], opacity: number, what: string) {
  const expected = hex(colour).map((channel, i) => channel * opacity + under[i]! * (1 - opacity));
  const distance = Math.max(...actual.map((channel, i) => Math.abs(channel - expected[i]!)));
  expect(
    distance,
    `${what}: pixel ${actual}, expected about ${expected.map(Math.round)} (${colour})`,
  ).toBeLessThanOrEqual(8);
}

/** Reads the road's pixel with the road layer off (what lies under it) and on. */
async function roadPixels(page: Page, id: string) {
  const point = await frameRoad(page, id);
  await page.getByTestId('layer-visible-demo-roads').uncheck();
  await waitForMapIdle(page);
  const under = await pixelAtScreen(page, point);
  await page.getByTestId('layer-visible-demo-roads').check();
  await waitForMapIdle(page);
  return { under, drawn: await pixelAtScreen(page, point) };
}

test('roads are drawn in their legend colour by status, then by condition', async ({ page }) => {
  test.setTimeout(180_000);
  await openApp(page);
  for (const layer of ['demo-assets', 'demo-bridges', 'demo-corridors'])
    await page.getByTestId(`layer-visible-${layer}`).uncheck();

  for (const [status, colour] of Object.entries(STATUS)) {
    const road = plainRoads.find((f) => f.properties.status === status)!;
    await expect(page.getByTestId(`legend-demo-roads-${status}`)).toHaveAttribute('data-color', colour);
    const { under, drawn } = await roadPixels(page, road.id);
    expectBlend(drawn, colour, under, ROAD_OPACITY, `${road.id} (${status})`);
  }

  await page.getByTestId('layer-style-demo-roads').selectOption('condition');
  for (const [condition, colour] of Object.entries(CONDITION)) {
    const road = plainRoads.find((f) => f.properties.condition === condition)!;
    await expect(page.getByTestId(`legend-demo-roads-${condition}`)).toHaveAttribute('data-color', colour);
    const { under, drawn } = await roadPixels(page, road.id);
    expectBlend(drawn, colour, under, ROAD_OPACITY, `${road.id} (${condition})`);
  }
  await screenshot(page, 'data-layer-roads-by-condition');
});

test('bridges are drawn in their legend colour: rusak berat red, the proposed bridge white', async ({ page }) => {
  await openApp(page);
  for (const layer of ['demo-assets', 'demo-corridors', 'demo-roads'])
    await page.getByTestId(`layer-visible-${layer}`).uncheck();
  const expected: [string, string, string][] = [
    ['demo-bridge-2', 'rusak_berat', CONDITION.rusak_berat],
    ['demo-bridge-5', 'proposed', '#ffffff'],
  ];
  for (const [id, key, colour] of expected) {
    await expect(page.getByTestId(`legend-demo-bridges-${key}`)).toHaveAttribute('data-color', colour);
    const bridge = demo.features.find((f) => f.id === id)!;
    const position = (bridge.geometry as { coordinates: number[] }).coordinates as [number, number];
    await page.evaluate((center) => window.rumijaMap!.jumpTo({ center, zoom: 12 }), position);
    await waitForMapIdle(page);
    const point = await page.evaluate((at) => window.rumijaMap!.project(at), position);
    expectBlend(await pixelAtScreen(page, point), colour, [0, 0, 0], 1, `${id} (${key})`);
  }
});
