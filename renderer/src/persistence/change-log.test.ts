import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { RumijaDatabase } from './database';
import { featureOf, readLayerFeatures } from './feature-blocks';
import { commitChange, emptyState, MAX_LOG_ENTRIES, redoNext, undoLast } from './change-log';
import { addLayerWithFeatures, loadAll, updateFeatureProperties, moveLayer } from './layer-repository';
import { saveTariffSchedule, latestTariffSchedules } from './tariff-repository';
import { seedDemoIfEmpty, resetDemo } from './demo-seed';
import { ValidationError } from './feature-validation';
import { addDrawnFeature, splitFeature } from '#shared/edit/feature-edits';
import { ProblemError } from '#shared/messages/problem';
import { createSyntheticRoadNetwork } from '#shared/demo/synthetic-network';
import { EXAMPLE_TARIFF_SCHEDULE } from '#shared/tariff/tariff-schedule';
import { DEMO_STORY_ID } from '#shared/demo/demo-story';

const opened: Dexie[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});
async function openSeeded(name = `rumija-change-${Math.random()}`) {
  const db = new RumijaDatabase(name);
  opened.push(db);
  await seedDemoIfEmpty(db);
  return db;
}
const at = '2026-11-23T00:00:00.000Z';
const roadProperties = {
  ruasNumber: '900',
  name: 'Jalan uji',
  status: 'kabupaten',
  functionClass: null,
  roadClass: null,
  rumijaWidthM: null,
  carriagewayWidthM: null,
  condition: null,
  surface: null,
  regencyCode: null,
  proposedStatus: null,
  borderRoute: false,
};
const line = {
  type: 'LineString' as const,
  coordinates: [
    [123.6, -10.17],
    [123.62, -10.17],
  ],
};

describe('one change log for every edit', () => {
  it('stops at a demo reset: what came before can be neither undone nor redone, and a drawn layer stays', async () => {
    const db = await openSeeded();
    const { layers } = await loadAll(db);
    const drawn = addDrawnFeature(layers, 'road', line, roadProperties, at);
    if (!drawn.ok) throw new ProblemError(drawn.error);
    await commitChange(db, 'add-features', drawn.change);
    const [firstBridge] = await readLayerFeatures(db, ['demo-bridges']);
    if (!firstBridge) throw new Error('no demo bridge');
    await updateFeatureProperties(db, firstBridge.id, { ...firstBridge.properties, name: 'Jembatan yang diubah' });
    await undoLast(db); // the bridge edit is now waiting to be redone

    await resetDemo(db);
    expect((await featureOf(db, firstBridge.id))?.properties.name).toBe(firstBridge.properties.name);
    expect(await undoLast(db)).toBeNull();
    expect(await redoNext(db)).toBeNull();
    // The road drawn before the reset is the user's: kept, and no longer undoable.
    expect((await featureOf(db, drawn.ids[0]!))?.properties.name).toBe('Jalan uji');
  });

  it('draws a road into a new layer, then undoes and redoes it across reopening', async () => {
    const db = await openSeeded();
    const { layers } = await loadAll(db);
    const drawn = addDrawnFeature(layers, 'road', line, roadProperties, at);
    if (!drawn.ok) throw new ProblemError(drawn.error);
    await commitChange(db, 'add-features', drawn.change);
    expect(await featureOf(db, drawn.ids[0]!)).toBeDefined();

    const undone = await undoLast(db);
    expect(undone?.action).toBe('add-features');
    expect(await featureOf(db, drawn.ids[0]!)).toBeUndefined();
    expect(await db.layers.get('drawn-road')).toBeUndefined();

    db.close();
    const reopened = new RumijaDatabase(db.name);
    opened.push(reopened);
    await redoNext(reopened);
    expect((await featureOf(reopened, drawn.ids[0]!))?.properties.name).toBe('Jalan uji');
    expect((await reopened.layers.get('drawn-road'))?.kind).toBe('road');
  });

  it('steps through a split, a deletion, an attribute edit and a layer setting in order', async () => {
    const db = await openSeeded();
    const { features } = await loadAll(db);
    const road = features.find((feature) => feature.properties.kind === 'road')!;
    const split = splitFeature(road, road.geometry.type === 'LineString' ? road.geometry.coordinates[1]! : [0, 0], []);
    if (!split.ok) throw new ProblemError(split.error);
    await commitChange(db, 'split-feature', split.change);
    const bridge = features.find((feature) => feature.properties.kind === 'bridge')!;
    await commitChange(db, 'delete-features', { remove: [bridge.id] });
    await updateFeatureProperties(db, road.id, { name: 'Nama baru' });
    const layer = (await db.layers.get(road.layerId))!;
    await commitChange(db, 'layer-settings', { layers: [{ ...layer, visible: false }] });

    expect((await undoLast(db))?.action).toBe('layer-settings');
    expect((await db.layers.get(road.layerId))?.visible).toBe(true);
    expect((await undoLast(db))?.action).toBe('edit-properties');
    expect((await undoLast(db))?.action).toBe('delete-features');
    expect(await featureOf(db, bridge.id)).toEqual(expect.objectContaining({ properties: bridge.properties }));
    expect((await undoLast(db))?.action).toBe('split-feature');
    expect((await featureOf(db, road.id))?.geometry).toEqual(road.geometry);
    expect(await featureOf(db, split.ids[1]!)).toBeUndefined();

    expect((await redoNext(db))?.action).toBe('split-feature');
    expect(await featureOf(db, split.ids[1]!)).toBeDefined();
    // A new change ends the redo chain.
    await moveLayer(db, road.layerId, 'up');
    expect(await redoNext(db)).toBeNull();
    expect((await undoLast(db))?.action).toBe('layer-settings');
  });

  it('refuses an invalid feature and writes nothing, not even its new layer', async () => {
    const db = await openSeeded();
    const { layers } = await loadAll(db);
    const before = await db.editLog.count();
    const bad = addDrawnFeature(layers, 'bridge', line, { name: 'Jembatan', lengthM: 30 }, at);
    if (!bad.ok) throw new ProblemError(bad.error);
    await expect(commitChange(db, 'add-features', bad.change)).rejects.toBeInstanceOf(ValidationError);
    await expect(commitChange(db, 'add-features', bad.change)).rejects.toThrow(/Jembatan: /);
    expect(await db.layers.get('drawn-bridge')).toBeUndefined();
    expect(await db.editLog.count()).toBe(before);
  });

  it('undoes a tariff save back to the version before', async () => {
    const db = await openSeeded();
    await saveTariffSchedule(db, { ...EXAMPLE_TARIFF_SCHEDULE, legalReference: 'Perda NTT 1/2024 (uji)' });
    expect((await latestTariffSchedules(db))[0]!.version).toBe(2);
    await undoLast(db);
    expect((await latestTariffSchedules(db))[0]!.version).toBe(1);
    await redoNext(db);
    expect((await latestTariffSchedules(db))[0]!.legalReference).toBe('Perda NTT 1/2024 (uji)');
  });

  it('saves, undoes and redoes story edits, and refuses an invalid story', async () => {
    const db = await openSeeded();
    const demo = (await db.stories.get(DEMO_STORY_ID))!;
    expect(demo.slides).toHaveLength(5);
    await commitChange(db, 'story', {
      stories: [{ ...demo, title: 'Paparan Komisi II', slides: demo.slides.slice(1) }],
    });
    expect((await db.stories.get(DEMO_STORY_ID))!.slides).toHaveLength(4);
    await undoLast(db);
    expect((await db.stories.get(DEMO_STORY_ID))!.title).toBe(demo.title);
    await redoNext(db);
    expect((await db.stories.get(DEMO_STORY_ID))!.title).toBe('Paparan Komisi II');
    await commitChange(db, 'story', { removeStories: [DEMO_STORY_ID] });
    expect(await db.stories.get(DEMO_STORY_ID)).toBeUndefined();
    await undoLast(db);
    expect(await db.stories.get(DEMO_STORY_ID)).toBeDefined();
    await expect(commitChange(db, 'story', { stories: [{ ...demo, title: '' }] })).rejects.toThrow(/title/);
  });

  it('logs every kind of change in one shape, and undo then redo puts every table back', async () => {
    const db = await openSeeded();
    const snapshot = async () => ({
      ...(await loadAll(db)),
      tariffs: await latestTariffSchedules(db),
      stories: await db.stories.toArray(),
    });
    const start = await snapshot();
    const { layers } = start;
    const drawn = addDrawnFeature(layers, 'road', line, roadProperties, at);
    if (!drawn.ok) throw new ProblemError(drawn.error);
    await commitChange(db, 'add-features', drawn.change);
    await updateFeatureProperties(db, 'demo-bridge-2', { condition: 'baik' });
    await saveTariffSchedule(db, { ...EXAMPLE_TARIFF_SCHEDULE, legalReference: 'Pergub (uji)' });
    const imported = createSyntheticRoadNetwork(40, 5, 'import-shape');
    await addLayerWithFeatures(db, imported.layer, imported.features);
    await moveLayer(db, 'demo-roads', 'up');
    const end = await snapshot();

    const entries = await db.editLog.toArray();
    expect(entries.map((entry) => entry.action)).toEqual([
      'add-features',
      'edit-properties',
      'save-tariff',
      'add-layer',
      'layer-settings',
    ]);
    for (const entry of entries)
      for (const state of [entry.before, entry.after])
        expect(Object.keys(state).sort()).toEqual([
          'assessments',
          'features',
          'handlingCatalogues',
          'layers',
          'obligors',
          'payments',
          'programmes',
          'retributionSettings',
          'stories',
          'tariffs',
          'workProgrammes',
        ]);

    for (let step = 0; step < 5; step++) expect(await undoLast(db)).not.toBeNull();
    expect(await undoLast(db)).toBeNull();
    expect(await snapshot()).toEqual(start);
    for (let step = 0; step < 5; step++) expect(await redoNext(db)).not.toBeNull();
    const redone = await snapshot();
    expect(redone.layers).toEqual(end.layers);
    expect(redone.tariffs).toEqual(end.tariffs);
    // Redo writes the same features; their order in a layer may differ (a restored feature goes to the end).
    const byId = (features: { id: string }[]) => [...features].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(byId(redone.features)).toEqual(byId(end.features));
  });

  it('edits thousands of features in one step (one read of their blocks, not an await per feature)', async () => {
    const db = await openSeeded();
    const { layer, features } = createSyntheticRoadNetwork(3000, 5, 'bulk');
    await addLayerWithFeatures(db, { ...layer, createdAt: at }, features);
    const put = features.map((feature, index) => ({
      ...feature,
      properties: { ...feature.properties, name: `Diubah ${index}` },
    }));
    const entry = await commitChange(db, 'edit-properties', { put, remove: [features[0]!.id] });
    expect(Object.keys(entry.before.features)).toHaveLength(3000);
    expect(entry.before.features[features[1]!.id]!.properties.name).toBe(features[1]!.properties.name);
    const stored = await readLayerFeatures(db, ['bulk']);
    expect(stored).toHaveLength(2999);
    expect(stored.every((feature) => String(feature.properties.name).startsWith('Diubah'))).toBe(true);
    // Undone whole: every name back, and the removed feature back (at the end of its layer).
    await undoLast(db);
    const names = (await readLayerFeatures(db, ['bulk'])).map((feature) => String(feature.properties.name));
    expect(names.sort()).toEqual(features.map((feature) => String(feature.properties.name)).sort());
  });

  it('keeps the log to its length, dropping the oldest entries', async () => {
    const db = await openSeeded();
    const filler = {
      at,
      action: 'edit-properties' as const,
      featureId: null,
      layerId: null,
      status: 'discarded' as const,
    };
    await db.editLog.bulkAdd(
      Array.from({ length: MAX_LOG_ENTRIES }, () => ({ ...filler, before: emptyState(), after: emptyState() })),
    );
    const firstSeq = (await db.editLog.orderBy('seq').first())!.seq!;
    await updateFeatureProperties(db, 'demo-bridge-1', { condition: 'baik' });
    expect(await db.editLog.count()).toBe(MAX_LOG_ENTRIES);
    expect((await db.editLog.orderBy('seq').first())!.seq).toBe(firstSeq + 1);
    expect((await db.editLog.orderBy('seq').last())!.action).toBe('edit-properties');
    expect((await undoLast(db))?.featureId).toBe('demo-bridge-1');
  });
});

describe('a change that changes nothing', () => {
  it('is neither written nor logged, and the redo chain stays', async () => {
    const db = await openSeeded();
    const feature = (await loadAll(db)).features.find((candidate) => candidate.id === 'demo-bridge-1')!;
    await updateFeatureProperties(db, feature.id, { name: 'Jembatan diubah' });
    await undoLast(db);
    const logged = await db.editLog.count();
    // The stored feature put again as it is, and its own values patched in again.
    const entry = await commitChange(db, 'edit-geometry', { put: [{ ...feature }] });
    expect(Object.keys(entry.after.features)).toEqual([]);
    await updateFeatureProperties(db, feature.id, { name: feature.properties.name });
    expect(await db.editLog.count()).toBe(logged);
    // The undone rename can still be redone: nothing discarded it.
    await redoNext(db);
    expect((await loadAll(db)).features.find((candidate) => candidate.id === feature.id)!.properties.name).toBe(
      'Jembatan diubah',
    );
  });
});
