import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { RumijaDatabase } from './database';
import { createSyntheticRoadNetwork } from '../../../shared/demo/synthetic-network';
import {
  addLayerWithFeatures,
  latestTariffSchedules,
  loadAll,
  redoNext,
  saveTariffSchedule,
  undoLast,
  moveLayer,
  resetDemo,
  seedDemoIfEmpty,
  updateFeatureProperties,
  ValidationError,
} from './feature-store';

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
    expect(db.verno).toBe(4);
    // v4 adds stories; the demo story only comes with the demo layers.
    expect(await db.stories.count()).toBe(0);
    // v3 adds tariff schedules and the example one.
    expect((await db.tariffs.toArray()).map((t) => [t.id, t.version, t.example])).toEqual([
      ['contoh-perda-ntt-1-2024', 1, true],
    ]);
    const feature = await db.features.get('r1');
    expect(feature?.properties).toEqual({ name: 'Jalan survei' });
    expect(feature?.updatedAt).toBe('1970-01-01T00:00:00.000Z');
    expect(await db.layers.get('survey')).toMatchObject({ name: 'Survei 2025' });
    expect(await db.editLog.count()).toBe(0);
    // A database that already holds user data is not seeded with the demo.
    expect(await seedDemoIfEmpty(db)).toBe(false);
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
    expect(await db.features.count()).toBe(features.length);
  });

  it('saves a valid attribute edit with a log entry, and it survives reopening', async () => {
    const name = createDatabaseName();
    const db = openDatabase(name);
    await seedDemoIfEmpty(db);
    await updateFeatureProperties(db, 'demo-bridge-1', { condition: 'sedang', widthM: 7 });
    db.close();
    const reopened = openDatabase(name);
    const bridge = await reopened.features.get('demo-bridge-1');
    expect(bridge?.properties).toMatchObject({ name: 'Jembatan Kapsali', condition: 'sedang', widthM: 7 });
    const log = await reopened.editLog.toArray();
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({
      action: 'edit-properties',
      featureId: 'demo-bridge-1',
      before: { condition: 'rusak_berat' },
      after: { condition: 'sedang' },
    });
  });

  it('refuses an invalid edit and changes nothing', async () => {
    const db = openDatabase();
    await seedDemoIfEmpty(db);
    const before = await db.features.get('demo-bridge-2');
    await expect(updateFeatureProperties(db, 'demo-bridge-2', { lengthM: -5 })).rejects.toBeInstanceOf(ValidationError);
    await expect(updateFeatureProperties(db, 'demo-bridge-2', { condition: 'hancur' })).rejects.toThrow(/condition/);
    expect(await db.features.get('demo-bridge-2')).toEqual(before);
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
    await db.features.put({
      id: 'p1',
      layerId: 'mine',
      geometry: { type: 'Point', coordinates: [123.6, -10.2] },
      properties: { catatan: 'tiang' },
      updatedAt: '2026-01-01T00:00:00.000Z',
    });
    await resetDemo(db);
    expect((await db.features.get('demo-bridge-1'))?.properties.name).toBe('Jembatan Kapsali');
    expect(await db.features.get('p1')).toBeTruthy();
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
    expect(await db.features.where('layerId').equals(layer.id).count()).toBe(500);
    expect(await db.layers.get(layer.id)).toMatchObject({ name: layer.name });
  });

  it('adds nothing when one feature is invalid, and names it', async () => {
    const db = openDatabase();
    const { layer, features } = createSyntheticRoadNetwork(100, 7);
    features[73] = { ...features[73]!, properties: { ...features[73]!.properties, condition: 'hancur' } };
    await expect(addLayerWithFeatures(db, layer, features)).rejects.toThrow(/#73 .*condition/);
    expect(await db.features.count()).toBe(0);
    expect(await db.layers.count()).toBe(0);
  });

  it('adds nothing when the write fails halfway', async () => {
    const db = openDatabase();
    const { layer, features } = createSyntheticRoadNetwork(100, 7);
    features[60] = { ...features[60]!, id: features[10]!.id };
    await expect(addLayerWithFeatures(db, layer, features)).rejects.toThrow();
    expect(await db.features.count()).toBe(0);
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
    expect((await reopened.features.get('demo-bridge-1'))?.properties.condition).toBe('sedang');
    await undoLast(reopened);
    expect((await reopened.features.get('demo-bridge-1'))?.properties.condition).toBe('rusak_berat');
    expect(await undoLast(reopened)).toBeNull();
    await redoNext(reopened);
    expect((await reopened.features.get('demo-bridge-1'))?.properties.condition).toBe('sedang');
    // A new change ends the redo chain.
    await updateFeatureProperties(reopened, 'demo-bridge-2', { widthM: 6 });
    expect(await redoNext(reopened)).toBeNull();
    expect((await reopened.features.get('demo-bridge-1'))?.properties.condition).toBe('sedang');
  });

  it('undoes an import without losing it, and redoes it', async () => {
    const db = openDatabase();
    const { layer, features } = createSyntheticRoadNetwork(50, 3);
    await addLayerWithFeatures(db, layer, features);
    await undoLast(db);
    expect(await db.layers.get(layer.id)).toBeUndefined();
    expect(await db.features.where('layerId').equals(layer.id).count()).toBe(0);
    await redoNext(db);
    expect(await db.layers.get(layer.id)).toMatchObject({ name: layer.name });
    expect(await db.features.where('layerId').equals(layer.id).count()).toBe(50);
  });
});
