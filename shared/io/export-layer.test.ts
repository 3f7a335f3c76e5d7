import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { createDemoDataset } from '../demo/create-demo-dataset';
import { featuresToGeoJson } from './export-layer';
import { writeFeatures } from './formats/registry';
import type { FormatId } from './formats/file-format';
import { prepareImport } from './import-file';
import { columnsOfSpec } from './export-column-spec';

const folder = mkdtempSync(join(tmpdir(), 'rumija-export-'));
const demo = createDemoDataset();
const roads = demo.features.filter((f) => f.properties.kind === 'road');
const assets = demo.features.filter((f) => f.properties.kind === 'asset');
const environment = {
  parseXml: (text: string) =>
    new DOMParser({ onError: () => undefined }).parseFromString(text, 'application/xml') as never,
};

/** ogrinfo's summary of a file, failing the test on any warning or error GDAL prints. */
function ogrinfo(path: string, ...openOptions: string[]): string {
  const result = spawnSync('ogrinfo', ['-ro', '-al', '-so', ...openOptions.flatMap((o) => ['-oo', o]), path], {
    encoding: 'utf8',
  });
  expect(result.status).toBe(0);
  expect(result.stderr).not.toMatch(/Warning|ERROR/);
  return result.stdout;
}

describe('layer export read back by GDAL', () => {
  it.each<[FormatId, string]>([
    ['geojson', 'roads.geojson'],
    ['csv', 'roads.csv'],
    ['kml', 'roads.kml'],
  ])('%s of the demo roads has every feature and attribute', async (format, name) => {
    const path = join(folder, name);
    writeFileSync(path, (await writeFeatures(roads, format, 'Ruas jalan')).data);
    // GDAL's CSV reader takes the WKT column as geometry and, when asked, detects number columns.
    const info = format === 'csv' ? ogrinfo(path, 'AUTODETECT_TYPE=YES') : ogrinfo(path);
    expect(info).toContain(`Feature Count: ${roads.length}`);
    expect(info).toMatch(/Geometry: (Line String|Unknown \(any\))/);
    expect(info).toMatch(/ruasNumber: String/);
    expect(info).toMatch(/sumber: String/);
    if (format !== 'kml') expect(info).toMatch(/lengthM: Real/);
  });

  it('a hostile column name or a control character in a value cannot break the CSV or the KML', async () => {
    // Columns and values as a file from elsewhere may bring them: a formula, a comma and line break, a bell (U+0007).
    const hostile = roads.slice(0, 2).map((road) => ({
      ...road,
      properties: { ...road.properties, "=cmd|'/C calc'!A0": 'x', 'a,b\r\nc': 'y', catatan: 'bel \u0007 di sini' },
    }));
    const csv = join(folder, 'hostile.csv');
    writeFileSync(csv, (await writeFeatures(hostile, 'csv', 'hostile')).data);
    // The formula is defused with a leading quote, the comma and line break are quoted: GDAL still sees 2 rows.
    expect(readFileSync(csv, 'utf8')).toContain(`,'=cmd|'/C calc'!A0,"a,b\r\nc",`);
    expect(ogrinfo(csv)).toContain('Feature Count: 2');
    const kml = join(folder, 'hostile.kml');
    writeFileSync(kml, (await writeFeatures(hostile, 'kml', 'hostile')).data);
    const info = ogrinfo(kml);
    expect(info).toContain('Feature Count: 2');
    expect(readFileSync(kml, 'utf8')).toContain('bel  di sini');
  });

  it('writes RFC 7946: no crs, 7 decimals, counter-clockwise outer rings', () => {
    const kiosk = assets.find((a) => a.geometry.type === 'Polygon')!;
    const clockwise = {
      ...kiosk,
      geometry: {
        type: 'Polygon' as const,
        coordinates: [
          [
            [123.6, -10.17],
            [123.6, -10.16],
            [123.61, -10.16],
            [123.61, -10.17],
            [123.6, -10.17],
          ],
        ],
      },
    };
    const collection = JSON.parse(
      featuresToGeoJson([
        clockwise,
        { ...roads[0]!, geometry: { type: 'Point', coordinates: [123.123456789, -10.1] } },
      ]),
    );
    expect(collection.crs).toBeUndefined();
    expect(collection.features[0].geometry.coordinates[0][1]).toEqual([123.61, -10.17]);
    expect(collection.features[1].geometry.coordinates).toEqual([123.1234568, -10.1]);
  });

  it("imports GDAL's own conversion of our export back, with the same count", async () => {
    const ours = join(folder, 'assets.geojson');
    writeFileSync(ours, (await writeFeatures(assets, 'geojson', 'Aset')).data);
    ogrinfo(ours);
    const gdal = join(folder, 'assets-gdal.geojson');
    execFileSync('ogr2ogr', ['-f', 'GeoJSON', gdal, ours], { stdio: 'pipe' });
    const result = await prepareImport(
      { name: 'assets-gdal.geojson', bytes: readFileSync(gdal) },
      'back',
      1,
      environment,
    );
    expect(result.ok && result.value.features.length).toBe(assets.length);
    if (result.ok)
      expect(result.value.features[0]!.properties).toMatchObject({
        category: assets[0]!.properties.category,
        owner: assets[0]!.properties.owner,
      });
    const kml = join(folder, 'assets-gdal.kml');
    execFileSync('ogr2ogr', ['-f', 'KML', kml, ours], { stdio: 'pipe' });
    const fromKml = await prepareImport(
      { name: 'assets-gdal.kml', bytes: readFileSync(kml) },
      'back-kml',
      1,
      environment,
    );
    expect(fromKml.ok && fromKml.value.features.length).toBe(assets.length);
  });
});

describe('longitude and latitude beside WKT, read back by GDAL', () => {
  const poles = assets.filter((asset) => asset.geometry.type === 'Point').slice(0, 5);
  const columns = columnsOfSpec({ names: {}, values: {}, lonLat: { lon: 'Bujur', lat: 'Lintang' } });

  it.each<[FormatId, string]>([
    ['csv', 'tiang.csv'],
    ['xlsx', 'tiang.xlsx'],
  ])('%s: each point as numbers, equal to its own coordinates to 1e-7°', async (format, name) => {
    const path = join(folder, name);
    writeFileSync(path, (await writeFeatures(poles, format, { name: 'Tiang', columns })).data);
    const options = format === 'csv' ? ['-oo', 'AUTODETECT_TYPE=YES'] : ['-oo', 'HEADERS=FORCE'];
    const read = JSON.parse(
      execFileSync('ogr2ogr', ['-f', 'GeoJSON', '/vsistdout/', ...options, path], { encoding: 'utf8' }),
    ) as { features: { properties: Record<string, unknown> }[] };
    const got = read.features.map((feature) => [feature.properties.Bujur, feature.properties.Lintang]);
    const expected = poles.map((pole) => (pole.geometry as { coordinates: number[] }).coordinates);
    expect(got).toHaveLength(poles.length);
    got.forEach(([lon, lat], index) => {
      expect(typeof lon, 'a number, not text').toBe('number');
      expect(Math.abs((lon as number) - expected[index]![0]!)).toBeLessThan(1e-7);
      expect(Math.abs((lat as number) - expected[index]![1]!)).toBeLessThan(1e-7);
    });
  });

  it('lines get empty cells: their place is the WKT', async () => {
    const { data } = await writeFeatures(roads.slice(0, 1), 'csv', { name: 'Ruas', columns });
    const csv = typeof data === 'string' ? data : new TextDecoder().decode(data);
    const [header, row] = csv.replace('\ufeff', '').split('\r\n');
    expect(header!.split(',').slice(0, 3)).toEqual(['WKT', 'Bujur', 'Lintang']);
    expect(row).toMatch(/^"LINESTRING \([^"]+\)",,,/);
  });
});
