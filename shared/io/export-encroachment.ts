import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { csvCell } from './csv-cell';
import { normalizeGeometry } from './export-layer';
import { positionsOf } from '../geo/positions-of';
import type { EncroachmentResult } from '../analysis/encroachment';
import type { StoredFeature } from '../model/layer';
import type { RetributionEstimate, RetributionLine } from '../tariff/estimate-retribution';

/** Rows joined into one piece before it is handed on: fewer, larger writes. */
const ROWS_PER_PIECE = 2_048;

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

export interface EncroachmentRow {
  id: string;
  kategori: string;
  pemilik: string;
  jenis_pemilik: string;
  zona: string;
  ruas: string;
  koridor: string;
  jarak_as_m: number | null;
  sta_m: number | null;
  jumlah_dalam_rumija: number;
  satuan: string;
  tarif_per_tahun_idr: number;
  retribusi_idr: number;
  masalah: string;
  jadwal_tarif: string;
  tarif_contoh: boolean;
}

/** The flat row of one asset: its result, and its retribution line if it has one. */
function encroachmentRow(
  asset: StoredFeature,
  result: EncroachmentResult | undefined,
  line: RetributionLine | undefined,
  estimate: RetributionEstimate,
  schedule: string,
): EncroachmentRow {
  return {
    id: asset.id,
    kategori: String(asset.properties.category ?? ''),
    pemilik: String(asset.properties.owner ?? ''),
    jenis_pemilik: String(asset.properties.ownerType ?? ''),
    zona: result?.zone ?? 'luar',
    ruas: result?.ruasNumber ?? '',
    koridor: result?.corridorIds.join(';') ?? '',
    jarak_as_m: result?.offsetM === null || result?.offsetM === undefined ? null : round(result.offsetM, 2),
    sta_m: result?.staM === null || result?.staM === undefined ? null : round(result.staM, 1),
    jumlah_dalam_rumija: round(result?.quantity ?? 0, 2),
    satuan: result?.unit ?? '',
    tarif_per_tahun_idr: line?.ratePerYearIdr ?? 0,
    retribusi_idr: line?.amountIdr ?? 0,
    masalah: line?.problem ?? '',
    jadwal_tarif: schedule,
    tarif_contoh: estimate.example,
  };
}

/** Each asset's row, in asset order (`results[i]` is `assets[i]`); lines are matched by position, not by id. */
export function* encroachmentRowsOf(
  assets: readonly StoredFeature[],
  results: readonly EncroachmentResult[],
  estimate: RetributionEstimate,
): Generator<EncroachmentRow> {
  // By position in an array, not a Map: a register of a million assets looks its line up a million times.
  const lineByIndex: (RetributionLine | undefined)[] = new Array(assets.length);
  for (const line of estimate.lines) lineByIndex[line.assetIndex] = line;
  const schedule = `${estimate.scheduleId} v${estimate.scheduleVersion}`;
  for (let index = 0; index < assets.length; index++) {
    yield encroachmentRow(assets[index]!, results[index], lineByIndex[index], estimate, schedule);
  }
}

/** One flat row per asset with the computed fields, shared by the GeoJSON and CSV exports. */
export function encroachmentRows(
  assets: readonly StoredFeature[],
  results: readonly EncroachmentResult[],
  estimate: RetributionEstimate,
): EncroachmentRow[] {
  return [...encroachmentRowsOf(assets, results, estimate)];
}

/** The report as GeoJSON text in pieces of a few thousand features, for writing without one giant string. */
export function* encroachmentGeoJsonChunks(
  assets: readonly StoredFeature[],
  rows: Iterable<EncroachmentRow>,
): Generator<string> {
  yield '{"type":"FeatureCollection","features":[';
  let index = 0;
  let batch: string[] = [];
  for (const row of rows) {
    const feature: Feature = {
      type: 'Feature',
      geometry: normalizeGeometry(assets[index]!.geometry),
      properties: { ...row },
    };
    batch.push(`${index === 0 ? '\n' : ',\n'}${JSON.stringify(feature)}`);
    if (++index % ROWS_PER_PIECE === 0) {
      yield batch.join('');
      batch = [];
    }
  }
  yield `${batch.join('')}\n]}\n`;
}

/** Characters of CSV gathered into one piece before it is handed on to be written. */
const CSV_PIECE_CHARS = 1 << 20;

/** The report as CSV text in pieces of about a megabyte, header always first. */
export function* encroachmentCsvChunks(
  assets: readonly StoredFeature[],
  rows: Iterable<EncroachmentRow>,
): Generator<string> {
  yield ENCROACHMENT_CSV_HEADER;
  let index = 0;
  let piece = '';
  for (const row of rows) {
    piece += encroachmentCsvLine(assets[index++]!, row);
    if (piece.length >= CSV_PIECE_CHARS) {
      yield piece;
      piece = '';
    }
  }
  if (piece.length > 0) yield piece;
}

export function encroachmentGeoJson(
  assets: readonly StoredFeature[],
  rows: readonly EncroachmentRow[],
): FeatureCollection {
  const features: Feature[] = assets.map((asset, index) => ({
    type: 'Feature',
    geometry: normalizeGeometry(asset.geometry),
    properties: { ...rows[index] },
  }));
  return { type: 'FeatureCollection', features };
}

const ENCROACHMENT_CSV_COLUMNS: readonly (keyof EncroachmentRow)[] = [
  'id',
  'kategori',
  'pemilik',
  'jenis_pemilik',
  'zona',
  'ruas',
  'koridor',
  'jarak_as_m',
  'sta_m',
  'jumlah_dalam_rumija',
  'satuan',
  'tarif_per_tahun_idr',
  'retribusi_idr',
  'masalah',
  'jadwal_tarif',
  'tarif_contoh',
];

const ENCROACHMENT_CSV_HEADER = `${[...ENCROACHMENT_CSV_COLUMNS, 'lon', 'lat'].join(',')}\r\n`;

/** The first position of a geometry (null when it has none), without gathering all the others. */
function firstPositionOf(geometry: Geometry): Position | null {
  if (geometry.type === 'Point') return geometry.coordinates;
  if (geometry.type === 'LineString' || geometry.type === 'MultiPoint') return geometry.coordinates[0] ?? null;
  return positionsOf(geometry)[0] ?? null;
}

/**
 * One CSV line (with its line break) per asset: the row and the asset's first position as lon/lat. The columns are
 * written out one by one (the order of ENCROACHMENT_CSV_COLUMNS) rather than looped: a million lines are written.
 */
function encroachmentCsvLine(asset: StoredFeature, row: EncroachmentRow): string {
  const anchor = firstPositionOf(asset.geometry);
  const line =
    csvCell(row.id) +
    ',' +
    csvCell(row.kategori) +
    ',' +
    csvCell(row.pemilik) +
    ',' +
    csvCell(row.jenis_pemilik) +
    ',' +
    csvCell(row.zona) +
    ',' +
    csvCell(row.ruas) +
    ',' +
    csvCell(row.koridor) +
    ',' +
    csvCell(row.jarak_as_m) +
    ',' +
    csvCell(row.sta_m) +
    ',' +
    csvCell(row.jumlah_dalam_rumija) +
    ',' +
    csvCell(row.satuan) +
    ',' +
    csvCell(row.tarif_per_tahun_idr) +
    ',' +
    csvCell(row.retribusi_idr) +
    ',' +
    csvCell(row.masalah) +
    ',' +
    csvCell(row.jadwal_tarif) +
    ',' +
    csvCell(row.tarif_contoh) +
    ',';
  return anchor ? `${line}${round(anchor[0]!, 7)},${round(anchor[1]!, 7)}\r\n` : `${line},\r\n`;
}

/** The whole CSV (header even when there are no rows); the CLI writes the same lines as a stream. */
export function encroachmentCsv(assets: readonly StoredFeature[], rows: readonly EncroachmentRow[]): string {
  return ENCROACHMENT_CSV_HEADER + rows.map((row, index) => encroachmentCsvLine(assets[index]!, row)).join('');
}

/** The detail as a spreadsheet sheet: the CSV's columns, numbers as numbers, lon/lat of each asset's first position. */
export function encroachmentSheet(
  assets: readonly StoredFeature[],
  rows: readonly EncroachmentRow[],
): { header: string[]; rows: (string | number | boolean | null)[][] } {
  return {
    header: [...ENCROACHMENT_CSV_COLUMNS, 'lon', 'lat'],
    rows: rows.map((row, index) => {
      const anchor = positionsOf(assets[index]!.geometry)[0];
      return [
        ...ENCROACHMENT_CSV_COLUMNS.map((column) => row[column] ?? null),
        anchor ? round(anchor[0]!, 7) : null,
        anchor ? round(anchor[1]!, 7) : null,
      ];
    }),
  };
}
