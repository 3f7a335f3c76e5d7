import { describe, expect, it } from 'vitest';
import { tilesCovering } from './tile-cover';
import { mercatorX, mercatorY } from './layer-tiles';

describe('tiles an edit touches', () => {
  it('names at every zoom the tile holding a point, and its neighbour when the point is within the buffer', () => {
    const lon = 123.6;
    const lat = -10.17;
    const tiles = tilesCovering([[lon, lat, lon, lat]], 16)!;
    for (let z = 0; z <= 16; z++) {
      const x = Math.floor(mercatorX(lon) * 2 ** z);
      const y = Math.floor(mercatorY(lat) * 2 ** z);
      expect(tiles).toContainEqual({ x, y, z });
    }
    // A point on a tile's west edge is also drawn by the tile to its west (buffer).
    const edge = (Math.floor(mercatorX(lon) * 2 ** 14) / 2 ** 14) * 360 - 180;
    const atEdge = tilesCovering([[edge, lat, edge, lat]], 14)!;
    const x = Math.round(mercatorX(edge) * 2 ** 14);
    expect(
      atEdge
        .filter((tile) => tile.z === 14)
        .map((tile) => tile.x)
        .sort(),
    ).toEqual([x - 1, x]);
  });

  it('gives up (reload all) past the limit, and on bounds that are not numbers', () => {
    expect(tilesCovering([[118, -11, 125, -8]], 16)).toBeNull();
    expect(tilesCovering([[Infinity, Infinity, -Infinity, -Infinity]], 16)).toBeNull();
  });
});
