import { proxy, transfer } from 'comlink';
import type { ProgressSink } from '#shared/io/import-progress';
import type { ImportWorkerApi } from './import.worker';
import type { CsvImportOptions } from '#shared/io/import-file';
import { createWorkerClient } from './worker-client';

const importWorker = createWorkerClient<ImportWorkerApi>(
  'Pembaca berkas / file reader',
  () => new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' }),
);

/** Parses and checks a file in a worker so the map and panels stay responsive. */
export function prepareImportInWorker(
  fileName: string,
  bytes: Uint8Array,
  layerId: string,
  order: number,
  csvOptions: CsvImportOptions = {},
  onProgress: ProgressSink = () => undefined,
) {
  const copy = bytes.slice();
  return importWorker.call<Awaited<ReturnType<ImportWorkerApi['prepare']>>>((api) =>
    api.prepare(fileName, transfer(copy, [copy.buffer]), layerId, order, csvOptions, proxy(onProgress)),
  );
}

/** Stops the file being read: the worker is ended (the next import starts a new one) and its call rejects. */
export function cancelImportInWorker() {
  importWorker.stop(IMPORT_CANCELLED);
}

export const IMPORT_CANCELLED = 'dibatalkan / cancelled';
