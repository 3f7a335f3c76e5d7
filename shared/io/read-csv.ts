import Papa from 'papaparse';
import { wktToGeoJSON } from '@terraformer/wkt';
import type { ParseResult } from './parse-geojson';
import { crsName, resolveCrsCode, toWgs84 } from '../geo/known-crs';
import { suggestCrs } from '../geo/suggest-crs';
import type { ProgressSink } from './import-progress';
import type { SourceRecord } from './check-records';
import type { FormatRead, ReadOptions } from './formats/file-format';
import { placeRowsBySta, staColumnsOf, type RoadLookup } from './place-by-sta';
import { writeField } from '../model/field-value';
import { problem, type Problem } from '../messages/problem';

const LONGITUDE_NAMES = ['lon', 'lng', 'long', 'longitude', 'bujur', 'x_wgs84'];
const LATITUDE_NAMES = ['lat', 'latitude', 'lintang', 'y_wgs84'];
const EASTING_NAMES = ['easting', 'east', 'timur', 'x', 'utm_x'];
const NORTHING_NAMES = ['northing', 'north', 'utara', 'y', 'utm_y'];
/** GDAL's and QGIS's names for a WKT geometry column (our own CSV export writes `WKT`). */
const WKT_NAMES = ['wkt', 'wkt_geom', 'geometry', 'geom', 'the_geom', 'geometri'];
const WKT_VALUE = /^\s*(POINT|MULTIPOINT|LINESTRING|MULTILINESTRING|POLYGON|MULTIPOLYGON|GEOMETRYCOLLECTION)\b/i;
/** WKT types of ISO SQL/MM that GDAL and QGIS write but GeoJSON cannot hold: named, not called invalid. */
const WKT_UNSUPPORTED =
  /^\s*(CIRCULARSTRING|COMPOUNDCURVE|CURVEPOLYGON|MULTICURVE|MULTISURFACE|CURVE|SURFACE|POLYHEDRALSURFACE|TIN|TRIANGLE)\b/i;

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
/** The EPSG code of UTM zone 50S or 51S on a datum a CSV's easting/northing are given in. */
const utmCode = (zone: number, datum: 'WGS 84' | 'DGN95' | 'SRGI2013') =>
  datum === 'DGN95' ? `EPSG:238${zone + 30}` : datum === 'SRGI2013' ? `EPSG:94${zone + 40}` : `EPSG:327${zone}`;

/** A row's coordinates: a geometry, null when the row has none, or the problem with what it has. */
type RowGeometry = { geometry: unknown } | { problem: Problem };

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
  // GDAL's CSV driver ends the header (not the rows) with a separator when it writes X,Y columns: one empty
  // column name, and rows one cell short of it. That column is dropped, not refused.
  let fields = parsed.meta.fields ?? [];
  const trailingEmpty = fields.length > 1 && fields.at(-1) === '';
  const errors = parsed.errors.filter(
    (error) =>
      !(
        trailingEmpty &&
        error.code === 'TooFewFields' &&
        Object.keys(parsed.data[error.row ?? 0] ?? {}).length === fields.length - 1
      ),
  );
  if (trailingEmpty) {
    fields = fields.slice(0, -1);
    for (const row of parsed.data) delete row[''];
  }
  if (errors.length) {
    const error = errors[0];
    return {
      ok: false,
      error: problem('csv.invalid', { file: fileName, row: (error!.row ?? 0) + 2, detail: error!.message }),
    };
  }
  return readTable(fields, parsed.data, fileName, options, roads, report);
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
  if (rows.length === 0) return { ok: false, error: problem('file.noDataRows', { file: fileName }) };
  const wktColumn = headers.find(
    (header) =>
      WKT_NAMES.includes(header.trim().toLowerCase()) &&
      [WKT_VALUE, WKT_UNSUPPORTED].some((pattern) =>
        pattern.test(cellText(rows.find((row) => cellText(row[header]))?.[header])),
      ),
  );
  const lonColumn = find(headers, LONGITUDE_NAMES);
  const latColumn = find(headers, LATITUDE_NAMES);
  const eastColumn = find(headers, EASTING_NAMES);
  const northColumn = find(headers, NORTHING_NAMES);

  let geometryOf: (row: Record<string, unknown>) => RowGeometry;
  let crs = 'WGS 84 (EPSG:4326)';
  let crsChoice: FormatRead['crsChoice'];
  let coordinateColumns: (string | undefined)[];
  const point = (
    [xColumn, yColumn]: [string, string],
    row: Record<string, unknown>,
    toLonLat: (xy: [number, number]) => number[],
  ): RowGeometry => {
    const [x, y] = [row[xColumn], row[yColumn]];
    if (!cellText(x) && !cellText(y)) return { geometry: null };
    const [a, b] = [toNumber(x), toNumber(y)];
    for (const [column, value, number] of [
      [xColumn, x, a],
      [yColumn, y, b],
    ] as const) {
      if (!cellText(value)) return { problem: problem('csv.emptyColumn', { column }) };
      if (!Number.isFinite(number))
        return { problem: problem('csv.notANumber', { column, value: cellText(value).slice(0, 40) }) };
    }
    const [lon, lat] = toLonLat([a, b]) as [number, number];
    if (Math.abs(lon) > 180 || Math.abs(lat) > 90) return { problem: problem('csv.outOfRange', { lon, lat }) };
    return { geometry: { type: 'Point', coordinates: [Number(lon.toFixed(7)), Number(lat.toFixed(7))] } };
  };
  if (wktColumn) {
    coordinateColumns = [wktColumn];
    geometryOf = (row) => {
      const wkt = cellText(row[wktColumn]);
      if (!wkt) return { geometry: null };
      const unsupported = WKT_UNSUPPORTED.exec(wkt)?.[1]?.toUpperCase();
      if (unsupported)
        return {
          problem: problem('csv.curvesUnsupported', { column: wktColumn, type: unsupported }),
        };
      try {
        return { geometry: wktToGeoJSON(wkt) };
      } catch (error) {
        return { problem: problem('csv.invalidWkt', { detail: (error as Error).message, wkt: wkt.slice(0, 40) }) };
      }
    };
  } else if (lonColumn && latColumn) {
    coordinateColumns = [lonColumn, latColumn];
    geometryOf = (row) => point([lonColumn, latColumn], row, (xy) => xy);
  } else if (eastColumn && northColumn) {
    coordinateColumns = [eastColumn, northColumn];
    const pairs = rows
      .slice(0, 20)
      .map((row) => [toNumber(row[eastColumn]), toNumber(row[northColumn])] as [number, number]);
    const sample = pairs.filter(([e, n]) => Number.isFinite(e) && Number.isFinite(n));
    // QGIS's "Add X/Y" and GDAL write degrees under X and Y: a UTM or TM-3 easting is never within ±180.
    const degrees = sample.length > 0 && sample.every(([e, n]) => Math.abs(e) <= 180 && Math.abs(n) <= 90);
    if (degrees && !options.crs) {
      coordinateColumns = [eastColumn, northColumn];
      geometryOf = (row) => point([eastColumn, northColumn], row, (xy) => xy);
      return locateRows(rows, coordinateColumns, geometryOf, fileName, crs, 'any', report);
    }
    const candidates = suggestCrs(sample);
    const chosen = options.crs ? resolveCrsCode(options.crs) : null;
    const zone = options.utmZone ?? (candidates[0] === 'EPSG:32750' ? 50 : candidates[0] === 'EPSG:32751' ? 51 : null);
    const code = chosen ?? (zone ? utmCode(zone, options.datum ?? 'WGS 84') : null);
    if (!code) {
      if (candidates.length === 0)
        return {
          ok: false,
          error: problem('csv.unknownProjection', { file: fileName }),
        };
      return {
        ok: true,
        value: {
          records: [],
          crs: '?',
          warnings: [
            problem('csv.chooseProjection', { file: fileName, candidates: candidates.map(crsName).join(', ') }),
          ],
          crsChoice: 'required',
          suggestedCrs: candidates,
        },
      };
    }
    const toLonLat = toWgs84(code);
    geometryOf = (row) => point([eastColumn, northColumn], row, (xy) => toLonLat(xy));
    crs = `${crsName(code)} (${code})`;
    crsChoice = chosen ? 'any' : 'utm';
  } else {
    return {
      ok: false,
      error: problem('csv.noCoordinateColumns', { file: fileName, columns: headers.join(', ') }),
    };
  }

  return locateRows(rows, coordinateColumns, geometryOf, fileName, crs, crsChoice, report);
}

/** Every row through `geometryOf`, its other columns kept as properties; the first garbled row refuses the file. */
function locateRows(
  rows: Record<string, unknown>[],
  coordinateColumns: (string | undefined)[],
  geometryOf: (row: Record<string, unknown>) => RowGeometry,
  fileName: string,
  crs: string,
  crsChoice: FormatRead['crsChoice'],
  report: ProgressSink,
): ParseResult<FormatRead> {
  const skip = new Set(coordinateColumns);
  const records: SourceRecord[] = [];
  for (const [index, row] of rows.entries()) {
    report({ phase: 'parse', done: index + 1, total: rows.length, features: index + 1 });
    const located = geometryOf(row);
    if ('problem' in located)
      return {
        ok: false,
        error: problem('csv.rowProblem', { file: fileName, row: index + 2, problem: located.problem }),
      };
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
