import { expose } from 'comlink';
import { analyzeAssets, createRoadIndex, type EncroachmentResult } from '#shared/analysis/encroachment';
import { unpackFeatures, type PackedFeatures } from '#shared/model/packed-features';

/** Runs the encroachment analysis off the UI thread, on features sent packed (typed arrays, not object trees). */
const api = {
  analyze(roads: PackedFeatures, corridors: PackedFeatures, assets: PackedFeatures): EncroachmentResult[] {
    return analyzeAssets(createRoadIndex(unpackFeatures(roads), unpackFeatures(corridors)), unpackFeatures(assets));
  },
};

export type EncroachmentWorkerApi = typeof api;
expose(api);
