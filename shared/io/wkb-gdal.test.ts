import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FeatureCollection, Geometry } from 'geojson';
import { describe, expect, it } from 'vitest';
import { geometryOfBlob, geometryOfWkb } from './read-wkb';
import { writeGeoPackage } from './geopackage';
import type { StoredFeature } from '../model/layer';

/**
 * The one WKB reader and writer against GDAL: GeoPackages that ogr2ogr writes from WKT are read blob by blob and
 * compared with GDAL's own reading of the same file (its GeoJSON); a GeoPackage Rumija writes is read by GDAL.
 */
const folder = mkdtempSync(join(tmpdir(), 'rumija-wkb-'));

/** Layer name → GDAL geometry type and the WKT rows ogr2ogr writes into it. */
const LAYERS: Record<string, { type: string; wkt: string[] }> = {
  points: { type: 'POINT', wkt: ['POINT (123.6 -10.1)', 'POINT EMPTY'] },
  lines: { type: 'LINESTRING', wkt: ['LINESTRING (123.6 -10.1, 123.7 -10.2, 123.75 -10.25)', 'LINESTRING EMPTY'] },
  multilines: {
    type: 'MULTILINESTRING',
    wkt: [
      'MULTILINESTRING ((123.6 -10.1, 123.7 -10.2))',
      'MULTILINESTRING ((123.6 -10.1, 123.7 -10.2), (124 -9.5, 124.1 -9.4, 124.2 -9.45))',
      'MULTILINESTRING EMPTY',
    ],
  },
  polygons: {
    type: 'MULTIPOLYGON',
    wkt: [
      'MULTIPOLYGON (((123 -10, 124 -10, 124 -9, 123 -9, 123 -10), (123.2 -9.8, 123.2 -9.2, 123.8 -9.2, 123.2 -9.8)))',
      'MULTIPOLYGON EMPTY',
    ],
  },
  collections: {
    type: 'GEOMETRYCOLLECTION',
    wkt: ['GEOMETRYCOLLECTION (POINT (123.6 -10.1), LINESTRING (123.6 -10.1, 123.7 -10.2))'],
  },
  heights: {
    type: 'MULTILINESTRINGZ',
    wkt: ['MULTILINESTRING Z ((123.6 -10.1 12.5, 123.7 -10.2 40))', 'MULTILINESTRING Z EMPTY'],
  },
  measures: { type: 'LINESTRINGM', wkt: ['LINESTRING M (123.6 -10.1 0, 123.7 -10.2 15600)'] },
  both: { type: 'POINTZM', wkt: ['POINT ZM (123.6 -10.1 55 7)', 'POINT ZM EMPTY'] },
};

const gpkg = join(folder, 'gdal.gpkg');
for (const [name, { type, wkt }] of Object.entries(LAYERS)) {
  const csv = join(folder, `${name}.csv`);
  writeFileSync(csv, `id,WKT\n${wkt.map((text, i) => `${i + 1},"${text}"`).join('\n')}\n`);
  execFileSync('ogr2ogr', ['-f', 'GPKG', '-update', '-append', gpkg, csv, '-nlt', type, '-nln', name], {
    stdio: 'pipe',
  });
}

const gdalGeometries = (file: string, layer: string) =>
  (
    JSON.parse(
      execFileSync('ogr2ogr', ['-f', 'GeoJSON', '/vsistdout/', file, layer], { encoding: 'utf8' }),
    ) as FeatureCollection
  ).features.map((feature) => feature.geometry);

const blobs = (layer: string) =>
  execFileSync('sqlite3', [gpkg, `SELECT hex(geom) FROM "${layer}" ORDER BY fid`], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((hex) => Uint8Array.from(Buffer.from(hex, 'hex')));

describe('WKB read as GDAL reads it', () => {
  for (const name of Object.keys(LAYERS)) {
    it(`${name}: every GeoPackage blob GDAL wrote`, () => {
      // GDAL gives an empty line or polygon as one with no coordinates; Rumija keeps no geometry for it (as GDAL
      // does for an empty point).
      const expected = gdalGeometries(gpkg, name).map((geometry) =>
        geometry && 'coordinates' in geometry && geometry.coordinates.length === 0 ? null : geometry,
      );
      const read = blobs(name).map(geometryOfBlob);
      expect(read).toEqual(expected);
    });
  }

  it('keeps a one-part MultiLineString a MultiLineString, with its heights', () => {
    expect(geometryOfBlob(blobs('heights')[0]!)).toEqual({
      type: 'MultiLineString',
      coordinates: [
        [
          [123.6, -10.1, 12.5],
          [123.7, -10.2, 40],
        ],
      ],
    });
  });

  it('reads the WKB inside an empty GeoPackage blob (NaN point, zero parts) as null', () => {
    for (const layer of ['points', 'lines', 'multilines', 'polygons', 'heights', 'both']) {
      const empty = blobs(layer).at(-1)!;
      expect(empty[3]! & 0x10, layer).toBe(0x10);
      expect(geometryOfWkb(empty.subarray(8)), layer).toBeNull();
    }
  });

  it('says where WKB ends too soon or runs on', () => {
    const line = blobs('lines')[0]!.subarray(8 + 32);
    expect(() => geometryOfWkb(line.subarray(0, line.length - 3))).toThrow(/WKB: ends at byte/);
    expect(() => geometryOfWkb(Uint8Array.from([...line, 0]))).toThrow(/1 bytes after the geometry/);
  });

  it('reads the extended WKB PostGIS writes (big-endian, Z flag, SRID)', () => {
    // ST_AsEWKB('SRID=4326;POINT Z (123.6 -10.1 7)'::geometry, 'XDR'), by hand: order 0, type 0xA0000001, SRID, x y z.
    const bytes = new Uint8Array(1 + 4 + 4 + 24);
    const view = new DataView(bytes.buffer);
    view.setUint32(1, 0xa0000001);
    view.setUint32(5, 4326);
    [123.6, -10.1, 7].forEach((value, i) => view.setFloat64(9 + i * 8, value));
    expect(geometryOfWkb(bytes)).toEqual({ type: 'Point', coordinates: [123.6, -10.1, 7] });
  });
});

describe('WKB written as GDAL reads it', () => {
  it('a GeoPackage Rumija writes comes back from GDAL with the types and parts written', async () => {
    const geometries: Geometry[] = [
      {
        type: 'MultiLineString',
        coordinates: [
          [
            [123.6, -10.1],
            [123.7, -10.2],
          ],
        ],
      },
      {
        type: 'LineString',
        coordinates: [
          [123.6, -10.1],
          [123.7, -10.2],
        ],
      },
      { type: 'Point', coordinates: [123.6, -10.1] },
      {
        type: 'MultiPolygon',
        coordinates: [
          [
            [
              [123, -10],
              [124, -10],
              [124, -9],
              [123, -9],
              [123, -10],
            ],
            [
              [123.2, -9.8],
              [123.2, -9.2],
              [123.8, -9.2],
              [123.2, -9.8],
            ],
          ],
        ],
      },
      {
        type: 'GeometryCollection',
        geometries: [
          { type: 'Point', coordinates: [123.6, -10.1] },
          {
            type: 'LineString',
            coordinates: [
              [123.6, -10.1],
              [123.7, -10.2],
            ],
          },
        ],
      },
    ];
    const features = geometries.map(
      (geometry, i) => ({ id: `f${i}`, layerId: 'wkb', geometry, properties: {} }) as unknown as StoredFeature,
    );
    const file = join(folder, 'rumija.gpkg');
    writeFileSync(file, await writeGeoPackage([{ name: 'wkb', features }]));
    expect(gdalGeometries(file, 'wkb')).toEqual(geometries);
  });
});
