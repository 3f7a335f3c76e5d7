import type { CompactChunk } from '#shared/model/compact-chunk';
import { packChunk } from '#shared/model/packed-ids';
import { fromResultColumns } from '#shared/analysis/result-columns';
import type { ChunkAnalysis, PackedLayer } from '#shared/analysis/analyze-chunks';
import type { EncroachmentWorkerApi } from './encroachment.worker';
import { createWorkerClient } from './worker-client';

const analysisWorker = createWorkerClient<EncroachmentWorkerApi>(
  'analysis',
  () => new Worker(new URL('./encroachment.worker.ts', import.meta.url), { type: 'module' }),
);

/** A layer's features as the store keeps them compact. */
export interface LayerChunks {
  layerId: string;
  chunks: readonly CompactChunk[];
}

// Exported for analysis-runner.test.ts, which runs the worker's work in process.
/** @public */
export const packLayers = (layers: readonly LayerChunks[]): PackedLayer[] =>
  layers.map(({ layerId, chunks }) => ({ layerId, chunks: chunks.map(packChunk) }));

/**
 * The analysis in a web worker, started on first use and kept for the next run. The layers go as their compact
 * chunks (typed arrays are copied whole, ids as one string), so the page does no per-feature work; with `roadIds`
 * only those roads are analysed (a corridor's segments).
 */
export function runEncroachment(
  roads: readonly LayerChunks[],
  corridors: readonly LayerChunks[],
  assets: readonly LayerChunks[],
  roadIds: readonly string[] | null,
): Promise<ChunkAnalysis> {
  return analysisWorker
    .call((api) =>
      api.analyze(packLayers(roads), packLayers(corridors), packLayers(assets), roadIds ? [...roadIds] : null),
    )
    .then(({ columns, totals }) => ({ results: fromResultColumns(columns), totals }));
}
