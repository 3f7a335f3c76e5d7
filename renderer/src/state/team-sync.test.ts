import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import Dexie from 'dexie';
import { DEMO_LAYER_IDS } from '#shared/demo/create-demo-dataset';
import { TeamRequestSchema, type TeamRequest } from '#shared/postgis/team-requests';
import type { StoredFeature } from '#shared/model/layer';
import { TeamDatabase } from '../../../electron/main/postgis/team-database';
import { MemoryPasswords } from '../../../electron/main/postgis/keychain-passwords';
import { createTestDatabase, postgisSkipReason, type TestDatabase } from '../../../tests/setup/postgis-test-db';
import { AppStore } from './app-store';
import { RumijaDatabase } from '../persistence/database';

/**
 * The renderer's side of the team database, in Node: two app stores (two desktops, two IndexedDBs) whose host
 * passes team requests, validated as IPC does, to the main process's TeamDatabase on the real test server.
 */
const desktops = new Map<string, TeamDatabase>();
let current = '';
vi.mock('../platform', () => ({
  host: {
    team: (request: TeamRequest) => desktops.get(current)!.handle(TeamRequestSchema.parse(request)),
  },
}));

const skip = postgisSkipReason();

describe.skipIf(skip !== null)('TeamSync (the app store with the team database)', () => {
  let db: TestDatabase;
  const names: string[] = [];
  const stores: AppStore[] = [];
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    for (const store of stores) store.db.close();
    for (const name of names) await Dexie.delete(name);
    for (const team of desktops.values()) await team.close();
    await db?.drop();
  });

  async function openDesktop(name: string, reuse = false) {
    if (!reuse) names.push(name);
    if (!desktops.has(name)) desktops.set(name, new TeamDatabase(new MemoryPasswords()));
    const store = new AppStore(new RumijaDatabase(name));
    stores.push(store);
    await store.load();
    await store.team.load();
    return store;
  }
  /** Runs a call as one desktop (the host's requests go to its connection). */
  const as = <T>(name: string, work: () => Promise<T>) => {
    current = name;
    return work();
  };
  const layerFeatures = (store: AppStore, layerId: string) => store.getSnapshot().featuresByLayer.get(layerId) ?? [];

  it('publishes, opens, syncs a feature made on one desktop and edited on the other without doubling it, and keeps the link across a restart', async () => {
    const a = await openDesktop(`rumija-team-a-${Math.random()}`);
    const nameA = names.at(-1)!;
    await as(nameA, () => a.team.connect(db.connectionAs('admin'), db.password, false));
    await as(nameA, () => a.team.publish(DEMO_LAYER_IDS.bridges, 'jembatan'));
    expect(a.team.getSnapshot().links.get(DEMO_LAYER_IDS.bridges)).toMatchObject({ table: 'jembatan', idPrefix: '' });

    const b = await openDesktop(`rumija-team-b-${Math.random()}`);
    const nameB = names.at(-1)!;
    // A kept password connects without typing it; forgotten, it is asked for again. It is never in IndexedDB.
    await as(nameB, () => b.team.connect(db.connectionAs('editorB'), db.password, true));
    await as(nameB, () => b.team.disconnect());
    await as(nameB, () => b.team.connect(db.connectionAs('editorB'), null, true));
    await as(nameB, () => b.team.forgetPassword(db.connectionAs('editorB')));
    await expect(as(nameB, () => b.team.connect(db.connectionAs('editorB'), null, false))).rejects.toMatchObject({
      failure: 'bad-login',
    });
    expect(JSON.stringify(await b.db.meta.toArray())).not.toContain(db.password);
    await as(nameB, () => b.team.connect(db.connectionAs('editorB'), db.password, false));
    const opened = await as(nameB, () => b.team.open('jembatan'));
    const bridgesA = layerFeatures(a, DEMO_LAYER_IDS.bridges);
    expect(layerFeatures(b, opened.id)).toHaveLength(bridgesA.length);

    // B adds a bridge to the opened layer (its own id, no prefix) and syncs; A takes it in.
    const template = layerFeatures(b, opened.id)[0]!;
    const added: StoredFeature = {
      ...template,
      id: 'jembatan-baru-b',
      properties: { ...template.properties, name: 'Jembatan baru (B)' },
    };
    await b.document.commit('add-features', { ok: true, change: { put: [added] }, ids: [added.id] });
    expect(await as(nameB, () => b.team.sync(opened.id))).toMatchObject({ pushed: 1, conflicts: 0 });
    expect(await as(nameA, () => a.team.sync(DEMO_LAYER_IDS.bridges))).toMatchObject({ taken: 1 });
    expect(a.getSnapshot().featureById.get('jembatan-baru-b')?.properties.name).toBe('Jembatan baru (B)');

    // A renames it; B's sync changes B's feature in place (not a second copy under a prefixed id).
    await a.document.editProperties('jembatan-baru-b', { name: 'Jembatan baru (diperiksa A)' });
    expect(a.team.pendingCount(DEMO_LAYER_IDS.bridges)).toBe(1);
    await as(nameA, () => a.team.sync(DEMO_LAYER_IDS.bridges));
    expect(await as(nameB, () => b.team.sync(opened.id))).toMatchObject({ taken: 1, conflicts: 0 });
    expect(layerFeatures(b, opened.id)).toHaveLength(bridgesA.length + 1);
    expect(b.getSnapshot().featureById.get('jembatan-baru-b')?.properties.name).toBe('Jembatan baru (diperiksa A)');
    expect(b.team.pendingCount(opened.id)).toBe(0);

    // The sync is one undo step: undoing it is a change of B's own, to be sent next time.
    await b.history.undo();
    expect(b.getSnapshot().featureById.get('jembatan-baru-b')?.properties.name).toBe('Jembatan baru (B)');
    expect(b.team.pendingCount(opened.id)).toBe(1);

    // After a restart the link, its base and its horizon are read back.
    b.db.close();
    const again = await openDesktop(nameB, true);
    expect(again.team.getSnapshot().links.get(opened.id)).toMatchObject({ table: 'jembatan' });
    expect(again.team.pendingCount(opened.id)).toBe(1);
  });
});

// Outside `npm test` (which starts the server and sets RUMIJA_PG_REQUIRED, so a missing server fails there) the
// suite is skipped with its reason, shown as a skipped test rather than passing unseen.
if (skip) it.skip(`TeamSync: ${skip}`, () => undefined);
