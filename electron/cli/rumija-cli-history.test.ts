import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDemoDataset, DEMO_LAYER_IDS } from '#shared/demo/create-demo-dataset';
import { PostgisSession } from '../main/postgis/postgis-session';
import {
  createTestDatabase,
  postgisSkipReason,
  testTlsArguments,
  type TestDatabase,
} from '../../tests/setup/postgis-test-db';
import { runCaptured as run } from './run-captured';

vi.mock('electron', () => ({}));

const skip = postgisSkipReason();

describe('rumija history: usage before any connection', () => {
  it('--help prints the command (exit 0); missing options and a bad --limit are wrong usage (exit 2)', async () => {
    const help = await run(['history', '--help']);
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/rumija history --db postgresql:\/\/user@host:port\/database --table <table> --id/);
    expect((await run(['--help'])).out).toMatch(/rumija history/);
    const url = 'postgresql://ana@127.0.0.1:1/rumija';
    const missing = await run(['history', '--db', url, '--table', 'jalan']);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/^--id wajib\nPemakaian:\n  rumija history/);
    const missingInEnglish = await run(['history', '--db', url, '--table', 'jalan', '--lang', 'en']);
    expect(missingInEnglish.err).toMatch(/^--id is required\nUsage:\n  rumija history/);
    expect(missingInEnglish.err).toContain('the newest\n                  100 unless --limit');
    const limit = await run(['history', '--db', url, '--table', 'jalan', '--id', 'x', '--limit', '0']);
    expect(limit.code).toBe(2);
    expect(limit.err).toMatch(/--limit harus 1\.\.500: 0/);
  });
});

describe.skipIf(skip !== null)('rumija history against the team database', () => {
  let db: TestDatabase;
  let url: string;
  const roads = createDemoDataset()
    .features.filter((feature) => feature.layerId === DEMO_LAYER_IDS.roads)
    .slice(0, 3);
  const id = roads[0]!.id;
  const folder = mkdtempSync(join(tmpdir(), 'rumija-history-'));
  const history = (...extra: string[]) => run(['history', '--db', url, ...testTlsArguments(), ...extra]);

  beforeAll(async () => {
    db = await createTestDatabase();
    const admin = await PostgisSession.open(db.connectionAs('admin'), db.password);
    await admin.publishLayer({ table: 'jalan', name: 'Jalan', kind: 'road', demo: true }, roads);
    await admin.close();
    // Budi renames the road and moves it, in SQL, in one transaction; then Ana syncs a change with the CLI.
    await db.superQuery(`SET ROLE ${db.users.editorB}`);
    await db.superQuery(
      `UPDATE rumija.jalan SET name = 'Jalan Budi', geom = 'SRID=4326;LINESTRING(123.5 -10.25, 123.625 -10.5, 123.75 -10.5)' WHERE fid = $1`,
      [id],
    );
    await db.superQuery('RESET ROLE');
    const viewer = db.connectionAs('viewer');
    url = `postgresql://${viewer.user}@${viewer.host}:${viewer.port}/${viewer.database}`;
    process.env.PGPASSWORD = db.password;
    const editor = db.connectionAs('editorA');
    const project = join(folder, 'jalan.geojson');
    const sync = () =>
      run([
        'sync',
        ...['--db', `postgresql://${editor.user}@${editor.host}:${editor.port}/${editor.database}`],
        ...['--table', 'jalan', '--project', project, ...testTlsArguments()],
      ]);
    expect((await sync()).code).toBe(0);
    const data = JSON.parse(readFileSync(project, 'utf8')) as {
      features: { id: string; properties: Record<string, unknown> }[];
    };
    data.features.find((feature) => feature.id === id)!.properties.surface = 'beton';
    writeFileSync(project, JSON.stringify(data));
    expect((await sync()).code).toBe(0);
  });
  afterAll(async () => {
    delete process.env.PGPASSWORD;
    await db?.drop();
  });

  it('prints each version with who and when, and the changed fields before → after (a viewer may read it)', async () => {
    const result = await history('--table', 'jalan', '--id', id);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    const times = await db.superQuery<{ version: number; at: string }>(
      `SELECT version, to_char(changed_at AT TIME ZONE 'UTC', 'DD/MM/YYYY HH24:MI:SS') || ' UTC' AS at
         FROM rumija.feature_history WHERE fid = $1 ORDER BY version`,
      [id],
    );
    const at = (version: number) => times.rows.find((row) => row.version === version)!.at;
    const lines = result.out.split('\n');
    expect(lines[0]).toBe(`Riwayat: rumija.jalan, fitur ${id} — 3 perubahan, kini v3`);
    const v2 = lines.findIndex((line) => line.startsWith('v2 '));
    const v3 = lines.findIndex((line) => line.startsWith('v3 '));
    expect(lines[1]).toMatch(
      new RegExp(`^v1  tambah  ${db.users.admin}  ${at(1).replace(/\//g, '\\/')}  rumija  xid \\d+$`),
    );
    expect(lines[v2]).toMatch(new RegExp(`^v2  ubah  rumija_test_super \\(sebagai ${db.users.editorB}\\)  ${at(2)}`));
    expect(lines.slice(v2 + 1, v3)).toEqual([
      `      geom: ${roads[0]!.geometry.type}, ${(roads[0]!.geometry as { coordinates: unknown[] }).coordinates.length} titik → LineString, 3 titik`,
      `      name: ${JSON.stringify(roads[0]!.properties.name)} → "Jalan Budi"`,
    ]);
    expect(lines[v3]).toMatch(new RegExp(`^v3  ubah  ${db.users.editorA}  ${at(3)}  rumija  xid \\d+$`));
    expect(lines.slice(v3 + 1)).toEqual([
      `      surface: ${JSON.stringify(roads[0]!.properties.surface ?? null).replace('null', '—')} → "beton"`,
    ]);
  });

  it('words the history in English with --lang en: the newest of the total, operations and vertices', async () => {
    const result = await history('--table', 'jalan', '--id', id, '--limit', '2', '--lang', 'en');
    expect(result.code).toBe(0);
    const lines = result.out.split('\n');
    expect(lines[0]).toBe(`History: rumija.jalan, feature ${id} — 3 changes, now v3`);
    expect(lines[1]).toBe('(newest 2 of 3: --limit for more)');
    expect(lines[2]).toMatch(new RegExp(`^v2  update  rumija_test_super \\(as ${db.users.editorB}\\)  `));
    expect(result.out).toContain('→ LineString, 3 vertices');
  });

  it('--json prints the history as data; --limit keeps the newest', async () => {
    const result = await history('--table', 'jalan', '--id', id, '--json', '--limit', '2');
    expect(result.code).toBe(0);
    const data = JSON.parse(result.out) as {
      total: number;
      entries: { version: number; changedBy: string; after: { properties: Record<string, unknown> } }[];
    };
    expect(data.total).toBe(3);
    expect(data.entries.map((entry) => [entry.version, entry.changedBy, entry.after.properties.surface])).toEqual([
      [2, 'rumija_test_super', roads[0]!.properties.surface ?? null],
      [3, db.users.editorA, 'beton'],
    ]);
  });

  it('an unknown table or id is named (exit 3)', async () => {
    const table = await history('--table', 'jalan_lama', '--id', id);
    expect(table.code).toBe(3);
    expect(table.err).toMatch(/--table jalan_lama: Tidak ada lapisan terbit.*\(jalan_lama; terbit: jalan\)/);
    const feature = await history('--table', 'jalan', '--id', 'R-999');
    expect(feature.code).toBe(3);
    expect(feature.err).toMatch(/--id R-999: Fitur dengan id itu tidak ada.*\(jalan: R-999\)/);
  });
});

// Skipped only outside `npm test`/.ci/run: there RUMIJA_PG_REQUIRED is set and a missing server fails the run instead.
if (skip) it.skip(`PostGIS CLI history: ${skip}`, () => undefined);
