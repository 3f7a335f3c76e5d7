import { proxy, transfer } from 'comlink';
import type { ImportProgress, ProgressSink } from '#shared/io/import-progress';
import type { ImportWorkerApi } from './import.worker';
import type { ImportFile, PreparedImport, ReadOptions } from '#shared/io/import-file';
import { unpackFeatures } from '#shared/model/packed-features';
import type { RoadLookup } from '#shared/io/place-by-sta';
import { problem } from '#shared/messages/problem';
import { createWorkerClient, WorkerFailedError } from './worker-client';

const importWorker = createWorkerClient<ImportWorkerApi>(
  'fileReader',
  () => new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' }),
);

/** Parses and checks a file in a worker so the map and panels stay responsive. */
export async function prepareImportInWorker(
  file: ImportFile & { parts?: ImportFile[] },
  layerId: string,
  order: number,
  options: ReadOptions = {},
  onProgress: ProgressSink = () => undefined,
  roads?: RoadLookup,
) {
  // Copies are sent (and their buffers moved): the originals stay with the queue for a second read.
  const copy = { name: file.name, bytes: file.bytes.slice() };
  const parts = (file.parts ?? []).map((part) => ({ name: part.name, bytes: part.bytes.slice() }));
  // Progress messages already on their way when the call ends (or the reader is stopped) are dropped.
  let live = true;
  const result = await importWorker
    .call<Awaited<ReturnType<ImportWorkerApi['prepare']>>>((api) =>
      api.prepare(
        transfer({ ...copy, parts }, [copy.bytes.buffer, ...parts.map((part) => part.bytes.buffer)]),
        layerId,
        order,
        options,
        proxy((progress: ImportProgress) => live && onProgress(progress)),
        roads && proxy(roads),
      ),
    )
    .finally(() => (live = false));
  if (!result.ok) return result;
  const { packed, ...rest } = result.value;
  return { ok: true as const, value: { ...rest, features: unpackFeatures(packed) } satisfies PreparedImport };
}

/** Stops the file being read: the worker is ended (the next import starts a new one) and its call rejects. */
export function cancelImportInWorker() {
  importWorker.stop(IMPORT_CANCELLED);
}

const IMPORT_CANCELLED = problem('worker.cancelled');

/** Whether a read ended because the user stopped it. */
export function isImportCancelled(error: unknown): boolean {
  return error instanceof WorkerFailedError && error.detail.code === IMPORT_CANCELLED.code;
}
