import { expect, type Page } from '@playwright/test';
import { createDemoDataset } from '#shared/demo/create-demo-dataset';
import { waitForMapIdle } from './helpers';

/** Reading the map's pixels where a demo road is drawn, to compare with the colour its legend shows. */
const demo = createDemoDataset();

export const hex = (value: string) => [1, 3, 5].map((i) => parseInt(value.slice(i, i + 2), 16));

/** The screen point halfway along the first edge of a road, after framing it; and the pixel there. */
export async function frameRoad(page: Page, id: string) {
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

export async function pixelAtScreen(page: Page, point: { x: number; y: number }) {
  return page.evaluate(({ x, y }) => {
    const canvas = window.rumijaMap!.getCanvas();
    const ratio = canvas.width / canvas.clientWidth;
    const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext;
    const pixel = new Uint8Array(4);
    gl.readPixels(Math.round(x * ratio), Math.round(canvas.height - y * ratio), 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, pixel);
    return Array.from(pixel.slice(0, 3));
  }, point);
}

export function expectBlend(actual: number[], colour: string, under: number[], opacity: number, what: string) {
  const expected = hex(colour).map((channel, i) => channel * opacity + under[i]! * (1 - opacity));
  const distance = Math.max(...actual.map((channel, i) => Math.abs(channel - expected[i]!)));
  expect(
    distance,
    `${what}: pixel ${actual}, expected about ${expected.map(Math.round)} (${colour})`,
  ).toBeLessThanOrEqual(8);
}

/** Reads the road's pixel with the road layer off (what lies under it) and on. */
export async function roadPixels(page: Page, id: string) {
  const point = await frameRoad(page, id);
  await page.getByTestId('layer-visible-demo-roads').uncheck();
  await waitForMapIdle(page);
  const under = await pixelAtScreen(page, point);
  await page.getByTestId('layer-visible-demo-roads').check();
  await waitForMapIdle(page);
  return { under, drawn: await pixelAtScreen(page, point) };
}

/** Pixels at `count` points along the middle of a road's first edge, after framing it. */
export async function roadCentreLine(page: Page, id: string, count: number) {
  await frameRoad(page, id);
  const road = demo.features.find((f) => f.id === id)!;
  const [a, b] = (road.geometry as { coordinates: number[][] }).coordinates as [number, number][];
  return page.evaluate(
    ({ from, to, count }) => {
      const map = window.rumijaMap!;
      const [p, q] = [map.project(from), map.project(to)];
      const canvas = map.getCanvas();
      const ratio = canvas.width / canvas.clientWidth;
      const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext;
      const pixels: number[][] = [];
      for (let i = 0; i < count; i++) {
        const t = 0.2 + (0.6 * i) / (count - 1);
        const [x, y] = [p.x + (q.x - p.x) * t, p.y + (q.y - p.y) * t];
        const pixel = new Uint8Array(4);
        gl.readPixels(
          Math.round(x * ratio),
          Math.round(canvas.height - y * ratio),
          1,
          1,
          gl.RGBA,
          gl.UNSIGNED_BYTE,
          pixel,
        );
        pixels.push(Array.from(pixel.slice(0, 3)));
      }
      return pixels;
    },
    { from: a!, to: b!, count },
  );
}
