import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { parse as parseTolerant, type ParseError } from 'jsonc-parser';

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string };

/** Line and column (1-based) of a character offset, for error messages. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

const GEOMETRY_TYPES = new Set([
  'Point',
  'MultiPoint',
  'LineString',
  'MultiLineString',
  'Polygon',
  'MultiPolygon',
  'GeometryCollection',
]);

function checkPosition(position: unknown): string | null {
  if (
    !Array.isArray(position) ||
    position.length < 2 ||
    !position.every((n) => typeof n === 'number' && Number.isFinite(n))
  ) {
    return 'koordinat bukan [bujur, lintang] / coordinate is not [lon, lat]';
  }
  const [lon, lat] = position as number[];
  if (Math.abs(lon!) > 180 || Math.abs(lat!) > 90)
    return `koordinat di luar WGS 84 (${lon}, ${lat}): proyeksi lain? / outside WGS 84 lon/lat: projected coordinates?`;
  return null;
}

function checkGeometry(geometry: unknown): string | null {
  if (!geometry || typeof geometry !== 'object') return 'tanpa geometri / no geometry';
  const { type, coordinates } = geometry as { type?: string; coordinates?: unknown };
  if (!type || !GEOMETRY_TYPES.has(type))
    return `jenis geometri tidak dikenal / unknown geometry type: ${String(type)}`;
  if (type === 'GeometryCollection') return null;
  const depth = { Point: 0, MultiPoint: 1, LineString: 1, MultiLineString: 2, Polygon: 2, MultiPolygon: 3 }[type]!;
  const positions: unknown[] = [];
  const walk = (value: unknown, level: number): string | null => {
    if (level === 0) {
      positions.push(value);
      return null;
    }
    if (!Array.isArray(value)) return `koordinat ${type} tidak bersarang dengan benar / badly nested coordinates`;
    for (const item of value) {
      const problem = walk(item, level - 1);
      if (problem) return problem;
    }
    return null;
  };
  const nesting = walk(coordinates, depth);
  if (nesting) return nesting;
  if (positions.length === 0) return 'geometri kosong / empty geometry';
  for (const position of positions) {
    const problem = checkPosition(position);
    if (problem) return problem;
  }
  if (type === 'LineString' && positions.length < 2)
    return 'garis dengan kurang dari 2 titik / line with fewer than 2 positions';
  if (type === 'Polygon' || type === 'MultiPolygon') {
    const polygons = (type === 'Polygon' ? [coordinates] : coordinates) as number[][][][];
    for (const rings of polygons) {
      for (const [ringIndex, ring] of rings.entries()) {
        if (ring.length < 4) return `ring ${ringIndex} punya kurang dari 4 titik / ring with fewer than 4 positions`;
        const [first, last] = [ring[0], ring[ring.length - 1]];
        if (first![0] !== last![0] || first![1] !== last![1])
          return `ring ${ringIndex} tidak tertutup / ring ${ringIndex} is not closed`;
      }
    }
  }
  return null;
}

/** NTT lies at lon 118–126, lat −12 to −7: a file whose "lon" fits NTT's latitudes has its axes swapped. */
export function looksLatLonSwapped(positions: number[][]): boolean {
  return positions.length > 0 && positions.every(([x, y]) => x! >= -12 && x! <= -7 && y! >= 118 && y! <= 126);
}

/**
 * Reads a GeoJSON FeatureCollection (or a single Feature) and checks every feature's geometry.
 * Returns the first problem as a message naming the file, the feature index and what is wrong.
 */
export function parseFeatureCollection(text: string, fileName: string): ParseResult<Feature<Geometry>[]> {
  const data = parseJson(text, fileName);
  return data.ok ? checkFeatureCollection(data.value, fileName) : data;
}

/**
 * The offset of the first syntax error: from V8's message when it gives one ("at position N"), else
 * from a second, error-tolerant parse (Node 20 often says only `Unexpected token ','`).
 */
function syntaxErrorOffset(text: string, message: string): number | null {
  const match = /position (\d+)/.exec(message);
  if (match) return Number(match[1]);
  const errors: ParseError[] = [];
  parseTolerant(text, errors, { allowTrailingComma: false, disallowComments: true, allowEmptyContent: false });
  return errors[0]?.offset ?? (text.trim() === '' ? 0 : null);
}

/** JSON.parse with an error that gives the line and column. */
export function parseJson(text: string, fileName: string): ParseResult<unknown> {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const message = (error as Error).message;
    const offset = syntaxErrorOffset(text, message);
    const where = offset === null ? null : lineAndColumn(text, offset);
    return {
      ok: false,
      error: `${fileName}: JSON tidak sah / invalid JSON${where ? ` (baris ${where.line}, kolom ${where.column} / line ${where.line}, column ${where.column})` : ''}: ${message}`,
    };
  }
}

/** Checks parsed JSON is a FeatureCollection (or one Feature) whose every geometry is valid RFC 7946. */
export function checkFeatureCollection(
  data: unknown,
  fileName: string,
  onChecked: (done: number, total: number) => void = () => undefined,
): ParseResult<Feature<Geometry>[]> {
  const root = data as { type?: string; features?: unknown };
  const features = root?.type === 'FeatureCollection' ? root.features : root?.type === 'Feature' ? [root] : null;
  if (!Array.isArray(features))
    return { ok: false, error: `${fileName}: bukan FeatureCollection GeoJSON / not a GeoJSON FeatureCollection` };
  for (const [index, feature] of features.entries()) {
    onChecked(index + 1, features.length);
    if ((feature as { type?: string })?.type !== 'Feature')
      return { ok: false, error: `${fileName}, fitur #${index}: bukan Feature / not a Feature` };
    const geometry = (feature as Feature).geometry as { type?: string; coordinates?: unknown } | null;
    if (
      geometry?.type === 'Point' &&
      Array.isArray(geometry.coordinates) &&
      looksLatLonSwapped([geometry.coordinates as number[]])
    ) {
      return {
        ok: false,
        error: `${fileName}, fitur #${index}: urutan koordinat terbalik (lintang, bujur); GeoJSON memakai [bujur, lintang] / coordinates in lat, lon order`,
      };
    }
    const problem = checkGeometry((feature as Feature).geometry);
    if (problem) return { ok: false, error: `${fileName}, fitur #${index}: ${problem}` };
  }
  return { ok: true, value: features as Feature<Geometry>[] };
}

export type { FeatureCollection };
