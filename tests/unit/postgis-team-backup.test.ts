import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createDemoDataset, DEMO_LAYER_IDS } from '#shared/demo/create-demo-dataset';
import { PostgisSession } from '../../electron/main/postgis/postgis-session';
import {
  createTestDatabase,
  postgisServer,
  postgisSkipReason,
  SETUP_SQL,
  type TestDatabase,
} from '../setup/postgis-test-db';
import { openDesktop } from '../setup/team-desktop';

const skip = postgisSkipReason();

/** The README's backup and restore, as an admin would type it: pg_dump of schema rumija, pg_restore, the script. */
describe.skipIf(skip !== null)('backup and restore of the team data with pg_dump / pg_restore', () => {
  let db: TestDatabase;
  const restored = `rumija_pulih_${process.pid}`;
  const server = postgisServer()!;
  const environment = { ...process.env, PGPASSWORD: server.password, PGHOST: server.host, PGPORT: String(server.port) };
  const superArgs = ['-U', server.superuser];
  const layerId = DEMO_LAYER_IDS.roads;
  const roads = createDemoDataset().features.filter((feature) => feature.layerId === layerId);

  beforeAll(async () => {
    db = await createTestDatabase();
    const admin = await PostgisSession.open(db.connectionAs('admin'), db.password);
    await admin.publishLayer({ table: 'jalan', name: 'Jalan', kind: 'road', demo: true }, roads);
    await admin.close();
    // A history worth keeping: an edit (version 2) and a deletion note.
    const ana = await openDesktop(db, 'editorA', 'jalan', layerId);
    const [first, second] = roads;
    ana.copy.features.set(first!.id, { ...first!, properties: { ...first!.properties, name: 'Sebelum cadangan' } });
    ana.copy.features.delete(second!.id);
    await ana.sync();
    await ana.session.close();
  });
  afterAll(async () => {
    execFileSync('dropdb', [...superArgs, '--if-exists', '--force', restored], { env: environment });
    await db?.drop();
  });

  it('restores layers, versions, deletion notes and the rights; the restored database syncs on', async () => {
    const dump = join(mkdtempSync(join(tmpdir(), 'rumija-dump-')), 'rumija.dump');
    execFileSync('pg_dump', [...superArgs, '-d', db.name, '-n', 'rumija', '-Fc', '-f', dump], { env: environment });
    execFileSync('createdb', [...superArgs, restored], { env: environment });
    execFileSync('psql', [...superArgs, '-d', restored, '-qc', 'CREATE EXTENSION postgis'], { env: environment });
    execFileSync('pg_restore', [...superArgs, '-d', restored, '--exit-on-error', dump], { env: environment });
    const client = new pg.Client({
      host: server.host,
      port: server.port,
      user: server.superuser,
      password: server.password,
      database: restored,
    });
    await client.connect();
    await client.query(SETUP_SQL);
    const rows = await client.query<{ n: string; edited: number }>(
      `SELECT count(*)::text AS n, max(version) FILTER (WHERE name = 'Sebelum cadangan') AS edited FROM rumija.jalan`,
    );
    expect(rows.rows[0]).toEqual({ n: String(roads.length - 1), edited: 2 });
    const notes = await client.query('SELECT fid, version FROM rumija.deleted_features');
    expect(notes.rows).toEqual([{ fid: roads[1]!.id, version: 2 }]);
    await client.end();

    // The same logins (roles belong to the cluster) work on the restored copy: a desktop syncs, the viewer may not.
    const restoredDb = {
      ...db,
      connectionAs: (user: keyof TestDatabase['users']) => ({ ...db.connectionAs(user), database: restored }),
    };
    const budi = await openDesktop(restoredDb, 'editorB', 'jalan', layerId);
    const third = roads[2]!;
    budi.copy.features.set(third.id, { ...third, properties: { ...third.properties, name: 'Setelah pulih' } });
    expect(await budi.sync()).toMatchObject({ pushed: 1, conflicts: 0 });
    expect(budi.copy.base.get(third.id)!.version).toBe(2);
    await budi.session.close();
    const viewer = await openDesktop(restoredDb, 'viewer', 'jalan', layerId);
    viewer.copy.features.delete(third.id);
    expect(((await viewer.sync().catch((error: unknown) => error)) as { failure: string }).failure).toBe('no-rights');
    await viewer.session.close();
  });
});

if (skip) it.skip(`PostGIS backup: ${skip}`, () => undefined);
