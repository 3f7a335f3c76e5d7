import type { Feature, Geometry } from 'geojson';
import type { Layer, StoredFeature } from '../model/layer';
import { importCsv, type CsvImportOptions } from './import-csv';
import { importGeoJson } from './import-geojson';
import type { ParseResult } from './parse-geojson';
import { importGpx, importKml, importKmz, type XmlParser } from './import-xml-formats';
import { importZippedShapefile } from './import-shapefile';
import { decodeUtf8WithProgress, throttledProgress, type ProgressSink } from './import-progress';

/** Largest file imported in one go; bigger ones are refused before parsing. */
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;
import { IMPORT_EXTENSIONS } from './import-extensions';

export { IMPORT_EXTENSIONS };

export interface ImportEnvironment {
  parseXml: XmlParser;
}

export type { CsvImportOptions } from './import-csv';

export interface PreparedImport {
  layer: Layer;
  features: StoredFeature[];
  crs: string;
  geometryTypes: string[];
  repairs: string[];
}

const decodeUtf8 = (bytes: Uint8Array): string | null => {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
};

/** KML, KMZ, GPX and zipped Shapefiles converted to GeoJSON text, so one path checks and repairs all. */
async function convertToGeoJson(
  extension: string,
  bytes: Uint8Array,
  fileName: string,
  environment: ImportEnvironment,
): Promise<ParseResult<string>> {
  let converted;
  if (extension === 'kmz') converted = await importKmz(bytes, fileName, environment.parseXml);
  else if (extension === 'zip') converted = await importZippedShapefile(bytes, fileName);
  else {
    const text = decodeUtf8(bytes);
    if (text === null) return { ok: false, error: `${fileName}: bukan teks UTF-8 / not UTF-8 text` };
    converted =
      extension === 'kml'
        ? importKml(text, fileName, environment.parseXml)
        : importGpx(text, fileName, environment.parseXml);
  }
  if (!converted.ok) return converted;
  // Through the GeoJSON path so converted files get the same checks and repairs.
  return { ok: true, value: JSON.stringify(converted.value) };
}

/**
 * Turns a file into a new layer, all or nothing: either every feature is valid, or an error
 * names the file, the feature (or row) and the problem.
 */
export async function prepareImport(
  fileName: string,
  bytes: Uint8Array,
  layerId: string,
  order: number,
  environment: ImportEnvironment,
  now = new Date(),
  csvOptions: CsvImportOptions = {},
  onProgress?: ProgressSink,
): Promise<ParseResult<PreparedImport>> {
  const report = throttledProgress(onProgress);
  if (bytes.byteLength > MAX_IMPORT_BYTES) {
    return {
      ok: false,
      error: `${fileName}: berkas terlalu besar (${Math.round(bytes.byteLength / 1048576)} MB, batas ${MAX_IMPORT_BYTES / 1048576} MB) / file too large`,
    };
  }
  const extension = fileName.toLowerCase().split('.').pop() ?? '';
  if (!IMPORT_EXTENSIONS.includes(extension))
    return { ok: false, error: `${fileName}: format belum didukung / format not supported yet (.${extension})` };
  let text: string;
  if (['kml', 'kmz', 'gpx', 'zip'].includes(extension)) {
    const converted = await convertToGeoJson(extension, bytes, fileName, environment);
    if (!converted.ok) return converted;
    text = converted.value;
  } else {
    const decoded = decodeUtf8WithProgress(bytes, report);
    if (decoded === null) return { ok: false, error: `${fileName}: bukan teks UTF-8 / not UTF-8 text` };
    text = decoded;
  }
  let features: Feature<Geometry>[];
  let crs = 'WGS 84 (EPSG:4326)';
  let repairs: string[] = [];
  if (extension === 'csv' || extension === 'txt') {
    const result = importCsv(text, fileName, csvOptions, report);
    if (!result.ok) return result;
    ({ features, crs } = result.value);
  } else {
    const result = importGeoJson(text, fileName, report);
    if (!result.ok) return result;
    ({ features, repairs } = result.value);
  }
  const recordedAt = now.toISOString();
  const baseName = fileName.replace(/\.[^.]+$/, '');
  const layer: Layer = {
    id: layerId,
    name: baseName,
    kind: 'plain',
    order,
    visible: true,
    styleBy: 'status',
    demo: false,
    createdAt: recordedAt,
  };
  // One source note for the whole file (features are never changed in place), so storage keeps it once.
  const source = { kind: 'file', label: fileName, recordedAt, illustrative: false };
  const stored: StoredFeature[] = features.map((feature, index) => ({
    id: `${layerId}-${index}`,
    layerId,
    geometry: feature.geometry,
    properties: { ...(feature.properties ?? {}), source },
  }));
  return {
    ok: true,
    value: { layer, features: stored, crs, geometryTypes: [...new Set(features.map((f) => f.geometry.type))], repairs },
  };
}
