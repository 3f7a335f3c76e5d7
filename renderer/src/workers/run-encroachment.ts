import type { EncroachmentResult } from '#shared/analysis/encroachment';
import type { StoredFeature } from '#shared/model/layer';
import type { EncroachmentWorkerApi } from './encroachment.worker';
import { createWorkerClient } from './worker-client';

const analysisWorker = createWorkerClient<EncroachmentWorkerApi>(
  'Analisis / analysis',
  () => new Worker(new URL('./encroachment.worker.ts', import.meta.url), { type: 'module' }),
);

/** The analysis in a web worker, started on first use and kept for the next run. */
export function runEncroachment(
  roads: StoredFeature[],
  corridors: StoredFeature[],
  assets: StoredFeature[],
): Promise<EncroachmentResult[]> {
  return analysisWorker.call((api) => api.analyze(roads, corridors, assets));
}
