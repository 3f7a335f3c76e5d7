import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { prepareImport, type ImportEnvironment } from './import-file';
import { recordLabel } from './check-records';
import { ProblemError } from '../messages/problem';
import { wordProblem } from '../messages/word-problem';

/**
 * The classes of real files the held-out set found (#31): each file is written by another tool (GDAL) where
 * that tool can write it, and the expected outcome comes from what GDAL reads of the same file.
 */
const environment: ImportEnvironment = {
  parseXml: (text) => new DOMParser({ onError: () => undefined }).parseFromString(text, 'application/xml') as never,
};
const folder = mkdtempSync(join(tmpdir(), 'rumija-held-out-'));
const bytesOf = (name: string) => new Uint8Array(readFileSync(join(folder, name)));
const prepare = (name: string) => prepareImport({ name, bytes: bytesOf(name) }, 'l', 1, environment);
const gdal = (...args: string[]) => execFileSync('ogr2ogr', args, { cwd: folder, stdio: 'pipe' });
const ogrinfo = (...args: string[]) => execFileSync('ogrinfo', ['-ro', ...args], { cwd: folder, encoding: 'utf8' });

describe('files other programs write, read as GDAL reads them', () => {
  it('a GPX with a track recorded standing still: the good tracks imported, the still one skipped with why', async () => {
    const point = (lat: number, lon: number) => `<trkpt lat="${lat}" lon="${lon}"><ele>12</ele></trkpt>`;
    const still = Array.from({ length: 60 }, () => point(-10.2, 123.7)).join('');
    writeFileSync(
      join(folder, 'garmin.gpx'),
      `<?xml version="1.0"?><gpx version="1.1" creator="Garmin" xmlns="http://www.topografix.com/GPX/1/1">` +
        `<trk><name>Survei pagi</name><trkseg>${point(-10.16, 123.6)}${point(-10.17, 123.61)}</trkseg></trk>` +
        `<trk><name>Berhenti</name><trkseg>${still}</trkseg></trk>` +
        `<trk><name>Survei sore</name><trkseg>${point(-10.18, 123.6)}${point(-10.19, 123.62)}</trkseg></trk></gpx>`,
    );
    // GDAL reads three tracks, one of them 60 vertices at one place.
    expect(ogrinfo('-al', '-so', 'garmin.gpx', 'tracks')).toMatch(/Feature Count: 3/);
    const result = await prepare('garmin.gpx');
    if (!result.ok) throw new ProblemError(result.error);
    expect(result.value.features.map((feature) => feature.properties.name)).toEqual(['Survei pagi', 'Survei sore']);
    expect(result.value.skipped).toHaveLength(1);
    expect(wordProblem(recordLabel(result.value.skipped[0]!.index, result.value.skipped[0]!.name), 'id')).toBe(
      'fitur 2 (Berhenti)',
    );
    expect(result.value.skipped[0]!.note).toEqual({ code: 'record.stationaryLine', values: { count: 60 } });
    expect(wordProblem(result.value.skipped[0]!.note, 'id')).toMatch(/60 titiknya di satu tempat/);
    expect(wordProblem(result.value.skipped[0]!.note, 'en')).toMatch(/60 points are all at one place/);
  });

  it('a GPX point whose lat is "undefined" is named, not dropped', async () => {
    writeFileSync(
      join(folder, 'bad.gpx'),
      `<?xml version="1.0"?><gpx version="1.1" creator="app" xmlns="http://www.topografix.com/GPX/1/1">` +
        `<wpt lat="-10.1" lon="123.6"><name>Tiang 1</name></wpt><wpt lat="undefined" lon="123.6"><name>Tiang 2</name></wpt>` +
        `<trk><name>Jalur</name><trkseg><trkpt lat="-10.1" lon="123.6"/><trkpt lat="-10.2" lon="no"/></trkseg></trk></gpx>`,
    );
    const result = await prepare('bad.gpx');
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect([wordProblem(result.error, 'id'), wordProblem(result.error, 'en')]).toEqual([
        'bad.gpx, titik jalan 2 (Tiang 2): lat "undefined" bukan angka',
        'bad.gpx, waypoint 2 (Tiang 2): lat "undefined" is not a number',
      ]);
    writeFileSync(
      join(folder, 'bad-track.gpx'),
      readFileSync(join(folder, 'bad.gpx'), 'utf8').replace('undefined', '-10.1'),
    );
    const track = await prepare('bad-track.gpx');
    expect(track.ok ? '' : wordProblem(track.error, 'id')).toMatch(/trek 1 \(Jalur\), titik 2: lon "no" bukan angka/);
  });

  it('a CSV whose X/Y hold degrees (QGIS "Add X/Y") is read as lon/lat; a garbled cell is named', async () => {
    writeFileSync(join(folder, 'xy.csv'), 'nama,x,y\nTiang A,123.6012,-10.1753\nTiang B,123.61,-10.16\n');
    const result = await prepare('xy.csv');
    if (!result.ok) throw new ProblemError(result.error);
    expect(result.value.crs).toBe('WGS 84 (EPSG:4326)');
    expect(result.value.features[0]!.geometry).toEqual({ type: 'Point', coordinates: [123.6012, -10.1753] });
    writeFileSync(join(folder, 'xy-bad.csv'), 'nama,x,y\nTiang A,no,no\nTiang B,123.61,-10.16\n');
    const bad = await prepare('xy-bad.csv');
    expect(bad.ok ? '' : wordProblem(bad.error, 'id')).toBe('xy-bad.csv, baris 2: kolom x "no" bukan angka');
    expect(bad.ok ? '' : wordProblem(bad.error, 'en')).toBe('xy-bad.csv, row 2: column x: "no" is not a number');
  });

  it('a GeoJSON text sequence (RFC 8142, pretty-printed, as GDAL writes it) is read, whatever its name', async () => {
    writeFileSync(
      join(folder, 'source.geojson'),
      JSON.stringify({
        type: 'FeatureCollection',
        features: [1, 2, 3].map((n) => ({
          type: 'Feature',
          properties: { nama: `Tiang ${n}` },
          geometry: { type: 'Point', coordinates: [123.6 + n / 100, -10.1] },
        })),
      }),
    );
    gdal('-f', 'GeoJSONSeq', '-lco', 'RS=YES', 'seq.geojsons', 'source.geojson');
    const pretty = readFileSync(join(folder, 'seq.geojsons'), 'utf8')
      .split('\u001e')
      .filter(Boolean)
      .map((text) => `\u001e${JSON.stringify(JSON.parse(text), null, 2)}\n`)
      .join('');
    for (const name of ['seq.geojsons', 'pretty.geojsons', 'pretty.json', 'pretty.txt']) {
      if (name !== 'seq.geojsons') writeFileSync(join(folder, name), pretty);
      const result = await prepare(name);
      if (!result.ok) throw new ProblemError(result.error);
      expect(result.value.features.map((feature) => feature.properties.nama)).toEqual([
        'Tiang 1',
        'Tiang 2',
        'Tiang 3',
      ]);
    }
    expect(ogrinfo('-al', '-so', 'seq.geojsons')).toMatch(/Feature Count: 3/);
  });

  it('TopoJSON is read (each object, its name kept), with the coordinates GDAL reads', async () => {
    const topology = {
      type: 'Topology',
      transform: { scale: [0.001, 0.001], translate: [123.5, -10.3] },
      objects: {
        ruas: {
          type: 'GeometryCollection',
          geometries: [{ type: 'LineString', arcs: [0], properties: { nama: 'Jalan A' } }],
        },
        tiang: {
          type: 'GeometryCollection',
          geometries: [{ type: 'Point', coordinates: [100, 120], properties: { nama: 'T1' } }],
        },
      },
      arcs: [
        [
          [0, 0],
          [50, 100],
          [25, -20],
        ],
      ],
    };
    writeFileSync(join(folder, 'peta.topojson'), JSON.stringify(topology));
    const result = await prepare('peta.topojson');
    if (!result.ok) throw new ProblemError(result.error);
    const line = result.value.features.find((feature) => feature.properties.nama === 'Jalan A')!;
    expect(line.properties.topojson_object).toBe('ruas');
    // GDAL's TopoJSON reader as the judge of the decoded (delta, quantised) coordinates.
    const wkt = ogrinfo('-al', 'peta.topojson', 'ruas').match(/LINESTRING \(([^)]+)\)/)![1]!;
    const expected = wkt.split(',').map((pair) => pair.trim().split(' ').map(Number));
    const got = (line.geometry as { coordinates: number[][] }).coordinates;
    expect(got).toHaveLength(expected.length);
    got.forEach((position, index) => {
      expect(position[0]).toBeCloseTo(expected[index]![0]!, 7);
      expect(position[1]).toBeCloseTo(expected[index]![1]!, 7);
    });
    const [x, y] = (
      result.value.features.find((feature) => feature.properties.nama === 'T1')!.geometry as {
        coordinates: number[];
      }
    ).coordinates;
    expect([x, y].map((value) => value!.toFixed(7))).toEqual(['123.6000000', '-10.1800000']);
  });

  it('curves in WKT (GDAL writes MULTICURVE) are named as not supported, with how to convert', async () => {
    writeFileSync(
      join(folder, 'arc.csv'),
      'id,WKT\n1,"MULTICURVE(CIRCULARSTRING(123.6 -10.1,123.65 -10.05,123.7 -10.1))"\n',
    );
    gdal(
      '-f',
      'CSV',
      '-lco',
      'GEOMETRY=AS_WKT',
      'curve.csv',
      'arc.csv',
      '-oo',
      'GEOM_POSSIBLE_NAMES=WKT',
      '-oo',
      'KEEP_GEOM_COLUMNS=NO',
    );
    expect(readFileSync(join(folder, 'curve.csv'), 'utf8')).toMatch(/^WKT,id/);
    const result = await prepare('curve.csv');
    expect(result.ok ? '' : wordProblem(result.error, 'id')).toMatch(
      /^curve\.csv, baris 2: kolom WKT: MULTICURVE \(kurva\/permukaan\) belum didukung .*CONVERT_TO_LINEAR/,
    );
  });

  it('a MultiPatch Shapefile (a TIN, as GDAL writes it) is refused by name, not read as a point at 0,0', async () => {
    writeFileSync(
      join(folder, 'tin.csv'),
      'id,WKT\n1,"TIN Z (((123.6 -10.1 0,123.6 -10.2 0,123.7 -10.2 0,123.6 -10.1 0)))"\n',
    );
    gdal('-f', 'ESRI Shapefile', 'tin.shp', 'tin.csv', '-oo', 'GEOM_POSSIBLE_NAMES=WKT', '-nlt', 'TINZ');
    expect(new DataView(bytesOf('tin.shp').buffer).getInt32(32, true)).toBe(31);
    const part = (name: string) => ({ name, bytes: bytesOf(name) });
    const result = await prepareImport(
      { ...part('tin.shp'), parts: [part('tin.dbf'), part('tin.shx')] },
      'l',
      1,
      environment,
    );
    expect(result.ok ? '' : wordProblem(result.error, 'id')).toMatch(
      /^tin\.shp: Shapefile MultiPatch .* tidak didukung/,
    );
  });
});
