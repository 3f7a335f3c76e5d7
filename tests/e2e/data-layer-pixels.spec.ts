import { expect, test } from '@playwright/test';
import { openApp, screenshot, waitForMapIdle } from './helpers';
import { expectBlend, hex, pixelAtScreen, roadCentreLine, roadPixels } from './road-pixels';
import { createDemoDataset } from '#shared/demo/create-demo-dataset';
import { Geodesic } from 'geographiclib-geodesic';

/**
 * The data layers as a user sees them: a road of each status and condition, and a bridge of each condition,
 * drawn at a known place in the colour its legend shows. Expected colours are written here, not taken from
 * the app's colour table, and the legend swatch must show the same one.
 */
const STATUS = { nasional: '#002f55', provinsi: '#608dbe' } as const;
const CONDITION = { baik: '#90e398', sedang: '#c79600', rusak_ringan: '#c03000', rusak_berat: '#68151d' } as const;
/** The rusak classes are drawn broken, with white gaps (issue #38's second channel). */
const BROKEN = new Set(['rusak_ringan', 'rusak_berat']);
/** Roads are drawn opaque, on a dark casing. */
const ROAD_OPACITY = 1;

const demo = createDemoDataset();
const plainRoads = demo.features.filter((f) => f.properties.kind === 'road' && !f.properties.borderRoute);

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
    if (!BROKEN.has(condition)) {
      const { under, drawn } = await roadPixels(page, road.id);
      expectBlend(drawn, colour, under, ROAD_OPACITY, `${road.id} (${condition})`);
      continue;
    }
    // Along the road's centre line both the class colour (dashes) and white (gaps) show.
    const along = await roadCentreLine(page, road.id, 60);
    const near = (pixel: number[], target: number[]) =>
      Math.max(...pixel.map((c, i) => Math.abs(c - target[i]!))) <= 12;
    expect(along.filter((pixel) => near(pixel, hex(colour))).length, `${condition} dashes`).toBeGreaterThan(10);
    expect(along.filter((pixel) => near(pixel, [255, 255, 255])).length, `${condition} gaps`).toBeGreaterThan(5);
    await expect(page.getByTestId(`legend-demo-roads-${condition}`)).toHaveAttribute('data-dash', /\d/);
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

test('the right-of-way bands of the Kupang corridor are drawn at their widths, in the zone colours', async ({
  page,
}) => {
  // P-601-2: surveyed RUMIJA 25 m, 14 m carriageway, kolektor primer → RUMAJA 9 m, RUMIJA 12,5 m, RUWASJA 17 m from the axis.
  const ZONES = { rumaja: '#701759', rumija: '#ac4e96', ruwasja: '#ea81b2' };
  await openApp(page);
  for (const [zone, colour] of Object.entries(ZONES)) {
    await expect(page.getByTestId(`legend-demo-assets-${zone}`)).toHaveAttribute('data-color', colour);
  }
  for (const layer of ['demo-assets', 'demo-bridges', 'demo-corridors'])
    await page.getByTestId(`layer-visible-${layer}`).uncheck();
  const road = demo.features.find((f) => f.id === 'demo-road-P-601-2')!;
  const [a, b] = (road.geometry as { coordinates: number[][] }).coordinates as [number, number][];
  await page.evaluate(
    ({ from, to }) => window.rumijaMap!.jumpTo({ center: [(from[0] + to[0]) / 2, (from[1] + to[1]) / 2], zoom: 17 }),
    {
      from: a!,
      to: b!,
    },
  );
  await waitForMapIdle(page);
  // Metres per pixel along the edge, from GeographicLib (not the app's own geometry code).
  const edgeM = Geodesic.WGS84.Inverse(a![1], a![0], b![1], b![0]).s12!;
  const { mid, normal, metresPerPixel } = await page.evaluate(
    ({ from, to, lengthM }) => {
      const map = window.rumijaMap!;
      const [p, q] = [map.project(from), map.project(to)];
      const length = Math.hypot(q.x - p.x, q.y - p.y);
      return {
        mid: { x: (p.x + q.x) / 2, y: (p.y + q.y) / 2 },
        normal: { x: -(q.y - p.y) / length, y: (q.x - p.x) / length },
        metresPerPixel: lengthM / length,
      };
    },
    { from: a!, to: b!, lengthM: edgeM },
  );
  const at = (metres: number) => ({
    x: mid.x + (normal.x * metres) / metresPerPixel,
    y: mid.y + (normal.y * metres) / metresPerPixel,
  });
  const offsets = { insideRumija: 11, insideRuwasja: 15, outside: 20 };

  await page.getByTestId('layer-visible-demo-roads').uncheck();
  await waitForMapIdle(page);
  const under = Object.fromEntries(
    await Promise.all(
      Object.entries(offsets).map(async ([key, metres]) => [key, await pixelAtScreen(page, at(metres))] as const),
    ),
  );
  await page.getByTestId('layer-visible-demo-roads').check();
  await waitForMapIdle(page);

  // The bands are stacked full buffers: RUWASJA at 14 % under RUMIJA at 20 %.
  const blend = (colour: string, base: number[], opacity: number) =>
    hex(colour).map((c, i) => c * opacity + base[i]! * (1 - opacity));
  const ruwasjaOnly = (base: number[]) => blend(ZONES.ruwasja, base, 0.14);
  const expectNear = (actual: number[], expected: number[], what: string) =>
    expect(
      Math.max(...actual.map((c, i) => Math.abs(c - expected[i]!))),
      `${what}: ${actual} vs ${expected.map(Math.round)}`,
    ).toBeLessThanOrEqual(6);
  expectNear(
    await pixelAtScreen(page, at(offsets.insideRumija)),
    blend(ZONES.rumija, ruwasjaOnly(under.insideRumija!), 0.2),
    '11 m: RUMIJA',
  );
  expectNear(await pixelAtScreen(page, at(offsets.insideRuwasja)), ruwasjaOnly(under.insideRuwasja!), '15 m: RUWASJA');
  expectNear(await pixelAtScreen(page, at(offsets.outside)), under.outside!, '20 m: outside');
  await screenshot(page, 'data-layer-row-zones');
});
