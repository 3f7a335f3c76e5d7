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

/** Latitude first, signed, as GPS units and Google Earth show it. */
export function formatDecimalDegrees(longitude: number, latitude: number): string {
  return `${latitude.toFixed(5)}°, ${longitude.toFixed(5)}°`;
}
