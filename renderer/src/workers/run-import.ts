import { transfer, wrap, type Remote } from 'comlink';
import type { ImportWorkerApi } from './import.worker';
import type { CsvImportOptions } from '../../../shared/io/import-file';

let worker: Remote<ImportWorkerApi> | null = null;

/** Parses and checks a file in a worker so the map and panels stay responsive. */
export function prepareImportInWorker(fileName: string, bytes: Uint8Array, layerId: string, order: number, csvOptions: CsvImportOptions = {}) {
  worker ??= wrap<ImportWorkerApi>(new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' }));
  const copy = bytes.slice();
  return worker.prepare(fileName, transfer(copy, [copy.buffer]), layerId, order, csvOptions);
}
