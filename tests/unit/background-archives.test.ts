import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { backgroundKindOf, openMbtiles, openPmtiles } from '#shared/background/background-readers';
import { blobRangeReader } from '#shared/background/range-reader';
import { writeQuadrantTiff } from '../fixtures/quadrant-tiff';
import { mbtilesTiles } from '../fixtures/mbtiles-tiles';
import { writePmtiles } from '#shared/background/write-pmtiles';

describe('background archives', () => {
  const folder = mkdtempSync(join(tmpdir(), 'rumija-archives-'));
  const tiff = writeQuadrantTiff(folder);
  const mbtiles = join(folder, 'ortho.mbtiles');
  execFileSync('gdal_translate', ['-q', '-of', 'MBTILES', tiff, mbtiles]);
  execFileSync('gdaladdo', ['-q', '-r', 'nearest', mbtiles, '2', '4']);

  it('an MBTiles written by GDAL gives its tiles by XYZ (rows flipped from TMS), with its zooms and bounds', async () => {
    const bytes = readFileSync(mbtiles);
    expect(backgroundKindOf(bytes)).toBe('mbtiles');
    const reader = await openMbtiles(blobRangeReader(new Blob([new Uint8Array(bytes)]), 'ortho.mbtiles'));
    expect(reader.info).toMatchObject({ kind: 'mbtiles', tileType: 'raster', format: 'png' });
    expect(reader.info.maxzoom).toBe(14); // GDAL picks the zoom nearest 10 m pixels
    expect(reader.info.bounds![0]).toBeCloseTo(123.6, 1);
    for (const tile of await mbtilesTiles(mbtiles))
      expect(await reader.tile(tile.z, tile.x, tile.y)).toEqual(tile.data);
    expect(await reader.tile(3, 0, 0)).toBeNull();
    reader.close();
  });

  it('a PMTiles archive gives the same tiles, read by ranges of the file', async () => {
    const tiles = await mbtilesTiles(mbtiles);
    const archive = writePmtiles(tiles, {
      tileType: 2,
      bounds: [123.6, -10.2, 123.63, -10.15],
      metadata: { attribution: 'Ortofoto uji / test orthophoto' },
    });
    expect(backgroundKindOf(archive)).toBe('pmtiles');
    const reader = await openPmtiles(blobRangeReader(new Blob([archive as Uint8Array<ArrayBuffer>]), 'ortho.pmtiles'));
    expect(reader.info).toMatchObject({
      kind: 'pmtiles',
      tileType: 'raster',
      format: 'png',
      attribution: 'Ortofoto uji / test orthophoto',
    });
    for (const tile of tiles) expect(await reader.tile(tile.z, tile.x, tile.y)).toEqual(tile.data);
  });

  it('a file of another kind is not taken for a background', () => {
    expect(backgroundKindOf(new TextEncoder().encode('{"type":"FeatureCollection"}'))).toBeNull();
  });
});

describe('MBTiles size limit', () => {
  it('refuses an MBTiles too large to hold in memory and names PMTiles as the way out', async () => {
    const { MAX_MBTILES_BYTES } = await import('#shared/background/background-readers');
    const huge = { name: 'provinsi.mbtiles', size: MAX_MBTILES_BYTES + 1, read: async () => new Uint8Array(0) };
    await expect(openMbtiles(huge)).rejects.toThrow(
      /^provinsi\.mbtiles: MBTiles 256 MB terlalu besar .*pmtiles convert"$/,
    );
  });
});
