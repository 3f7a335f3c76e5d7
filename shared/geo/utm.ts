import { formatNumber, type Locale } from '../format/format-number';
import proj4 from 'proj4';

export interface UtmCoordinate {
  zone: number;
  hemisphere: 'N' | 'S';
  easting: number;
  northing: number;
}

/** UTM zone of a longitude (NTT lies in 50 and 51; Timor-Leste's east reaches 52). */
export function utmZoneOf(longitude: number): number {
  return Math.min(60, Math.max(1, Math.floor((longitude + 180) / 6) + 1));
}

export function utmProjection(zone: number, hemisphere: 'N' | 'S'): string {
  return `+proj=utm +zone=${zone}${hemisphere === 'S' ? ' +south' : ''} +datum=WGS84 +units=m +no_defs`;
}

/** WGS 84 lon/lat to UTM in the zone the point falls in. */
export function toUtm(longitude: number, latitude: number): UtmCoordinate {
  const zone = utmZoneOf(longitude);
  const hemisphere = latitude < 0 ? 'S' : 'N';
  const [easting, northing] = proj4('WGS84', utmProjection(zone, hemisphere), [longitude, latitude]);
  return { zone, hemisphere, easting, northing };
}

export function formatUtm({ zone, hemisphere, easting, northing }: UtmCoordinate): string {
  return `${zone}${hemisphere} ${Math.round(easting)} E ${Math.round(northing)} N`;
}

/**
 * Latitude first, signed, as GPS units and Google Earth show it, with the language's decimal mark: "-10,17100°;
 * 123,60700°" in Indonesian (a semicolon between them, the comma being the decimal mark), "-10.17100°, 123.60700°".
 */
export function formatDecimalDegrees(longitude: number, latitude: number, locale: Locale = 'en'): string {
  const degrees = (value: number) => `${formatNumber(value, locale, 5)}°`;
  return `${degrees(latitude)}${locale === 'id' ? '; ' : ', '}${degrees(longitude)}`;
}
