import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDemoDataset, DEMO_LAYER_IDS } from '#shared/demo/create-demo-dataset';
import { PostgisSession } from '../../electron/main/postgis/postgis-session';
import { createTestDatabase, postgisSkipReason, type TestDatabase } from '../setup/postgis-test-db';
import { openDesktop } from '../setup/team-desktop';

const skip = postgisSkipReason();

/** QGIS, ogr2ogr and psql on the same layer tables as Rumija: stamped and versioned by the server, never silent. */
describe.skipIf(skip !== null)('other clients (psql, ogr2ogr) on a Rumija layer table', () => {
  let db: TestDatabase;
  const layerId = DEMO_LAYER_IDS.roads;
  const roads = createDemoDataset().features.filter((feature) => feature.layerId === layerId);
  /** As a person with psql and their own login (an editor). */
  const psqlAs = (user: keyof TestDatabase['users'], sql: string) => {
    const connection = db.connectionAs(user);
    return spawnSync(
      'psql',
      ['-h', connection.host, '-p', String(connection.port), '-U', connection.user, '-d', connection.database],
      { input: `\\set ON_ERROR_STOP 1\n${sql}\n`, env: { ...process.env, PGPASSWORD: db.password }, encoding: 'utf8' },
    );
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    const admin = await PostgisSession.open(db.connectionAs('admin'), db.password);
    await admin.publishLayer({ table: 'jalan', name: 'Jalan', kind: 'road', demo: true }, roads);
    await admin.close();
  });
  afterAll(async () => db?.drop());

  it('a psql edit is stamped; written over a newer version it is refused; Rumija pulls or conflicts', async () => {
    const [a, b] = [roads[0]!.id, roads[1]!.id];
    const ana = await openDesktop(db, 'editorA', 'jalan', layerId);
    const withEdit = await openDesktop(db, 'editorA', 'jalan', layerId);
    const feature = withEdit.copy.features.get(b)!;
    withEdit.copy.features.set(b, { ...feature, properties: { ...feature.properties, name: 'Rumija menunggu' } });
    // Budi in psql, as scripts do: the plain update, and one that says which version it read.
    const plain = psqlAs('editorB', `UPDATE rumija.jalan SET surface = 'beton' WHERE fid = '${a}';`);
    expect(plain.status, plain.stderr).toBe(0);
    const read = psqlAs('editorB', `UPDATE rumija.jalan SET name = 'Budi', version = 1 WHERE fid = '${b}';`);
    expect(read.status, read.stderr).toBe(0);
    const stamps = await db.superQuery<{ fid: string; version: number; updated_by: string }>(
      'SELECT fid, version, updated_by FROM rumija.jalan WHERE fid = ANY($1) ORDER BY fid = $2 DESC',
      [[a, b], a],
    );
    expect(stamps.rows).toEqual([
      { fid: a, version: 2, updated_by: db.users.editorB },
      { fid: b, version: 2, updated_by: db.users.editorB },
    ]);
    // The same script run again from what it read then (version 1): refused, Budi's change stands.
    const stale = psqlAs('editorB', `UPDATE rumija.jalan SET name = 'Budi basi', version = 1 WHERE fid = '${b}';`);
    expect(stale.status).not.toBe(0);
    expect(stale.stderr).toMatch(/was changed since version 1 \(now 2\)/);
    // Rumija: a desktop with nothing pending takes both; one with a pending edit of b gets a conflict.
    expect(await ana.sync()).toMatchObject({ taken: 2, conflicts: 0 });
    expect(ana.copy.features.get(a)!.properties.surface).toBe('beton');
    expect(await withEdit.sync()).toMatchObject({ conflicts: 1 });
    expect(withEdit.copy.conflicts.get(b)!.theirs).toMatchObject({ version: 2, updatedBy: db.users.editorB });
    await Promise.all([ana.session.close(), withEdit.session.close()]);
  });

  it('ogr2ogr -update -append adds a feature the server stamps; Rumija pulls it', async () => {
    const ana = await openDesktop(db, 'editorA', 'jalan', layerId);
    const folder = mkdtempSync(join(tmpdir(), 'rumija-ogr-'));
    const file = join(folder, 'baru.geojson');
    writeFileSync(
      file,
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { fid: 'ogr-1', name: 'Dari ogr2ogr', condition: 'baik', version: 99 },
            geometry: {
              type: 'LineString',
              coordinates: [
                [123.6, -10.2],
                [123.61, -10.21],
              ],
            },
          },
        ],
      }),
    );
    const connection = db.connectionAs('editorB');
    execFileSync(
      'ogr2ogr',
      [
        '-update',
        '-append',
        '-f',
        'PostgreSQL',
        `PG:host=${connection.host} port=${connection.port} dbname=${connection.database} user=${connection.user}`,
        file,
        '-nln',
        'rumija.jalan',
        '-nlt',
        'PROMOTE_TO_MULTI',
      ],
      { env: { ...process.env, PGPASSWORD: db.password }, stdio: 'pipe' },
    );
    const row = await db.superQuery<{ version: number; updated_by: string; srid: number }>(
      `SELECT version, updated_by, ST_SRID(geom) AS srid FROM rumija.jalan WHERE fid = 'ogr-1'`,
    );
    // Whatever version the file said, the server gives the first one, and who wrote it.
    expect(row.rows[0]).toEqual({ version: 1, updated_by: db.users.editorB, srid: 4326 });
    // And kept in the history, by the server, as an insert by Budi.
    const history = await db.superQuery<{ version: number; operation: string; changed_by: string; name: string }>(
      `SELECT version, operation, changed_by, after->>'name' AS name FROM rumija.feature_history WHERE fid = 'ogr-1'`,
    );
    expect(history.rows).toEqual([
      { version: 1, operation: 'insert', changed_by: db.users.editorB, name: 'Dari ogr2ogr' },
    ]);
    expect(await ana.sync()).toMatchObject({ taken: 1, conflicts: 0 });
    expect(ana.copy.features.get('ogr-1')!.properties.name).toBe('Dari ogr2ogr');
    await ana.session.close();
  });
});

if (skip) it.skip(`PostGIS other clients: ${skip}`, () => undefined);
