import { wrap, type Remote } from 'comlink';
import type { EncroachmentResult } from '../../../shared/analysis/encroachment';
import type { StoredFeature } from '../../../shared/model/layer';
import type { EncroachmentWorkerApi } from './encroachment.worker';

let worker: Remote<EncroachmentWorkerApi> | null = null;

/** The analysis in a web worker, started on first use and kept for the next run. */
export function runEncroachment(roads: StoredFeature[], corridors: StoredFeature[], assets: StoredFeature[]): Promise<EncroachmentResult[]> {
  worker ??= wrap<EncroachmentWorkerApi>(new Worker(new URL('./encroachment.worker.ts', import.meta.url), { type: 'module' }));
  return worker.analyze(roads, corridors, assets);
}
