import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDemoDataset, DEMO_LAYER_IDS } from '#shared/demo/create-demo-dataset';
import { createDemoUtilities } from '#shared/demo/synthetic-utilities';
import { PostgisSession } from '../main/postgis/postgis-session';
import {
  createTestDatabase,
  postgisSkipReason,
  testTlsArguments,
  type TestDatabase,
} from '../../tests/setup/postgis-test-db';
import { runCaptured } from './run-captured';

vi.mock('electron', () => ({}));

const skip = postgisSkipReason();

describe.skipIf(skip !== null)('rumija sync and rumija analyze against the team database', () => {
  let db: TestDatabase;
  const folder = mkdtempSync(join(tmpdir(), 'rumija-cli-sync-'));
  const project = join(folder, 'jalan.geojson');
  let url: string;
  const demo = createDemoDataset();
  const roads = demo.features.filter((feature) => feature.layerId === DEMO_LAYER_IDS.roads);

  beforeAll(async () => {
    db = await createTestDatabase();
    const admin = await PostgisSession.open(db.connectionAs('admin'), db.password);
    await admin.publishLayer({ table: 'jalan', name: 'Jalan', kind: 'road', demo: true }, roads);
    const corridorRoads = roads.filter((road) =>
      ['P-601', 'P-602', 'P-603'].includes(String(road.properties.ruasNumber)),
    );
    const assets = createDemoUtilities(corridorRoads).features;
    await admin.publishLayer({ table: 'aset', name: 'Aset', kind: 'asset', demo: true }, assets);
    await admin.close();
    const connection = db.connectionAs('editorA');
    url = `postgresql://${connection.user}@${connection.host}:${connection.port}/${connection.database}`;
    process.env.PGPASSWORD = db.password;
  });
  afterAll(async () => {
    delete process.env.PGPASSWORD;
    await db?.drop();
  });

  const run = (argv: string[]) => runCaptured(argv.includes('--db') ? [...argv, ...testTlsArguments()] : argv);
  const readProject = () =>
    JSON.parse(readFileSync(project, 'utf8')) as {
      features: { id: string; properties: Record<string, unknown>; geometry: unknown }[];
    };
  const writeProject = (data: unknown) => writeFileSync(project, JSON.stringify(data));

  it('clones a table into a GeoJSON project, pushes the file’s edits and pulls the team’s', async () => {
    const clone = await run(['sync', '--db', url, '--table', 'jalan', '--project', project]);
    expect(clone.code).toBe(0);
    expect(clone.out).toBe(`Diklon: ${roads.length} fitur dari jalan`);
    const cloned = readProject();
    expect(cloned.features).toHaveLength(roads.length);

    // Edited as a script or QGIS would: one property changed, one feature added without an id, one deleted.
    cloned.features[0]!.properties.condition = 'rusak_berat';
    const added = {
      type: 'Feature',
      id: undefined as string | undefined,
      geometry: {
        type: 'LineString',
        coordinates: [
          [121.1, -8.6],
          [121.11, -8.61],
        ],
      },
      properties: { ...cloned.features[1]!.properties, name: 'Ruas baru CLI' },
    };
    delete added.id;
    const deleted = cloned.features.pop()!;
    writeProject({ ...cloned, features: [...cloned.features, added] });
    const push = await run(['sync', '--db', url, '--table', 'jalan', '--project', project]);
    expect(push.code).toBe(0);
    expect(push.out).toMatch(/Dikirim: 2 diubah\/baru, 1 dihapus · diterima: 0 · konflik: 0/);
    const server = await db.superQuery<{ fid: string; condition: string; version: number }>(
      `SELECT fid, condition, version FROM rumija.jalan WHERE fid = $1 OR name = 'Ruas baru CLI' OR fid = $2`,
      [cloned.features[0]!.id, deleted.id],
    );
    expect(server.rows.map((row) => row.condition ?? row.fid).sort()).toContain('rusak_berat');
    expect(server.rows.some((row) => row.fid === deleted.id)).toBe(false);
    expect(readProject().features.every((feature) => typeof feature.id === 'string')).toBe(true);

    // Another desktop changes a road; the next sync brings it into the file.
    await db.superQuery(`UPDATE rumija.jalan SET surface = 'beton' WHERE fid = $1`, [cloned.features[2]!.id]);
    const pull = await run(['sync', '--db', url, '--table', 'jalan', '--project', project, '--lang', 'en']);
    expect(pull.out).toMatch(/^Pushed: 0 changed\/new, 0 deleted · pulled: 1 · conflicts: 0$/);
    expect(readProject().features.find((feature) => feature.id === cloned.features[2]!.id)!.properties.surface).toBe(
      'beton',
    );
  });

  it('a conflict waits in the sync file (exit 5) until --take decides it', async () => {
    const current = readProject();
    const target = current.features[3]!;
    target.properties.name = 'Nama dari CLI';
    writeProject(current);
    await db.superQuery(`UPDATE rumija.jalan SET name = 'Nama dari kantor' WHERE fid = $1`, [target.id]);
    const conflicted = await run(['sync', '--db', url, '--table', 'jalan', '--project', project]);
    expect(conflicted.code).toBe(5);
    expect(conflicted.err).toContain(`  KONFLIK ${target.id}: diubah oleh `);
    expect(conflicted.err).toContain('  → rumija sync … --take mine|theirs, atau per fitur --take <id>=mine|theirs');
    expect(readFileSync(`${project}.sync.json`, 'utf8')).toContain('Nama dari kantor');
    // The file keeps the local value while the conflict waits.
    expect(readProject().features.find((feature) => feature.id === target.id)!.properties.name).toBe('Nama dari CLI');

    const decided = await run(['sync', '--db', url, '--table', 'jalan', '--project', project, '--take', 'mine']);
    expect(decided.code).toBe(0);
    const server = await db.superQuery<{ name: string }>(`SELECT name FROM rumija.jalan WHERE fid = $1`, [target.id]);
    expect(server.rows[0]!.name).toBe('Nama dari CLI');
  });

  it('refuses a project file with repeated ids, changing nothing', async () => {
    const current = readProject();
    const before = readFileSync(project, 'utf8');
    writeProject({ ...current, features: [...current.features, current.features[0]] });
    const refused = await run(['sync', '--db', url, '--table', 'jalan', '--project', project]);
    expect(refused.code).toBe(3);
    expect(refused.err).toMatch(/jalan\.geojson, fitur \d+: id .* berulang$/);
    const inEnglish = await run(['sync', '--db', url, '--table', 'jalan', '--project', project, '--lang', 'en']);
    expect(inEnglish.err).toMatch(/jalan\.geojson, feature \d+: repeated id /);
    writeFileSync(project, before);
  });

  it('analyze reads roads and assets from PostGIS tables and gives the report the files give', async () => {
    const fromTables = join(folder, 'report-tables.csv');
    const analyzeTables = (db: string) =>
      run(['analyze', '--db', db, '--roads', 'postgis:jalan', '--assets', 'postgis:aset', '--out', fromTables]);
    const tables = await analyzeTables(url);
    expect(tables.code).toBe(0);
    const assetsFile = join(folder, 'aset.geojson');
    const assets = (await (await PostgisSession.open(db.connectionAs('viewer'), db.password)).readLayer('aset'))
      .features;
    writeFileSync(
      assetsFile,
      JSON.stringify({
        type: 'FeatureCollection',
        features: assets.map((asset) => ({
          type: 'Feature',
          id: asset.id,
          geometry: asset.geometry,
          properties: asset.properties,
        })),
      }),
    );
    const fromFiles = join(folder, 'report-files.csv');
    const files = await run(['analyze', '--roads', project, '--assets', assetsFile, '--out', fromFiles]);
    expect(files.code).toBe(0);
    const sorted = (path: string) => readFileSync(path, 'utf8').split('\n').sort().join('\n');
    expect(sorted(fromTables)).toBe(sorted(fromFiles));
    expect(tables.out).toMatch(/aset: \d+ · di dalam RUMIJA: [1-9]/);

    const noDb = await run(['analyze', '--roads', 'postgis:jalan', '--assets', 'postgis:aset', '--out', fromTables]);
    expect(noDb.code).toBe(2);
    const wrong = await analyzeTables(url.replace(/\/[^/]+$/, '/tidak_ada'));
    expect(wrong.code).toBe(6);
    expect(wrong.err).toContain('tidak ada di server');
  });
});
