import proj4 from 'proj4';
import type { Geometry } from 'geojson';
import { positionsOf } from '../geo/positions-of';
import type { ParseResult } from './parse-geojson';
import { nameOfProperties, type SourceRecord } from './check-records';
import type { FormatRead, ImportFile, ReadOptions } from './formats/file-format';
import { crsName, resolveCrsCode } from '../geo/known-crs';
import { suggestCrs } from '../geo/suggest-crs';
import { unzipSafely } from './zip-guard';
import { reprojectRecords } from './reproject-records';
import { writeField } from '../model/field-value';
import { problem, type Problem } from '../messages/problem';

/** The files of one Shapefile, by lower-case extension. */
export type ShapefileParts = Partial<Record<'shp' | 'shx' | 'dbf' | 'prj' | 'cpg', ImportFile>>;

export const SHAPEFILE_PART_EXTENSIONS = ['shp', 'shx', 'dbf', 'prj', 'cpg'] as const;

/** DBF language driver ids (header byte 29) and the code pages they name, as GDAL reads them. */
const LANGUAGE_DRIVERS: Record<number, string> = {
  0x01: 'windows-1252', // DOS USA (cp437): read as 1252, which agrees on letters and digits
  0x02: 'windows-1252', // DOS Multilingual (cp850)
  0x03: 'windows-1252',
  0x57: 'windows-1252', // ESRI ANSI
  0x58: 'windows-1252',
  0x59: 'windows-1252',
  0x26: 'ibm866',
  0x65: 'ibm866',
  0x64: 'windows-1250',
  0x4d: 'gbk',
  0x4e: 'euc-kr',
  0x4f: 'big5',
  0x50: 'windows-874',
  0x7a: 'gbk',
  0x7b: 'shift_jis',
  0x7c: 'windows-874',
  0xc8: 'windows-1250',
  0xc9: 'windows-1251',
  0xca: 'windows-1254',
  0xcb: 'windows-1253',
};

const isUtf8 = (bytes: Uint8Array) => {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
};

/** The DBF's text encoding: its .cpg, else the header's code page, else UTF-8 when the bytes are UTF-8, else 1252. */
export function dbfEncoding(dbf: Uint8Array, cpg: string | undefined): { encoding: string; warningCode?: string } {
  if (cpg?.trim()) return { encoding: cpg.trim() };
  const fromHeader = LANGUAGE_DRIVERS[dbf[29] ?? 0];
  if (fromHeader) return { encoding: fromHeader };
  if (isUtf8(dbf.subarray(32))) return { encoding: 'utf-8' };
  return {
    encoding: 'windows-1252',
    warningCode: 'shp.dbfWindows1252',
  };
}

const CRS_NAME = /^\s*(?:PROJCS|GEOGCS|PROJCRS|GEOGCRS)\["([^"]+)"/;

/** DBF values as the rest of the app keeps them: empty numbers null, dates as YYYY-MM-DD. */
function cleanRow(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    if (typeof value === 'number' && Number.isNaN(value)) writeField(out, key, null);
    else if (value instanceof Date) writeField(out, key, Number.isNaN(value.getTime()) ? null : dateOnly(value));
    else writeField(out, key, value);
  }
  return out;
}

const dateOnly = (date: Date) =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

/** Every coordinate fits lon/lat. */
const looksGeographic = (positions: number[][]) =>
  positions.length > 0 && positions.every(([x, y]) => Math.abs(x!) <= 180 && Math.abs(y!) <= 90);

/** Shape types of the ESRI Shapefile specification that hold points, lines or areas (0 is the null shape). */
const SHAPE_TYPES = new Set([0, 1, 3, 5, 8, 11, 13, 15, 18, 21, 23, 25, 28]);
const MULTIPATCH = 31;

/** The file-wide shape type from the .shp header (bytes 32–35, little-endian); null when the header is short. */
function shapeTypeOf(bytes: Uint8Array): number | null {
  if (bytes.byteLength < 100) return null;
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getInt32(32, true);
}

/** One Shapefile (its parts in memory) to records: geometry from .shp, attributes from .dbf, CRS from .prj. */
async function readOne(name: string, parts: ShapefileParts, options: ReadOptions): Promise<ParseResult<FormatRead>> {
  const missing = (['shp', 'dbf'] as const).filter((extension) => !parts[extension]);
  if (missing.length)
    return {
      ok: false,
      error: problem('shp.missingParts', { file: name, parts: missing.map((m) => `.${m}`).join(', ') }),
    };
  const text = (file: ImportFile | undefined) => (file ? new TextDecoder().decode(file.bytes) : undefined);
  const prj = text(parts.prj)?.trim();
  const warnings: Problem[] = [];
  if (prj) {
    try {
      proj4(prj);
    } catch (error) {
      return {
        ok: false,
        error: problem('shp.badPrj', { file: parts.prj!.name, detail: String((error as Error).message ?? error) }),
      };
    }
  }
  const dbfBytes = parts.dbf!.bytes;
  const { encoding, warningCode } = dbfEncoding(dbfBytes, text(parts.cpg));
  if (warningCode) warnings.push(problem(warningCode, { file: parts.dbf!.name }));
  const shapeType = shapeTypeOf(parts.shp!.bytes);
  if (shapeType !== null && !SHAPE_TYPES.has(shapeType))
    return {
      ok: false,
      error:
        shapeType === MULTIPATCH
          ? problem('shp.multiPatch', { file: name })
          : problem('shp.unknownShapeType', { file: name, shapeType: String(shapeType) }),
    };
  let shapes: unknown[];
  let rows: Record<string, unknown>[];
  try {
    // Loaded when needed; as an ES module it also works in Node (its CommonJS build expects a browser).
    const { parseShp, parseDbf } = await import('shpjs');
    const view = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    shapes = parseShp(view(parts.shp!.bytes), prj) as unknown[];
    rows = parseDbf(view(dbfBytes), encoding) as Record<string, unknown>[];
  } catch (error) {
    return {
      ok: false,
      error: problem('shp.unreadable', { file: name, detail: (error as Error).message }),
    };
  }
  if (rows.length !== shapes.length)
    warnings.push(problem('shp.countMismatch', { file: name, shapes: shapes.length, rows: rows.length }));
  const records: SourceRecord[] = shapes.map((geometry, index) => {
    const properties = cleanRow(rows[index] ?? {});
    return { geometry, properties, name: nameOfProperties(properties) };
  });
  let crs = prj ? (CRS_NAME.exec(prj)?.[1] ?? '.prj') : '';
  let crsChoice: FormatRead['crsChoice'];
  if (!prj) {
    const positions = records.flatMap((record) => (record.geometry ? positionsOf(record.geometry as Geometry) : []));
    const chosen = options.crs ? resolveCrsCode(options.crs) : null;
    const candidates = chosen || looksGeographic(positions) ? [] : suggestCrs(positions);
    const guessed =
      chosen ?? (looksGeographic(positions) ? 'EPSG:4326' : candidates.length === 1 ? candidates[0]! : null);
    crsChoice = 'any';
    if (!guessed) {
      return {
        ok: true,
        value: {
          records: [],
          crs: '?',
          warnings: [
            candidates.length > 1
              ? problem('shp.chooseCrsOf', { file: name, candidates: candidates.map(crsName).join(', ') })
              : problem('shp.chooseCrs', { file: name }),
          ],
          crsChoice: 'required',
          suggestedCrs: candidates,
        },
      };
    }
    if (!chosen) warnings.push(problem('shp.crsGuessed', { file: name, crs: crsName(guessed) }));
    if (guessed !== 'EPSG:4326') reprojectRecords(records, guessed);
    crs = crsName(guessed) === guessed ? guessed : `${crsName(guessed)} (${guessed})`;
  }
  return { ok: true, value: { records, crs, warnings, crsChoice } };
}

/** Groups the files of a zip or a multi-file pick into Shapefiles by base name. */
export function groupShapefileParts(files: ImportFile[]): Map<string, ShapefileParts> {
  const groups = new Map<string, ShapefileParts>();
  for (const file of files) {
    const match = /^(.*)\.(shp|shx|dbf|prj|cpg)$/i.exec(file.name);
    if (!match) continue;
    const base = match[1]!;
    const parts = groups.get(base.toLowerCase()) ?? {};
    parts[match[2]!.toLowerCase() as keyof ShapefileParts] = file;
    groups.set(base.toLowerCase(), parts);
  }
  return groups;
}

/**
 * A Shapefile: a .zip holding one or more, or a .shp picked with its .dbf/.shx/.prj/.cpg. Several
 * Shapefiles in one zip are merged, each record keeping a `layer` attribute naming its file.
 */
export async function readShapefile(
  file: ImportFile,
  siblings: ImportFile[],
  options: ReadOptions,
): Promise<ParseResult<FormatRead>> {
  let files: ImportFile[];
  if (/\.zip$/i.test(file.name)) {
    const entries = unzipSafely(file.bytes, file.name, (entry) => /\.(shp|shx|dbf|prj|cpg)$/i.test(entry));
    if (!entries.ok) return entries;
    files = [...entries.value].map(([entry, bytes]) => ({ name: `${file.name}/${entry}`, bytes }));
  } else files = [file, ...siblings];
  const groups = [...groupShapefileParts(files)].filter(([, parts]) => parts.shp);
  if (groups.length === 0) return { ok: false, error: problem('shp.noShpInZip', { file: file.name }) };
  const reads: FormatRead[] = [];
  for (const [, parts] of groups) {
    const read = await readOne(parts.shp!.name, parts, options);
    if (!read.ok) return read;
    reads.push(read.value);
  }
  if (reads.length === 1) return { ok: true, value: reads[0]! };
  const records = reads.flatMap((read, index) => {
    const layer = groups[index]![1].shp!.name.replace(/^.*\//, '').replace(/\.shp$/i, '');
    return read.records.map((record) => ({ ...record, properties: { ...record.properties, layer } }));
  });
  return {
    ok: true,
    value: {
      records,
      crs: [...new Set(reads.map((read) => read.crs))].join(', '),
      warnings: reads.flatMap((read) => read.warnings),
      crsChoice: reads.find((read) => read.crsChoice === 'required')?.crsChoice ?? reads[0]!.crsChoice,
    },
  };
}
