import { describe, expect, it, beforeAll } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { writeProject } from './write-project';
import { emptyProjectRecords } from './project-records';
import { sealChecksum } from './project-checksum';
import { readProject, readProjectSummary } from './read-project';
import { projectFixture } from './project-fixture';
import { PROJECT_FORMAT_VERSION, type ProjectContents } from './project-format';
import { writeGeoPackage } from '../io/geopackage';
import { exportDatabase, openDatabaseBytes } from '../io/sqlite';

/**
 * The `.rumija` file read back by GDAL (the oracle for the GeoPackage side) and by Rumija; damaged, truncated,
 * newer and plain files refused with their reason.
 */
const dir = mkdtempSync(join(tmpdir(), 'rumija-project-'));
let contents: ProjectContents;
let bytes: Uint8Array<ArrayBuffer>;
let gpkg: string;

beforeAll(async () => {
  contents = projectFixture();
  bytes = (await writeProject(contents)).bytes;
  gpkg = join(dir, 'proyek.gpkg');
  writeFileSync(gpkg, bytes);
  writeFileSync(join(dir, 'proyek.rumija'), bytes);
});

function ogrinfo(target: string, ...args: string[]) {
  const layers = args.filter((arg) => !arg.startsWith('-'));
  const options = args.filter((arg) => arg.startsWith('-'));
  return spawnSync('ogrinfo', ['-ro', ...options, target, ...layers], { encoding: 'utf8' });
}

function gdalRead(layer: string): FeatureCollection {
  return JSON.parse(
    execFileSync('ogr2ogr', ['-f', 'GeoJSON', '/vsistdout/', gpkg, layer], { encoding: 'utf8', maxBuffer: 1 << 28 }),
  ) as FeatureCollection;
}

/** Rows of an SQL query as GDAL's SQLite dialect returns them. */
function gdalSql(sql: string): Record<string, unknown>[] {
  const out = execFileSync('ogr2ogr', ['-f', 'GeoJSON', '/vsistdout/', gpkg, '-sql', sql], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  return (JSON.parse(out) as FeatureCollection).features.map((feature) => feature.properties!);
}

function offsetsOfBytes(haystack: Uint8Array, needle: Uint8Array): number[] {
  const found: number[] = [];
  for (let i = haystack.indexOf(needle[0]!); i >= 0; i = haystack.indexOf(needle[0]!, i + 1))
    if (needle.every((byte, j) => haystack[i + j] === byte)) found.push(i);
  return found;
}

const withVersion = async (source: Uint8Array, version: string) => {
  const db = await openDatabaseBytes(source);
  db.exec({ sql: `UPDATE rumija_project SET value = ? WHERE key = 'format_version'`, bind: [version] });
  const changed = await exportDatabase(db);
  db.close();
  return changed;
};

describe('the .rumija file as GDAL reads it', () => {
  it('lists every layer with its geometry type and count, without a warning as .gpkg', () => {
    const result = ogrinfo(gpkg);
    expect(result.stderr).toBe('');
    for (const { layer, features } of contents.layers) {
      const summary = ogrinfo(gpkg, '-so', layer.name);
      expect(summary.stderr).toBe('');
      expect(summary.stdout).toContain(`Feature Count: ${features.length}`);
    }
    expect(result.stdout).toMatch(/Ruas jalan \(demo\) \(Line String\)/);
    expect(result.stdout).toMatch(/Koridor \(demo\) \(Multi Line String\)/);
    expect(result.stdout).toMatch(/Tiang PLN Kupang \(impor\) \(Point\)/);
    expect(result.stdout).toMatch(/layer_styles \(None\)/);
    // Rumija's own tables are not GIS layers: GDAL does not list them.
    expect(result.stdout).not.toMatch(/rumija_/);
  });

  it('opens the .rumija name too; GDAL only notes the extension', () => {
    const result = ogrinfo(join(dir, 'proyek.rumija'));
    expect(result.status).toBe(0);
    expect(result.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/has GPKG application_id, but non conformant file extension/),
    ]);
  });

  it('types each column from its values; names SQLite would confuse get another', () => {
    const summary = ogrinfo(gpkg, '-so', 'Tiang PLN Kupang (impor)').stdout;
    const fields = Object.fromEntries([...summary.matchAll(/^(\S+): (\S+) \(\d/gm)].map((m) => [m[1]!, m[2]!]));
    expect(fields).toEqual({
      rumija_id: 'String',
      rumija_updated_at: 'String',
      no_tiang: 'String',
      tinggi_m: 'Real',
      jumlah_kabel: 'Integer64',
      beton: 'Integer(Boolean)',
      pemilik: 'String',
      keterangan: 'String',
      campuran: 'String',
      Nama: 'String',
      nama_2: 'String',
      fid_2: 'Integer64',
      daftar: 'String',
      hanya_satu: 'String',
    });
  });

  it('holds the values GDAL reads as the features had them', () => {
    const read = gdalRead('Tiang PLN Kupang (impor)').features;
    const source = contents.layers.find(({ layer }) => layer.id === 'import-tiang')!.features;
    expect(read).toHaveLength(source.length);
    read.forEach((feature, i) => {
      const p = source[i]!.properties;
      expect(feature.geometry).toEqual(source[i]!.geometry);
      expect(feature.properties).toMatchObject({
        rumija_id: source[i]!.id,
        no_tiang: p.no_tiang,
        tinggi_m: p.tinggi_m,
        jumlah_kabel: p.jumlah_kabel,
        beton: p.beton,
        pemilik: p.pemilik,
        keterangan: p.keterangan ?? null,
        Nama: p.Nama,
        nama_2: p.nama,
        fid_2: p.fid,
      });
    });
  });

  it('keeps one layer_styles row per layer, QML and SLD, used as default', () => {
    const rows = gdalSql('SELECT f_table_name, f_geometry_column, useAsDefault, styleQML, styleSLD FROM layer_styles');
    expect(rows.map((row) => row.f_table_name)).toEqual(contents.layers.map(({ layer }) => layer.name));
    for (const row of rows) {
      expect(row.f_geometry_column).toBe('geom');
      expect(row.useAsDefault).toBe(true);
      expect(String(row.styleQML)).toMatch(/^<!DOCTYPE qgis/);
      expect(String(row.styleSLD)).toMatch(/<StyledLayerDescriptor/);
    }
  });
});

describe('the .rumija file as Rumija reads it', () => {
  it('comes back equal in every layer, feature, property, story, tariff version and setting', async () => {
    const read = await readProject(bytes);
    if (!read.ok) throw new Error(JSON.stringify(read.problem));
    const { formatVersion, checksum, ...back } = read.value;
    expect(formatVersion).toBe(PROJECT_FORMAT_VERSION);
    expect(checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(back).toStrictEqual(contents);
  });

  it('keeps every real, text and odd value to the last digit through the batched writer (over a batch boundary)', async () => {
    const hard = [0.1 + 0.2, 1 / 3, 123.45678901234567, -1e-300, 5e-324, 1.7976931348623157e308, 2 ** 53 - 1];
    const [first] = contents.layers;
    const features = Array.from({ length: 4001 + hard.length }, (_, i) => ({
      ...first!.features[0]!,
      id: `uji-${i}`,
      properties: {
        nilai: hard[i % hard.length]!,
        teks: i % 2 ? '12' : 'ṭèks "kutip" \\ \n baris',
        campur: i % 3 ? { a: [1, null] } : 'teks',
      },
    }));
    const project = { ...contents, layers: [{ layer: first!.layer, features }] };
    const read = await readProject((await writeProject(project)).bytes);
    if (!read.ok) throw new Error(JSON.stringify(read.problem));
    expect(read.value.layers[0]!.features).toStrictEqual(features);
  });

  it('sums up names, counts per layer and table, version and a checksum that holds', async () => {
    const summary = await readProjectSummary(bytes);
    if (!summary.ok) throw new Error(JSON.stringify(summary.problem));
    expect(summary.value.checksumHolds).toBe(true);
    expect(summary.value.layers.map((layer) => layer.features)).toEqual(
      contents.layers.map((layer) => layer.features.length),
    );
    expect(summary.value.tables).toMatchObject({ rumija_stories: 2, rumija_tariffs: 3, layer_styles: 7 });
  });

  it('refuses a truncated file, saying how long it should be', async () => {
    const cut = bytes.slice(0, Math.floor(bytes.length * 0.6));
    const read = await readProject(cut);
    expect(read).toEqual({
      ok: false,
      problem: { code: 'truncated', expectedBytes: bytes.length, actualBytes: cut.length },
    });
  });

  it('refuses a file changed after it was saved (one byte of a coordinate)', async () => {
    const damaged = bytes.slice();
    const coordinate = new Uint8Array(new Float64Array([123.5912345]).buffer);
    const at = offsetsOfBytes(damaged, coordinate);
    expect(at.length).toBeGreaterThan(0);
    // The lowest bit of the longitude: a point moved by less than a nanometre, which SQLite's own check cannot see.
    damaged[at[0]!] = damaged[at[0]!]! ^ 0x01;
    expect(await readProject(damaged)).toEqual({ ok: false, problem: { code: 'checksum-mismatch' } });
    const summary = await readProjectSummary(damaged);
    expect(summary.ok && summary.value.checksumHolds).toBe(false);
  });

  it('names a file from a newer Rumija and its version', async () => {
    const read = await readProject(await withVersion(bytes, String(PROJECT_FORMAT_VERSION + 1)));
    expect(read).toEqual({
      ok: false,
      problem: { code: 'newer-version', version: PROJECT_FORMAT_VERSION + 1, supported: PROJECT_FORMAT_VERSION },
    });
  });

  it('tells a plain GeoPackage from a project, naming its layers', async () => {
    const plain = await writeGeoPackage([{ name: 'jalan', features: contents.layers[1]!.features }]);
    const read = await readProject(plain);
    expect(read).toEqual({ ok: false, problem: { code: 'plain-geopackage', layers: ['jalan'] } });
  });

  it('tells a file that is not SQLite', async () => {
    const text = new TextEncoder().encode('<kml>bukan proyek</kml>'.repeat(10));
    expect(await readProject(new Uint8Array(text))).toEqual({ ok: false, problem: { code: 'not-sqlite' } });
  });

  it('brings an older format up step by step before reading it', async () => {
    // As if this Rumija were at format 3 and format 2 kept the name elsewhere: the step moves it.
    const older = await withVersion(bytes, '2');
    const steps: string[] = [];
    const read = await readProject(older, {
      current: 3,
      migrations: [
        {
          from: 2,
          run: (db) => {
            steps.push('2→3');
            db.exec(`UPDATE rumija_project SET value = 'dipindah' WHERE key = 'name'`);
          },
        },
      ],
    });
    expect(steps).toEqual(['2→3']);
    expect(read.ok && read.value.name).toBe('dipindah');
    const missing = await readProject(older, { current: 4, migrations: [] });
    expect(missing).toMatchObject({ ok: false, problem: { code: 'corrupt', detail: 'no migration from format 2' } });
  });

  it('opens a format 1 file (before the registers were carried) with empty registers', async () => {
    const db = await openDatabaseBytes(bytes);
    db.exec(`DROP TABLE rumija_records; UPDATE rumija_project SET value = '1' WHERE key = 'format_version'`);
    const checksum = String(db.selectValue(`SELECT value FROM rumija_project WHERE key = 'checksum'`));
    const formatOne = await exportDatabase(db);
    db.close();
    // Sealed again, as a format 1 Rumija would have sealed it.
    await sealChecksum(formatOne, checksum);
    const read = await readProject(formatOne);
    if (!read.ok) throw new Error(JSON.stringify(read.problem));
    expect(read.value.formatVersion).toBe(1);
    expect(read.value.records).toEqual(emptyProjectRecords());
    expect(read.value.layers).toHaveLength(contents.layers.length);
  });

  it('carries the retribution cycle and the road programme, each row checked against its model', async () => {
    const read = await readProject(bytes);
    if (!read.ok) throw new Error(JSON.stringify(read.problem));
    const { records } = read.value;
    expect(records.assessments.length).toBeGreaterThan(0);
    expect(records.payments.length).toBeGreaterThan(0);
    expect(records.handlingCatalogues.map(({ catalogue }) => catalogue.version)).toEqual([1, 2]);
    // A payment written with a negative amount (another program, a hand edit) is refused, naming table and row.
    const [payment] = contents.records.payments;
    const written = await writeProject({
      ...contents,
      records: { ...contents.records, payments: [{ ...payment!, amountIdr: -5 }] },
    });
    const bad = await readProject(written.bytes);
    expect(bad).toMatchObject({
      ok: false,
      problem: { code: 'invalid-content', table: 'rumija_records/payments', row: payment!.id },
    });
  });
});
