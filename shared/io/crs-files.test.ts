import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FeatureCollection, Point } from 'geojson';
import { prepareImport, type ImportFile, type ReadOptions } from './import-file';
import { DOMParser } from '@xmldom/xmldom';

/**
 * Files GDAL writes in the systems NTT's data comes in import where GDAL (PROJ) places them: each layer of a
 * GeoPackage in its own system, a Shapefile and a CSV in DGN95 / Indonesia TM-3 zone 51.2 (EPSG:23840).
 */
const NODE_ENVIRONMENT = {
  parseXml: (text: string) =>
    new DOMParser({ onError: () => undefined }).parseFromString(text, 'application/xml') as never,
};
const folder = mkdtempSync(join(tmpdir(), 'rumija-crs-files-'));
const path = (name: string) => join(folder, name);
const ogr = (...args: string[]) => execFileSync('ogr2ogr', args, { cwd: folder, stdio: 'pipe' });
const file = (name: string): ImportFile => ({ name, bytes: new Uint8Array(readFileSync(path(name))) });
const prepare = (input: ImportFile & { parts?: ImportFile[] }, options: ReadOptions = {}) =>
  prepareImport(input, 'layer', 1, NODE_ENVIRONMENT, new Date('2026-03-01T00:00:00Z'), options);

/** A layer as GDAL reads it, in WGS 84 lon/lat: name → position. */
function gdalPositions(target: string, layer?: string): Map<string, number[]> {
  const args = ['-f', 'GeoJSON', '-t_srs', 'EPSG:4326', '-lco', 'COORDINATE_PRECISION=10', '/vsistdout/', target];
  const read = JSON.parse(
    execFileSync('ogr2ogr', layer ? [...args, layer] : args, { encoding: 'utf8', cwd: folder }),
  ) as FeatureCollection<Point>;
  return new Map(read.features.map((f) => [String(f.properties!.nama), f.geometry.coordinates]));
}

/** Every feature's position equals GDAL's to 1e-7° (about 1 cm). */
function expectSamePlaces(
  features: { properties: Record<string, unknown>; geometry: unknown }[],
  gdal: Map<string, number[]>,
) {
  expect(features.length).toBe(gdal.size);
  for (const feature of features) {
    const expected = gdal.get(String(feature.properties.nama))!;
    const [lon, lat] = (feature.geometry as Point).coordinates;
    expect(Math.abs(lon! - expected[0]!), `${String(feature.properties.nama)} lon`).toBeLessThan(1e-7);
    expect(Math.abs(lat! - expected[1]!), `${String(feature.properties.nama)} lat`).toBeLessThan(1e-7);
  }
}

/** Places along the Kupang–Soe road and in Kupang (DOMAIN.md), as a survey would carry them. */
const PLACES = [
  ['Kupang', 123.607, -10.171],
  ['Oelamasi', 123.879, -10.064],
  ['Camplong', 123.923, -10.038],
  ['Soe', 124.284, -9.861],
  ['Kefamenanu', 124.478, -9.447],
] as const;

beforeAll(() => {
  const collection = (rows: readonly (readonly [string, number, number])[]) =>
    JSON.stringify({
      type: 'FeatureCollection',
      features: rows.map(([nama, lon, lat]) => ({
        type: 'Feature',
        properties: { nama },
        geometry: { type: 'Point', coordinates: [lon, lat] },
      })),
    });
  writeFileSync(path('kota.geojson'), collection(PLACES.slice(0, 2)));
  writeFileSync(path('tiang.geojson'), collection(PLACES.slice(2)));
  // One GeoPackage, two layers, two systems.
  ogr('-f', 'GPKG', 'campur.gpkg', 'kota.geojson', '-nln', 'kota_wgs84', '-t_srs', 'EPSG:4326');
  ogr('-f', 'GPKG', '-update', 'campur.gpkg', 'tiang.geojson', '-nln', 'tiang_utm51s', '-t_srs', 'EPSG:32751');
  writeFileSync(path('semua.geojson'), collection(PLACES));
  ogr('-f', 'ESRI Shapefile', 'persil_tm3.shp', 'semua.geojson', '-t_srs', 'EPSG:23840');
  ogr('-f', 'CSV', 'patok_tm3.csv', 'semua.geojson', '-t_srs', 'EPSG:23840', '-lco', 'GEOMETRY=AS_XY');
});

afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('files GDAL writes in NTT coordinate systems', () => {
  it('a GeoPackage with a layer in WGS 84 and one in UTM 51S: each read in its own system', async () => {
    const result = await prepare(file('campur.gpkg'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.layers!.map((layer) => [layer.name, layer.crs])).toEqual([
      ['kota_wgs84', 'WGS 84 geodetic (EPSG:4326)'],
      ['tiang_utm51s', 'WGS 84 / UTM zone 51S (EPSG:32751)'],
    ]);
    const byLayer = (name: string) => result.value.features.filter((f) => f.properties.layer === name);
    expectSamePlaces(byLayer('kota_wgs84'), gdalPositions('campur.gpkg', 'kota_wgs84'));
    expectSamePlaces(byLayer('tiang_utm51s'), gdalPositions('campur.gpkg', 'tiang_utm51s'));
  });

  it('a Shapefile in TM-3 51.2 is placed by its .prj', async () => {
    const parts = ['shp', 'shx', 'dbf', 'prj'].map((extension) => file(`persil_tm3.${extension}`));
    const result = await prepare({ ...parts[0]!, parts: parts.slice(1) });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.crs).toMatch(/TM-3.*51\.2|TM_3_zone_51_2/i);
    expectSamePlaces(result.value.features, gdalPositions('persil_tm3.shp'));
  });

  it('a CSV of TM-3 easting/northing: the fitting zones are offered, the one picked places it as GDAL does', async () => {
    const first = await prepare(file('patok_tm3.csv'));
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(first.value.crsChoice).toBe('required');
    expect(first.value.features).toHaveLength(0);
    // 51.2 (central meridian 124.5°E) and 51.1 (121.5°E) both put these numbers inside NTT.
    expect(first.value.suggestedCrs).toEqual(['EPSG:23840', 'EPSG:23839']);
    const picked = await prepare(file('patok_tm3.csv'), { crs: 'EPSG:23840' });
    expect(picked.ok).toBe(true);
    if (!picked.ok) return;
    expect(picked.value.crs).toBe('DGN95 / Indonesia TM-3 zone 51.2 (EPSG:23840)');
    expectSamePlaces(picked.value.features, gdalPositions('semua.geojson'));
  });
});
