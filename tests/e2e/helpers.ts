import type { Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expectOneLanguage } from './one-language';

export const SCREENSHOT_DIR = resolve(__dirname, '../../out/screenshots');

/** Twelve surveyed poles along the Kupang corridor, as a GeoJSON text. */
export const SURVEY_GEOJSON = JSON.stringify({
  type: 'FeatureCollection',
  features: Array.from({ length: 12 }, (_, i) => ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [123.63 + i * 0.002, -10.163] },
    properties: { nomor: i + 1, pemilik: i % 2 ? 'PLN' : 'Telkom' },
  })),
});

/** Opens the app with a fresh origin state and waits until the map has rendered everything. */
export async function openApp(page: Page, path = '/') {
  await page.goto(path);
  await waitForMapIdle(page);
}

export async function waitForMapIdle(page: Page) {
  await page.waitForFunction(() => Boolean(window.rumijaMap?.loaded() && window.rumijaMap.areTilesLoaded()), null, {
    timeout: 30_000,
  });
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const map = window.rumijaMap!;
        if (!map.isMoving() && map.loaded()) map.once('idle', () => resolve());
        else map.once('idle', () => resolve());
        map.triggerRepaint();
      }),
  );
}

/** Saves a screenshot of what the user sees, and checks that it speaks one language (one-language.ts). */
export async function screenshot(page: Page, name: string) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: resolve(SCREENSHOT_DIR, `${name}.png`) });
  await expectOneLanguage(page, name);
}

/** Reads the map canvas pixel at a geographic position (preserveDrawingBuffer is on). */
export async function pixelAt(page: Page, lngLat: [number, number]) {
  return page.evaluate((position) => {
    const map = window.rumijaMap!;
    const point = map.project(position as [number, number]);
    const canvas = map.getCanvas();
    const ratio = canvas.width / canvas.clientWidth;
    const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext;
    const pixel = new Uint8Array(4);
    gl.readPixels(
      Math.round(point.x * ratio),
      Math.round(canvas.height - point.y * ratio),
      1,
      1,
      gl.RGBA,
      gl.UNSIGNED_BYTE,
      pixel,
    );
    return Array.from(pixel.slice(0, 3));
  }, lngLat);
}

/**
 * One number answered by GDAL's SQLite dialect (SpatiaLite functions) over some features written to a GeoJSON file
 * named after `table`; the query names its result `v`. GDAL is the outside judge of lengths, areas and sums.
 */
export function gdalNumber(
  table: string,
  features: { geometry: unknown; properties: Record<string, unknown> }[],
  sql: string,
): number {
  const file = join(mkdtempSync(join(tmpdir(), 'rumija-gdal-')), `${table}.geojson`);
  writeFileSync(
    file,
    JSON.stringify({ type: 'FeatureCollection', features: features.map((f) => ({ type: 'Feature', ...f })) }),
  );
  const output = execFileSync('ogrinfo', ['-q', '-dialect', 'SQLite', '-sql', sql, file], { encoding: 'utf8' });
  return Number(/ v \((?:Real|Integer|Integer64)\) = ([\d.]+)/.exec(output)![1]);
}

/**
 * After a click on the map: the feature's popup, or (when several features lie under the click) the list of
 * them, from which the one whose title holds `title` is picked as a user would.
 */
export async function identifiedPopup(page: Page, title: string) {
  const single = page.getByTestId('feature-popup');
  const list = page.getByTestId('identify-list');
  await single.or(list).first().waitFor();
  if (await list.isVisible()) await list.getByTestId('identify-item').filter({ hasText: title }).first().click();
  await single.waitFor();
  return single;
}

/** Clicks the map where a lon/lat is drawn. */
export async function clickOnMapAt(page: Page, lngLat: number[]) {
  const point = await page.evaluate((position) => window.rumijaMap!.project(position as [number, number]), lngLat);
  const box = (await page.getByTestId('map').boundingBox())!;
  await page.mouse.click(box.x + point.x, box.y + point.y);
}

/** Clicks a save button and returns the file the browser saved (PDF or PNG, by the name the app suggested). */
export async function savedFile(page: Page, button: string) {
  const download = page.waitForEvent('download', { timeout: 170_000 });
  await page.getByTestId(button).click();
  const saved = await download;
  const path = await saved.path();
  const extension = saved.suggestedFilename().split('.').pop();
  const file = join(mkdtempSync(join(tmpdir(), 'rumija-print-')), `sheet.${extension}`);
  execFileSync('cp', [path!, file]);
  return file;
}

/** The colours of a PNG at some pixels (decoded by the browser). */
export async function pngPixels(page: Page, bytes: Buffer, points: { x: number; y: number }[]) {
  return page.evaluate(
    async ({ base64, at }) => {
      const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${base64}`)).blob());
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d')!;
      context.drawImage(bitmap, 0, 0);
      return at.map(({ x, y }) =>
        Array.from(context.getImageData(Math.round(x), Math.round(y), 1, 1).data.slice(0, 3)),
      );
    },
    { base64: bytes.toString('base64'), at: points },
  );
}
