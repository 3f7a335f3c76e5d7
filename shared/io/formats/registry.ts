import { unzipSync } from 'fflate';
import type { FileFormat, FormatId, ImportFile, ReadInput } from './file-format';
import type { ParseResult } from '../parse-geojson';
import type { StoredFeature } from '../../model/layer';
import { decodeUtf8WithProgress } from '../import-progress';
import { featuresToCsv, featuresToGeoJson, featuresToKml } from '../export-layer';
import { safeFileName } from '../../format/file-name';
import type { ExportOptions, ExportOutput } from './file-format';
import { problem, ProblemError, type Problem } from '../../messages/problem';

/** The file's text: UTF-8 (a BOM is dropped), or for a CSV from Excel, Windows-1252 with a warning. */
function textOf(input: ReadInput, fallback1252 = false): ParseResult<{ text: string; warning?: Problem }> {
  const text = decodeUtf8WithProgress(input.file.bytes, input.report);
  if (text !== null) return { ok: true, value: { text } };
  if (fallback1252)
    return {
      ok: true,
      value: {
        text: new TextDecoder('windows-1252').decode(input.file.bytes),
        warning: problem('file.readAsWindows1252', { file: input.file.name }),
      },
    };
  return { ok: false, error: problem('file.notUtf8', { file: input.file.name }) };
}

const geojson: FileFormat = {
  id: 'geojson',
  label: 'GeoJSON',
  extensions: ['geojson', 'json'],
  sniff: (head) => /^[\s\u001e]*[{[]/.test(head),
  read: async (input) =>
    (await import('../read-geojson')).readGeoJsonBytes(input.file.bytes, input.file.name, input.report),
  write: async (features, options) => ({ data: featuresToGeoJson(features, options.columns), notes: [] }),
};

const ndjson: FileFormat = {
  ...geojson,
  id: 'ndjson',
  label: 'GeoJSON (NDJSON)',
  extensions: ['ndjson', 'geojsonl', 'geojsons', 'geojsonseq'],
  write: undefined,
};

const csv: FileFormat = {
  id: 'csv',
  label: 'CSV',
  extensions: ['csv', 'txt', 'tsv'],
  read: async (input) => {
    const text = textOf(input, true);
    if (!text.ok) return text;
    const read = await (
      await import('../read-csv')
    ).readCsv(text.value.text, input.file.name, input.options, input.report, input.environment.roads);
    if (read.ok && text.value.warning) read.value.warnings.push(text.value.warning);
    return read;
  },
  write: async (features, options) => ({ data: featuresToCsv(features, options.columns, options.csv), notes: [] }),
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
  write: async (features, options) => ({
    data: featuresToKml(
      [{ name: options.name, features, styleBy: options.styleBy ?? 'status' }],
      options.name,
      options.columns,
      undefined,
      options.zones,
    ),
    notes: [],
  }),
  writeProject: async (layers, options) => ({
    data: featuresToKml(layers, options.name, options.columns, undefined, options.zones),
    notes: [],
  }),
};

const kmz: FileFormat = {
  id: 'kmz',
  label: 'KMZ',
  extensions: ['kmz'],
  read: async (input) =>
    (await import('../read-xml-formats')).readKmz(input.file.bytes, input.file.name, input.environment.parseXml),
  write: async (features, options) => ({
    data: (await import('../write-kmz')).featuresToKmz(
      [{ name: options.name, features, styleBy: options.styleBy ?? 'status' }],
      options.name,
      options.columns,
      options.zones,
    ),
    notes: [],
  }),
  writeProject: async (layers, options) => ({
    data: (await import('../write-kmz')).featuresToKmz(layers, options.name, options.columns, options.zones),
    notes: [],
  }),
  exportLabel: 'KMZ (Google Earth)',
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
  write: async (features, options) =>
    (await import('../write-shapefile')).featuresToShapefileZip(features, safeFileName(options.name), options.columns),
  exportLabel: 'Shapefile (zip)',
};

const isSqlite = (head: Uint8Array) => new TextDecoder().decode(head.subarray(0, 15)) === 'SQLite format 3';

const geopackage: FileFormat = {
  id: 'geopackage',
  label: 'GeoPackage',
  extensions: ['gpkg'],
  read: async (input) =>
    (await import('../geopackage')).readGeoPackage(input.file.bytes, input.file.name, input.options),
  write: async (features, options) => ({
    data: await (await import('../geopackage')).writeGeoPackage([{ name: options.name, features }], options.columns),
    notes: [],
  }),
  writeProject: async (layers, options) => ({
    data: await (await import('../geopackage')).writeGeoPackage(layers, options.columns),
    notes: [],
  }),
};

const flatgeobuf: FileFormat = {
  id: 'flatgeobuf',
  label: 'FlatGeobuf',
  extensions: ['fgb'],
  read: async (input) => (await import('../flatgeobuf')).readFlatGeobuf(input.file.bytes, input.file.name),
  write: async (features, options) => ({
    data: (await import('../flatgeobuf')).featuresToFlatGeobuf(features, options.columns),
    notes: [],
  }),
};

const xlsx: FileFormat = {
  id: 'xlsx',
  label: 'Excel (xlsx)',
  extensions: ['xlsx'],
  read: async (input) =>
    (await import('../read-xlsx')).readXlsx(
      input.file.bytes,
      input.file.name,
      input.options,
      input.environment.roads,
      input.report,
    ),
  write: async (features, options) =>
    (await import('../write-xlsx')).featuresToXlsx(features, options.name, options.columns),
};

const dxf: FileFormat = {
  id: 'dxf',
  label: 'DXF (AutoCAD)',
  extensions: ['dxf'],
  sniff: (head) => /^\s*0\s*\r?\n\s*SECTION\s*\r?\n/.test(head) || head.startsWith('AutoCAD Binary DXF'),
  read: async (input) => (await import('../read-dxf')).readDxf(input.file.bytes, input.file.name, input.options),
  write: async (features, options) => (await import('../write-dxf')).featuresToDxf(features, options.name, options.crs),
};

/** DWG is AutoCAD's closed format: no kept reader exists, so the user is told how to save the drawing as DXF. */
const dwg: FileFormat = {
  id: 'dwg',
  label: 'DWG (AutoCAD)',
  extensions: ['dwg'],
  read: async (input) => ({
    ok: false,
    error: problem('file.dwg', { file: input.file.name }),
  }),
};

/** Every format Rumija reads or writes: the open dialog, the drop handler, the exports and the CLI read this list. */
const FILE_FORMATS: readonly FileFormat[] = [
  geojson,
  ndjson,
  csv,
  xlsx,
  kml,
  kmz,
  gpx,
  shapefile,
  geopackage,
  flatgeobuf,
  dxf,
  dwg,
];

/** Formats that write several layers into one file (a whole project). */
export const PROJECT_FORMATS = FILE_FORMATS.filter((format) => format.writeProject);

/** Formats a layer can be exported to, in menu order. */
export const EXPORT_FORMATS = FILE_FORMATS.filter((format) => format.write);

/** Extensions a user can pick (a Shapefile's other parts come along with its .shp). */
export const IMPORT_EXTENSIONS = [...FILE_FORMATS.flatMap((format) => format.extensions), 'dbf', 'shx', 'prj', 'cpg'];

export function formatById(id: FormatId): FileFormat {
  return FILE_FORMATS.find((format) => format.id === id)!;
}

/** Features written in an export format; the file extension is the format's first. */
export function writeFeatures(
  features: readonly StoredFeature[],
  id: FormatId,
  options: ExportOptions | string,
): Promise<ExportOutput> {
  const format = formatById(id);
  if (!format.write) throw new ProblemError(problem('file.cannotWrite', { format: format.label }));
  return format.write(features, typeof options === 'string' ? { name: options } : options);
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
  if (holds(/^xl\/workbook\.xml$/)) return xlsx;
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
  if (isSqlite(file.bytes)) return geopackage;
  if (file.bytes[0] === 0x66 && file.bytes[1] === 0x67 && file.bytes[2] === 0x62) return flatgeobuf;
  if (new TextDecoder().decode(file.bytes.subarray(0, 4)) === 'AC10') return dwg;
  const head = new TextDecoder().decode(file.bytes.subarray(0, 4096)).replace(/^\uFEFF/, '');
  const sniffed = FILE_FORMATS.find((format) => format.sniff?.(head));
  if (sniffed) return sniffed.id === 'geojson' && ndjson.extensions.includes(extension) ? ndjson : sniffed;
  return FILE_FORMATS.find((format) => format.extensions.includes(extension)) ?? null;
}
