import { transfer } from 'comlink';
import type { ExportLayer, ExportOutput, FormatId } from '#shared/io/formats/file-format';
import type { StoredFeature } from '#shared/model/layer';
import { packedBuffers, packFeatures } from '#shared/model/packed-features';
import type { ExportWorkerApi, WorkerExportOptions } from './export.worker';
import { createWorkerClient } from './worker-client';

const exportWorker = createWorkerClient<ExportWorkerApi>(
  'export',
  () => new Worker(new URL('./export.worker.ts', import.meta.url), { type: 'module' }),
);

/** One layer's features written in a worker; the features go packed (typed arrays), the file comes back. */
export function exportLayerInWorker(
  formatId: FormatId,
  features: readonly StoredFeature[],
  options: WorkerExportOptions,
): Promise<ExportOutput> {
  const packed = packFeatures(features);
  return exportWorker.call((api) => api.writeLayer(formatId, transfer(packed, packedBuffers(packed)), options));
}

/** Several layers into one file (GeoPackage tables, KML folders), in a worker. */
export function exportProjectInWorker(
  formatId: FormatId,
  layers: readonly ExportLayer[],
  options: WorkerExportOptions,
): Promise<ExportOutput> {
  const packed = layers.map((layer) => ({
    name: layer.name,
    styleBy: layer.styleBy,
    packed: packFeatures(layer.features),
  }));
  const buffers = packed.flatMap((layer) => packedBuffers(layer.packed));
  return exportWorker.call((api) => api.writeProject(formatId, transfer(packed, buffers), options));
}
