import { expose, transfer } from 'comlink';
import { packedBuffers, packFeatures } from '#shared/model/packed-features';
import { DOMParser } from '@xmldom/xmldom';
import { prepareImport, type ImportFile, type ReadOptions } from '#shared/io/import-file';
import type { ProgressSink } from '#shared/io/import-progress';
import type { RoadLookup } from '#shared/io/place-by-sta';

// Workers have no DOMParser; xmldom parses KML and GPX here, off the UI thread.
const environment = {
  parseXml: (text: string) =>
    new DOMParser({ onError: () => undefined }).parseFromString(text, 'application/xml') as never,
};

const api = {
  async prepare(
    file: ImportFile & { parts?: ImportFile[] },
    layerId: string,
    order: number,
    options: ReadOptions = {},
    onProgress?: ProgressSink,
    roads?: RoadLookup,
  ) {
    const result = await prepareImport(
      file,
      layerId,
      order,
      { ...environment, roads },
      new Date(),
      options,
      onProgress,
    );
    if (!result.ok) return result;
    // Packed: cloning a million feature objects back to the page would cost more than reading the file.
    const { features, ...rest } = result.value;
    const packed = packFeatures(features);
    return transfer({ ok: true as const, value: { ...rest, packed } }, packedBuffers(packed));
  },
};

export type ImportWorkerApi = typeof api;
expose(api);
