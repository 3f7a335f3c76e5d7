import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSyntheticRoadNetwork } from '#shared/demo/synthetic-network';
import { copyOfServerLayer, syncCopy, type LocalCopy } from '#shared/postgis/local-copy';
import type { SyncServer } from '#shared/postgis/sync-layer';
import { PostgisError } from '#shared/postgis/postgis-errors';
import { PostgisSession, type SessionTimeouts } from '../../electron/main/postgis/postgis-session';
import { createTestDatabase, postgisSkipReason, type TestDatabase } from '../setup/postgis-test-db';
import { startStallingProxy } from '../setup/stalling-proxy';
import { wordProblem } from '../../shared/messages/word-problem';

const skip = postgisSkipReason();

/** Short enough for a test; the defaults (DEFAULT_TIMEOUTS) are minutes. The server gives up before the client. */
const TIMEOUTS: Partial<SessionTimeouts> = {
  connectMs: 3000,
  statementMs: 2000,
  lockMs: 2000,
  idleInTransactionMs: 1500,
  answerMs: 3000,
};

function editAll(copy: LocalCopy) {
  for (const [id, feature] of copy.features)
    copy.features.set(id, { ...feature, properties: { ...feature.properties, name: `Diperbaiki ${id}` } });
}

describe.skipIf(skip !== null)('a silent network: every wait on the team database is bounded', () => {
  let db: TestDatabase;
  let proxy: Awaited<ReturnType<typeof startStallingProxy>>;
  const table = 'jalan_sunyi';

  beforeAll(async () => {
    db = await createTestDatabase();
    const network = createSyntheticRoadNetwork(2500, 11, 'silent-layer');
    const admin = await PostgisSession.open(db.connectionAs('admin'), db.password);
    await admin.publishLayer({ table, name: 'Sunyi', kind: 'road', demo: false }, network.features);
    await admin.close();
    proxy = await startStallingProxy({ host: db.connectionAs('admin').host, port: db.connectionAs('admin').port });
  });
  afterAll(async () => {
    await proxy?.close();
    await db?.drop();
  });

  it('the network goes silent mid-push: a message within the timeout, no lock left, and the retry works', async () => {
    const throughProxy = { ...db.connectionAs('editorA'), port: proxy.port };
    const ana = await PostgisSession.open(throughProxy, db.password, TIMEOUTS);
    const read = await ana.readLayer(table);
    const copy = copyOfServerLayer('silent-layer', table, read.kind, read.features, read.horizon);
    editAll(copy);
    const lockedId = [...copy.features.keys()][0]!;
    const pid = await ana.backendPid();
    let cutAt = Number.NaN;
    const silent: SyncServer = {
      changesSince: (...args) => ana.changesSince(...args),
      push: (name, kind, changes) =>
        ana.push(name, kind, changes, {
          afterBatch: async (done) => {
            // 1 000 rows updated and locked on the server; then the cable is cut, silently.
            if (done === 1000) {
              proxy.stall();
              cutAt = performance.now();
            }
          },
        }),
    };
    const baseBefore = new Map(copy.base);
    const failed = await syncCopy(silent, copy).catch((error: unknown) => error);
    // From the cut to the message: the answer timeout (3 s), and not minutes (a generous margin for a busy machine).
    const waited = performance.now() - cutAt;
    expect(failed).toBeInstanceOf(PostgisError);
    expect((failed as PostgisError).failure).toBe('timeout');
    expect(wordProblem((failed as PostgisError).problem, 'id')).toMatch(/coba lagi/);
    expect(wordProblem((failed as PostgisError).problem, 'en')).toMatch(/try again/);
    expect(waited).toBeGreaterThanOrEqual(2900);
    expect(waited).toBeLessThan(3000 + 5000);
    expect(copy.base).toEqual(baseBefore);
    // The session is given up: a further call fails at once instead of waiting again.
    const again = performance.now();
    expect(((await ana.backendPid().catch((error: unknown) => error)) as PostgisError).failure).toBe('timeout');
    expect(performance.now() - again).toBeLessThan(100);

    // The server ends the silent transaction itself (idle in transaction) and frees its rows.
    let alive = true;
    for (let tries = 0; alive && tries < 50; tries++) {
      const { rows } = await db.superQuery('SELECT 1 FROM pg_stat_activity WHERE pid = $1', [pid]);
      alive = rows.length > 0;
      if (alive) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(alive).toBe(false);
    const locks = await db.superQuery(
      `SELECT 1 FROM pg_locks WHERE relation = $1::regclass AND mode = 'RowExclusiveLock'`,
      [`rumija.${table}`],
    );
    expect(locks.rows).toEqual([]);
    const changed = await db.superQuery<{ n: string }>(
      `SELECT count(*)::text AS n FROM rumija.${table} WHERE version > 1`,
    );
    expect(changed.rows[0]!.n).toBe('0');
    // A colleague writes a row the silent push had locked, without waiting.
    const budi = await PostgisSession.open(db.connectionAs('editorB'), db.password, TIMEOUTS);
    const budiRead = await budi.readLayer(table);
    const budiCopy = copyOfServerLayer('silent-layer', table, budiRead.kind, budiRead.features, budiRead.horizon);
    const locked = budiCopy.features.get(lockedId)!;
    budiCopy.features.set(lockedId, { ...locked, properties: { ...locked.properties, name: 'Budi dulu' } });
    expect(await syncCopy(budi, budiCopy)).toMatchObject({ pushed: 1, conflicts: 0 });
    await budi.close();

    // The network is back: Ana's retry sends everything, and Budi's row is a conflict, not overwritten.
    proxy.resume();
    const retry = await PostgisSession.open(throughProxy, db.password, TIMEOUTS);
    expect(await syncCopy(retry, copy)).toMatchObject({ pushed: 2499, conflicts: 1 });
    expect(copy.conflicts.get(lockedId)!.theirs).toMatchObject({ version: 2, updatedBy: db.users.editorB });
    await retry.close();
  });

  it('the network goes silent as COMMIT is sent: the message does not claim that nothing changed', async () => {
    const throughProxy = { ...db.connectionAs('editorB'), port: proxy.port };
    const budi = await PostgisSession.open(throughProxy, db.password, TIMEOUTS);
    const read = await budi.readLayer(table);
    const copy = copyOfServerLayer('silent-layer', table, read.kind, read.features, read.horizon);
    const id = [...copy.features.keys()][7]!;
    const feature = copy.features.get(id)!;
    copy.features.set(id, { ...feature, properties: { ...feature.properties, name: 'Sebelum COMMIT' } });
    const failed = await syncCopy(
      {
        changesSince: (...args) => budi.changesSince(...args),
        // The last batch is written; the cable is cut before COMMIT goes out.
        push: (name, kind, changes) => budi.push(name, kind, changes, { afterBatch: async () => proxy.stall() }),
      },
      copy,
    ).catch((error: unknown) => error);
    proxy.resume();
    expect((failed as PostgisError).failure).toBe('commit-unknown');
    expect(wordProblem((failed as PostgisError).problem, 'id')).toMatch(/mungkin sudah menyimpan/);
    expect(wordProblem((failed as PostgisError).problem, 'en')).toMatch(/may have saved/);
    expect(wordProblem((failed as PostgisError).problem, 'en')).not.toMatch(/nothing changed/);
    // Whatever the server did, the next sync settles it without a conflict.
    const again = await PostgisSession.open(db.connectionAs('editorB'), db.password, TIMEOUTS);
    expect(await syncCopy(again, copy)).toMatchObject({ conflicts: 0 });
    const row = await db.superQuery<{ name: string }>(`SELECT name FROM rumija.${table} WHERE fid = $1`, [id]);
    expect(row.rows[0]!.name).toBe('Sebelum COMMIT');
    await again.close();
  });

  it('a connection attempt into silence ends within the connect timeout', async () => {
    proxy.stall();
    const started = performance.now();
    const failed = await PostgisSession.open({ ...db.connectionAs('editorA'), port: proxy.port }, db.password, {
      ...TIMEOUTS,
      connectMs: 1500,
    }).catch((error: unknown) => error);
    expect(performance.now() - started).toBeLessThan(1500 + 5000);
    expect((failed as PostgisError).failure).toMatch(/unreachable|timeout/);
    proxy.resume();
  });

  it('the server side: a Rumija database rolls back a silent transaction and bounds lock waits for any client', async () => {
    const settings = await db.superQuery<{ setconfig: string[] }>(
      `SELECT setconfig FROM pg_db_role_setting WHERE setdatabase = (SELECT oid FROM pg_database WHERE datname = $1)
          AND setrole = 0`,
      [db.name],
    );
    expect(settings.rows[0]!.setconfig).toEqual(
      expect.arrayContaining(['idle_in_transaction_session_timeout=2min', 'lock_timeout=15s']),
    );
  });
});

if (skip) it.skip(`PostGIS network: ${skip}`, () => undefined);
