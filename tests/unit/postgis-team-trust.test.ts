import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { createDemoDataset, DEMO_LAYER_IDS } from '#shared/demo/create-demo-dataset';
import type { StoredFeature } from '#shared/model/layer';
import { applyToCopy, type LocalCopy } from '#shared/postgis/local-copy';
import { resolveConflict } from '#shared/postgis/sync-plan';
import { PostgisSession } from '../../electron/main/postgis/postgis-session';
import { createTestDatabase, postgisSkipReason, type TestDatabase } from '../setup/postgis-test-db';
import { openDesktop } from '../setup/team-desktop';

const skip = postgisSkipReason();

function edit(copy: LocalCopy, id: string, properties: Record<string, unknown>) {
  const feature = copy.features.get(id)!;
  copy.features.set(id, { ...feature, properties: { ...feature.properties, ...properties } });
}

describe.skipIf(skip !== null)('team database history cannot be forged or lost', () => {
  let db: TestDatabase;
  const table = 'jalan_percaya';
  const layerId = DEMO_LAYER_IDS.roads;
  let roads: StoredFeature[];

  /** A raw SQL connection as one of the test logins: what a user with psql or QGIS can do. */
  async function sqlAs(user: keyof TestDatabase['users']) {
    const connection = db.connectionAs(user);
    const client = new pg.Client({ ...connection, password: db.password, ssl: false });
    await client.connect();
    return client;
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    roads = createDemoDataset().features.filter((feature) => feature.layerId === layerId);
    const admin = await PostgisSession.open(db.connectionAs('admin'), db.password);
    await admin.publishLayer({ table, name: 'Jalan (percaya)', kind: 'road', demo: true }, roads);
    await admin.close();
  });
  afterAll(async () => db?.drop());

  it('an editor cannot write deletion notes by attaching the trigger functions to a table of their own', async () => {
    const victim = roads[0]!.id;
    const other = await openDesktop(db, 'editorB', table, layerId);
    const editor = await sqlAs('editorA');
    // A temporary table named like the layer (every login may make temporary tables), with Rumija's functions on it.
    await editor.query(`CREATE TEMP TABLE ${table} (fid text, version integer)`);
    const attachNote = await editor
      .query(
        `CREATE TRIGGER forged AFTER DELETE ON pg_temp.${table} FOR EACH ROW EXECUTE FUNCTION rumija.note_deletion()`,
      )
      .then(() => null)
      .catch((error: Error) => error.message);
    const attachStamp = await editor
      .query(
        `CREATE TRIGGER forged_stamp BEFORE INSERT ON pg_temp.${table} FOR EACH ROW EXECUTE FUNCTION rumija.stamp_feature()`,
      )
      .then(() => null)
      .catch((error: Error) => error.message);
    // Whatever was attached, the forgery is tried: a note that the victim was deleted.
    await editor.query(`INSERT INTO pg_temp.${table} VALUES ($1, 7)`, [victim]).catch(() => undefined);
    await editor.query(`DELETE FROM pg_temp.${table}`).catch(() => undefined);
    const called = await editor
      .query('SELECT rumija.note_deletion()')
      .then(() => null)
      .catch((error: Error) => error.message);
    const written = await editor
      .query(`INSERT INTO rumija.deleted_features VALUES ($1, $2, 99, pg_current_xact_id(), 'x', now())`, [
        table,
        victim,
      ])
      .then(() => null)
      .catch((error: Error) => error.message);
    await editor.end();
    expect(attachNote).toMatch(/permission denied/);
    expect(attachStamp).toMatch(/permission denied/);
    expect(called).not.toBeNull();
    expect(written).toMatch(/permission denied/);
    const notes = await db.superQuery('SELECT * FROM rumija.deleted_features WHERE fid = $1', [victim]);
    expect(notes.rows).toEqual([]);
    // The colleague's next sync keeps the feature the server still has.
    await other.sync();
    expect(other.copy.features.has(victim)).toBe(true);
    await other.session.close();
  });

  it('even a login allowed to attach them (an admin) gets nothing from a table Rumija did not register', async () => {
    const victim = roads[1]!.id;
    const admin = await sqlAs('admin');
    await admin.query(`CREATE TEMP TABLE ${table} (fid text, version integer)`);
    await admin.query(
      `CREATE TRIGGER forged AFTER DELETE ON pg_temp.${table} FOR EACH ROW EXECUTE FUNCTION rumija.note_deletion()`,
    );
    await admin.query(`INSERT INTO pg_temp.${table} VALUES ($1, 7)`, [victim]);
    const refused = await admin
      .query(`DELETE FROM pg_temp.${table}`)
      .then(() => null)
      .catch((error: Error) => error.message);
    await admin.end();
    expect(refused).toMatch(/not a registered Rumija layer table|bukan tabel lapisan/);
    const notes = await db.superQuery('SELECT * FROM rumija.deleted_features WHERE fid = $1', [victim]);
    expect(notes.rows).toEqual([]);
  });

  it('a version never goes back for an id: after a delete and a re-insert a stale edit is a conflict', async () => {
    const id = roads[2]!.id;
    const ana = await openDesktop(db, 'editorA', table, layerId);
    const budi = await openDesktop(db, 'editorB', table, layerId);
    const citra = await openDesktop(db, 'editorA', table, layerId);
    // Ana deletes; Budi edited the same feature, gets a conflict and keeps his (a re-insert).
    ana.copy.features.delete(id);
    edit(budi.copy, id, { name: 'Budi menyimpan' });
    await ana.sync();
    expect((await budi.sync()).conflicts).toBe(1);
    applyToCopy(budi.copy, resolveConflict(layerId, budi.copy.conflicts.get(id)!, { take: 'mine' }), null);
    budi.copy.conflicts.delete(id);
    expect(await budi.sync()).toMatchObject({ pushed: 1, conflicts: 0 });
    const row = await db.superQuery<{ version: number; name: string }>(
      `SELECT version, name FROM rumija.${table} WHERE fid = $1`,
      [id],
    );
    // Published at 1, deleted as 2, written again as 3.
    expect(row.rows[0]).toEqual({ version: 3, name: 'Budi menyimpan' });
    // Citra's desktop still holds version 1 and changes it: the server must not take it over Budi's.
    edit(citra.copy, id, { name: 'Citra basi' });
    expect((await citra.sync()).conflicts).toBe(1);
    expect(citra.copy.conflicts.get(id)!.theirs).toMatchObject({ version: 3, updatedBy: db.users.editorB });
    const after = await db.superQuery<{ name: string }>(`SELECT name FROM rumija.${table} WHERE fid = $1`, [id]);
    expect(after.rows[0]!.name).toBe('Budi menyimpan');
    // Deleted once more, the note continues from there.
    await db.superQuery(`DELETE FROM rumija.${table} WHERE fid = $1`, [id]);
    const note = await db.superQuery<{ version: number }>(
      'SELECT version FROM rumija.deleted_features WHERE table_name = $1 AND fid = $2',
      [table, id],
    );
    expect(note.rows[0]!.version).toBe(4);
    await Promise.all([ana.session.close(), budi.session.close(), citra.session.close()]);
  });
});

if (skip) it.skip(`PostGIS team trust: ${skip}`, () => undefined);
