import { expose } from 'comlink';
import { analyzeAssets, createRoadIndex, type EncroachmentResult } from '#shared/analysis/encroachment';
import type { StoredFeature } from '#shared/model/layer';

/** Runs the encroachment analysis off the UI thread. */
const api = {
  analyze(roads: StoredFeature[], corridors: StoredFeature[], assets: StoredFeature[]): EncroachmentResult[] {
    return analyzeAssets(createRoadIndex(roads, corridors), assets);
  },
};

export type EncroachmentWorkerApi = typeof api;
expose(api);
