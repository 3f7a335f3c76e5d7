import type { Bounds } from '../geo/positions-of';
import { BUFFER, mercatorX, mercatorY, TILE_EXTENT } from './layer-tiles';

export interface TileId {
  x: number;
  y: number;
  z: number;
}

/**
 * The tiles, at every zoom up to `maxZoom`, whose drawing an edit inside these bounds can change (a tile also draws
 * its neighbours' features within its buffer). Null when there are more than `limit`: reloading every tile is then
 * cheaper than listing them.
 */
export function tilesCovering(bounds: readonly Bounds[], maxZoom: number, limit = 400): TileId[] | null {
  const tiles = new Map<string, TileId>();
  for (const [west, south, east, north] of bounds) {
    if (![west, south, east, north].every(Number.isFinite)) return null;
    for (let z = 0; z <= maxZoom; z++) {
      const scale = 2 ** z;
      const pad = BUFFER / TILE_EXTENT;
      const clamp = (value: number) => Math.min(scale - 1, Math.max(0, Math.floor(value)));
      const [x0, x1] = [clamp(mercatorX(west) * scale - pad), clamp(mercatorX(east) * scale + pad)];
      const [y0, y1] = [clamp(mercatorY(north) * scale - pad), clamp(mercatorY(south) * scale + pad)];
      if ((x1 - x0 + 1) * (y1 - y0 + 1) + tiles.size > limit) return null;
      for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) tiles.set(`${z}/${x}/${y}`, { x, y, z });
    }
  }
  return [...tiles.values()];
}
