import proj4 from 'proj4';
import { EPSG_ROWS } from './epsg-indonesia.generated';

/** A coordinate system Rumija carries: from the EPSG database, trimmed to those whose area of use is Indonesia. */
export interface KnownCrs {
  code: string;
  name: string;
  proj4: string;
  /** Area of use, [west, south, east, north] in degrees. */
  bbox: readonly [number, number, number, number];
  /** EPSG's words for the area of use. */
  area: string;
  /**
   * The datum shift to WGS 84: 'none' (WGS 84 or an ITRF datum on it), 'helmert' (EPSG's seven parameters,
   * good to `accuracy` metres), 'unknown' (EPSG knows none: placed without a shift, may be hundreds of metres off).
   */
  shift: 'none' | 'helmert' | 'unknown';
  accuracy: number | null;
}

export const ALL_CRS: readonly KnownCrs[] = EPSG_ROWS.map(([code, name, definition, bbox, area, accuracy, shift]) => ({
  code: `EPSG:${code}`,
  name,
  proj4: definition,
  bbox,
  area,
  accuracy,
  shift,
}));

const BY_CODE = new Map(ALL_CRS.map((crs) => [crs.code, crs]));

// proj4js has its own EPSG:4326/3857/… aliases; every other code Rumija knows is the generated definition.
for (const crs of ALL_CRS) if (crs.code !== 'EPSG:4326' && crs.code !== 'EPSG:3857') proj4.defs(crs.code, crs.proj4);

/** The systems NTT's data comes in, offered first where a user picks one (DOMAIN.md: coordinate systems). */
export const KNOWN_CRS: readonly KnownCrs[] = [
  4326, 32750, 32751, 4755, 23880, 23881, 23838, 23839, 23840, 9470, 9490, 9491, 23890, 23891,
].map((code) => BY_CODE.get(`EPSG:${code}`)!);

/** `EPSG:32751`, `epsg 32751` or `32751` → `EPSG:32751`; null when proj4 does not know it. */
export function resolveCrsCode(input: string): string | null {
  const match = /^(?:epsg\s*:?\s*)?(\d{4,6})$/i.exec(input.trim());
  if (!match) return null;
  const code = `EPSG:${match[1]}`;
  return proj4.defs(code) ? code : null;
}

export function findCrs(code: string): KnownCrs | undefined {
  return BY_CODE.get(code);
}

export function crsName(code: string): string {
  return BY_CODE.get(code)?.name ?? code;
}

/** Systems whose code or name holds every word of the query ("tm-3 51", "23840", "id74 utm"), at most `limit`. */
export function searchCrs(query: string, limit = 30): KnownCrs[] {
  const words = query
    .toLowerCase()
    .replace(/^epsg\s*:?\s*/, '')
    .split(/\s+/)
    .filter(Boolean);
  if (!words.length) return [];
  return ALL_CRS.filter((crs) => {
    const text = `${crs.code.slice(5)} ${crs.name.toLowerCase()}`;
    return words.every((word) => text.includes(word));
  }).slice(0, limit);
}

/** A converter from a known code (or a proj4/WKT definition) to WGS 84 lon/lat. */
export function toWgs84(code: string): (position: number[]) => number[] {
  if (code === 'EPSG:4326') return (position) => position;
  const converter = proj4(code, 'EPSG:4326');
  return (position) => converter.forward([position[0]!, position[1]!]);
}

/** A converter from WGS 84 lon/lat to a known code (or a proj4/WKT definition). */
export function fromWgs84(code: string): (position: number[]) => number[] {
  if (code === 'EPSG:4326') return (position) => position;
  const converter = proj4('EPSG:4326', code);
  return (position) => converter.forward([position[0]!, position[1]!]);
}
