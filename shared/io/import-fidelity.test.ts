import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { DOMParser } from '@xmldom/xmldom';
import { prepareImport, type ImportEnvironment, type ImportFile, type ReadOptions } from './import-file';
import { applyMapping, suggestMapping } from './map-fields';
import { groupImportFiles } from './group-import-files';
import { EXPORT_FORMATS, IMPORT_EXTENSIONS, writeFeatures } from './formats/registry';
import { MAX_COMPRESSION_RATIO } from './zip-guard';
import { ProblemError } from '../messages/problem';
import { wordProblem } from '../messages/word-problem';

/**
 * The classes of files the importer once mishandled, each made by GDAL (ogr2ogr) as other GIS
 * software writes them: every one comes in whole, or is refused in plain words.
 */
const environment: ImportEnvironment = {
  parseXml: (text) => new DOMParser({ onError: () => undefined }).parseFromString(text, 'application/xml') as never,
};
const folder = mkdtempSync(join(tmpdir(), 'rumija-fidelity-'));
const ogr = (...args: string[]) => execFileSync('ogr2ogr', args, { cwd: folder, stdio: 'pipe' });
const file = (name: string, path = name): ImportFile => ({
  name,
  bytes: new Uint8Array(readFileSync(join(folder, path))),
});
const prepare = (input: ImportFile & { parts?: ImportFile[] }, options: ReadOptions = {}) =>
  prepareImport(input, 'layer', 1, environment, new Date('2026-03-01T00:00:00Z'), options);
const zipOf = (directory: string, pattern: RegExp): ImportFile => {
  const entries: Record<string, Uint8Array> = {};
  for (const name of readdirSync(join(folder, directory)).filter((n) => pattern.test(n)))
    entries[name] = new Uint8Array(readFileSync(join(folder, directory, name)));
  return { name: `${directory}.zip`, bytes: zipSync(entries) };
};
const shapefile = (directory: string, source: string, ...options: string[]) => {
  mkdirSync(join(folder, directory), { recursive: true });
  ogr('-f', 'ESRI Shapefile', `${directory}/data.shp`, source, ...options);
};
const coordinatesOf = (feature: { geometry: unknown }) => (feature.geometry as { coordinates: number[] }).coordinates;

const point = (lon: number, lat: number, properties: Record<string, unknown>) => ({
  type: 'Feature',
  properties,
  geometry: { type: 'Point', coordinates: [lon, lat] },
});

beforeAll(() => {
  // 13 records, 12 of them without geometry: a register of poles of which one has been surveyed.
  const register = {
    type: 'FeatureCollection',
    features: [
      point(123.6001, -10.1601, { nama: 'Tiang 01', pemilik: 'PLN' }),
      ...Array.from({ length: 12 }, (_, index) => ({
        type: 'Feature',
        properties: { nama: `Tiang ${String(index + 2).padStart(2, '0')}`, pemilik: 'PLN' },
        geometry: null,
      })),
    ],
  };
  writeFileSync(join(folder, 'register.geojson'), JSON.stringify(register));
  shapefile('register', 'register.geojson', '-lco', 'ENCODING=UTF-8');
  ogr('-f', 'KML', 'register.kml', 'register.geojson');

  const roads = {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: {
          no_ruas: 'P-101',
          nama_ruas: 'Simpang Polda – El Tari',
          kondisi: 'baik',
          status_jalan: 'provinsi',
          lebar_rumija_m: 20.5,
          panjang_km: 1.2,
          tahun_survei: 2025,
          keterangan: 'réservés pour élargissement',
        },
        geometry: {
          type: 'LineString',
          coordinates: [
            [123.6, -10.16],
            [123.605, -10.162],
            [123.61, -10.165],
          ],
        },
      },
    ],
  };
  writeFileSync(join(folder, 'roads.geojson'), JSON.stringify(roads));
  shapefile('roads', 'roads.geojson', '-lco', 'ENCODING=UTF-8');
  // GDAL's way of naming the code page in the DBF header (byte 29 = 0x57, ANSI) and writing no .cpg.
  shapefile('latin1', 'roads.geojson', '-lco', 'ENCODING=LDID/87');
  shapefile('noprj-lonlat', 'roads.geojson', '-lco', 'ENCODING=UTF-8');
  rmSync(join(folder, 'noprj-lonlat/data.prj'));
  shapefile('noprj-utm', 'roads.geojson', '-t_srs', 'EPSG:32751', '-lco', 'ENCODING=UTF-8');
  rmSync(join(folder, 'noprj-utm/data.prj'));
  shapefile('noprj-mercator', 'roads.geojson', '-t_srs', 'EPSG:3857', '-lco', 'ENCODING=UTF-8');
  rmSync(join(folder, 'noprj-mercator/data.prj'));
  shapefile('badprj', 'roads.geojson', '-lco', 'ENCODING=UTF-8');
  writeFileSync(join(folder, 'badprj/data.prj'), 'PROJCS["rusak", GEOGCS[');
});

describe('1. records without geometry are skipped and counted, the same in every format', () => {
  it('a Shapefile of 13 records, 12 without shapes: 1 imported, 12 listed as skipped', async () => {
    const result = await prepare(zipOf('register', /^data\./));
    if (!result.ok) throw new ProblemError(result.error);
    expect(result.value.features).toHaveLength(1);
    expect(result.value.skipped).toHaveLength(12);
    expect(result.value.skipped[0]).toEqual({ index: 1, name: 'Tiang 02', note: { code: 'geometry.none' } });
  });

  it('the same register as KML from GDAL, and as GeoJSON', async () => {
    for (const name of ['register.kml', 'register.geojson']) {
      const result = await prepare(file(name));
      if (!result.ok) throw new ProblemError(result.error);
      expect([result.value.features.length, result.value.skipped.length]).toEqual([1, 12]);
    }
  });
});

describe('2. columns not mapped to a model field are kept as extra attributes', () => {
  it('maps a GDAL Shapefile as roads (10-character DBF names recognised) and keeps panjang_km, tahun_survei, keterangan', async () => {
    const prepared = await prepare(zipOf('roads', /^data\./));
    if (!prepared.ok) throw new ProblemError(prepared.error);
    const columns = Object.keys(prepared.value.features[0]!.properties).filter((key) => key !== 'source');
    // GDAL cut the names to 10 characters, as every Shapefile writer does.
    expect(columns).toEqual(expect.arrayContaining(['lebar_rumi', 'status_jal', 'tahun_surv']));
    const mapping = suggestMapping('road', columns);
    expect(mapping.sources).toMatchObject({
      ruasNumber: 'no_ruas',
      name: 'nama_ruas',
      condition: 'kondisi',
      status: 'status_jal',
      rumijaWidthM: 'lebar_rumi',
    });
    const mapped = applyMapping(prepared.value.layer, prepared.value.features, mapping, 'roads.zip');
    if (!mapped.ok) throw new ProblemError(mapped.error);
    expect(mapped.value.extraFields.sort()).toEqual(['keterangan', 'panjang_km', 'tahun_surv']);
    expect(mapped.value.features[0]!.properties).toMatchObject({
      kind: 'road',
      ruasNumber: 'P-101',
      rumijaWidthM: 20.5,
      panjang_km: 1.2,
      tahun_surv: 2025,
      keterangan: 'réservés pour élargissement',
    });
    // …and so they reach other GIS software in an export.
    const out = join(folder, 'roads-out.geojson');
    writeFileSync(out, (await writeFeatures(mapped.value.features, 'geojson', 'Ruas')).data);
    const info = execFileSync('ogrinfo', ['-al', '-q', out], { encoding: 'utf8' });
    expect(info).toMatch(/panjang_km \(Real\) = 1\.2/);
    expect(info).toMatch(/keterangan \(String\) = réservés pour élargissement/);
  });
});

describe('4. repairs come before the checks, and per-vertex values follow their vertices', () => {
  it('GPX times stay with their points when repeated points are dropped', async () => {
    const corpus = join(import.meta.dirname, '../../tests/corpus/gpx-garmin-track.gpx');
    const result = await prepare({ name: 'garmin.gpx', bytes: new Uint8Array(readFileSync(corpus)) });
    if (!result.ok) throw new ProblemError(result.error);
    const track = result.value.features.find((feature) => feature.geometry.type === 'MultiLineString')!;
    const lines = (track.geometry as { coordinates: number[][][] }).coordinates;
    const times = (track.properties.coordinateProperties as { times: string[][] }).times;
    expect(lines.map((line) => line.length)).toEqual(times.map((part) => part.length));
    // The stop at the lights: 01:00:10, 01:00:20 and 01:00:30 at one place; the first is kept, with its own time.
    expect(times[0]).toEqual(['2026-03-02T01:00:00Z', '2026-03-02T01:00:10Z', '2026-03-02T01:00:40Z']);
  });
});

describe('5. text encodings of a DBF without .cpg', () => {
  it('reads the code page named in the header (GDAL, LDID 87, no .cpg)', async () => {
    expect(readdirSync(join(folder, 'latin1'))).not.toContain('data.cpg');
    const result = await prepare(zipOf('latin1', /^data\./));
    if (!result.ok) throw new ProblemError(result.error);
    expect(result.value.features[0]!.properties.keterangan).toBe('réservés pour élargissement');
    expect(result.value.warnings).toEqual([]);
  });

  it('without a code page in the header either: UTF-8 if it is, else Windows-1252 with a warning', async () => {
    const dbf = new Uint8Array(readFileSync(join(folder, 'latin1/data.dbf')));
    dbf[29] = 0;
    const parts = ['shp', 'shx', 'prj'].map((extension) => file(`data.${extension}`, `latin1/data.${extension}`));
    const result = await prepare({
      ...parts[0]!,
      parts: [...parts.slice(1), { name: 'data.dbf', bytes: dbf }],
    });
    if (!result.ok) throw new ProblemError(result.error);
    expect(result.value.features[0]!.properties.keterangan).toBe('réservés pour élargissement');
    expect(result.value.warnings.map((warning) => wordProblem(warning, 'id')).join()).toMatch(/Windows-1252/);
  });
});

describe('6. a Shapefile without .prj', () => {
  it('in lon/lat: imported as WGS 84 with a warning', async () => {
    const result = await prepare(zipOf('noprj-lonlat', /^data\./));
    if (!result.ok) throw new ProblemError(result.error);
    expect(coordinatesOf(result.value.features[0]!)[0]).toEqual([123.6, -10.16]);
    expect(result.value.warnings.map((warning) => wordProblem(warning, 'id')).join()).toMatch(
      /tanpa \.prj; dibaca sebagai WGS 84/,
    );
    expect(result.value.crsChoice).toBe('any');
  });

  it('in UTM 51S: placed by its extent in NTT, with a warning and a choice', async () => {
    const result = await prepare(zipOf('noprj-utm', /^data\./));
    if (!result.ok) throw new ProblemError(result.error);
    const [lon, lat] = coordinatesOf(result.value.features[0]!)[0] as unknown as number[];
    expect(lon).toBeCloseTo(123.6, 6);
    expect(lat).toBeCloseTo(-10.16, 6);
    expect(result.value.crs).toBe('WGS 84 / UTM zone 51S (EPSG:32751)');
  });

  it('in a system it cannot guess: nothing placed until the user picks one, then placed right', async () => {
    const zip = zipOf('noprj-mercator', /^data\./);
    const unknown = await prepare(zip);
    if (!unknown.ok) throw new ProblemError(unknown.error);
    expect(unknown.value.crsChoice).toBe('required');
    expect(unknown.value.features).toHaveLength(0);
    const chosen = await prepare(zip, { crs: 'EPSG:3857' });
    if (!chosen.ok) throw new ProblemError(chosen.error);
    const [lon, lat] = coordinatesOf(chosen.value.features[0]!)[0] as unknown as number[];
    expect(lon).toBeCloseTo(123.6, 6);
    expect(lat).toBeCloseTo(-10.16, 6);
  });
});

describe('7. files as people pick them', () => {
  it('a .shp picked with its .dbf, .shx, .prj and .cpg is one Shapefile; a part without its .shp is named', async () => {
    const picked = ['shp', 'dbf', 'shx', 'prj', 'cpg'].map((extension) =>
      file(`Ruas.${extension}`, `roads/data.${extension}`),
    );
    const { inputs, problems } = groupImportFiles([...picked, file('catatan.dbf', 'roads/data.dbf')]);
    expect(inputs).toHaveLength(1);
    expect(problems).toEqual([
      { fileName: 'catatan.dbf', error: { code: 'shp.lonePart', values: { file: 'catatan.dbf', name: 'catatan' } } },
    ]);
    expect(wordProblem(problems[0]!.error, 'id')).toMatch(/pilih juga catatan\.shp/);
    const result = await prepare(inputs[0]!);
    expect(result.ok && result.value.features[0]!.properties.no_ruas).toBe('P-101');
  });

  it('a lone .shp says what else it needs', async () => {
    const result = await prepare(file('Ruas.shp', 'roads/data.shp'));
    expect(!result.ok && wordProblem(result.error, 'id')).toMatch(/Ruas\.shp: Shapefile butuh juga \.dbf/);
  });

  it('our own CSV export (WKT) imports back with the same geometries and attributes', async () => {
    const original = await prepare(file('roads.geojson'));
    if (!original.ok) throw new ProblemError(original.error);
    const csv = (await writeFeatures(original.value.features, 'csv', 'Ruas')).data as string;
    const back = await prepare({ name: 'ruas.csv', bytes: new TextEncoder().encode(csv) });
    if (!back.ok) throw new ProblemError(back.error);
    expect(back.value.features[0]!.geometry).toEqual(original.value.features[0]!.geometry);
    expect(back.value.features[0]!.properties).toMatchObject({ no_ruas: 'P-101', kondisi: 'baik' });
  });

  it('every export format reads back with the same count (one registry for both ways)', async () => {
    const original = await prepare(zipOf('register', /^data\./));
    if (!original.ok) throw new ProblemError(original.error);
    for (const format of EXPORT_FORMATS) {
      const { data } = await writeFeatures(original.value.features, format.id, 'Register');
      const back = await prepare({
        name: `back.${format.extensions[0]}`,
        bytes: typeof data === 'string' ? new TextEncoder().encode(data) : data,
      });
      expect(back.ok && back.value.features.length, format.id).toBe(1);
      expect(IMPORT_EXTENSIONS).toContain(format.extensions[0]);
    }
  });
});

describe('8. messages a person understands', () => {
  it('a .prj that cannot be read is named as the problem', async () => {
    const result = await prepare(zipOf('badprj', /^data\./));
    expect(!result.ok && wordProblem(result.error, 'id')).toMatch(
      /badprj\.zip\/data\.prj: berkas \.prj tidak dapat dibaca/,
    );
  });
});

describe('9. zips whose directory lies', () => {
  it('stops inflating when what comes out passes the limit, whatever sizes the zip declares', async () => {
    const inflated = 80 * 1024 * 1024;
    const zip = zipSync({ 'doc.kml': new Uint8Array(inflated) }, { level: 9 });
    // The local header and the directory both claim the entry unpacks to 1 000 bytes.
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    view.setUint32(22, 1000, true);
    let directory = zip.length - 4;
    while (view.getUint32(directory, true) !== 0x02014b50) directory -= 1;
    view.setUint32(directory + 24, 1000, true);
    expect(inflated / zip.length).toBeGreaterThan(MAX_COMPRESSION_RATIO);
    const started = performance.now();
    const result = await prepare({ name: 'liar.kmz', bytes: zip });
    expect(!result.ok && wordProblem(result.error, 'id')).toMatch(
      /liar\.kmz: doc\.kml mengembang lebih dari 200× — ditolak sebagai bom zip/,
    );
    // Stopped near 50 MB of output, not after inflating everything (a generous bound for a busy machine).
    expect(performance.now() - started).toBeLessThan(30_000);
  });
});

describe('10. mapping that meets Indonesian columns', () => {
  it('suggests model fields for the names offices use', () => {
    const assets = suggestMapping('asset', ['No.', 'Jenis Aset', 'Pemilik', 'Jenis_Pemilik', 'Tahun Pasang', 'Ket']);
    expect(assets.sources).toMatchObject({
      category: 'Jenis Aset',
      owner: 'Pemilik',
      ownerType: 'Jenis_Pemilik',
      installedYear: 'Tahun Pasang',
    });
    const roads = suggestMapping('road', ['NO_RUAS', 'NAMA_RUAS', 'LEBAR_PERKERASAN', 'JENIS_PERMUKAAN', 'KABUPATEN']);
    expect(roads.sources).toMatchObject({
      ruasNumber: 'NO_RUAS',
      name: 'NAMA_RUAS',
      carriagewayWidthM: 'LEBAR_PERKERASAN',
      surface: 'JENIS_PERMUKAAN',
      regencyCode: 'KABUPATEN',
    });
  });
});
