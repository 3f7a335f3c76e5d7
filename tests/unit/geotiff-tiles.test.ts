import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import proj4 from 'proj4';
import { fromArrayBuffer } from 'geotiff';
import { GeoTiffTiles } from '#shared/background/geotiff-tiles';
import '#shared/geo/known-crs';
import { ORTHO_ORIGIN, QUADRANTS, tilePixel, writeQuadrantTiff } from '../fixtures/quadrant-tiff';

describe('GeoTIFF tiles', () => {
  const folder = mkdtempSync(join(tmpdir(), 'rumija-geotiff-'));

  it('a 16-bit GeoTIFF is refused with a message naming the file and the fix, not drawn white', async () => {
    const path = writeQuadrantTiff(folder, 'dem.tif', '-ot', 'UInt16');
    const bytes = readFileSync(path);
    const tiff = await fromArrayBuffer(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    await expect(GeoTiffTiles.open(tiff, 'dem.tif')).rejects.toThrow(/^dem\.tif: GeoTIFF 16-bit belum didukung/);
  });

  it.each([
    ['a plain GeoTIFF', 'plain.tif', []],
    [
      'a Cloud-Optimised GeoTIFF with overviews',
      'cog.tif',
      ['-of', 'COG', '-co', 'BLOCKSIZE=128', '-co', 'OVERVIEWS=AUTO'],
    ],
  ] as const)('%s in UTM 51S lands each quadrant where GDAL puts it', async (_, name, options) => {
    const path = writeQuadrantTiff(folder, name, ...options);
    const bytes = readFileSync(path);
    const tiles = await GeoTiffTiles.open(
      await fromArrayBuffer(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)),
      name,
    );
    expect(tiles.info.grid.crs).toBe('EPSG:32751');
    for (const [corner, [dx, dy]] of [
      ['nw', [500, -500]],
      ['ne', [1500, -500]],
      ['sw', [500, -1500]],
      ['se', [1500, -1500]],
    ] as const) {
      const [lon, lat] = proj4('EPSG:32751', 'EPSG:4326', [ORTHO_ORIGIN[0] + dx, ORTHO_ORIGIN[1] + dy]);
      for (const z of [12, 16]) {
        const at = tilePixel(lon!, lat!, z);
        const rgba = (await tiles.tile(z, at.x, at.y))!;
        const p = (at.py * 256 + at.px) * 4;
        expect([rgba[p], rgba[p + 1], rgba[p + 2], rgba[p + 3]], `${corner} z${z}`).toEqual([
          ...QUADRANTS[corner],
          255,
        ]);
      }
    }
    // Far from the raster: nothing is read, the tile is empty.
    const away = tilePixel(121, -8.6, 12);
    expect(await tiles.tile(12, away.x, away.y)).toBeNull();
  });
});
