import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { RumijaDatabase } from './database';
import { STORES_V6 } from './past-schemas';
import { BLOCK_SIZE, countFeatures, encodeBlock, featureOf, writeLayerBlocks } from './feature-blocks';
import { commitRecords, loadRetribution } from './retribution-repository';
import { EXAMPLE_RETRIBUTION_SETTINGS } from '#shared/retribution/retribution-settings';
import { createDemoDataset } from '#shared/demo/create-demo-dataset';
import { createDemoStory } from '#shared/demo/demo-story';
import { EXAMPLE_TARIFF_SCHEDULE } from '#shared/tariff/tariff-schedule';
import type { StoredFeature } from '#shared/model/layer';
import { createSyntheticRoadNetwork } from '#shared/demo/synthetic-network';
import { redoNext, undoLast } from './change-log';
import { loadAll, updateFeatureProperties, moveLayer, addLayerWithFeatures } from './layer-repository';
import { saveTariffSchedule, latestTariffSchedules } from './tariff-repository';
import { seedDemoIfEmpty, resetDemo } from './demo-seed';
import { ValidationError } from './feature-validation';

let counter = 0;
const opened: Dexie[] = [];
function createDatabaseName() {
  counter += 1;
  return `rumija-test-${counter}-${Date.now()}`;
}
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});
function openDatabase(name = createDatabaseName()) {
  const db = new RumijaDatabase(name);
  opened.push(db);
  return db;
}

describe('Rumija database', () => {
  it('opens data written by schema version 1 and upgrades it', async () => {
    const name = createDatabaseName();
    const v1 = new Dexie(name);
    v1.version(1).stores({ layers: 'id, order', features: 'id, layerId' });
    await v1.table('layers').put({
      id: 'survey',
      name: 'Survei 2025',
      kind: 'road',
      order: 0,
      visible: true,
      styleBy: 'status',
      demo: false,
      createdAt: '2025-06-01T00:00:00.000Z',
    });
    await v1.table('features').put({
      id: 'r1',
      layerId: 'survey',
      geometry: {
        type: 'LineString',
        coordinates: [
          [123.6, -10.17],
          [123.61, -10.17],
        ],
      },
      properties: { name: 'Jalan survei' },
    });
    v1.close();

    const db = openDatabase(name);
    await db.open();
    expect(db.verno).toBe(9);
    // v4 adds stories; the demo story only comes with the demo layers.
    expect(await db.stories.count()).toBe(0);
    expect(await db.assessments.count()).toBe(0);
    // v3 adds tariff schedules and the example one.
    expect((await db.tariffs.toArray()).map((t) => [t.id, t.version, t.example])).toEqual([
      ['contoh-perda-ntt-1-2024', 1, true],
    ]);
    const feature = await featureOf(db, 'r1');
    expect(feature?.properties).toEqual({ name: 'Jalan survei' });
    expect(feature?.updatedAt).toBe('1970-01-01T00:00:00.000Z');
    expect(await db.layers.get('survey')).toMatchObject({ name: 'Survei 2025' });
    expect(await db.editLog.count()).toBe(0);
    // A database that already holds user data is not seeded with the demo.
    expect(await seedDemoIfEmpty(db)).toBe(false);
  });

  it('moves a version 4 database into feature blocks, keeping every layer, feature, log entry, story and tariff', async () => {
    const name = createDatabaseName();
    const v4 = new Dexie(name);
    v4.version(4).stores({
      layers: 'id, order',
      features: 'id, layerId, updatedAt',
      editLog: '++seq, at, featureId',
      meta: 'key',
      tariffs: '[id+version], id',
      stories: 'id, updatedAt',
    });
    const at = '2026-03-01T00:00:00.000Z';
    const demo = createDemoDataset(at);
    // More features than one block holds, so the import spans blocks.
    const imported = createSyntheticRoadNetwork(BLOCK_SIZE + 700, 11, 'import-survey');
    const undoneImport = createSyntheticRoadNetwork(30, 12, 'import-undone');
    const withTime = (features: StoredFeature[]) => features.map((feature) => ({ ...feature, updatedAt: at }));
    const editedBridge = demo.features.find((feature) => feature.id === 'demo-bridge-1')!;
    const storedFeatures = withTime([...demo.features, ...imported.features]).map((record) =>
      record.id === editedBridge.id ? { ...record, properties: { ...record.properties, condition: 'baik' } } : record,
    );
    await v4.table('layers').bulkPut([...demo.layers, imported.layer]);
    await v4.table('features').bulkPut(storedFeatures);
    await v4.table('meta').put({ key: 'seeded', value: at });
    await v4.table('stories').put(createDemoStory(demo, at));
    await v4.table('tariffs').bulkPut([
      { ...EXAMPLE_TARIFF_SCHEDULE, savedAt: at },
      { ...EXAMPLE_TARIFF_SCHEDULE, version: 2, savedAt: at },
    ]);
    await v4.table('editLog').bulkAdd([
      { at, action: 'add-layer', featureId: null, layerId: imported.layer.id, before: null, after: { count: 2748 } },
      {
        at,
        action: 'edit-properties',
        featureId: editedBridge.id,
        layerId: 'demo-bridges',
        before: editedBridge.properties,
        after: { ...editedBridge.properties, condition: 'baik' },
      },
      {
        at,
        action: 'add-layer',
        featureId: null,
        layerId: undoneImport.layer.id,
        before: { layer: undoneImport.layer, features: withTime(undoneImport.features) },
        after: { count: 30 },
        status: 'undone',
      },
    ]);
    v4.close();

    const db = openDatabase(name);
    const { layers, features } = await loadAll(db);
    expect(db.verno).toBe(9);
    expect(layers.map((layer) => layer.id).sort()).toEqual([...demo.layers, imported.layer].map((l) => l.id).sort());
    const byId = (list: { id: string }[]) => [...list].sort((a, b) => (a.id < b.id ? -1 : 1));
    const stripped = storedFeatures.map(({ updatedAt: _updatedAt, ...feature }) => feature);
    expect(byId(features)).toEqual(byId(stripped));
    expect(await db.featureBlocks.where('layerId').equals(imported.layer.id).count()).toBe(2);
    expect((await featureOf(db, editedBridge.id))?.updatedAt).toBe(at);
    expect((await db.editLog.toArray()).map((entry) => [entry.action, entry.status ?? 'done'])).toEqual([
      ['add-layer', 'done'],
      ['edit-properties', 'done'],
      ['add-layer', 'undone'],
    ]);
    expect(await db.stories.count()).toBe(1);
    expect((await latestTariffSchedules(db))[0]?.version).toBe(2);
    // v6 adds team links: none until a layer is published or opened from the team database.
    expect(await db.teamLinks.count()).toBe(0);

    // The history still works on the migrated data: redo the import undone before v5, undo the bridge edit.
    expect((await redoNext(db))?.layerId).toBe(undoneImport.layer.id);
    expect(await countFeatures(db, undoneImport.layer.id)).toBe(30);
    expect((await undoLast(db))?.layerId).toBe(undoneImport.layer.id);
    expect((await undoLast(db))?.action).toBe('edit-properties');
    expect((await featureOf(db, editedBridge.id))?.properties.condition).toBe(editedBridge.properties.condition);
    expect((await undoLast(db))?.layerId).toBe(imported.layer.id);
    expect((await loadAll(db)).features.filter((feature) => feature.layerId === imported.layer.id)).toEqual([]);
    expect((await redoNext(db))?.layerId).toBe(imported.layer.id);
    expect((await loadAll(db)).features.filter((feature) => feature.layerId === imported.layer.id)).toHaveLength(
      BLOCK_SIZE + 700,
    );
  });

  it('opens a version 6 database: layers, features, log, tariffs and team links kept; a demo gets the demo cycle', async () => {
    const name = createDatabaseName();
    const v6 = new Dexie(name);
    v6.version(6).stores(STORES_V6);
    const at = '2026-05-01T00:00:00.000Z';
    const demo = createDemoDataset(at);
    const assets = demo.features.filter((feature) => feature.layerId === 'demo-assets');
    const assetLayer = demo.layers.find((layer) => layer.id === 'demo-assets')!;
    await v6.table('layers').put(assetLayer);
    await v6.table('featureBlocks').put(
      encodeBlock(
        'demo-assets',
        0,
        assets.map((f) => ({ ...f, updatedAt: at })),
      ),
    );
    const savedV2 = { ...EXAMPLE_TARIFF_SCHEDULE, version: 2, savedAt: at };
    await v6.table('tariffs').bulkPut([{ ...EXAMPLE_TARIFF_SCHEDULE, savedAt: at }, savedV2]);
    // A v6 log entry has no retribution maps in its states.
    const key = `${savedV2.id}@2`;
    await v6.table('editLog').add({
      at,
      action: 'save-tariff',
      featureId: null,
      layerId: null,
      before: { layers: {}, features: {}, stories: {}, tariffs: { [key]: null } },
      after: { layers: {}, features: {}, stories: {}, tariffs: { [key]: savedV2 } },
    });
    await v6.table('teamLinks').put({ layerId: 'demo-assets', table: 'aset' });
    v6.close();

    const db = openDatabase(name);
    await db.open();
    expect(db.verno).toBe(9);
    expect((await loadAll(db)).features).toHaveLength(assets.length);
    expect(await db.teamLinks.get('demo-assets')).toEqual({ layerId: 'demo-assets', table: 'aset' });
    // The demo asset layer is there, so the demo retribution cycle is added; the office's settings are not.
    expect(
      await Promise.all([db.obligors, db.programmes, db.assessments, db.payments].map((table) => table.count())),
    ).toEqual([5, 1, 10, 3]);
    expect(await db.retributionSettings.count()).toBe(0);
    const register = await loadRetribution(db);
    expect(register.settings).toEqual(EXAMPLE_RETRIBUTION_SETTINGS);
    // The old entry is undone and redone as before, and a retribution change is logged after it.
    expect((await undoLast(db))?.action).toBe('save-tariff');
    expect((await latestTariffSchedules(db))[0]?.version).toBe(1);
    expect((await redoNext(db))?.action).toBe('save-tariff');
    await commitRecords(db, 'save-obligor', {
      obligors: [
        {
          id: 'o1',
          name: 'PT PLN (Persero)',
          type: 'pln',
          npwp: null,
          nib: null,
          address: '',
          contact: '',
          ownerNames: ['PLN'],
          demo: false,
        },
      ],
    });
    expect((await undoLast(db))?.action).toBe('save-obligor');
    expect(await db.obligors.get('o1')).toBeUndefined();
  });

  it('gives a version 3 database that holds the demo its demo story', async () => {
    const name = createDatabaseName();
    const v3 = new Dexie(name);
    v3.version(3).stores({
      layers: 'id, order',
      features: 'id, layerId, updatedAt',
      editLog: '++seq, at, featureId',
      meta: 'key',
      tariffs: '[id+version], id',
    });
    await v3.table('layers').put({
      id: 'demo-roads',
      name: 'Ruas jalan (demo)',
      kind: 'road',
      order: 1,
      visible: true,
      styleBy: 'status',
      demo: true,
      createdAt: '2026-01-21T00:00:00.000Z',
    });
    v3.close();
    const db = openDatabase(name);
    await db.open();
    expect((await db.stories.toArray()).map((story) => [story.id, story.demo, story.slides.length])).toEqual([
      ['demo-story-perbatasan', true, 5],
    ]);
  });

  it('seeds the demo once, in one transaction', async () => {
    const db = openDatabase();
    expect(await seedDemoIfEmpty(db)).toBe(true);
    const { layers, features } = await loadAll(db);
    expect(layers.map((layer) => layer.id)).toEqual(['demo-corridors', 'demo-roads', 'demo-bridges', 'demo-assets']);
    expect(features.filter((f) => f.properties.kind === 'bridge')).toHaveLength(5);
    expect(await seedDemoIfEmpty(db)).toBe(false);
    expect(await countFeatures(db)).toBe(features.length);
  });

  it('saves a valid attribute edit with a log entry, and it survives reopening', async () => {
    const name = createDatabaseName();
    const db = openDatabase(name);
    await seedDemoIfEmpty(db);
    await updateFeatureProperties(db, 'demo-bridge-1', { condition: 'sedang', widthM: 7 });
    db.close();
    const reopened = openDatabase(name);
    const bridge = await featureOf(reopened, 'demo-bridge-1');
    expect(bridge?.properties).toMatchObject({ name: 'Jembatan Kapsali', condition: 'sedang', widthM: 7 });
    const log = await reopened.editLog.toArray();
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({
      action: 'edit-properties',
      featureId: 'demo-bridge-1',
      before: { features: { 'demo-bridge-1': { properties: { condition: 'rusak_berat' } } } },
      after: { features: { 'demo-bridge-1': { properties: { condition: 'sedang', widthM: 7 } } } },
    });
  });

  it('refuses an invalid edit and changes nothing', async () => {
    const db = openDatabase();
    await seedDemoIfEmpty(db);
    const before = await featureOf(db, 'demo-bridge-2');
    await expect(updateFeatureProperties(db, 'demo-bridge-2', { lengthM: -5 })).rejects.toBeInstanceOf(ValidationError);
    await expect(updateFeatureProperties(db, 'demo-bridge-2', { condition: 'hancur' })).rejects.toThrow(/condition/);
    expect(await featureOf(db, 'demo-bridge-2')).toEqual(before);
    expect(await db.editLog.count()).toBe(0);
  });

  it('resets the demo layers but keeps layers the user made', async () => {
    const db = openDatabase();
    await seedDemoIfEmpty(db);
    await updateFeatureProperties(db, 'demo-bridge-1', { name: 'Jembatan Kapsali (diubah)' });
    await db.layers.put({
      id: 'mine',
      name: 'Survei saya',
      kind: 'plain',
      order: 9,
      visible: true,
      styleBy: 'status',
      demo: false,
      createdAt: '2026-01-01T00:00:00.000Z',
    });
    await writeLayerBlocks(db, 'mine', [
      {
        id: 'p1',
        layerId: 'mine',
        geometry: { type: 'Point', coordinates: [123.6, -10.2] },
        properties: { catatan: 'tiang' },
        updatedAt: '2026-01-01T00:00:00.000Z',
      },
    ]);
    // The demo retribution cycle comes with the demo; a demo payment removed comes back, the user's obligor stays.
    expect(await db.assessments.filter((a) => a.demo).count()).toBe(10);
    await db.payments.delete('demo-payment-1');
    const mine = { ...(await db.obligors.get('demo-obligor-pln'))!, id: 'my-obligor', demo: false };
    await db.obligors.put(mine);
    await resetDemo(db);
    expect(await db.payments.get('demo-payment-1')).toBeTruthy();
    expect(await db.obligors.get('my-obligor')).toEqual(mine);
    expect((await featureOf(db, 'demo-bridge-1'))?.properties.name).toBe('Jembatan Kapsali');
    expect(await featureOf(db, 'p1')).toBeTruthy();
    expect(await db.layers.get('mine')).toBeTruthy();
    const log = await db.editLog.toArray();
    expect(log.map((entry) => entry.action)).toEqual(['edit-properties', 'reset-demo']);
  });

  it('reorders layers by swapping with the neighbour', async () => {
    const db = openDatabase();
    await seedDemoIfEmpty(db);
    await moveLayer(db, 'demo-corridors', 'up');
    expect((await loadAll(db)).layers.map((layer) => layer.id)).toEqual([
      'demo-roads',
      'demo-corridors',
      'demo-bridges',
      'demo-assets',
    ]);
    await moveLayer(db, 'demo-assets', 'up');
    expect((await loadAll(db)).layers.map((layer) => layer.id)).toEqual([
      'demo-roads',
      'demo-corridors',
      'demo-bridges',
      'demo-assets',
    ]);
  });
});

describe('adding a layer', () => {
  it('stores all features of a valid layer', async () => {
    const db = openDatabase();
    const { layer, features } = createSyntheticRoadNetwork(500, 7);
    await addLayerWithFeatures(db, layer, features);
    expect(await countFeatures(db, layer.id)).toBe(500);
    expect(await db.layers.get(layer.id)).toMatchObject({ name: layer.name });
  });

  it('adds nothing when one feature is invalid, and names it', async () => {
    const db = openDatabase();
    const { layer, features } = createSyntheticRoadNetwork(100, 7);
    features[73] = { ...features[73]!, properties: { ...features[73]!.properties, condition: 'hancur' } };
    await expect(addLayerWithFeatures(db, layer, features)).rejects.toThrow(/#73 .*condition/);
    expect(await countFeatures(db)).toBe(0);
    expect(await db.layers.count()).toBe(0);
  });

  it('adds nothing when the write fails halfway', async () => {
    const db = openDatabase();
    const { layer, features } = createSyntheticRoadNetwork(100, 7);
    features[60] = { ...features[60]!, id: features[10]!.id };
    await expect(addLayerWithFeatures(db, layer, features)).rejects.toThrow();
    expect(await countFeatures(db)).toBe(0);
    expect(await db.layers.count()).toBe(0);
  });
});

describe('tariff schedules', () => {
  it('starts with the example schedule and saves edits as new versions', async () => {
    const db = openDatabase();
    await db.open();
    const [example] = await latestTariffSchedules(db);
    expect(example).toMatchObject({ version: 1, example: true });
    const edited = {
      ...example!,
      legalReference: 'Pergub NTT (contoh) Lampiran II',
      items: example!.items.map((item) => (item.id === 'tiang' ? { ...item, ratePerYearIdr: 200_000 } : item)),
    };
    const saved = await saveTariffSchedule(db, edited);
    expect(saved.version).toBe(2);
    const [latest] = await latestTariffSchedules(db);
    expect(latest!.items.find((item) => item.id === 'tiang')!.ratePerYearIdr).toBe(200_000);
    expect(await db.tariffs.count()).toBe(2);
  });

  it('refuses an invalid schedule and writes nothing', async () => {
    const db = openDatabase();
    await db.open();
    const [example] = await latestTariffSchedules(db);
    await expect(saveTariffSchedule(db, { ...example!, legalReference: '' })).rejects.toBeInstanceOf(ValidationError);
    await expect(
      saveTariffSchedule(db, { ...example!, items: [{ ...example!.items[0]!, ratePerYearIdr: -1 }] }),
    ).rejects.toThrow(/ratePerYearIdr/);
    expect(await db.tariffs.count()).toBe(1);
  });
});

describe('undo and redo', () => {
  it('steps attribute edits back and forth, across reopening', async () => {
    const name = createDatabaseName();
    const db = openDatabase(name);
    await seedDemoIfEmpty(db);
    await updateFeatureProperties(db, 'demo-bridge-1', { condition: 'sedang' });
    await updateFeatureProperties(db, 'demo-bridge-1', { condition: 'baik' });
    db.close();
    const reopened = openDatabase(name);
    expect((await undoLast(reopened))?.action).toBe('edit-properties');
    expect((await featureOf(reopened, 'demo-bridge-1'))?.properties.condition).toBe('sedang');
    await undoLast(reopened);
    expect((await featureOf(reopened, 'demo-bridge-1'))?.properties.condition).toBe('rusak_berat');
    expect(await undoLast(reopened)).toBeNull();
    await redoNext(reopened);
    expect((await featureOf(reopened, 'demo-bridge-1'))?.properties.condition).toBe('sedang');
    // A new change ends the redo chain.
    await updateFeatureProperties(reopened, 'demo-bridge-2', { widthM: 6 });
    expect(await redoNext(reopened)).toBeNull();
    expect((await featureOf(reopened, 'demo-bridge-1'))?.properties.condition).toBe('sedang');
  });

  it('undoes an import without losing it, and redoes it', async () => {
    const db = openDatabase();
    const { layer, features } = createSyntheticRoadNetwork(50, 3);
    await addLayerWithFeatures(db, layer, features);
    await undoLast(db);
    expect(await db.layers.get(layer.id)).toBeUndefined();
    expect((await loadAll(db)).features.filter((feature) => feature.layerId === layer.id)).toHaveLength(0);
    await redoNext(db);
    expect(await db.layers.get(layer.id)).toMatchObject({ name: layer.name });
    expect(await countFeatures(db, layer.id)).toBe(50);
  });
});
