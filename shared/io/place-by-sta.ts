import type { Geometry, Position } from 'geojson';
import { parseSta } from '../geo/chainage';
import { pointAtSta, ruasLengthM, slicePathsByChainage } from '../geo/ruas-reference';
import { formatSta } from '../format/format-number';
import type { ParseResult } from './parse-geojson';
import type { SourceRecord } from './check-records';
import type { FormatRead } from './formats/file-format';
import type { ProgressSink } from './import-progress';

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
  if (rows.length === 0) return { ok: false, error: `${fileName}: tidak ada baris data / no data rows` };
  if (!roads)
    return {
      ok: false,
      error: `${fileName}: baris ditempatkan menurut ruas dan STA, tetapi jaringan jalan tidak tersedia di sini / rows are placed by ruas and STA, but no road network is available here`,
    };
  const wanted = [...new Set(rows.map((row) => text(row[columns.ruas])).filter(Boolean))];
  const found = await roads(wanted);
  const paths = new Map(Object.entries(found).map(([ruas, value]) => [key(ruas), value]));
  const records: SourceRecord[] = [];
  const unplaced: string[] = [];
  rows.forEach((row, index) => {
    report({ phase: 'parse', done: index + 1, total: rows.length, features: records.length });
    const label = `baris ${index + firstRow}`;
    const ruas = text(row[columns.ruas]);
    const fromText = text(row[columns.from]);
    const toText = columns.to ? text(row[columns.to]) : '';
    const properties = { ...row };
    const place = (): Geometry | string => {
      if (!ruas) return 'nomor ruas kosong / no ruas number';
      const network = paths.get(key(ruas));
      if (!network?.length) return `ruas ${ruas} tidak ada di jaringan jalan / not in the road network`;
      const from = parseSta(fromText);
      if (from === null) return `STA "${fromText}" tidak terbaca / cannot read the STA`;
      const to = toText ? parseSta(toText) : from;
      if (to === null) return `STA akhir "${toText}" tidak terbaca / cannot read the end STA`;
      const length = ruasLengthM(network);
      const end = Math.max(from, to);
      if (end > length + 0.5)
        return `${formatSta(end)} melewati ujung ruas ${ruas} (${formatSta(length)}) / past the end of the ruas`;
      if (to < from) return `STA awal ${formatSta(from)} sesudah STA akhir ${formatSta(to)} / start after end`;
      if (to === from) {
        const point = pointAtSta(network, Math.min(from, length));
        return point
          ? { type: 'Point', coordinates: point }
          : `${formatSta(from)} tidak di ruas ${ruas} / not on the ruas`;
      }
      const slices = slicePathsByChainage(network, from, Math.min(to, length)).filter((path) => path.length >= 2);
      if (slices.length === 0) return `${formatSta(from)}–${formatSta(to)} tidak di ruas ${ruas} / not on the ruas`;
      return slices.length === 1
        ? { type: 'LineString', coordinates: slices[0]! }
        : { type: 'MultiLineString', coordinates: slices };
    };
    const placed = place();
    if (typeof placed === 'string') unplaced.push(`${label}: ${placed}`);
    else records.push({ geometry: placed, properties, name: label });
  });
  if (records.length === 0)
    return {
      ok: false,
      error: `${fileName}: tidak satu baris pun dapat ditempatkan di jaringan jalan / no row could be placed on the road network — ${unplaced.slice(0, 5).join('; ')}`,
    };
  return {
    ok: true,
    value: { records, crs: 'ruas + STA pada jaringan jalan / on the road network', warnings: [], unplaced },
  };
}
