import Papa from 'papaparse';
import proj4 from 'proj4';
import type { Feature, Point } from 'geojson';
import type { ParseResult } from './parse-geojson';
import { utmProjection } from '../geo/utm';
import type { ProgressSink } from './import-progress';

const LONGITUDE_NAMES = ['lon', 'lng', 'long', 'longitude', 'bujur', 'x_wgs84'];
const LATITUDE_NAMES = ['lat', 'latitude', 'lintang', 'y_wgs84'];
const EASTING_NAMES = ['easting', 'east', 'timur', 'x', 'utm_x'];
const NORTHING_NAMES = ['northing', 'north', 'utara', 'y', 'utm_y'];

export interface CsvImportOptions {
  /** UTM zone for easting/northing columns (southern hemisphere), 50 or 51 in NTT. Detected when absent. */
  utmZone?: number;
  /**
   * Datum of the coordinates. DGN95 and SRGI2013 are ITRF realisations on the WGS 84 ellipsoid;
   * they differ from WGS 84 by well under a metre, so they are converted with a zero shift and named.
   */
  datum?: 'WGS 84' | 'DGN95' | 'SRGI2013';
}

export interface CsvImport {
  features: Feature<Point>[];
  /** "WGS 84 (EPSG:4326)" or "WGS 84 / UTM 51S (EPSG:32751)". */
  crs: string;
}

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

/** A CSV of points with lon/lat or UTM easting/northing columns; every row must be valid or nothing imports. */
export function importCsv(
  text: string,
  fileName: string,
  options: CsvImportOptions = {},
  report: ProgressSink = () => undefined,
): ParseResult<CsvImport> {
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
  const headers = parsed.meta.fields ?? [];
  const lonColumn = find(headers, LONGITUDE_NAMES);
  const latColumn = find(headers, LATITUDE_NAMES);
  const eastColumn = find(headers, EASTING_NAMES);
  const northColumn = find(headers, NORTHING_NAMES);
  const rows = parsed.data;
  if (rows.length === 0) return { ok: false, error: `${fileName}: tidak ada baris data / no data rows` };

  let toLonLat: (row: Record<string, string>) => [number, number];
  let crs: string;
  if (lonColumn && latColumn) {
    toLonLat = (row) => [toNumber(row[lonColumn]), toNumber(row[latColumn])];
    crs = 'WGS 84 (EPSG:4326)';
  } else if (eastColumn && northColumn) {
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
    toLonLat = (row) =>
      proj4(projection, 'WGS84', [toNumber(row[eastColumn]), toNumber(row[northColumn])]) as [number, number];
    const datum = options.datum ?? 'WGS 84';
    crs =
      datum === 'WGS 84'
        ? `WGS 84 / UTM ${zone}S (EPSG:327${zone})`
        : `${datum} / UTM ${zone}S (≈ WGS 84, selisih < 1 m)`;
  } else {
    return {
      ok: false,
      error: `${fileName}: kolom koordinat tidak ditemukan (lon/lat atau easting/northing); kolom: ${headers.join(', ')} / no coordinate columns`,
    };
  }

  const coordinateColumns = new Set([lonColumn, latColumn, eastColumn, northColumn].filter(Boolean));
  const features: Feature<Point>[] = [];
  for (const [index, row] of rows.entries()) {
    report({ phase: 'check', done: index + 1, total: rows.length, features: index + 1 });
    const [lon, lat] = toLonLat(row);
    if (!Number.isFinite(lon) || !Number.isFinite(lat))
      return {
        ok: false,
        error: `${fileName}, baris ${index + 2}: koordinat kosong atau bukan angka / missing or non-numeric coordinate`,
      };
    if (Math.abs(lon) > 180 || Math.abs(lat) > 90)
      return {
        ok: false,
        error: `${fileName}, baris ${index + 2}: koordinat di luar jangkauan (${lon}, ${lat}) / coordinate out of range`,
      };
    const properties: Record<string, string | number> = {};
    for (const [key, value] of Object.entries(row)) if (!coordinateColumns.has(key)) properties[key] = value;
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [Number(lon.toFixed(7)), Number(lat.toFixed(7))] },
      properties,
    });
  }
  return { ok: true, value: { features, crs } };
}
