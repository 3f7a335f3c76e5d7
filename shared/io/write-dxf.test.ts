import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FeatureCollection, Geometry, Position } from 'geojson';
import type { StoredFeature } from '../model/layer';
import { positionsOf } from '../geo/positions-of';
import { writeFeatures } from './formats/registry';
import { wordProblem } from '../messages/word-problem';

/** A layer exported as DXF for consultants: GDAL reads it back with the same entities and places. */
const folder = mkdtempSync(join(tmpdir(), 'rumija-dxf-out-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const feature = (id: string, geometry: Geometry, properties: Record<string, unknown> = {}): StoredFeature => ({
  id,
  layerId: 'l',
  geometry,
  properties: { nama: id, ...properties },
});

/** Near Kupang (DOMAIN.md): a road, a stake, a label, a parcel with a hole, a two-part drain. */
const FEATURES = [
  feature('ruas', {
    type: 'LineString',
    coordinates: [
      [123.6071234, -10.1710987],
      [123.6123456, -10.1687654],
      [123.6190123, -10.1650321],
    ],
  }),
  feature('patok', { type: 'Point', coordinates: [123.6080001, -10.1705002] }, { layer: 'PATOK_RUMIJA' }),
  feature('label', { type: 'Point', coordinates: [123.6100001, -10.1700002] }, { teks: 'Jl. Timor Raya km 2½' }),
  feature('persil', {
    type: 'Polygon',
    coordinates: [
      [
        [123.6, -10.17],
        [123.601, -10.17],
        [123.601, -10.169],
        [123.6, -10.169],
        [123.6, -10.17],
      ],
      [
        [123.6004, -10.1696],
        [123.6006, -10.1696],
        [123.6006, -10.1694],
        [123.6004, -10.1696],
      ],
    ],
  }),
  feature('saluran', {
    type: 'MultiLineString',
    coordinates: [
      [
        [123.62, -10.16],
        [123.621, -10.161],
      ],
      [
        [123.622, -10.162],
        [123.623, -10.163],
      ],
    ],
  }),
];

/** What GDAL reads from the DXF, in WGS 84 from the system the export names. */
function gdalRead(path: string, crs: string): FeatureCollection {
  const args = ['-f', 'GeoJSON', '-lco', 'COORDINATE_PRECISION=10', '-s_srs', crs, '-t_srs', 'EPSG:4326'];
  return JSON.parse(execFileSync('ogr2ogr', [...args, '/vsistdout/', path], { encoding: 'utf8' })) as FeatureCollection;
}

const sameWithin = (a: Position[], b: Position[], tolerance: number) =>
  a.length === b.length &&
  a.every((p, i) => Math.abs(p[0]! - b[i]![0]!) < tolerance && Math.abs(p[1]! - b[i]![1]!) < tolerance);

describe('DXF export', () => {
  it.each([
    ['UTM 51S by default', undefined, 'EPSG:32751'],
    ['TM-3 51.2 when asked', 'EPSG:23840', 'EPSG:23840'],
  ])('%s: ogrinfo counts every part, coordinates within 1e-7° of the layer', async (_, crs, expected) => {
    const output = await writeFeatures(FEATURES, 'dxf', { name: 'Survei Kupang', crs });
    const path = join(folder, `survei-${expected.slice(5)}.dxf`);
    writeFileSync(path, output.data);
    const words = output.notes.map((note) => wordProblem(note, 'id'));
    expect(words[0]).toContain(`(${expected})`);
    expect(words.join('\n')).toMatch(/5 fitur → 7 entitas pada 2 layer/);
    expect(output.notes.map((note) => wordProblem(note, 'en')).join('\n')).toMatch(
      /5 features → 7 entities on 2 layers/,
    );
    const info = execFileSync('ogrinfo', ['-ro', '-so', '-al', path], { encoding: 'utf8' });
    expect(info).toMatch(/Feature Count: 7/);
    const read = gdalRead(path, expected);
    expect(read.features.map((f) => f.properties!.Layer)).toEqual([
      'Survei Kupang',
      'PATOK_RUMIJA',
      'Survei Kupang',
      'Survei Kupang',
      'Survei Kupang',
      'Survei Kupang',
      'Survei Kupang',
    ]);
    expect(read.features[2]!.properties!.Text).toBe('Jl. Timor Raya km 2½');
    // Parts in order: the road, the stake, the label, the parcel's two rings, the drain's two parts.
    const ours = [
      positionsOf(FEATURES[0]!.geometry),
      positionsOf(FEATURES[1]!.geometry),
      positionsOf(FEATURES[2]!.geometry),
      ...(FEATURES[3]!.geometry as { coordinates: Position[][] }).coordinates,
      ...(FEATURES[4]!.geometry as { coordinates: Position[][] }).coordinates,
    ];
    for (const [index, gdalFeature] of read.features.entries())
      expect(sameWithin(positionsOf(gdalFeature.geometry), ours[index]!, 1e-7), `part ${index}`).toBe(true);
  });
});
