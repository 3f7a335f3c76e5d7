import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { DOMParser } from '@xmldom/xmldom';
import { prepareImport, MAX_IMPORT_BYTES, type ImportEnvironment } from './import-file';
import { noteLine } from './check-records';
import { wordProblem } from '../messages/word-problem';

const encode = (text: string) => new TextEncoder().encode(text);
export const NODE_ENVIRONMENT: ImportEnvironment = {
  parseXml: (text) => new DOMParser({ onError: () => undefined }).parseFromString(text, 'application/xml') as never,
};
const prepare = (name: string, content: string | Uint8Array) =>
  prepareImport(
    { name, bytes: typeof content === 'string' ? encode(content) : content },
    'layer-1',
    5,
    NODE_ENVIRONMENT,
    new Date('2026-01-21T00:00:00Z'),
  );
const collection = (...features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });
const point = (coordinates: unknown, properties = {}) => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates },
  properties,
});

describe('importing GeoJSON', () => {
  it('reads a FeatureCollection into a new layer, keeping attributes and recording the source', async () => {
    const result = await prepare(
      'tiang.geojson',
      collection(point([123.6, -10.17], { pemilik: 'PLN' }), point([123.61, -10.16])),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.layer).toMatchObject({ id: 'layer-1', name: 'tiang', kind: 'plain', order: 5, demo: false });
    expect(result.value.features).toHaveLength(2);
    expect(result.value.features[0]!.properties).toEqual({
      pemilik: 'PLN',
      source: { kind: 'file', label: 'tiang.geojson', recordedAt: '2026-01-21T00:00:00.000Z', illustrative: false },
    });
  });

  it('reads a single Feature, a bare geometry and newline-delimited GeoJSON', async () => {
    expect((await prepare('a.geojson', JSON.stringify(point([123.6, -10.17])))).ok).toBe(true);
    const bare = await prepare(
      'b.json',
      JSON.stringify({
        type: 'LineString',
        coordinates: [
          [123.6, -10.17],
          [123.7, -10.1],
        ],
      }),
    );
    expect(bare.ok && bare.value.geometryTypes).toEqual(['LineString']);
    const lines = await prepare(
      'c.ndjson',
      `${JSON.stringify(point([123.6, -10.17]))}\n${JSON.stringify(point([123.7, -10.1]))}\n`,
    );
    expect(lines.ok && lines.value.features.length).toBe(2);
  });

  it('repairs what is safe to repair and says so: 3D, duplicate vertices, winding', async () => {
    const clockwise = [
      [123.6, -10.17],
      [123.6, -10.16],
      [123.61, -10.16],
      [123.61, -10.17],
      [123.6, -10.17],
    ];
    const result = await prepare(
      'repair.geojson',
      collection(
        point([123.6, -10.17, 12.5]),
        {
          type: 'Feature',
          geometry: {
            type: 'LineString',
            coordinates: [
              [123.6, -10.17],
              [123.6, -10.17],
              [123.7, -10.1],
            ],
          },
          properties: {},
        },
        { type: 'Feature', geometry: { type: 'Polygon', coordinates: [clockwise] }, properties: {} },
      ),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.features[0]!.geometry).toEqual({ type: 'Point', coordinates: [123.6, -10.17] });
    expect((result.value.features[1]!.geometry as { coordinates: unknown[] }).coordinates).toHaveLength(2);
    expect((result.value.features[2]!.geometry as { coordinates: number[][][] }).coordinates[0]).toEqual(
      [...clockwise].reverse(),
    );
    expect(result.value.repairs.map((note) => wordProblem(noteLine(note), 'id'))).toEqual([
      'fitur 1: koordinat Z dibuang',
      'fitur 2: 1 titik kembar dibuang',
      'fitur 3: arah ring dibalik sesuai RFC 7946',
    ]);
    expect(result.value.repairs.map((note) => wordProblem(noteLine(note), 'en'))).toEqual([
      'feature 1: Z coordinates dropped',
      'feature 2: 1 duplicate vertex removed',
      'feature 3: ring winding fixed (RFC 7946)',
    ]);
  });
});

describe('importing CSV', () => {
  it('reads lon/lat columns, Indonesian decimal commas and semicolons', async () => {
    const result = await prepare(
      'survei.csv',
      'id;bujur;lintang;kategori\n1;123,6;-10,17;tiang_listrik\n2;123,61;-10,16;kios\n',
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.crs).toBe('WGS 84 (EPSG:4326)');
    expect(result.value.features[1]!.geometry).toEqual({ type: 'Point', coordinates: [123.61, -10.16] });
    expect(result.value.features[1]!.properties).toMatchObject({ id: '2', kategori: 'kios' });
  });

  it('reads UTM easting/northing and detects zone 51S for Kupang', async () => {
    const result = await prepare('utm.csv', 'nama,easting,northing\nKupang,566490.57,8875595.0\n');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.crs).toBe('WGS 84 / UTM zone 51S (EPSG:32751)');
    const [lon, lat] = (result.value.features[0]!.geometry as { coordinates: number[] }).coordinates;
    // GDAL (PROJ) as the outside judge, to 1e-7° (about 1 cm).
    const [gdalLon, gdalLat] = execFileSync(
      'gdaltransform',
      ['-s_srs', 'EPSG:32751', '-t_srs', 'EPSG:4326', '-output_xy'],
      {
        input: '566490.57 8875595.0\n',
        encoding: 'utf8',
      },
    )
      .trim()
      .split(/\s+/)
      .map(Number);
    expect(Math.abs(lon! - gdalLon!)).toBeLessThan(1e-7);
    expect(Math.abs(lat! - gdalLat!)).toBeLessThan(1e-7);
  });
});

describe('choosing the coordinate system of a CSV', () => {
  it('uses the zone and datum the user picks', async () => {
    const csv = encode('nama,easting,northing\nKupang,566490.57,8875595.0\n');
    const in50 = await prepareImport({ name: 'utm.csv', bytes: csv }, 'l', 1, NODE_ENVIRONMENT, new Date(), {
      utmZone: 50,
    });
    expect(in50.ok && in50.value.crs).toBe('WGS 84 / UTM zone 50S (EPSG:32750)');
    // The same numbers read in zone 50 land 6° further west.
    if (in50.ok)
      expect((in50.value.features[0]!.geometry as { coordinates: number[] }).coordinates[0]).toBeCloseTo(117.6, 0);
    const dgn = await prepareImport({ name: 'utm.csv', bytes: csv }, 'l', 1, NODE_ENVIRONMENT, new Date(), {
      utmZone: 51,
      datum: 'DGN95',
    });
    expect(dgn.ok && dgn.value.crs).toMatch(/^DGN95 \/ UTM zone 51S \(EPSG:23881\)$/);
  });
});

describe('refusing bad files with a message naming the file, the feature and the problem', () => {
  const cases: [string, string | Uint8Array, RegExp][] = [
    [
      'broken.geojson',
      '{\n "type": "FeatureCollection",\n "features": [\n  {"type": "Feature",}\n ]\n}',
      /broken\.geojson: JSON tidak sah.*baris 4/,
    ],
    [
      'projected.geojson',
      collection(point([566419, 8875595])),
      /projected\.geojson, fitur 1: koordinat di luar WGS 84/,
    ],
    ['latitude.geojson', collection(point([123.6, -95])), /latitude\.geojson, fitur 1: .*di luar WGS 84/],
    [
      'empty-geometry.geojson',
      collection({ type: 'Feature', geometry: { type: 'LineString', coordinates: [] }, properties: {} }),
      /empty-geometry\.geojson: tidak ada fitur untuk diimpor.*1 dari 1 fitur tanpa geometri/,
    ],
    [
      'no-geometry.geojson',
      collection({ type: 'Feature', geometry: null, properties: {} }),
      /no-geometry\.geojson: tidak ada fitur untuk diimpor.*1 dari 1 fitur tanpa geometri/,
    ],
    [
      'unknown-type.geojson',
      collection({ type: 'Feature', geometry: { type: 'Circle', coordinates: [1, 2] }, properties: {} }),
      /jenis geometri tidak dikenal.*Circle/,
    ],
    [
      'one-point-line.geojson',
      collection({ type: 'Feature', geometry: { type: 'LineString', coordinates: [[123.6, -10.1]] }, properties: {} }),
      /tidak ada fitur untuk diimpor.*fitur 1: garis dengan satu titik saja/,
    ],
    [
      'nesting.geojson',
      collection({ type: 'Feature', geometry: { type: 'Polygon', coordinates: [123.6, -10.1] }, properties: {} }),
      /tidak bersarang/,
    ],
    [
      'second-bad.geojson',
      collection(point([123.6, -10.17]), point(['a', 'b'])),
      /second-bad\.geojson, fitur 2: koordinat bukan/,
    ],
    [
      'not-feature.geojson',
      JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Point' }] }),
      /fitur 1: bukan Feature/,
    ],
    ['empty.geojson', collection(), /tidak ada fitur/],
    ['topology.json', JSON.stringify({ type: 'Topology' }), /topology\.json: bukan FeatureCollection/],
    ['lines.ndjson', `${JSON.stringify(point([123.6, -10.17]))}\n{oops}\n`, /lines\.ndjson: JSON tidak sah di baris 2/],
    ['columns.csv', 'nama,alamat\nA,B\n', /columns\.csv: kolom koordinat tidak ditemukan/],
    ['text.csv', 'lon,lat\n123.6,-10.1\nabc,-10.2\n', /text\.csv, baris 3: kolom lon "abc" bukan angka/],
    ['range.csv', 'lon,lat\n123.6,-100\n', /range\.csv, baris 2: koordinat di luar jangkauan/],
    ['nodata.csv', 'lon,lat\n', /nodata\.csv: tidak ada baris data/],
    ['zone.csv', 'easting,northing\n100,100\n', /zone\.csv: sistem koordinat easting\/northing tidak dapat ditentukan/],
    ['quotes.csv', 'lon,lat,nama\n123.6,-10.1,"tidak ditutup\n', /quotes\.csv, baris \d+: CSV tidak sah/],
    ['drawing.dwg', 'x', /drawing\.dwg: berkas DWG tidak dapat dibaca langsung.*Save As/],
    [
      'open-ring.geojson',
      collection({
        type: 'Feature',
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [123.6, -10.1],
              [123.7, -10.1],
              [123.7, -10.2],
              [123.6, -10.2],
            ],
          ],
        },
        properties: {},
      }),
      /fitur 1: ring 1 tidak tertutup/,
    ],
    [
      'short-ring.geojson',
      collection({
        type: 'Feature',
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [123.6, -10.1],
              [123.7, -10.1],
              [123.6, -10.1],
            ],
          ],
        },
        properties: {},
      }),
      /fitur 1: ring 1 punya kurang dari 4 titik/,
    ],
    [
      'hole-open.geojson',
      collection({
        type: 'Feature',
        geometry: {
          type: 'MultiPolygon',
          coordinates: [
            [
              [
                [123.6, -10.1],
                [123.7, -10.1],
                [123.7, -10.2],
                [123.6, -10.1],
              ],
              [
                [123.61, -10.11],
                [123.62, -10.11],
                [123.62, -10.12],
                [123.615, -10.12],
              ],
            ],
          ],
        },
        properties: {},
      }),
      /ring 2 tidak tertutup/,
    ],
    ['swapped.geojson', collection(point([-10.17, 123.6])), /swapped\.geojson, fitur 1: urutan koordinat terbalik/],
    [
      'nan.geojson',
      '{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[123.6,"NaN"]},"properties":{}}]}',
      /fitur 1: koordinat bukan/,
    ],
    ['string-root.json', '"hello"', /string-root\.json: bukan FeatureCollection/],
    ['null.json', 'null', /null\.json: bukan FeatureCollection/],
    ['features-object.geojson', JSON.stringify({ type: 'FeatureCollection', features: {} }), /bukan FeatureCollection/],
    ['empty-file.geojson', '', /empty-file\.geojson: JSON tidak sah/],
    [
      'bom-semicolon-bad.csv',
      '\uFEFFlon;lat\n123,6;abc\n',
      /bom-semicolon-bad\.csv, baris 2: kolom lat "abc" bukan angka/,
    ],
    ['latin1.geojson', new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), /latin1\.geojson: bukan teks UTF-8/],
  ];
  it.each(cases)('%s', async (name, content, message) => {
    const result = await prepare(name, content);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(wordProblem(result.error, 'id')).toMatch(message);
  });

  it('refuses a file over the size limit before reading it', async () => {
    const huge = { byteLength: MAX_IMPORT_BYTES + 1 } as Uint8Array;
    const result = await prepareImport({ name: 'huge.geojson', bytes: huge }, 'l', 0, NODE_ENVIRONMENT);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(wordProblem(result.error, 'id')).toMatch(/huge\.geojson: berkas terlalu besar/);
  });
});
