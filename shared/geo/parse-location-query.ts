import proj4 from 'proj4';
import { utmProjection } from './utm';
import { parseSta } from './chainage';

/** What a search box query asks for: a place by coordinates, an STA on a ruas, or a name to look up. */
export type LocationQuery =
  | { kind: 'coordinates'; lon: number; lat: number; format: 'decimal' | 'dms' | 'utm' }
  | { kind: 'sta'; ruasNumber: string; staM: number }
  | { kind: 'text'; text: string };

const number = (text: string) => Number(text.replace(',', '.'));
const inRange = (lon: number, lat: number) => Math.abs(lon) <= 180 && Math.abs(lat) <= 90;

/**
 * Two decimal numbers: "-10.1772, 123.6070" (lat, lon as map apps give them), "123.607 -10.177" (lon first when
 * the first cannot be a latitude), Indonesian decimal commas "-10,1772; 123,6070".
 */
function decimalPair(text: string): { lon: number; lat: number } | null {
  const parts = text
    .trim()
    .split(/\s*;\s*|\s*,\s+|\s+/)
    .flatMap((part) => (/^-?\d+\.\d+,-?\d+\.\d+$/.test(part) ? part.split(',') : [part]));
  if (parts.length !== 2 || !parts.every((part) => /^-?\d{1,3}(?:[.,]\d+)?$/.test(part))) return null;
  const [a, b] = parts.map(number) as [number, number];
  const [lat, lon] = Math.abs(a) > 90 ? [b, a] : [a, b];
  return inRange(lon, lat) ? { lon, lat } : null;
}

const DMS =
  /(\d{1,3})\s*[°º:\s]\s*(?:(\d{1,2}(?:[.,]\d+)?)\s*['′:\s]\s*)?(?:(\d{1,2}(?:[.,]\d+)?)\s*(?:["″]|'')?\s*)?(LS|LU|BT|BB|[NSEWUTB])\b/gi;
const SOUTH_OR_WEST = new Set(['S', 'LS', 'W', 'BB']);
const LATITUDE = new Set(['N', 'S', 'LU', 'LS', 'U']);

/** `10°10'38"S 123°36'25"E`, `10 10 38 LS 123 36 25 BT`: degrees, minutes, seconds with a hemisphere. */
function dmsPair(text: string): { lon: number; lat: number } | null {
  const matches = [...text.matchAll(DMS)];
  if (matches.length !== 2) return null;
  let lat: number | null = null;
  let lon: number | null = null;
  for (const [, degrees, minutes = '0', seconds = '0', hemisphere] of matches) {
    const letter = hemisphere!.toUpperCase();
    const value =
      (Number(degrees) + number(minutes) / 60 + number(seconds) / 3600) * (SOUTH_OR_WEST.has(letter) ? -1 : 1);
    if (LATITUDE.has(letter)) lat = value;
    else lon = value;
  }
  return lat !== null && lon !== null && inRange(lon, lat) ? { lon, lat } : null;
}

/**
 * `51S 570654 8876572`, `51 S 570654 8876572`, `570654 8876572 51S`: a UTM zone with its hemisphere (S, or a
 * latitude band C–M) and easting, northing in metres.
 */
function utmPair(text: string): { lon: number; lat: number } | null {
  const zoneFirst =
    /^(\d{1,2})\s*([A-HJ-NP-Z])\s+(\d{5,6}(?:[.,]\d+)?)\s*(?:m?\s*E\b)?[\s,;]+(\d{6,7}(?:[.,]\d+)?)\s*(?:m?\s*N\b)?$/i;
  const zoneLast = /^(\d{5,6}(?:[.,]\d+)?)[\s,;]+(\d{6,7}(?:[.,]\d+)?)\s+(\d{1,2})\s*([A-HJ-NP-Z])$/i;
  const first = zoneFirst.exec(text.trim());
  const last = first ? null : zoneLast.exec(text.trim());
  if (!first && !last) return null;
  const [zone, letter, easting, northing] = first
    ? [first[1]!, first[2]!, first[3]!, first[4]!]
    : [last![3]!, last![4]!, last![1]!, last![2]!];
  const band = letter.toUpperCase();
  const south = band === 'S' || (band >= 'C' && band <= 'M');
  const zoneNumber = Number(zone);
  if (zoneNumber < 1 || zoneNumber > 60) return null;
  const [lon, lat] = proj4(utmProjection(zoneNumber, south ? 'S' : 'N'), 'WGS84', [number(easting), number(northing)]);
  return Number.isFinite(lon) && Number.isFinite(lat) && inRange(lon!, lat!) ? { lon: lon!, lat: lat! } : null;
}

/** `P-101 STA 16+250`, `P-101 16+250`, `p101 sta 16+250`: a ruas number and an STA on it. */
function staQuery(text: string): { ruasNumber: string; staM: number } | null {
  const match = /^([A-Za-z]{1,3}\s*-?\s*\d+[A-Za-z]?)\s+((?:sta\s*)?\d+\+\d{1,3}(?:[.,]\d+)?)$/i.exec(text.trim());
  if (!match) return null;
  const staM = parseSta(match[2]!);
  if (staM === null) return null;
  const ruas = match[1]!.toUpperCase().replace(/\s+/g, '');
  return { ruasNumber: ruas.includes('-') ? ruas : ruas.replace(/^([A-Z]+)(\d)/, '$1-$2'), staM };
}

/** Reads what the user typed into the search box. */
export function parseLocationQuery(input: string): LocationQuery {
  const text = input.trim();
  const utm = utmPair(text);
  if (utm) return { kind: 'coordinates', ...utm, format: 'utm' };
  const dms = dmsPair(text);
  if (dms) return { kind: 'coordinates', ...dms, format: 'dms' };
  const decimal = decimalPair(text);
  if (decimal) return { kind: 'coordinates', ...decimal, format: 'decimal' };
  const sta = staQuery(text);
  if (sta) return { kind: 'sta', ...sta };
  return { kind: 'text', text };
}
