import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import Dexie from 'dexie';
import { createSyntheticRoadNetwork } from '#shared/demo/synthetic-network';
import { decodeChunk } from '#shared/model/compact-chunk';
import type { StoredFeature } from '#shared/model/layer';
import { AppStore } from './app-store';
import { RumijaDatabase } from '../persistence/database';

// The store's backgrounds reach the host (Electron or browser); not used here.
vi.mock('../platform', () => ({ host: {} }));

const names: string[] = [];
const stores: AppStore[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) store.db.close();
  for (const name of names.splice(0)) await Dexie.delete(name);
});

async function openStore(name: string) {
  const store = new AppStore(new RumijaDatabase(name));
  stores.push(store);
  await store.document.load();
  expect(store.getSnapshot().status).toBe('ready');
  return store;
}

const byId = (a: StoredFeature, b: StoredFeature) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** What the analysis worker would read for the layer, against what the snapshot holds. */
function expectInStep(store: AppStore, layerId: string) {
  const snapshot = store.getSnapshot();
  const decoded: StoredFeature[] = [];
  for (const chunk of store.compact.chunksOf(layerId, snapshot)) decodeChunk(chunk, layerId, decoded);
  expect(decoded.sort(byId)).toEqual([...(snapshot.featuresByLayer.get(layerId) ?? [])].sort(byId));
}

describe('CompactLayers', () => {
  it('keeps the blocks read at start and re-encodes only the chunk a change touched, in step through edits, deletes, draws, splits, undo and redo', async () => {
    const name = `rumija-compact-${Math.random()}`;
    names.push(name);
    const first = await openStore(name);
    const { layer, features } = createSyntheticRoadNetwork(5000, 11, 'compact-roads');
    await first.document.addLayer(layer, features);
    // Asked for before any change: encoded from the features.
    expectInStep(first, layer.id);
    first.db.close();

    const store = await openStore(name);
    const rows = store.getSnapshot().storedBlocks!.get(layer.id)!.blocks;
    const atStart = store.compact.chunksOf(layer.id, store.getSnapshot());
    expect(atStart.map((chunk) => chunk.geometry)).toEqual(rows.map((row) => row.geometry));
    atStart.forEach((chunk, index) => expect(chunk.geometry).toBe(rows[index]!.geometry));
    expectInStep(store, layer.id);

    const edited = features[3000]!;
    await store.document.editProperties(edited.id, { condition: 'rusak_berat' });
    const afterEdit = store.compact.chunksOf(layer.id, store.getSnapshot());
    const changed = afterEdit.filter((chunk, index) => chunk !== atStart[index]);
    expect(changed).toHaveLength(1);
    expect(changed[0]!.ids).toContain(edited.id);
    expectInStep(store, layer.id);

    // Several changes in a row, none of them asked about in between: each snapshot is followed as it comes.
    await store.document.deleteFeatures([features[10]!.id, features[4500]!.id]);
    const drawnId = await store.document.addDrawnFeature(
      'road',
      {
        type: 'LineString',
        coordinates: [
          [123.6, -10.2],
          [123.61, -10.21],
        ],
      },
      { ...features[0]!.properties, name: 'Jalan baru' },
    );
    const split = features[200]!;
    const coordinates = (split.geometry as { coordinates: number[][] }).coordinates;
    await store.document.splitFeature(split.id, coordinates[Math.floor(coordinates.length / 2)]!);
    expectInStep(store, layer.id);
    const drawnLayer = store.getSnapshot().featureById.get(drawnId)!.layerId;
    expectInStep(store, drawnLayer);

    await store.history.undo();
    await store.history.undo();
    expectInStep(store, layer.id);
    await store.history.redo();
    expectInStep(store, layer.id);
    expect(store.getSnapshot().featureById.has(features[10]!.id)).toBe(false);
  });
});
