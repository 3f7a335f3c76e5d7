import type { Geometry, Position } from 'geojson';
import { parseSta } from '../geo/chainage';
import { pointAtSta, ruasLengthM, slicePathsByChainage } from '../geo/ruas-reference';
import { formatSta } from '../format/format-number';
import type { ParseResult } from './parse-geojson';
import type { SourceRecord } from './check-records';
import type { FormatRead } from './formats/file-format';
import type { ProgressSink } from './import-progress';
import { problem, type Problem } from '../messages/problem';

/** A ruas's segments as a linear reference (see `ruasPaths`), by ruas number. */
type RoadPaths = Record<string, Position[][]>;

/** Asks the app for the paths of the ruas a file names (only those, only when a file places rows by STA). */
export type RoadLookup = (ruasNumbers: string[]) => Promise<RoadPaths>;

const RUAS_NAMES = ['no_ruas', 'nomor_ruas', 'no ruas', 'nomor ruas', 'ruas', 'kode_ruas', 'ruasnumber', 'no_link'];
const FROM_NAMES = ['sta', 'sta_awal', 'sta awal', 'sta_dari', 'dari_sta', 'sta_mulai'];
const TO_NAMES = ['sta_akhir', 'sta akhir', 'sta_sampai', 'sampai_sta', 'ke_sta', 'sta_selesai'];

export interface StaColumns {
  ruas: string;
  from: string;
  to?: string;
}

const find = (headers: string[], names: string[]) =>
  headers.find((header) => names.includes(header.trim().toLowerCase()));

/** The columns that place a row on the road network: a ruas number and an STA (a point) or two (a range). */
export function staColumnsOf(headers: string[]): StaColumns | null {
  const ruas = find(headers, RUAS_NAMES);
  const from = find(headers, FROM_NAMES);
  if (!ruas || !from) return null;
  return { ruas, from, to: find(headers, TO_NAMES) };
}

const text = (value: unknown) => (value === null || value === undefined ? '' : String(value).trim());
const key = (ruas: string) => ruas.toUpperCase();

/**
 * Rows kept the way road offices keep condition and inventory lists (`no_ruas, sta_awal, sta_akhir, kondisi`) placed
 * by linear referencing: a point at one STA, or the stretch between two. Rows that cannot be placed are listed by
 * row number and reason and not imported; the rest are, once the user confirms.
 */
export async function placeRowsBySta(
  rows: Record<string, unknown>[],
  columns: StaColumns,
  fileName: string,
  roads: RoadLookup | undefined,
  report: ProgressSink = () => undefined,
  firstRow = 2,
): Promise<ParseResult<FormatRead>> {
  if (rows.length === 0) return { ok: false, error: problem('file.noDataRows', { file: fileName }) };
  if (!roads)
    return {
      ok: false,
      error: problem('sta.noNetwork', { file: fileName }),
    };
  const wanted = [...new Set(rows.map((row) => text(row[columns.ruas])).filter(Boolean))];
  const found = await roads(wanted);
  const paths = new Map(Object.entries(found).map(([ruas, value]) => [key(ruas), value]));
  const records: SourceRecord[] = [];
  const unplaced: Problem[] = [];
  rows.forEach((row, index) => {
    report({ phase: 'parse', done: index + 1, total: rows.length, features: records.length });
    const label = `baris ${index + firstRow}`;
    const ruas = text(row[columns.ruas]);
    const fromText = text(row[columns.from]);
    const toText = columns.to ? text(row[columns.to]) : '';
    const properties = { ...row };
    const place = (): Geometry | Problem => {
      if (!ruas) return problem('sta.noRuas');
      const network = paths.get(key(ruas));
      if (!network?.length) return problem('sta.ruasNotInNetwork', { ruas });
      const from = parseSta(fromText);
      if (from === null) return problem('sta.badSta', { sta: fromText });
      const to = toText ? parseSta(toText) : from;
      if (to === null) return problem('sta.badEndSta', { sta: toText });
      const length = ruasLengthM(network);
      const end = Math.max(from, to);
      if (end > length + 0.5) return problem('sta.pastEnd', { sta: formatSta(end), ruas, end: formatSta(length) });
      if (to < from) return problem('sta.startAfterEnd', { from: formatSta(from), to: formatSta(to) });
      if (to === from) {
        const point = pointAtSta(network, Math.min(from, length));
        return point ? { type: 'Point', coordinates: point } : problem('sta.notOnRuas', { sta: formatSta(from), ruas });
      }
      const slices = slicePathsByChainage(network, from, Math.min(to, length)).filter((path) => path.length >= 2);
      if (slices.length === 0) return problem('sta.notOnRuas', { sta: `${formatSta(from)}–${formatSta(to)}`, ruas });
      return slices.length === 1
        ? { type: 'LineString', coordinates: slices[0]! }
        : { type: 'MultiLineString', coordinates: slices };
    };
    const placed = place();
    if ('code' in placed) unplaced.push(problem('sta.unplacedRow', { row: index + firstRow, problem: placed }));
    else records.push({ geometry: placed, properties, name: label });
  });
  if (records.length === 0)
    return {
      ok: false,
      error: problem('sta.nonePlaced', { file: fileName, rows: unplaced.slice(0, 5) }),
    };
  return {
    ok: true,
    value: { records, crs: 'ruas + STA', warnings: [], unplaced },
  };
}
