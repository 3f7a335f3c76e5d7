import { zipSync } from 'fflate';
import type { Geometry, Position } from 'geojson';
import type { StoredFeature } from '../model/layer';
import { normalizeGeometry } from './export-layer';
import {
  cellAs,
  columnTypes,
  exportTable,
  FIELD_CODES,
  type ColumnType,
  type ExportColumns,
  type ExportCell,
} from './export-table';
import { problem, ProblemError, type Problem } from '../messages/problem';

/** What GDAL writes for EPSG:4326 (ESRI WKT). */
const WGS84_PRJ =
  'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';

type ShapeKind = { type: 1 | 3 | 5 | 8; suffix: string };
const POINT: ShapeKind = { type: 1, suffix: 'titik' };
const MULTIPOINT: ShapeKind = { type: 8, suffix: 'multititik' };
const POLYLINE: ShapeKind = { type: 3, suffix: 'garis' };
const POLYGON: ShapeKind = { type: 5, suffix: 'poligon' };

function shapeKindOf(geometry: Geometry): ShapeKind | null {
  switch (geometry.type) {
    case 'Point':
      return POINT;
    case 'MultiPoint':
      return MULTIPOINT;
    case 'LineString':
    case 'MultiLineString':
      return POLYLINE;
    case 'Polygon':
    case 'MultiPolygon':
      return POLYGON;
    default:
      return null;
  }
}

/** The parts of a geometry as the Shapefile stores them: polygon outer rings clockwise, holes counter-clockwise. */
function partsOf(geometry: Geometry): Position[][] {
  const normalized = normalizeGeometry(geometry);
  switch (normalized.type) {
    case 'Point':
      return [[normalized.coordinates]];
    case 'MultiPoint':
      return [normalized.coordinates];
    case 'LineString':
      return [normalized.coordinates];
    case 'MultiLineString':
      return normalized.coordinates;
    // RFC 7946 order (outer counter-clockwise) reversed is the Shapefile's.
    case 'Polygon':
      return normalized.coordinates.map((ring) => [...ring].reverse());
    case 'MultiPolygon':
      return normalized.coordinates.flat().map((ring) => [...ring].reverse());
    default:
      return [];
  }
}

function boundsOf(parts: Position[][]): [number, number, number, number] {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const part of parts)
    for (const [x, y] of part) {
      minX = Math.min(minX, x!);
      minY = Math.min(minY, y!);
      maxX = Math.max(maxX, x!);
      maxY = Math.max(maxY, y!);
    }
  return [minX, minY, maxX, maxY];
}

function contentBytes(type: number, parts: Position[][]): Uint8Array {
  const points = parts.flat();
  const size = type === 1 ? 20 : type === 8 ? 40 + 16 * points.length : 44 + 4 * parts.length + 16 * points.length;
  const view = new DataView(new ArrayBuffer(size));
  view.setInt32(0, type, true);
  if (type === 1) {
    view.setFloat64(4, points[0]![0]!, true);
    view.setFloat64(12, points[0]![1]!, true);
    return new Uint8Array(view.buffer);
  }
  boundsOf(parts).forEach((value, index) => view.setFloat64(4 + index * 8, value, true));
  let at = 36;
  if (type !== 8) {
    view.setInt32(at, parts.length, true);
    at += 4;
  }
  view.setInt32(at, points.length, true);
  at += 4;
  if (type !== 8) {
    let start = 0;
    for (const part of parts) {
      view.setInt32(at, start, true);
      at += 4;
      start += part.length;
    }
  }
  for (const [x, y] of points) {
    view.setFloat64(at, x!, true);
    view.setFloat64(at + 8, y!, true);
    at += 16;
  }
  return new Uint8Array(view.buffer);
}

function writeHeader(view: DataView, type: number, fileBytes: number, bounds: number[]) {
  view.setInt32(0, 9994);
  view.setInt32(24, fileBytes / 2);
  view.setInt32(28, 1000, true);
  view.setInt32(32, type, true);
  bounds.forEach((value, index) => view.setFloat64(36 + index * 8, Number.isFinite(value) ? value : 0, true));
}

function shpAndShx(type: number, geometries: Position[][][]): { shp: Uint8Array; shx: Uint8Array } {
  const contents = geometries.map((parts) => contentBytes(type, parts));
  const shpBytes = 100 + contents.reduce((sum, content) => sum + 8 + content.byteLength, 0);
  const shp = new Uint8Array(shpBytes);
  const shx = new Uint8Array(100 + 8 * contents.length);
  const shpView = new DataView(shp.buffer);
  const shxView = new DataView(shx.buffer);
  const bounds = boundsOf(geometries.flat());
  writeHeader(shpView, type, shp.byteLength, bounds);
  writeHeader(shxView, type, shx.byteLength, bounds);
  let offset = 100;
  contents.forEach((content, index) => {
    shxView.setInt32(100 + index * 8, offset / 2);
    shxView.setInt32(104 + index * 8, content.byteLength / 2);
    shpView.setInt32(offset, index + 1);
    shpView.setInt32(offset + 4, content.byteLength / 2);
    shp.set(content, offset + 8);
    offset += 8 + content.byteLength;
  });
  return { shp, shx };
}

/** DBF field names: ASCII, at most 10 characters, unique whatever the case (as GDAL shortens them). */
export function shortFieldNames(names: readonly string[]): string[] {
  const used = new Set<string>();
  return names.map((name) => {
    const ascii =
      name
        .normalize('NFKD')
        .replace(/[^\w]+/g, '_')
        .replace(/^_+|_+$/g, '')
        .replace(/_+/g, '_') || 'kolom';
    let candidate = ascii.slice(0, 10);
    for (let n = 1; used.has(candidate.toLowerCase()); n++)
      candidate = `${ascii.slice(0, 10 - String(n).length - 1)}_${n}`;
    used.add(candidate.toLowerCase());
    return candidate;
  });
}

const encoder = new TextEncoder();

/** The longest prefix of text that fits in `limit` UTF-8 bytes without cutting a character. */
function utf8Prefix(text: string, limit: number): Uint8Array {
  const bytes = encoder.encode(text);
  if (bytes.byteLength <= limit) return bytes;
  let end = limit;
  while (end > 0 && (bytes[end]! & 0xc0) === 0x80) end--;
  return bytes.subarray(0, end);
}

interface DbfField {
  name: string;
  type: 'C' | 'N' | 'L';
  length: number;
  decimals: number;
}

function dbfFieldOf(name: string, type: ColumnType, values: ExportCell[]): DbfField {
  if (type === 'boolean') return { name, type: 'L', length: 1, decimals: 0 };
  if (type === 'integer') return { name, type: 'N', length: 11, decimals: 0 };
  if (type === 'real') return { name, type: 'N', length: 24, decimals: 8 };
  const longest = values.reduce<number>(
    (max, value) => Math.max(max, value === null ? 0 : encoder.encode(String(value)).byteLength),
    1,
  );
  return { name, type: 'C', length: Math.min(254, longest), decimals: 0 };
}

/** dBase III table, UTF-8 (the .cpg says so), numbers right-aligned, empty cells blank (GDAL reads them as null). */
function writeDbf(fields: DbfField[], rows: ExportCell[][], notes: { truncated: number }): Uint8Array {
  const headerLength = 32 + 32 * fields.length + 1;
  const recordLength = 1 + fields.reduce((sum, field) => sum + field.length, 0);
  const bytes = new Uint8Array(headerLength + recordLength * rows.length + 1).fill(0x20, headerLength);
  const view = new DataView(bytes.buffer);
  const today = new Date();
  bytes.set([0x03, today.getFullYear() - 1900, today.getMonth() + 1, today.getDate()]);
  view.setUint32(4, rows.length, true);
  view.setUint16(8, headerLength, true);
  view.setUint16(10, recordLength, true);
  fields.forEach((field, index) => {
    const at = 32 + index * 32;
    bytes.fill(0, at, at + 32);
    bytes.set(encoder.encode(field.name), at);
    bytes[at + 11] = field.type.charCodeAt(0);
    bytes[at + 16] = field.length;
    bytes[at + 17] = field.decimals;
  });
  bytes[headerLength - 1] = 0x0d;
  rows.forEach((row, r) => {
    let at = headerLength + r * recordLength + 1;
    fields.forEach((field, c) => {
      const value = row[c];
      let cell: Uint8Array | null = null;
      if (value !== null && value !== undefined) {
        if (field.type === 'L') cell = encoder.encode(value ? 'T' : 'F');
        else if (field.type === 'N') {
          const text = field.decimals ? Number(value).toFixed(field.decimals) : String(Math.round(Number(value)));
          cell = encoder.encode(text.padStart(field.length, ' '));
        } else {
          cell = utf8Prefix(String(value), field.length);
          if (cell.byteLength < encoder.encode(String(value)).byteLength) notes.truncated++;
        }
      }
      if (cell) bytes.set(cell.subarray(0, field.length), at);
      at += field.length;
    });
  });
  bytes[bytes.length - 1] = 0x1a;
  return bytes;
}

/**
 * A zipped Shapefile (ESRI Shapefile with .shp, .shx, .dbf, .prj, .cpg in UTF-8). One geometry type per
 * Shapefile: a layer of points and lines becomes `…_titik` and `…_garis` in the same zip. Field names are
 * shortened to 10 characters; the mapping is returned as notes and written beside them (`…_kolom.txt`).
 */
export function featuresToShapefileZip(
  features: readonly StoredFeature[],
  baseName: string,
  columns: ExportColumns = FIELD_CODES,
): { data: Uint8Array<ArrayBuffer>; notes: Problem[] } {
  const groups = new Map<ShapeKind, number[]>();
  features.forEach((feature, index) => {
    const kind = shapeKindOf(feature.geometry);
    if (!kind)
      throw new ProblemError(
        problem('exportNote.shapefileGeometry', { file: baseName, id: feature.id, type: feature.geometry.type }),
      );
    const group = groups.get(kind);
    if (group) group.push(index);
    else groups.set(kind, [index]);
  });
  const table = exportTable(features, columns);
  const types = columnTypes(table);
  const shortNames = shortFieldNames(table.names);
  const files: Record<string, Uint8Array> = {};
  const counts = { truncated: 0 };
  for (const [kind, indexes] of groups) {
    const name = groups.size > 1 ? `${baseName}_${kind.suffix}` : baseName;
    const rows = indexes.map((index) => table.rows[index]!.map((value, c) => cellAs(types[c]!, value)));
    const fields = shortNames.map((short, c) =>
      dbfFieldOf(
        short,
        types[c]!,
        rows.map((row) => row[c]!),
      ),
    );
    const { shp, shx } = shpAndShx(
      kind.type,
      indexes.map((index) => partsOf(features[index]!.geometry)),
    );
    files[`${name}.shp`] = shp;
    files[`${name}.shx`] = shx;
    files[`${name}.dbf`] = writeDbf(fields, rows, counts);
    files[`${name}.prj`] = encoder.encode(WGS84_PRJ);
    files[`${name}.cpg`] = encoder.encode('UTF-8');
  }
  const renamed = table.names
    .map((name, c) => [name, shortNames[c]!] as const)
    .filter(([name, short]) => name !== short);
  const notes: Problem[] = [];
  if (renamed.length)
    notes.push(
      problem('exportNote.shortenedColumns', {
        columns: renamed.map(([name, short]) => `${short} = ${name}`).join('; '),
      }),
    );
  if (counts.truncated) notes.push(problem('exportNote.textCut', { count: counts.truncated }));
  if (groups.size > 1)
    notes.push(
      problem('exportNote.shapefilePerType', {
        files: [...groups.keys()].map((kind) => `${baseName}_${kind.suffix}`).join(', '),
      }),
    );
  files[`${baseName}_kolom.txt`] = encoder.encode(
    `\ufeffkolom_shapefile\tnama_asli / original name\r\n${shortNames.map((short, c) => `${short}\t${table.names[c]}`).join('\r\n')}\r\n`,
  );
  return { data: zipSync(files) as Uint8Array<ArrayBuffer>, notes };
}
