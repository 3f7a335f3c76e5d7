import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic } from '../atomic-write';
import { KeychainPasswords, type SafeStorageLike } from './keychain-passwords';
import { TeamDatabase } from './team-database';
import { TeamRequestSchema, type TeamReply, type TeamRequest } from '#shared/postgis/team-requests';
import { createDemoDataset, DEMO_LAYER_IDS } from '#shared/demo/create-demo-dataset';
import { createTestDatabase, postgisSkipReason, type TestDatabase } from '../../../tests/setup/postgis-test-db';

/** A stand-in keychain: reversible, and visibly not the plain text. */
const fakeKeychain = (available = true): SafeStorageLike => ({
  isEncryptionAvailable: () => available,
  encryptString: (text) => Buffer.from(`enc:${Buffer.from(text).toString('hex')}`),
  decryptString: (bytes) => Buffer.from(bytes.toString().slice(4), 'hex').toString(),
});

describe('KeychainPasswords', () => {
  it('keeps only what the keychain encrypted, and nothing at all without a keychain', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'rumija-keychain-'));
    const file = join(folder, 'team-logins.json');
    const store = new KeychainPasswords(file, fakeKeychain(), writeFileAtomic);
    expect(await store.set('ana@db:5432/rumija', 'rahasia-sekali')).toBe(true);
    expect(readFileSync(file, 'utf8')).not.toContain('rahasia-sekali');
    expect(await store.get('ana@db:5432/rumija')).toBe('rahasia-sekali');
    await store.forget('ana@db:5432/rumija');
    expect(await store.get('ana@db:5432/rumija')).toBeNull();
    const without = new KeychainPasswords(join(folder, 'other.json'), fakeKeychain(false), writeFileAtomic);
    expect(await without.set('ana@db:5432/rumija', 'x')).toBe(false);
    expect(await without.get('ana@db:5432/rumija')).toBeNull();
  });
});

const skip = postgisSkipReason();

describe.skipIf(skip !== null)('TeamDatabase (the main process side of the host API)', () => {
  let db: TestDatabase;
  let team: TeamDatabase;
  const folder = mkdtempSync(join(tmpdir(), 'rumija-team-'));
  const ask = (request: TeamRequest): Promise<TeamReply> => team.handle(TeamRequestSchema.parse(request));
  beforeAll(async () => {
    db = await createTestDatabase();
    team = new TeamDatabase(new KeychainPasswords(join(folder, 'logins.json'), fakeKeychain(), writeFileAtomic));
  });
  afterAll(async () => {
    await team?.close();
    await db?.drop();
  });

  it('connects with a kept password only after the user chose to keep it', async () => {
    const connection = db.connectionAs('admin');
    expect(await ask({ action: 'connect', connection, password: null, remember: false })).toMatchObject({
      ok: false,
      failure: 'bad-login',
    });
    const first = await ask({ action: 'connect', connection, password: db.password, remember: true });
    expect(first).toMatchObject({ ok: true, value: { role: 'admin', remembered: true, layers: [] } });
    expect(await ask({ action: 'connect', connection, password: null, remember: true })).toMatchObject({ ok: true });
    await ask({ action: 'forget-password', connection });
    expect(await ask({ action: 'connect', connection, password: null, remember: false })).toMatchObject({
      ok: false,
      failure: 'bad-login',
    });
  });

  it('publishes in several calls inside one transaction; a failure on the way leaves no table behind', async () => {
    await ask({ action: 'connect', connection: db.connectionAs('admin'), password: db.password, remember: false });
    const bridges = createDemoDataset().features.filter((feature) => feature.layerId === DEMO_LAYER_IDS.bridges);
    const begin = await ask({
      action: 'publish-begin',
      table: 'jembatan_gagal',
      name: 'Gagal',
      kind: 'bridge',
      demo: true,
    });
    if (!begin.ok) throw new Error(begin.message);
    const job = (begin.value as { job: string }).job;
    // Anything else waits until the publish is over.
    expect(await ask({ action: 'layers' })).toMatchObject({ ok: false, failure: 'server' });
    expect(await ask({ action: 'publish-rows', job, features: bridges.slice(0, 2) })).toMatchObject({
      ok: true,
      value: { done: 2 },
    });
    const broken = { ...bridges[2]!, geometry: { type: 'LineString' as const, coordinates: [[123.6, -10.2]] } };
    expect(await ask({ action: 'publish-rows', job, features: [broken] })).toMatchObject({ ok: false });
    const tables = await db.superQuery(`SELECT to_regclass('rumija.jembatan_gagal') AS t`);
    expect(tables.rows[0]).toEqual({ t: null });

    const again = await ask({ action: 'publish-begin', table: 'jembatan_ok', name: 'OK', kind: 'bridge', demo: true });
    const okJob = (again as { value: { job: string } }).value.job;
    await ask({ action: 'publish-rows', job: okJob, features: bridges });
    expect(await ask({ action: 'publish-commit', job: okJob })).toMatchObject({ ok: true });
    const layers = await ask({ action: 'layers' });
    expect(layers).toMatchObject({ ok: true, value: [{ table: 'jembatan_ok', kind: 'bridge', demo: true }] });
    const page = await ask({ action: 'read', table: 'jembatan_ok', after: null, limit: 3 });
    expect(page).toMatchObject({ ok: true });
    const value = (page as { value: { features: unknown[]; next: string | null; horizon: string | null } }).value;
    expect(value.features).toHaveLength(3);
    expect(value.next).not.toBeNull();
    expect(value.horizon).toMatch(/^\d+$/);
  });

  it('answers a feature history request; a malformed one is refused before it reaches the server', async () => {
    const bridge = createDemoDataset().features.find((feature) => feature.layerId === DEMO_LAYER_IDS.bridges)!;
    const reply = await ask({ action: 'history', table: 'jembatan_ok', id: bridge.id });
    expect(reply).toMatchObject({
      ok: true,
      value: { table: 'jembatan_ok', id: bridge.id, total: 1, currentVersion: 1, entries: [{ version: 1 }] },
    });
    expect(await ask({ action: 'history', table: 'jembatan_ok', id: 'tidak-ada' })).toMatchObject({
      ok: false,
      failure: 'unknown-feature',
      detail: 'jembatan_ok: tidak-ada',
    });
    for (const bad of [
      { action: 'history', table: 'rumija.layers', id: bridge.id },
      { action: 'history', table: 'jembatan_ok', id: '' },
      { action: 'history', table: 'jembatan_ok', id: bridge.id, limit: 501 },
      { action: 'history', table: 'jembatan_ok', id: bridge.id, sql: 'x' },
    ])
      expect(TeamRequestSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
  });
});
