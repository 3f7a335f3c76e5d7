import proj4 from 'proj4';

/** A coordinate system a user can pick for a file that does not say its own. */
export interface KnownCrs {
  code: string;
  name: string;
  proj4: string;
}

/** The systems NTT's data comes in (definitions as GDAL/PROJ give them). */
export const KNOWN_CRS: readonly KnownCrs[] = [
  { code: 'EPSG:4326', name: 'WGS 84 (lon/lat)', proj4: '+proj=longlat +datum=WGS84 +no_defs' },
  { code: 'EPSG:32750', name: 'WGS 84 / UTM 50S', proj4: '+proj=utm +zone=50 +south +datum=WGS84 +units=m +no_defs' },
  { code: 'EPSG:32751', name: 'WGS 84 / UTM 51S', proj4: '+proj=utm +zone=51 +south +datum=WGS84 +units=m +no_defs' },
  { code: 'EPSG:4755', name: 'DGN95 (lon/lat)', proj4: '+proj=longlat +ellps=WGS84 +towgs84=0,0,0,0,0,0,0 +no_defs' },
  {
    code: 'EPSG:23880',
    name: 'DGN95 / UTM 50S',
    proj4: '+proj=utm +zone=50 +south +ellps=WGS84 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs',
  },
  {
    code: 'EPSG:23881',
    name: 'DGN95 / UTM 51S',
    proj4: '+proj=utm +zone=51 +south +ellps=WGS84 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs',
  },
  {
    code: 'EPSG:23839',
    name: 'DGN95 / TM-3 51.1',
    proj4:
      '+proj=tmerc +lat_0=0 +lon_0=121.5 +k=0.9999 +x_0=200000 +y_0=1500000 +ellps=WGS84 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs',
  },
  {
    code: 'EPSG:23840',
    name: 'DGN95 / TM-3 51.2',
    proj4:
      '+proj=tmerc +lat_0=0 +lon_0=124.5 +k=0.9999 +x_0=200000 +y_0=1500000 +ellps=WGS84 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs',
  },
  { code: 'EPSG:9470', name: 'SRGI2013 (lon/lat)', proj4: '+proj=longlat +ellps=WGS84 +no_defs' },
  { code: 'EPSG:9490', name: 'SRGI2013 / UTM 50S', proj4: '+proj=utm +zone=50 +south +ellps=WGS84 +units=m +no_defs' },
  { code: 'EPSG:9491', name: 'SRGI2013 / UTM 51S', proj4: '+proj=utm +zone=51 +south +ellps=WGS84 +units=m +no_defs' },
];

for (const crs of KNOWN_CRS) if (!proj4.defs(crs.code)) proj4.defs(crs.code, crs.proj4);

/** `EPSG:32751`, `epsg 32751` or `32751` → `EPSG:32751`; null when proj4 does not know it. */
export function resolveCrsCode(input: string): string | null {
  const match = /^(?:epsg\s*:?\s*)?(\d{4,6})$/i.exec(input.trim());
  if (!match) return null;
  const code = `EPSG:${match[1]}`;
  return proj4.defs(code) ? code : null;
}

export function crsName(code: string): string {
  return KNOWN_CRS.find((crs) => crs.code === code)?.name ?? code;
}

/** A converter from a known code to WGS 84 lon/lat. */
export function toWgs84(code: string): (position: number[]) => number[] {
  if (code === 'EPSG:4326') return (position) => position;
  const converter = proj4(code, 'EPSG:4326');
  return (position) => converter.forward([position[0]!, position[1]!]);
}
