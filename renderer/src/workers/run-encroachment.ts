import { transfer } from 'comlink';
import type { EncroachmentResult } from '#shared/analysis/encroachment';
import type { StoredFeature } from '#shared/model/layer';
import { packedBuffers, packFeatures } from '#shared/model/packed-features';
import type { EncroachmentWorkerApi } from './encroachment.worker';
import { createWorkerClient } from './worker-client';

const analysisWorker = createWorkerClient<EncroachmentWorkerApi>(
  'Analisis / analysis',
  () => new Worker(new URL('./encroachment.worker.ts', import.meta.url), { type: 'module' }),
);

/** The analysis in a web worker, started on first use and kept for the next run; the features go packed. */
export function runEncroachment(
  roads: StoredFeature[],
  corridors: StoredFeature[],
  assets: StoredFeature[],
): Promise<EncroachmentResult[]> {
  const [packedRoads, packedCorridors, packedAssets] = [roads, corridors, assets].map(packFeatures) as [
    ReturnType<typeof packFeatures>,
    ReturnType<typeof packFeatures>,
    ReturnType<typeof packFeatures>,
  ];
  const buffers = [packedRoads, packedCorridors, packedAssets].flatMap(packedBuffers);
  return analysisWorker.call((api) => api.analyze(transfer(packedRoads, buffers), packedCorridors, packedAssets));
}
