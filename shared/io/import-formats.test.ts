import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { DOMParser } from '@xmldom/xmldom';
import { prepareImport, type ImportEnvironment } from './import-file';
import { wordProblem } from '../messages/word-problem';

const environment: ImportEnvironment = {
  parseXml: (text) => new DOMParser({ onError: () => undefined }).parseFromString(text, 'application/xml') as never,
};
const prepare = (name: string, bytes: Uint8Array) => prepareImport({ name, bytes }, 'layer', 1, environment);
const encode = (text: string) => new TextEncoder().encode(text);

/** Fixtures written by GDAL (ogr2ogr), so the formats are the ones other GIS software produces. */
const folder = mkdtempSync(join(tmpdir(), 'rumija-formats-'));
const source = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { name: 'Tiang 1', pemilik: 'PLN' },
      geometry: { type: 'Point', coordinates: [123.63, -10.163] },
    },
    {
      type: 'Feature',
      properties: { name: 'Tiang 2', pemilik: 'Telkom' },
      geometry: { type: 'Point', coordinates: [123.64, -10.164] },
    },
  ],
};
const line = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { name: 'Kabel' },
      geometry: {
        type: 'LineString',
        coordinates: [
          [123.63, -10.163],
          [123.64, -10.164],
          [123.65, -10.166],
        ],
      },
    },
  ],
};

function zipFolder(directory: string, pattern: RegExp) {
  const files: Record<string, Uint8Array> = {};
  for (const name of readdirSync(directory).filter((n) => pattern.test(n)))
    files[name] = new Uint8Array(readFileSync(join(directory, name)));
  return zipSync(files);
}

beforeAll(() => {
  writeFileSync(join(folder, 'points.geojson'), JSON.stringify(source));
  writeFileSync(join(folder, 'line.geojson'), JSON.stringify(line));
  const ogr = (...args: string[]) => execFileSync('ogr2ogr', args, { cwd: folder, stdio: 'pipe' });
  ogr('-f', 'KML', 'points.kml', 'points.geojson');
  ogr('-f', 'GPX', 'points.gpx', 'points.geojson');
  ogr('-f', 'GPX', 'track.gpx', 'line.geojson', '-lco', 'FORCE_GPX_TRACK=YES');
  execFileSync('mkdir', ['-p', 'shp'], { cwd: folder });
  ogr('-f', 'ESRI Shapefile', 'shp/tiang.shp', 'points.geojson', '-t_srs', 'EPSG:32751', '-lco', 'ENCODING=UTF-8');
  writeFileSync(
    join(folder, 'accent.geojson'),
    JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { pemilik: 'Café Oebobo', kota: 'Kupang' },
          geometry: { type: 'Point', coordinates: [123.6, -10.17] },
        },
      ],
    }),
  );
  ogr('-f', 'ESRI Shapefile', 'shp/accent.shp', 'accent.geojson', '-lco', 'ENCODING=CP1252');
});

describe('importing what GDAL writes', () => {
  it('reads KML placemarks with their attributes', async () => {
    const result = await prepare('points.kml', readFileSync(join(folder, 'points.kml')));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.features).toHaveLength(2);
    expect(result.value.features[0]!.properties).toMatchObject({ name: 'Tiang 1', pemilik: 'PLN' });
    expect((result.value.features[0]!.geometry as { coordinates: number[] }).coordinates).toEqual([123.63, -10.163]);
  });

  it('reads KMZ and keeps the folder of each placemark', async () => {
    const kml = readFileSync(join(folder, 'points.kml'), 'utf8');
    const result = await prepare('points.kmz', zipSync({ 'doc.kml': encode(kml) }));
    expect(result.ok && result.value.features.length).toBe(2);
    if (result.ok) expect(result.value.features[0]!.properties.folder).toBe('points');
  });

  it('reads GPX waypoints and tracks', async () => {
    const points = await prepare('points.gpx', readFileSync(join(folder, 'points.gpx')));
    expect(points.ok && points.value.features.map((f) => f.geometry.type)).toEqual(['Point', 'Point']);
    const track = await prepare('track.gpx', readFileSync(join(folder, 'track.gpx')));
    expect(track.ok && track.value.geometryTypes[0]).toMatch(/LineString/);
  });

  it('reads a zipped Shapefile in UTM 51S and reprojects it with its .prj', async () => {
    const result = await prepare('tiang.zip', zipFolder(join(folder, 'shp'), /^tiang\./));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [lon, lat] = (result.value.features[1]!.geometry as { coordinates: number[] }).coordinates;
    expect(lon).toBeCloseTo(123.64, 6);
    expect(lat).toBeCloseTo(-10.164, 6);
    expect(result.value.features[1]!.properties).toMatchObject({ pemilik: 'Telkom' });
  });
});

describe('Shapefile attribute encodings', () => {
  it('decodes a Windows-1252 .dbf by its .cpg', async () => {
    expect(readFileSync(join(folder, 'shp', 'accent.cpg'), 'utf8')).toMatch(/1252/);
    const result = await prepare('accent.zip', zipFolder(join(folder, 'shp'), /^accent\./));
    expect(result.ok && result.value.features[0]!.properties.pemilik).toBe('Café Oebobo');
  });
});

describe('refusing hostile and broken files', () => {
  it('refuses XML entities (billion laughs) without parsing', async () => {
    const bomb =
      '<?xml version="1.0"?><!DOCTYPE kml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><kml><Placemark><name>&b;</name></Placemark></kml>';
    const result = await prepare('laughs.kml', encode(bomb));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(wordProblem(result.error, 'id')).toMatch(/laughs\.kml: DTD\/ENTITY di XML ditolak/);
  });

  it('refuses a zip bomb while unpacking, counting the bytes that come out', async () => {
    const bytes = zipSync({ 'doc.kml': new Uint8Array(60 * 1024 * 1024) }, { level: 9 });
    const result = await prepare('bomb.kmz', bytes);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(wordProblem(result.error, 'id')).toMatch(
        /bomb\.kmz: doc\.kml mengembang lebih dari 200× — ditolak sebagai bom zip/,
      );
  });

  it.each([
    ['broken.kml', '<kml><Placemark><name>x</Placemark></kml>', /broken\.kml: XML tidak sah/],
    ['html.kml', '<html><body>not kml</body></html>', /html\.kml: bukan KML/],
    ['broken.gpx', '<gpx><wpt lat="-10" lon="123"></gpx', /broken\.gpx: XML tidak sah/],
    ['not.gpx', '<gpx-ish></gpx-ish>', /not\.gpx: bukan GPX/],
  ])('%s', async (name, text, message) => {
    const result = await prepare(name, encode(text));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(wordProblem(result.error, 'id')).toMatch(message);
  });

  it('refuses a zip that is not a zip and a KMZ without KML', async () => {
    const notZip = await prepare('fake.zip', encode('PK not really'));
    expect(!notZip.ok && wordProblem(notZip.error, 'id')).toMatch(/fake\.zip: bukan berkas zip yang sah/);
    const noKml = await prepare('empty.kmz', zipSync({ 'readme.txt': encode('x') }));
    expect(!noKml.ok && wordProblem(noKml.error, 'id')).toMatch(/empty\.kmz: tidak ada \.kml/);
  });
});
