import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import type { FeatureCollection, Geometry, LineString, Point, Polygon, Position } from 'geojson';
import { prepareImport, type ImportFile, type ReadOptions } from './import-file';
import { positionsOf } from '../geo/positions-of';
import { wordProblem } from '../messages/word-problem';

/**
 * Survey drawings: a DXF written by GDAL (ogr2ogr -f DXF) imports with the counts, layers and coordinates GDAL
 * reads from it; a hand-written DXF with bulges, an arc, a circle, a block with attributes, text and a 3D line
 * imports as AutoCAD draws it.
 */
const environment = {
  parseXml: (text: string) =>
    new DOMParser({ onError: () => undefined }).parseFromString(text, 'application/xml') as never,
};
const folder = mkdtempSync(join(tmpdir(), 'rumija-dxf-'));
const path = (name: string) => join(folder, name);
const file = (name: string): ImportFile => ({ name, bytes: new Uint8Array(readFileSync(path(name))) });
const prepare = (input: ImportFile, options: ReadOptions = {}) =>
  prepareImport(input, 'layer', 1, environment, new Date('2026-03-01T00:00:00Z'), options);

/** A DXF as GDAL reads it: features with their Layer and geometry, in WGS 84 when a system is given. */
function gdalRead(name: string, sourceCrs?: string): FeatureCollection {
  const args = ['-f', 'GeoJSON', '-lco', 'COORDINATE_PRECISION=10', '/vsistdout/', path(name)];
  if (sourceCrs) args.push('-s_srs', sourceCrs, '-t_srs', 'EPSG:4326');
  return JSON.parse(execFileSync('ogr2ogr', args, { encoding: 'utf8' })) as FeatureCollection;
}

/** Kupang's survey area in UTM 51S (EPSG:32751): a road axis, stakes and a parcel (as GDAL writes polygons). */
const SURVEY = {
  type: 'FeatureCollection',
  features: [
    ...[0, 1, 2].map((index) => ({
      type: 'Feature',
      properties: { Layer: 'PATOK_RUMIJA' },
      geometry: { type: 'Point', coordinates: [566460.5 + index * 25, 8875612.25 + index * 3] },
    })),
    {
      type: 'Feature',
      properties: { Layer: 'AS_JALAN' },
      geometry: {
        type: 'LineString',
        coordinates: [
          [566400, 8875600],
          [566500, 8875620.5],
          [566650.25, 8875610],
        ],
      },
    },
    {
      type: 'Feature',
      properties: { Layer: 'PERSIL' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [566500, 8875650],
            [566540, 8875650],
            [566540, 8875690],
            [566500, 8875690],
            [566500, 8875650],
          ],
        ],
      },
    },
  ],
};

/** Group code / value pairs as a DXF file holds them. */
const dxfText = (...pairs: (string | number)[]) => {
  const lines: string[] = [];
  for (let index = 0; index < pairs.length; index += 2) lines.push(String(pairs[index]), String(pairs[index + 1]));
  return `${lines.join('\n')}\n`;
};

/** In TM-3 51.2 (EPSG:23840) near Kupang: x ≈ 2e5 - 98 km, y ≈ 1.5e6 - 1.12e6. */
const X0 = 101400;
const Y0 = 383000;
// prettier-ignore
const HAND = dxfText(
  0, 'SECTION', 2, 'BLOCKS',
  0, 'BLOCK', 8, '0', 2, 'PATOK', 70, 2, 10, 0, 20, 0, 30, 0, 3, 'PATOK',
  0, 'ATTDEF', 8, '0', 10, 0, 20, 0, 30, 0, 40, 1, 1, '', 3, 'Nomor', 2, 'NOMOR', 70, 0,
  0, 'ENDBLK', 8, '0',
  0, 'ENDSEC',
  0, 'SECTION', 2, 'ENTITIES',
  // An open polyline: a straight leg, then a quarter circle to the left (bulge tan(90°/4)).
  0, 'LWPOLYLINE', 5, 'A1', 8, 'AS_JALAN', 90, 3, 70, 0, 10, X0, 20, Y0, 10, X0 + 100, 20, Y0, 42, Math.tan(Math.PI / 8), 10, X0 + 200, 20, Y0 + 100,
  // A closed parcel whose closing side is a half circle (bulge 1 on the last vertex).
  0, 'LWPOLYLINE', 5, 'A2', 8, 'PERSIL', 90, 3, 70, 1, 10, X0, 20, Y0 + 200, 10, X0 + 40, 20, Y0 + 200, 10, X0 + 40, 20, Y0 + 240, 42, 1,
  0, 'CIRCLE', 5, 'A3', 8, 'POHON', 10, X0 + 300, 20, Y0 + 300, 30, 0, 40, 5,
  0, 'ARC', 5, 'A4', 8, 'AS_JALAN', 10, X0 + 500, 20, Y0, 30, 0, 40, 50, 50, 0, 51, 90,
  0, 'LINE', 5, 'A5', 8, 'PAGAR', 10, X0, 20, Y0 - 10, 30, 12.5, 11, X0 + 60, 21, Y0 - 10, 31, 13,
  0, 'POINT', 5, 'A6', 8, 'TITIK_UKUR', 10, X0 + 1, 20, Y0 + 2, 30, 0,
  0, 'INSERT', 5, 'A7', 8, 'PATOK_RUMIJA', 66, 1, 2, 'PATOK', 10, X0 + 20, 20, Y0 + 5, 30, 0, 50, 30,
  0, 'ATTRIB', 5, 'A8', 8, 'PATOK_RUMIJA', 10, X0 + 20, 20, Y0 + 5, 30, 0, 40, 1, 1, 'RMJ-017', 2, 'NOMOR', 70, 0,
  0, 'SEQEND', 5, 'A9', 8, 'PATOK_RUMIJA',
  0, 'TEXT', 5, 'AA', 8, 'TEKS', 10, X0 + 30, 20, Y0 + 30, 30, 0, 40, 2.5, 1, 'Jl. Timor Raya',
  0, 'MTEXT', 5, 'AB', 8, 'TEKS', 10, X0 + 40, 20, Y0 + 40, 30, 0, 40, 2, 1, '{\\fArial|b1;Ruas 001}\\PKupang–Soe',
  0, '3DFACE', 5, 'AC', 8, 'DTM', 10, X0, 20, Y0, 30, 1, 11, X0 + 1, 21, Y0, 31, 1, 12, X0, 22, Y0 + 1, 32, 1, 13, X0, 23, Y0 + 1, 33, 1,
  0, 'ENDSEC',
  0, 'EOF',
);

beforeAll(() => {
  writeFileSync(path('survei.geojson'), JSON.stringify(SURVEY));
  execFileSync('ogr2ogr', ['-f', 'DXF', path('survei.dxf'), path('survei.geojson')], { stdio: 'pipe' });
  writeFileSync(path('tangan.dxf'), HAND);
});

afterAll(() => rmSync(folder, { recursive: true, force: true }));

const close = (a: Position, b: Position, tolerance: number) =>
  Math.abs(a[0]! - b[0]!) < tolerance && Math.abs(a[1]! - b[1]!) < tolerance;

describe('DXF', () => {
  it('a DXF written by ogr2ogr: counts, layers and coordinates as GDAL reads them', async () => {
    const gdal = gdalRead('survei.dxf', 'EPSG:32751');
    const first = await prepare(file('survei.dxf'));
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    // UTM 51S is the only NTT system these numbers fit: suggested and used, with a warning to check.
    expect(first.value.format).toBe('dxf');
    expect(first.value.crs).toBe('WGS 84 / UTM zone 51S (EPSG:32751)');
    expect(first.value.warnings.map((warning) => wordProblem(warning, 'id')).join('\n')).toMatch(
      /tidak menyebut sistem koordinatnya/,
    );
    expect(first.value.layers!.map((layer) => [layer.name, layer.count])).toEqual([
      ['PATOK_RUMIJA', 3],
      ['AS_JALAN', 1],
      ['PERSIL', 1],
    ]);
    const ours = first.value.features;
    expect(ours).toHaveLength(gdal.features.length);
    for (const [index, feature] of gdal.features.entries()) {
      expect(ours[index]!.properties.layer).toBe(feature.properties!.Layer);
      expect(ours[index]!.geometry.type).toBe(feature.geometry.type);
      const [expected, actual] = [positionsOf(feature.geometry), positionsOf(ours[index]!.geometry)];
      expect(actual.length).toBe(expected.length);
      for (const [at, position] of expected.entries())
        expect(close(actual[at]!, position, 1e-7), `${String(feature.properties!.Layer)} ${at}`).toBe(true);
    }
    // The layer filter in the preview: only the stakes.
    const stakes = await prepare(file('survei.dxf'), { layers: ['PATOK_RUMIJA'] });
    expect(stakes.ok && stakes.value.features.map((f) => f.properties.layer)).toEqual([
      'PATOK_RUMIJA',
      'PATOK_RUMIJA',
      'PATOK_RUMIJA',
    ]);
  });

  it('a hand-written DXF: bulges as arcs, blocks with attributes, text, 3D dropped with a note', async () => {
    const first = await prepare(file('tangan.dxf'));
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    // TM-3 numbers fit two zones: nothing is placed until the user says which.
    expect(first.value.crsChoice).toBe('required');
    expect(first.value.suggestedCrs).toEqual(['EPSG:23840', 'EPSG:23839']);
    expect(first.value.features).toHaveLength(0);

    const read = await prepare(file('tangan.dxf'), { crs: 'EPSG:23840' });
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.value.crs).toBe('DGN95 / Indonesia TM-3 zone 51.2 (EPSG:23840)');
    expect(read.value.warnings.map((warning) => wordProblem(warning, 'id')).join('\n')).toMatch(
      /1 entitas punya ketinggian \(Z\)/,
    );
    expect(read.value.warnings.map((warning) => wordProblem(warning, 'id')).join('\n')).toMatch(/dilewati: 1 3DFACE/);
    const byKind = (entity: string) => read.value.features.filter((f) => f.properties.dxf_entitas === entity);
    expect(read.value.features).toHaveLength(9);

    // Coordinates back in TM-3 with PROJ, to compare with the drawing's numbers.
    const inTm3 = (geometry: Geometry) => {
      const positions = positionsOf(geometry);
      const out = execFileSync('gdaltransform', ['-s_srs', 'EPSG:4326', '-t_srs', 'EPSG:23840', '-output_xy'], {
        input: positions.map(([x, y]) => `${x} ${y}`).join('\n'),
        encoding: 'utf8',
      });
      return out
        .trim()
        .split('\n')
        .map((line) => line.split(/\s+/).map(Number));
    };
    // Bulge tan(22.5°): a quarter circle of radius 100 centred at (X0+100, Y0+100), densified every 4° or less.
    const [road] = byKind('LWPOLYLINE').filter((f) => f.properties.layer === 'AS_JALAN');
    const roadTm3 = inTm3(road!.geometry);
    expect(close(roadTm3[0]!, [X0, Y0], 0.001) && close(roadTm3.at(-1)!, [X0 + 200, Y0 + 100], 0.001)).toBe(true);
    const onArc = roadTm3.slice(2);
    expect(onArc.length).toBeGreaterThanOrEqual(23);
    for (const [x, y] of onArc) expect(Math.hypot(x! - (X0 + 100), y! - (Y0 + 100))).toBeCloseTo(100, 2);
    // The parcel: a closed triangle whose closing side, (X0+40, Y0+240) → (X0, Y0+200), is a half circle (bulge 1,
    // counter-clockwise) around (X0+20, Y0+220): every 4° or less, reaching X0+20-20√2 in the west.
    const [parcel] = byKind('LWPOLYLINE').filter((f) => f.properties.layer === 'PERSIL');
    expect(parcel!.geometry.type).toBe('Polygon');
    const ring = inTm3(parcel!.geometry);
    const westmost = Math.min(...ring.map(([x]) => x!));
    expect(westmost).toBeCloseTo(X0 + 20 - 20 * Math.SQRT2, 2);
    const onHalfCircle = ring.filter(
      ([x, y]) => Math.abs(Math.hypot(x! - X0 - 20, y! - Y0 - 220) - 20 * Math.SQRT2) < 0.001,
    );
    expect(onHalfCircle.length).toBeGreaterThanOrEqual(46);
    // CIRCLE and ARC as lines on their circles.
    const circle = inTm3(byKind('CIRCLE')[0]!.geometry);
    for (const [x, y] of circle) expect(Math.hypot(x! - (X0 + 300), y! - (Y0 + 300))).toBeCloseTo(5, 2);
    const arc = inTm3(byKind('ARC')[0]!.geometry);
    expect(close(arc[0]!, [X0 + 550, Y0], 0.001) && close(arc.at(-1)!, [X0 + 500, Y0 + 50], 0.001)).toBe(true);
    // The block as a point with its name, rotation and attribute; text as annotations.
    const [stake] = byKind('INSERT');
    expect(stake!.properties).toMatchObject({ layer: 'PATOK_RUMIJA', blok: 'PATOK', rotasi: 30, NOMOR: 'RMJ-017' });
    expect(close(inTm3(stake!.geometry)[0]!, [X0 + 20, Y0 + 5], 0.001)).toBe(true);
    expect(byKind('TEXT')[0]!.properties).toMatchObject({ teks: 'Jl. Timor Raya', tinggi_teks: 2.5 });
    expect(byKind('MTEXT')[0]!.properties.teks).toBe('Ruas 001\nKupang–Soe');
    // The 3D line kept in 2D.
    expect((byKind('LINE')[0]!.geometry as LineString).coordinates[0]).toHaveLength(2);
    expect((byKind('POINT')[0]!.geometry as Point).type).toBe('Point');
    expect((parcel!.geometry as Polygon).coordinates).toHaveLength(1);
  });

  it('a POLYLINE without its SEQEND ends at the next entity (dxf-parser looped for ever on it)', async () => {
    // As older survey exports write them: lon/lat, VERTEX entities, then straight on to the next entity.
    // prettier-ignore
    const text = [
      0, 'SECTION', 2, 'ENTITIES',
      0, 'POLYLINE', 5, 'B1', 8, 'AS_JALAN', 66, 1, 70, 0,
      0, 'VERTEX', 8, 'AS_JALAN', 10, 123.6, 20, -10.2,
      0, 'VERTEX', 8, 'AS_JALAN', 10, 123.61, 20, -10.19,
      0, 'POINT', 5, 'B2', 8, 'PATOK_RUMIJA', 10, 123.605, 20, -10.195,
      0, 'ENDSEC', 0, 'EOF',
    ].join('\n') + '\n';
    writeFileSync(path('tanpa-seqend.dxf'), text);
    const result = await prepare(file('tanpa-seqend.dxf'), { crs: 'EPSG:4326' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    // GDAL refuses this file ("error at line 45"), so the expected geometries are the file's own numbers.
    expect(result.value.features.map((feature) => feature.geometry)).toEqual([
      {
        type: 'LineString',
        coordinates: [
          [123.6, -10.2],
          [123.61, -10.19],
        ],
      },
      { type: 'Point', coordinates: [123.605, -10.195] },
    ]);
  });

  it('a DWG is refused with how to save it as DXF', async () => {
    const result = await prepare({ name: 'gambar.dwg', bytes: new TextEncoder().encode('AC1032\0\0\0') });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(wordProblem(result.error, 'id')).toMatch(/gambar\.dwg: .*Save As.*DXF/);
  });
});
