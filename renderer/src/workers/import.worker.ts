import { expose } from 'comlink';
import { DOMParser } from '@xmldom/xmldom';
import { prepareImport, type CsvImportOptions } from '#shared/io/import-file';
import type { ProgressSink } from '#shared/io/import-progress';

// Workers have no DOMParser; xmldom parses KML and GPX here, off the UI thread.
const environment = {
  parseXml: (text: string) =>
    new DOMParser({ onError: () => undefined }).parseFromString(text, 'application/xml') as never,
};

const api = {
  prepare(
    fileName: string,
    bytes: Uint8Array,
    layerId: string,
    order: number,
    csvOptions: CsvImportOptions = {},
    onProgress?: ProgressSink,
  ) {
    return prepareImport(fileName, bytes, layerId, order, environment, new Date(), csvOptions, onProgress);
  },
};

export type ImportWorkerApi = typeof api;
expose(api);
