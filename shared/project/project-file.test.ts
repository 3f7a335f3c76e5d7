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
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { projectPhotos } from '../../tests/unit/project-photos';

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
  contents.photos = projectPhotos(contents);
  bytes = (await writeProject(contents)).bytes;
  gpkg = join(dir, 'proyek.gpkg');
  writeFileSync(gpkg, bytes);
  writeFileSync(join(dir, 'proyek.rumija'), bytes);
  // Writing the fixture project took 10–13 s on a loaded 2-core machine: more than vitest's default hook wait.
}, 60_000);

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
    // Rumija's own tables are not GIS layers: GDAL does not list them (only the photos' points and images).
    expect(result.stdout).not.toMatch(/rumija_(?!photo_points \(Point\)|photo_images \(None\))/);
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
    // As if this Rumija were a format newer and the format before kept the name elsewhere: the step moves it.
    const before = PROJECT_FORMAT_VERSION;
    const older = await withVersion(bytes, String(before));
    const steps: string[] = [];
    const read = await readProject(older, {
      current: before + 1,
      migrations: [
        {
          from: before,
          run: (db) => {
            steps.push(`${before}→${before + 1}`);
            db.exec(`UPDATE rumija_project SET value = 'dipindah' WHERE key = 'name'`);
          },
        },
      ],
    });
    expect(steps).toEqual([`${before}→${before + 1}`]);
    expect(read.ok && read.value.name).toBe('dipindah');
    const missing = await readProject(older, { current: before + 2, migrations: [] });
    expect(missing).toMatchObject({
      ok: false,
      problem: { code: 'corrupt', detail: `no migration from format ${before}` },
    });
  });

  it('opens a format 1 file (before the registers were carried) with empty registers', async () => {
    const db = await openDatabaseBytes(bytes);
    db.exec(`DROP TABLE rumija_records; DROP TABLE rumija_photos; DROP TABLE rumija_photo_images;
      UPDATE rumija_project SET value = '1' WHERE key = 'format_version'`);
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

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');
const sqlite3 = (file: string, sql: string) =>
  execFileSync('sqlite3', ['-readonly', file, sql], { encoding: 'utf8' }).trim();

describe('field photos in the project file (format 3)', () => {
  it('come back equal, the embedded images byte-identical, the referenced one marked as not carried', async () => {
    const read = await readProject(bytes);
    if (!read.ok) throw new Error(JSON.stringify(read.problem));
    expect(read.value.formatVersion).toBe(3);
    expect(read.value.photos.map((photo) => photo.record)).toEqual(contents.photos.map((photo) => photo.record));
    for (const [i, photo] of contents.photos.entries()) {
      const back = read.value.photos[i]!;
      if (!photo.images) {
        expect(back.images).toBeNull();
        continue;
      }
      expect(sha256(back.images!.image)).toBe(photo.record.sha256);
      expect(sha256(back.images!.image)).toBe(sha256(photo.images.image));
      expect(sha256(back.images!.thumbnail)).toBe(sha256(photo.images.thumbnail));
    }
  });

  it('are read by sqlite3 itself: rows, BLOB lengths, and an image written out with writefile is the original', () => {
    const file = join(dir, 'proyek.rumija');
    expect(sqlite3(file, 'SELECT count(*) FROM rumija_photos')).toBe('3');
    expect(sqlite3(file, 'SELECT count(*) FROM rumija_photos WHERE image_carried = 0')).toBe('1');
    const lengths = sqlite3(
      file,
      `SELECT photo_id || '|' || role || '|' || length(data) FROM rumija_photo_images ORDER BY id`,
    );
    expect(lengths.split('\n')).toEqual(
      contents.photos.flatMap(({ record, images }) =>
        images
          ? [
              `${record.id}|original|${images.image.byteLength}`,
              `${record.id}|thumbnail|${images.thumbnail.byteLength}`,
            ]
          : [],
      ),
    );
    const [first] = contents.photos;
    const out = join(dir, 'keluar.jpg');
    execFileSync('sqlite3', [
      file,
      `SELECT writefile('${out}', data) FROM rumija_photo_images WHERE photo_id = '${first!.record.id}' AND role = 'original'`,
    ]);
    expect(sha256(readFileSync(out))).toBe(first!.record.sha256);
    expect(sha256(readFileSync(out))).toBe(sha256(first!.images!.image));
  });

  it('are camera points GDAL opens with their attributes, and a media table GDAL lists', () => {
    const result = ogrinfo(gpkg);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/rumija_photo_points \(Point\)/);
    expect(result.stdout).toMatch(/rumija_photo_images/);
    const points = gdalRead('rumija_photo_points');
    // The photo without GPS has no point.
    expect(points.features).toHaveLength(2);
    const [point] = points.features;
    expect(point!.geometry).toEqual({ type: 'Point', coordinates: [123.6079, -10.1712] });
    expect(point!.properties).toMatchObject({
      file_name: 'IMG_0001.jpg',
      direction_deg: 135.5,
      camera_model: 'Galaxy A54',
      taken_at: '2026-01-21T09:30:15',
      image_carried: true,
    });
    expect(points.features[1]!.properties).toMatchObject({ attached_to: 'road', ruas: '001', sta_m: 1250 });
    const [media] = gdalSql(
      `SELECT length(data) AS n FROM rumija_photo_images WHERE role = 'original' ORDER BY id LIMIT 1`,
    );
    expect(media!.n).toBe(contents.photos[0]!.images!.image.byteLength);
  });

  it('are sealed by the checksum: one byte of an image changed is told', async () => {
    const image = contents.photos[1]!.images!.image;
    const [at] = offsetsOfBytes(bytes, image.subarray(image.length - 64));
    expect(at).toBeGreaterThan(0);
    const changed = bytes.slice();
    changed[at! + 10] = changed[at! + 10]! ^ 0xff;
    expect(await readProject(changed)).toEqual({ ok: false, problem: { code: 'checksum-mismatch' } });
  });

  it('a format 2 file (before photos were carried) opens with no photos', async () => {
    const db = await openDatabaseBytes(bytes);
    db.exec(`DROP TABLE rumija_photos; DROP TABLE rumija_photo_images;
      UPDATE rumija_project SET value = '2' WHERE key = 'format_version'`);
    const checksum = String(db.selectValue(`SELECT value FROM rumija_project WHERE key = 'checksum'`));
    const formatTwo = await exportDatabase(db);
    db.close();
    await sealChecksum(formatTwo, checksum);
    const read = await readProject(formatTwo);
    if (!read.ok) throw new Error(JSON.stringify(read.problem));
    expect(read.value.formatVersion).toBe(2);
    expect(read.value.photos).toEqual([]);
    expect(read.value.records.payments).toHaveLength(contents.records.payments.length);
  });

  it('a photo row against its model, or an image that is not its photo, is refused naming table and row', async () => {
    const [point, attached] = contents.photos;
    const badRecord = await writeProject({
      ...contents,
      photos: [{ ...point!, record: { ...point!.record, metadata: { ...point!.record.metadata, directionDeg: 400 } } }],
    });
    expect(await readProject(badRecord.bytes)).toMatchObject({
      ok: false,
      problem: {
        code: 'invalid-content',
        table: 'rumija_photos',
        row: point!.record.id,
        field: 'metadata.directionDeg',
      },
    });
    const swapped = await writeProject({ ...contents, photos: [{ ...point!, images: attached!.images }] });
    expect(await readProject(swapped.bytes)).toMatchObject({
      ok: false,
      problem: { code: 'invalid-content', table: 'rumija_photo_images', row: point!.record.id, field: 'sha256' },
    });
  });

  it("a layer named as one of the file's own tables is saved under another table name and read back", async () => {
    const [first] = contents.layers;
    const named = { ...first!, layer: { ...first!.layer, name: 'rumija_photo_points' } };
    const written = await writeProject({ ...contents, layers: [named] });
    const read = await readProject(written.bytes);
    if (!read.ok) throw new Error(JSON.stringify(read.problem));
    expect(read.value.layers[0]!.layer.name).toBe('rumija_photo_points');
    expect(read.value.layers[0]!.features).toHaveLength(first!.features.length);
    expect(read.value.photos).toHaveLength(contents.photos.length);
  });
});
