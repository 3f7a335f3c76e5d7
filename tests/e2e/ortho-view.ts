import { expect, type Page } from '@playwright/test';
import proj4 from 'proj4';
import '#shared/geo/known-crs';
import { pixelAt, waitForMapIdle } from './helpers';
import { ORTHO_ORIGIN, QUADRANTS } from '../fixtures/quadrant-tiff';

/** The lon/lat of a point inside each quadrant, 500 m from its outer corners. */
export const centres = Object.fromEntries(
  (
    [
      ['nw', 500, -500],
      ['ne', 1500, -500],
      ['sw', 500, -1500],
      ['se', 1500, -1500],
    ] as const
  ).map(([name, dx, dy]) => [name, proj4('EPSG:32751', 'EPSG:4326', [ORTHO_ORIGIN[0] + dx, ORTHO_ORIGIN[1] + dy])]),
) as Record<keyof typeof QUADRANTS, [number, number]>;

export async function showOrthoArea(page: Page, dataVisible: boolean) {
  await page.evaluate(async (visible) => {
    const store = window.rumijaStore!;
    for (const layer of store.getSnapshot().layers) await store.document.setLayerVisible(layer.id, visible);
  }, dataVisible);
  const [lon, lat] = proj4('EPSG:32751', 'EPSG:4326', [ORTHO_ORIGIN[0] + 1000, ORTHO_ORIGIN[1] - 1000]);
  await page.evaluate(([x, y]) => window.rumijaMap!.jumpTo({ center: [x!, y!], zoom: 14.5 }), [lon, lat]);
  await waitForMapIdle(page);
}

export async function expectQuadrants(page: Page) {
  for (const [name, lngLat] of Object.entries(centres)) {
    const colour = QUADRANTS[name as keyof typeof QUADRANTS];
    const pixel = await pixelAt(page, lngLat);
    for (let band = 0; band < 3; band++)
      expect(Math.abs(pixel[band]! - colour[band]!), `${name} ${pixel}`).toBeLessThan(8);
  }
}
