import Papa from 'papaparse';
import proj4 from 'proj4';
import { wktToGeoJSON } from '@terraformer/wkt';
import type { ParseResult } from './parse-geojson';
import { utmProjection } from '../geo/utm';
import type { ProgressSink } from './import-progress';
import type { SourceRecord } from './check-records';
import type { FormatRead, ReadOptions } from './formats/file-format';
import { placeRowsBySta, staColumnsOf, type RoadLookup } from './place-by-sta';
import { writeField } from '../model/field-value';

const LONGITUDE_NAMES = ['lon', 'lng', 'long', 'longitude', 'bujur', 'x_wgs84'];
const LATITUDE_NAMES = ['lat', 'latitude', 'lintang', 'y_wgs84'];
const EASTING_NAMES = ['easting', 'east', 'timur', 'x', 'utm_x'];
const NORTHING_NAMES = ['northing', 'north', 'utara', 'y', 'utm_y'];
/** GDAL's and QGIS's names for a WKT geometry column (our own CSV export writes `WKT`). */
const WKT_NAMES = ['wkt', 'wkt_geom', 'geometry', 'geom', 'the_geom', 'geometri'];
const WKT_VALUE = /^\s*(POINT|MULTIPOINT|LINESTRING|MULTILINESTRING|POLYGON|MULTIPOLYGON|GEOMETRYCOLLECTION)\b/i;

/** A cell's text, trimmed: spreadsheets give numbers and dates, CSVs strings. */
const cellText = (value: unknown) => (value === null || value === undefined ? '' : String(value).trim());

const find = (headers: string[], names: string[]) =>
  headers.find((header) => names.includes(header.trim().toLowerCase()));

/** Parses "123,45" (Indonesian decimal comma) as well as "123.45". */
function toNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  const text = String(value ?? '')
    .trim()
    .replace(/\s/g, '');
  if (text === '') return Number.NaN;
  return Number(/^-?\d+,\d+$/.test(text) ? text.replace(',', '.') : text);
}

/**
 * Picks the UTM zone whose result lands in NTT: an easting/northing pair is valid in every zone, so
 * the zone is the one that puts the first rows inside the province.
 */
function detectZone(pairs: [number, number][]): number | null {
  for (const zone of [51, 50]) {
    const inside = pairs.every(([easting, northing]) => {
      const [lon, lat] = proj4(utmProjection(zone, 'S'), 'WGS84', [easting, northing]);
      return lon >= 118.8 && lon <= 125.3 && lat >= -11.2 && lat <= -8;
    });
    if (inside) return zone;
  }
  return null;
}

/** A row's coordinates: a geometry, null when the row has none, or the problem with what it has. */
type RowGeometry = { geometry: unknown } | { problem: string };

/** A CSV (any of , ; tab | between cells) read into rows, then as `readRows`. */
export async function readCsv(
  text: string,
  fileName: string,
  options: ReadOptions = {},
  report: ProgressSink = () => undefined,
  roads?: RoadLookup,
): Promise<ParseResult<FormatRead>> {
  report({ phase: 'parse', done: 0, total: 0, features: 0 });
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    delimitersToGuess: [',', ';', '\t', '|'],
  });
  if (parsed.errors.length) {
    const error = parsed.errors[0];
    return {
      ok: false,
      error: `${fileName}, baris ${(error!.row ?? 0) + 2}: CSV tidak sah / invalid CSV: ${error!.message}`,
    };
  }
  return readTable(parsed.meta.fields ?? [], parsed.data, fileName, options, roads, report);
}

/**
 * Rows of a table (a CSV or a spreadsheet) with lon/lat or UTM easting/northing columns, or any geometry in a WKT
 * column (as GDAL, QGIS and our own export write it). Rows with no coordinates at all are records without
 * geometry (skipped and counted later); a row with half or garbled coordinates refuses the file.
 */
export function readRows(
  headers: string[],
  rows: Record<string, unknown>[],
  fileName: string,
  options: ReadOptions = {},
  report: ProgressSink = () => undefined,
): ParseResult<FormatRead> {
  if (rows.length === 0) return { ok: false, error: `${fileName}: tidak ada baris data / no data rows` };
  const wktColumn = headers.find(
    (header) =>
      WKT_NAMES.includes(header.trim().toLowerCase()) &&
      WKT_VALUE.test(cellText(rows.find((row) => cellText(row[header]))?.[header])),
  );
  const lonColumn = find(headers, LONGITUDE_NAMES);
  const latColumn = find(headers, LATITUDE_NAMES);
  const eastColumn = find(headers, EASTING_NAMES);
  const northColumn = find(headers, NORTHING_NAMES);

  let geometryOf: (row: Record<string, unknown>) => RowGeometry;
  let crs = 'WGS 84 (EPSG:4326)';
  let crsChoice: FormatRead['crsChoice'];
  let coordinateColumns: (string | undefined)[];
  const point = (x: unknown, y: unknown, toLonLat: (xy: [number, number]) => number[]) => {
    if (!cellText(x) && !cellText(y)) return { geometry: null };
    const [a, b] = [toNumber(x), toNumber(y)];
    if (!Number.isFinite(a) || !Number.isFinite(b))
      return { problem: 'koordinat kosong atau bukan angka / missing or non-numeric coordinate' };
    const [lon, lat] = toLonLat([a, b]) as [number, number];
    if (Math.abs(lon) > 180 || Math.abs(lat) > 90)
      return { problem: `koordinat di luar jangkauan (${lon}, ${lat}) / coordinate out of range` };
    return { geometry: { type: 'Point', coordinates: [Number(lon.toFixed(7)), Number(lat.toFixed(7))] } };
  };
  if (wktColumn) {
    coordinateColumns = [wktColumn];
    geometryOf = (row) => {
      const wkt = cellText(row[wktColumn]);
      if (!wkt) return { geometry: null };
      try {
        return { geometry: wktToGeoJSON(wkt) };
      } catch (error) {
        return { problem: `WKT tidak sah / invalid WKT (${(error as Error).message}): ${wkt.slice(0, 40)}` };
      }
    };
  } else if (lonColumn && latColumn) {
    coordinateColumns = [lonColumn, latColumn];
    geometryOf = (row) => point(row[lonColumn], row[latColumn], (xy) => xy);
  } else if (eastColumn && northColumn) {
    coordinateColumns = [eastColumn, northColumn];
    const pairs = rows
      .slice(0, 20)
      .map((row) => [toNumber(row[eastColumn]), toNumber(row[northColumn])] as [number, number]);
    const zone = options.utmZone ?? detectZone(pairs.filter(([e, n]) => Number.isFinite(e) && Number.isFinite(n)));
    if (!zone)
      return {
        ok: false,
        error: `${fileName}: zona UTM tidak dapat ditentukan; pilih 50S atau 51S / cannot tell the UTM zone, choose 50S or 51S`,
      };
    const projection = utmProjection(zone, 'S');
    geometryOf = (row) =>
      point(row[eastColumn], row[northColumn], (xy) => proj4(projection, 'WGS84', xy) as [number, number]);
    const datum = options.datum ?? 'WGS 84';
    crs =
      datum === 'WGS 84'
        ? `WGS 84 / UTM ${zone}S (EPSG:327${zone})`
        : `${datum} / UTM ${zone}S (≈ WGS 84, selisih < 1 m)`;
    crsChoice = 'utm';
  } else {
    return {
      ok: false,
      error: `${fileName}: kolom koordinat tidak ditemukan (lon/lat, easting/northing atau WKT); kolom: ${headers.join(', ')} / no coordinate columns`,
    };
  }

  const skip = new Set(coordinateColumns);
  const records: SourceRecord[] = [];
  for (const [index, row] of rows.entries()) {
    report({ phase: 'parse', done: index + 1, total: rows.length, features: index + 1 });
    const located = geometryOf(row);
    if ('problem' in located) return { ok: false, error: `${fileName}, baris ${index + 2}: ${located.problem}` };
    const properties: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(row)) if (!skip.has(key)) writeField(properties, key, value);
    records.push({ geometry: located.geometry, properties, name: `baris ${index + 2}` });
  }
  return { ok: true, value: { records, crs, warnings: [], crsChoice } };
}

/** True when rows carry their own coordinates (WKT, lon/lat, easting/northing), which win over ruas + STA. */
function hasCoordinateColumns(headers: string[]): boolean {
  const has = (names: string[]) => Boolean(find(headers, names));
  return has(WKT_NAMES) || (has(LONGITUDE_NAMES) && has(LATITUDE_NAMES)) || (has(EASTING_NAMES) && has(NORTHING_NAMES));
}

/** A table's rows placed by their coordinates, or (without any) by ruas and STA on the road network. */
export async function readTable(
  headers: string[],
  rows: Record<string, unknown>[],
  fileName: string,
  options: ReadOptions,
  roads: RoadLookup | undefined,
  report: ProgressSink = () => undefined,
): Promise<ParseResult<FormatRead>> {
  const sta = hasCoordinateColumns(headers) ? null : staColumnsOf(headers);
  if (sta) return placeRowsBySta(rows, sta, fileName, roads, report);
  return readRows(headers, rows, fileName, options, report);
}
