import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { DOMParser } from '@xmldom/xmldom';
import type { FeatureCollection, Geometry, Position } from 'geojson';
import { createDemoDataset } from '../demo/create-demo-dataset';
import { ruasLengthM, ruasPaths } from '../geo/ruas-reference';
import { geodesicDistanceM } from '../geo/geodesic';
import { linePathsOf, positionsOf } from '../geo/positions-of';
import type { StoredFeature } from '../model/layer';
import { writeFeatures, formatById } from './formats/registry';
import type { ExportColumns } from './export-table';
import { prepareImport, type ImportEnvironment, type ImportFile, type ReadOptions } from './import-file';
import type { RoadLookup } from './place-by-sta';
import { ProblemError } from '../messages/problem';
import { wordProblem } from '../messages/word-problem';

/**
 * Each format both ways with GDAL: files ogr2ogr writes (often in UTM 51S, as offices keep them) import with the
 * same count, places and values; files Rumija writes pass ogrinfo without a warning and read back the same.
 */
const folder = mkdtempSync(join(tmpdir(), 'rumija-gis-formats-'));
const demo = createDemoDataset();
const roads = demo.features.filter((f) => f.properties.kind === 'road');
const bridges = demo.features.filter((f) => f.properties.kind === 'bridge');
const assets = demo.features.filter((f) => f.properties.kind === 'asset');

const roadLookup: RoadLookup = async (numbers) =>
  Object.fromEntries(numbers.map((ruas) => [ruas, ruasPaths(roads, ruas)]).filter(([, paths]) => paths!.length));
const environment: ImportEnvironment = {
  parseXml: (text) => new DOMParser({ onError: () => undefined }).parseFromString(text, 'application/xml') as never,
  roads: roadLookup,
};
const path = (name: string) => join(folder, name);
const ogr = (...args: string[]) => execFileSync('ogr2ogr', args, { cwd: folder, stdio: 'pipe' });
const file = (name: string): ImportFile => ({ name, bytes: new Uint8Array(readFileSync(path(name))) });
const prepare = (input: ImportFile, options: ReadOptions = {}) =>
  prepareImport(input, 'layer', 1, environment, new Date('2026-03-01T00:00:00Z'), options);

/** ogrinfo's summary, failing on any warning or error GDAL prints. */
function ogrinfo(target: string, ...args: string[]): string {
  const result = spawnSync('ogrinfo', ['-ro', ...args, target], { encoding: 'utf8' });
  expect(result.stderr).not.toMatch(/Warning|ERROR/);
  expect(result.status).toBe(0);
  return result.stdout;
}

/** A layer of a file as GDAL reads it, in WGS 84 GeoJSON. */
function gdalRead(target: string, layer?: string): FeatureCollection {
  const args = ['-f', 'GeoJSON', '-t_srs', 'EPSG:4326', '/vsistdout/', target, ...(layer ? [layer] : [])];
  return JSON.parse(execFileSync('ogr2ogr', args, { encoding: 'utf8', maxBuffer: 1 << 28 })) as FeatureCollection;
}

async function save(
  name: string,
  features: readonly StoredFeature[],
  id: Parameters<typeof writeFeatures>[1],
  columns?: ExportColumns,
) {
  const output = await writeFeatures(features, id, { name: 'Ruas jalan', columns });
  writeFileSync(path(name), output.data);
  return output;
}

/** Largest distance in metres between two geometries' vertices, taken in order. */
function largestShiftM(a: Geometry, b: Geometry): number {
  const [pa, pb] = [positionsOf(a), positionsOf(b)];
  expect(pa.length).toBe(pb.length);
  return Math.max(...pa.map((position, index) => geodesicDistanceM(position, pb[index]!)));
}

const byId = <T extends { properties: Record<string, unknown> | null }>(features: readonly T[]) =>
  new Map(features.map((feature) => [String(feature.properties!.id), feature]));

beforeAll(async () => {
  // The demo roads and bridges as GDAL would get them from another office: GeoJSON turned into UTM 51S files.
  await save('roads.geojson', roads, 'geojson');
  writeFileSync(path('bridges.geojson'), (await writeFeatures(bridges, 'geojson', 'Jembatan')).data);
});

describe('GeoPackage', () => {
  it('a GeoPackage written by ogr2ogr in UTM 51S lists its layers and imports the chosen ones in place', async () => {
    ogr('-f', 'GPKG', '-t_srs', 'EPSG:32751', '-nln', 'ruas', 'office.gpkg', 'roads.geojson');
    ogr('-f', 'GPKG', '-update', '-t_srs', 'EPSG:32751', '-nln', 'jembatan', 'office.gpkg', 'bridges.geojson');
    const all = await prepare(file('office.gpkg'));
    if (!all.ok) throw new ProblemError(all.error);
    expect(all.value.format).toBe('geopackage');
    expect(all.value.layers!.map((layer) => [layer.name, layer.count])).toEqual([
      ['jembatan', bridges.length],
      ['ruas', roads.length],
    ]);
    expect(all.value.crs).toContain('32751');
    expect(all.value.features).toHaveLength(roads.length + bridges.length);

    const only = await prepare(file('office.gpkg'), { layers: ['ruas'] });
    if (!only.ok) throw new ProblemError(only.error);
    expect(only.value.features).toHaveLength(roads.length);
    const original = new Map(roads.map((road) => [road.id, road]));
    for (const feature of only.value.features) {
      const source = original.get(String(feature.properties.id))!;
      expect(largestShiftM(feature.geometry, source.geometry)).toBeLessThan(0.01);
      expect(feature.properties.ruasNumber).toBe(source.properties.ruasNumber);
      expect(feature.properties.lengthM).toBeCloseTo(Number(source.properties.lengthM), 6);
    }
  });

  it('a GeoPackage left in WAL mode by QGIS is read, and a file that is not one is refused by name', async () => {
    const bytes = new Uint8Array(readFileSync(path('office.gpkg')));
    bytes[18] = 2;
    bytes[19] = 2;
    const wal = await prepare({ name: 'qgis.gpkg', bytes });
    expect(wal.ok && wal.value.features.length).toBe(roads.length + bridges.length);
    const junk = await prepare({ name: 'rusak.gpkg', bytes: new TextEncoder().encode('SQLite format 3\0 tapi rusak') });
    expect(!junk.ok && wordProblem(junk.error, 'id')).toMatch(/^rusak\.gpkg: bukan GeoPackage/);
  });

  it('a project GeoPackage passes ogrinfo, has an RTree per table that GDAL uses and keeps up to date', async () => {
    const layers = [
      { name: 'Ruas jalan', features: roads, styleBy: 'status' as const },
      { name: 'Jembatan', features: bridges, styleBy: 'condition' as const },
      { name: 'Aset utilitas', features: assets, styleBy: 'status' as const },
    ];
    const output = await formatById('geopackage').writeProject!(layers, { name: 'Rumija NTT' });
    writeFileSync(path('project.gpkg'), output.data);
    const info = ogrinfo(path('project.gpkg'), '-al', '-so');
    expect(info).toMatch(/Layer name: Ruas jalan\nGeometry: Line String\nFeature Count: 63/);
    expect(info).toContain(`Layer name: Jembatan\nGeometry: Point\nFeature Count: ${bridges.length}`);
    expect(info).toContain(`Layer name: Aset utilitas\nGeometry: Unknown (any)\nFeature Count: ${assets.length}`);
    expect(info).toContain('ID["EPSG",4326]');
    expect(info).toMatch(/lengthM: Real/);
    expect(info).toMatch(/ruasNumber: String/);
    for (const table of ['Ruas jalan', 'Jembatan', 'Aset utilitas'])
      expect(ogrinfo(path('project.gpkg'), '-sql', `SELECT HasSpatialIndex('${table}', 'geom')`)).toMatch(/= 1/);
    // Values as GDAL reads them.
    const read = byId(gdalRead(path('project.gpkg'), 'Jembatan').features);
    for (const bridge of bridges) {
      const got = read.get(bridge.id)!;
      expect(got.properties!.name).toBe(bridge.properties.name);
      expect(got.properties!.lengthM).toBeCloseTo(Number(bridge.properties.lengthM), 9);
    }
    // GDAL appends to our file: the RTree triggers keep the index in step with the table.
    ogr('-update', '-append', '-nln', 'Ruas jalan', 'project.gpkg', 'roads.geojson');
    const count = ogrinfo(path('project.gpkg'), '-sql', 'SELECT count(*) AS n FROM "rtree_Ruas jalan_geom"');
    expect(count).toContain(`n (Integer) = ${roads.length * 2}`);
    // And it reads back into Rumija whole.
    const back = await prepare(file('project.gpkg'), { layers: ['Aset utilitas'] });
    expect(back.ok && back.value.features.length).toBe(assets.length);
  });
});

describe('Shapefile export', () => {
  it('zips .shp .shx .dbf .prj .cpg that GDAL reads with the same counts, places and UTF-8 values', async () => {
    const named = roads.map((road, index) =>
      index === 0
        ? {
            ...road,
            properties: { ...road.properties, name: 'Jalan Oelamasi – Oepoli (Naikliu)', catatan: 'é'.repeat(200) },
          }
        : road,
    );
    const output = await save('roads-shp.zip', named, 'shapefile');
    const entries = Object.keys(unzipSync(new Uint8Array(readFileSync(path('roads-shp.zip')))));
    expect(entries.sort()).toEqual(
      [
        'Ruas jalan.cpg',
        'Ruas jalan.dbf',
        'Ruas jalan.prj',
        'Ruas jalan.shp',
        'Ruas jalan.shx',
        'Ruas jalan_kolom.txt',
      ].sort(),
    );
    // The shortened names are shown and written beside them; 200 é (400 bytes) pass the DBF's 254 and are counted.
    expect(output.notes.map((note) => wordProblem(note, 'id')).join('\n')).toContain('rumijaWidt = rumijaWidthM');
    expect(output.notes.map((note) => wordProblem(note, 'id')).join('\n')).toMatch(
      /1 teks lebih dari 254 byte dipotong/,
    );
    const info = ogrinfo(`/vsizip/${path('roads-shp.zip')}`, '-al', '-so');
    expect(info).toContain(`Feature Count: ${roads.length}`);
    expect(info).toMatch(/lengthM: Real/);
    const read = byId(gdalRead(`/vsizip/${path('roads-shp.zip')}`).features);
    for (const road of named) {
      const got = read.get(road.id)!;
      expect(largestShiftM(got.geometry as Geometry, road.geometry)).toBeLessThan(0.01);
      expect(got.properties!.name).toBe(road.properties.name);
      expect(got.properties!.rumijaWidt).toBe(road.properties.rumijaWidthM ?? null);
    }
  });

  it('a layer of points, lines and polygons becomes one Shapefile per type; polygons keep their area', async () => {
    const output = await save('assets-shp.zip', assets, 'shapefile');
    expect(output.notes.map((note) => wordProblem(note, 'id')).join('\n')).toContain(
      'Ruas jalan_titik, Ruas jalan_garis, Ruas jalan_poligon',
    );
    const counts = ['titik', 'garis', 'poligon'].map(
      (suffix) => gdalRead(`/vsizip/${path('assets-shp.zip')}/Ruas jalan_${suffix}.shp`).features.length,
    );
    expect(counts.reduce((a, b) => a + b, 0)).toBe(assets.length);
    // GDAL reads a clockwise outer ring as an outer ring: the polygon is not turned inside out.
    const area = spawnSync(
      'ogrinfo',
      [
        '-ro',
        '-q',
        '-dialect',
        'SQLite',
        '-sql',
        'SELECT min(ST_Area(geometry)) AS a FROM "Ruas jalan_poligon"',
        `/vsizip/${path('assets-shp.zip')}/Ruas jalan_poligon.shp`,
      ],
      { encoding: 'utf8' },
    );
    expect(Number(/a \(Real\) = ([\d.e-]+)/.exec(area.stdout)?.[1])).toBeGreaterThan(0);
  });
});

describe('FlatGeobuf', () => {
  it('a FlatGeobuf written by ogr2ogr in UTM 51S imports in place; ours reads back in GDAL with typed columns', async () => {
    ogr('-f', 'FlatGeobuf', '-t_srs', 'EPSG:32751', 'office.fgb', 'roads.geojson');
    const imported = await prepare(file('office.fgb'));
    if (!imported.ok) throw new ProblemError(imported.error);
    expect(imported.value.format).toBe('flatgeobuf');
    expect(imported.value.features).toHaveLength(roads.length);
    const original = new Map(roads.map((road) => [road.id, road]));
    for (const feature of imported.value.features)
      expect(largestShiftM(feature.geometry, original.get(String(feature.properties.id))!.geometry)).toBeLessThan(0.01);

    // A first feature with no value must not turn a number column into text.
    const gappy = roads.map((road, index) =>
      index === 0 ? { ...road, properties: { ...road.properties, lengthM: null } } : road,
    );
    await save('ours.fgb', gappy, 'flatgeobuf');
    expect(ogrinfo(path('ours.fgb'), '-al', '-so')).toMatch(/lengthM: Real/);
    const read = byId(gdalRead(path('ours.fgb')).features);
    expect(read.get(roads[1]!.id)!.properties!.lengthM).toBeCloseTo(Number(roads[1]!.properties.lengthM), 9);
    expect(read.get(roads[0]!.id)!.properties!.lengthM ?? null).toBeNull();
  });
});

describe('Excel', () => {
  it('our workbook is read by GDAL with numbers as numbers, and reads back into Rumija with its geometry', async () => {
    await save('roads.xlsx', roads, 'xlsx');
    const info = ogrinfo(path('roads.xlsx'), '-al', '-so');
    expect(info).toContain(`Feature Count: ${roads.length}`);
    expect(info).toMatch(/lengthM: Real/);
    expect(info).toMatch(/ruasNumber: String/);
    const back = await prepare(file('roads.xlsx'));
    if (!back.ok) throw new ProblemError(back.error);
    expect(back.value.features).toHaveLength(roads.length);
    expect(back.value.features[0]!.geometry).toEqual(roads[0]!.geometry);
    expect(back.value.features[0]!.properties.lengthM).toBe(roads[0]!.properties.lengthM);
  });

  it('a condition sheet (no_ruas, sta_awal, sta_akhir, kondisi) written by GDAL becomes ranges along the ruas', async () => {
    const ruas = String(roads[0]!.properties.ruasNumber);
    const length = ruasLengthM(ruasPaths(roads, ruas));
    const csv = [
      'no_ruas,sta_awal,sta_akhir,kondisi',
      `${ruas},0+000,1+500,baik`,
      `${ruas},1+500,3+250,rusak_ringan`,
      `${ruas},2+000,2+000,patok`,
      `X-999,0+000,0+500,baik`,
      `${ruas},5+000,4+000,sedang`,
      `${ruas},${Math.floor(length / 1000)}+000,${Math.floor(length / 1000) + 5}+000,rusak_berat`,
    ].join('\n');
    writeFileSync(path('kondisi.csv'), csv);
    // Office sheets keep STA as text: GDAL is told not to guess types.
    ogr('-f', 'XLSX', '-oo', 'AUTODETECT_TYPE=NO', 'kondisi.xlsx', 'kondisi.csv');
    const placed = await prepare(file('kondisi.xlsx'));
    if (!placed.ok) throw new ProblemError(placed.error);
    expect(placed.value.features).toHaveLength(3);
    expect(placed.value.unplaced.map((line) => wordProblem(line, 'id'))).toEqual([
      'baris 5: ruas X-999 tidak ada di jaringan jalan',
      'baris 6: STA awal STA 5+000 sesudah STA akhir STA 4+000',
      expect.stringMatching(/^baris 7: STA \d+\+000 melewati ujung ruas N-\d+ \(STA [\d+]+\)$/),
    ]);
    expect(wordProblem(placed.value.unplaced[1]!, 'en')).toBe('row 6: start STA STA 5+000 is after end STA STA 4+000');
    const [first, second, point] = placed.value.features;
    const lengthOf = (geometry: Geometry) =>
      linePathsOf(geometry).reduce(
        (sum, p: Position[]) => sum + p.slice(1).reduce((s, q, i) => s + geodesicDistanceM(p[i]!, q), 0),
        0,
      );
    expect(lengthOf(first!.geometry)).toBeCloseTo(1500, 0);
    expect(lengthOf(second!.geometry)).toBeCloseTo(1750, 0);
    expect(point!.geometry.type).toBe('Point');
    expect(first!.properties).toMatchObject({ no_ruas: ruas, kondisi: 'baik' });
    // The CSV itself places the same way.
    const fromCsv = await prepare(file('kondisi.csv'));
    expect(fromCsv.ok && fromCsv.value.unplaced.length).toBe(3);
  });

  it('a cover sheet of notes is passed over for the first sheet that places its rows; both are listed', async () => {
    const { writeWorkbook } = await import('./write-xlsx');
    const bytes = await writeWorkbook([
      { name: 'Catatan', header: ['Keterangan'], rows: [['Survei tiang Kupang, Maret 2026'], ['Petugas: UPT']] },
      { name: 'Tiang', header: ['nama', 'lon', 'lat'], rows: [['Tiang 1', 123.6001, -10.1601]] },
    ]);
    const read = await prepare({ name: 'survei.xlsx', bytes });
    if (!read.ok) throw new ProblemError(read.error);
    expect(read.value.features).toHaveLength(1);
    expect(read.value.layers!.map((sheet) => sheet.name)).toEqual(['Catatan', 'Tiang']);
    // Picked by hand, the notes sheet says what it lacks, naming the sheet.
    const notes = await prepare({ name: 'survei.xlsx', bytes }, { layers: ['Catatan'] });
    expect(!notes.ok && wordProblem(notes.error, 'id')).toMatch(
      /^survei\.xlsx \[Catatan\]: kolom koordinat tidak ditemukan/,
    );
  });

  it('a sheet with lon/lat typed as numbers imports as points; without a road network ruas + STA says why', async () => {
    writeFileSync(
      path('tiang.csv'),
      'nama,lon,lat,tinggi_m\nTiang 1,123.6001,-10.1601,9.5\nTiang 2,123.6002,-10.1602,11\n',
    );
    ogr('-f', 'XLSX', 'tiang.xlsx', 'tiang.csv', '-oo', 'AUTODETECT_TYPE=YES');
    const points = await prepare(file('tiang.xlsx'));
    if (!points.ok) throw new ProblemError(points.error);
    expect(points.value.features.map((f) => (f.geometry as { coordinates: number[] }).coordinates)).toEqual([
      [123.6001, -10.1601],
      [123.6002, -10.1602],
    ]);
    expect(points.value.features[0]!.properties.tinggi_m).toBe(9.5);
    const noNetwork = await prepareImport(file('kondisi.xlsx'), 'l', 1, { parseXml: environment.parseXml });
    expect(!noNetwork.ok && wordProblem(noNetwork.error, 'id')).toMatch(/jaringan jalan tidak tersedia/);
  });
});

describe('KML that looks like the map', () => {
  it('has a folder per layer, styles with the map colours, and GDAL reads every placemark', async () => {
    const output = await formatById('kml').writeProject!(
      [
        { name: 'Ruas jalan', features: roads, styleBy: 'status' },
        { name: 'Jembatan', features: bridges, styleBy: 'condition' },
      ],
      { name: 'Rumija NTT' },
    );
    const text = output.data as string;
    writeFileSync(path('project.kml'), text);
    // Provincial roads in the map's #608dbe (KML is aabbggrr, written out by hand), bridges sized by length.
    expect(text).toContain('<Style id="status-provinsi"><LineStyle><color>ffbe8d60</color><width>3.5</width>');
    expect(text).toMatch(/<Style id="jembatan-[a-z_]+-m"><IconStyle><color>[0-9a-f]{8}<\/color><scale>1.1<\/scale>/);
    expect(text.match(/<Folder>/g)).toHaveLength(2);
    const info = ogrinfo(path('project.kml'), '-al', '-so');
    // Each folder is a layer to GDAL.
    expect(info).toMatch(new RegExp(`Layer name: Ruas jalan\\nGeometry: .*\\nFeature Count: ${roads.length}\\n`));
    expect(info).toMatch(new RegExp(`Layer name: Jembatan\\nGeometry: .*\\nFeature Count: ${bridges.length}\\n`));
    const back = await prepare({ name: 'project.kml', bytes: new TextEncoder().encode(text) });
    expect(back.ok && back.value.features.length).toBe(roads.length + bridges.length);
  });
});

describe('CSV for Excel', () => {
  it('writes a BOM, the chosen separator and decimal mark, and column names as chosen', async () => {
    const columns: ExportColumns = {
      name: (key) => (key === 'ruasNumber' ? 'Nomor ruas' : key === 'lengthM' ? 'Panjang (m)' : key),
      value: (key, value) => (key === 'condition' && value === 'rusak_berat' ? 'Rusak berat' : value),
    };
    const output = await writeFeatures(roads, 'csv', { name: 'Ruas', columns, csv: { separator: ';', decimal: ',' } });
    const text = output.data as string;
    expect(text.startsWith('\ufeffWKT;id;')).toBe(true);
    expect(text.split('\r\n')[0]).toContain(';Nomor ruas;');
    const line = text.split('\r\n')[1]!;
    expect(line).toContain(`;${String(roads[0]!.properties.lengthM).replace('.', ',')};`);
    // With ; between cells, the WKT's commas need no quotes.
    expect(line.startsWith('LINESTRING (')).toBe(true);
    const severe = roads.find((road) => road.properties.condition === 'rusak_berat');
    if (severe) expect(text).toContain(';Rusak berat;');
  });
});
