import { unzipSync } from 'fflate';
import type { FileFormat, FormatId, ImportFile, ReadInput } from './file-format';
import type { ParseResult } from '../parse-geojson';
import type { StoredFeature } from '../../model/layer';
import { decodeUtf8WithProgress } from '../import-progress';
import { featuresToCsv, featuresToGeoJson, featuresToKml } from '../export-layer';

/** The file's text: UTF-8 (a BOM is dropped), or for a CSV from Excel, Windows-1252 with a warning. */
function textOf(input: ReadInput, fallback1252 = false): ParseResult<{ text: string; warning?: string }> {
  const text = decodeUtf8WithProgress(input.file.bytes, input.report);
  if (text !== null) return { ok: true, value: { text } };
  if (fallback1252)
    return {
      ok: true,
      value: {
        text: new TextDecoder('windows-1252').decode(input.file.bytes),
        warning: `${input.file.name}: bukan UTF-8; dibaca sebagai Windows-1252 (Excel) / not UTF-8: read as Windows-1252 (Excel)`,
      },
    };
  return { ok: false, error: `${input.file.name}: bukan teks UTF-8 / not UTF-8 text` };
}

const geojson: FileFormat = {
  id: 'geojson',
  label: 'GeoJSON',
  extensions: ['geojson', 'json'],
  sniff: (head) => /^\s*[{[]/.test(head),
  read: async (input) =>
    (await import('../read-geojson')).readGeoJsonBytes(input.file.bytes, input.file.name, input.report),
  write: (features) => featuresToGeoJson(features),
};

const ndjson: FileFormat = {
  ...geojson,
  id: 'ndjson',
  label: 'GeoJSON (NDJSON)',
  extensions: ['ndjson', 'geojsonl'],
  write: undefined,
};

const csv: FileFormat = {
  id: 'csv',
  label: 'CSV',
  extensions: ['csv', 'txt', 'tsv'],
  read: async (input) => {
    const text = textOf(input, true);
    if (!text.ok) return text;
    const read = (await import('../read-csv')).readCsv(text.value.text, input.file.name, input.options, input.report);
    if (read.ok && text.value.warning) read.value.warnings.push(text.value.warning);
    return read;
  },
  write: (features) => featuresToCsv(features),
  exportLabel: 'CSV (WKT)',
};

const kml: FileFormat = {
  id: 'kml',
  label: 'KML',
  extensions: ['kml'],
  sniff: (head) => /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<kml\b/i.test(head),
  read: async (input) => {
    const text = textOf(input);
    if (!text.ok) return text;
    return (await import('../read-xml-formats')).readKml(text.value.text, input.file.name, input.environment.parseXml);
  },
  write: (features, name) => featuresToKml(features, name),
};

const kmz: FileFormat = {
  id: 'kmz',
  label: 'KMZ',
  extensions: ['kmz'],
  read: async (input) =>
    (await import('../read-xml-formats')).readKmz(input.file.bytes, input.file.name, input.environment.parseXml),
};

const gpx: FileFormat = {
  id: 'gpx',
  label: 'GPX',
  extensions: ['gpx'],
  sniff: (head) => /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<gpx\b/i.test(head),
  read: async (input) => {
    const text = textOf(input);
    if (!text.ok) return text;
    return (await import('../read-xml-formats')).readGpx(text.value.text, input.file.name, input.environment.parseXml);
  },
};

const shapefile: FileFormat = {
  id: 'shapefile',
  label: 'Shapefile',
  extensions: ['zip', 'shp'],
  read: async (input) => (await import('../read-shapefile')).readShapefile(input.file, input.parts, input.options),
};

/** Every format Rumija reads or writes: the open dialog, the drop handler, the exports and the CLI read this list. */
export const FILE_FORMATS: readonly FileFormat[] = [geojson, ndjson, csv, kml, kmz, gpx, shapefile];

/** Formats a layer can be exported to, in menu order. */
export const EXPORT_FORMATS = FILE_FORMATS.filter((format) => format.write);

/** Extensions a user can pick (a Shapefile's other parts come along with its .shp). */
export const IMPORT_EXTENSIONS = [...FILE_FORMATS.flatMap((format) => format.extensions), 'dbf', 'shx', 'prj', 'cpg'];

export function formatById(id: FormatId): FileFormat {
  return FILE_FORMATS.find((format) => format.id === id)!;
}

/** Features written in an export format; the file extension is the format's first. */
export function writeFeatures(features: readonly StoredFeature[], id: FormatId, name: string): string {
  const format = formatById(id);
  if (!format.write) throw new Error(`${format.label}: tidak dapat ditulis / cannot be written`);
  return format.write(features, name);
}

const extensionOf = (name: string) => (name.includes('.') ? name.toLowerCase().split('.').pop()! : '');

/** A zip with KML and no .shp inside is a KMZ, one with a .shp a Shapefile, whatever its name (only the directory is read). */
function zipFormat(bytes: Uint8Array, extension: string): FileFormat {
  const names: string[] = [];
  try {
    unzipSync(bytes, { filter: (entry) => (names.push(entry.name), false) });
  } catch {
    // A damaged directory: the reader for its name says what is wrong.
  }
  const holds = (pattern: RegExp) => names.some((name) => pattern.test(name));
  if (holds(/\.shp$/i)) return shapefile;
  if (holds(/\.kml$/i)) return kmz;
  return extension === 'kmz' ? kmz : shapefile;
}

const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

/**
 * The format of a file by its content first, then its name: GeoJSON saved as .txt, a KML named .xml,
 * a KMZ named .zip are all read by what they are.
 */
export function detectFormat(file: ImportFile): FileFormat | null {
  const extension = extensionOf(file.name);
  if (isZip(file.bytes)) return zipFormat(file.bytes, extension);
  if (extension === 'shp') return shapefile;
  const head = new TextDecoder().decode(file.bytes.subarray(0, 4096)).replace(/^\uFEFF/, '');
  const sniffed = FILE_FORMATS.find((format) => format.sniff?.(head));
  if (sniffed) return sniffed.id === 'geojson' && ndjson.extensions.includes(extension) ? ndjson : sniffed;
  return FILE_FORMATS.find((format) => format.extensions.includes(extension)) ?? null;
}
