import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import Dexie from 'dexie';
import { analyzeAssets, createRoadIndex } from '#shared/analysis/encroachment';
import { analysisInputs } from '#shared/analysis/analysis-inputs';
import { inputSignature } from '#shared/analysis/input-signature';
import { AppStore } from './app-store';
import { RumijaDatabase } from '../persistence/database';

// The store's backgrounds reach the host (Electron or browser); not used here.
vi.mock('../platform', () => ({ host: {} }));
// Node has no web workers: the worker's own function runs here, on the chunks as they would be posted; its results
// come back reversed, as chunks may hold features in another order than the layer's list.
vi.mock('../workers/run-encroachment', async (importOriginal) => {
  const original = await importOriginal<typeof import('../workers/run-encroachment')>();
  const { analyzeChunks } = await import('#shared/analysis/analyze-chunks');
  return {
    ...original,
    runEncroachment: async (...[roads, corridors, assets, roadIds]: Parameters<typeof original.runEncroachment>) => {
      const answer = structuredClone(
        analyzeChunks(
          structuredClone(original.packLayers(roads)),
          structuredClone(original.packLayers(corridors)),
          structuredClone(original.packLayers(assets)),
          roadIds,
        ),
      );
      return { ...answer, results: answer.results.reverse() };
    },
  };
});

const names: string[] = [];
const stores: AppStore[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) store.db.close();
  for (const name of names.splice(0)) await Dexie.delete(name);
});

async function openDemo() {
  const name = `rumija-analysis-${Math.random()}`;
  names.push(name);
  const store = new AppStore(new RumijaDatabase(name));
  stores.push(store);
  await store.document.load();
  return store;
}

/** The analysis as the lists of the snapshot give it, computed here directly, and their fingerprint hashed afresh. */
function expected(store: AppStore, corridorId: string | null) {
  const { layers, featuresByLayer } = store.getSnapshot();
  const { roads, corridors, assets } = analysisInputs(layers, featuresByLayer, corridorId);
  return {
    results: analyzeAssets(createRoadIndex(roads, corridors), assets),
    signature: inputSignature(structuredClone([roads, corridors, assets])),
  };
}

describe('AnalysisRunner', () => {
  it('reads the compact chunks and gives the results of the lists, in the order of the assets, after changes too', async () => {
    const store = await openDemo();
    const options = (corridorId: string | null) => ({
      scheduleId: store.getSnapshot().tariffs[0]!.id,
      corridorId,
      periodYears: 1,
      payingShare: 1,
    });
    await store.analysis.run(options(null));
    let { analysis } = store.getSnapshot();
    expect(analysis.status).toBe('done');
    expect(analysis.results.length).toBeGreaterThan(10);
    expect(analysis.results).toEqual(expected(store, null).results);
    // The worker's sums per layer make the same fingerprint as hashing the lists here.
    expect(analysis.inputSignature).toBe(expected(store, null).signature);

    // An asset deleted and brought back sits at the end of its chunk now, not where the layer's list has it.
    const asset = analysis.assets[2]!;
    await store.document.deleteFeatures([asset.id]);
    await store.history.undo();
    const other = analysis.assets[5]!;
    await store.document.editProperties(other.id, { name: 'Tiang diubah' });
    const corridor = store
      .getSnapshot()
      .layers.filter((layer) => layer.kind === 'corridor')
      .flatMap((layer) => store.getSnapshot().featuresByLayer.get(layer.id) ?? [])[0]!;
    for (const corridorId of [null, corridor.id]) {
      await store.analysis.run(options(corridorId));
      ({ analysis } = store.getSnapshot());
      expect(analysis.status).toBe('done');
      expect(analysis.results.map((result) => result.assetId)).toEqual(analysis.assets.map((a) => a.id));
      expect(analysis.results).toEqual(expected(store, corridorId).results);
      expect(analysis.inputSignature).toBe(expected(store, corridorId).signature);
    }
    expect(analysis.assets.find((a) => a.id === other.id)!.properties.name).toBe('Tiang diubah');
  });
});
