import { describe, expect, it } from 'vitest';
import proj4 from 'proj4';
import { parseLocationQuery } from './parse-location-query';
import { utmProjection } from './utm';

// Bandara El Tari, Kupang.
const LON = 123.6707;
const LAT = -10.1716;

const expectPlace = (input: string, format: string) => {
  const query = parseLocationQuery(input);
  expect(query, input).toMatchObject({ kind: 'coordinates', format });
  if (query.kind !== 'coordinates') return;
  expect(query.lon, input).toBeCloseTo(LON, 4);
  expect(query.lat, input).toBeCloseTo(LAT, 4);
};

describe('reading the search box', () => {
  it('reads decimal degrees in either order, with dots or Indonesian decimal commas', () => {
    for (const input of [
      '-10.1716, 123.6707',
      '-10.1716,123.6707',
      '123.6707 -10.1716',
      '-10,1716; 123,6707',
      '  -10.1716   123.6707 ',
    ])
      expectPlace(input, 'decimal');
  });

  it('reads degrees, minutes and seconds with N/S/E/W or LU/LS/BT/BB', () => {
    // 10.1716° = 10° 10′ 17.76″; 123.6707° = 123° 40′ 14.52″
    for (const input of [
      `10°10'17.76"S 123°40'14.52"E`,
      `10° 10′ 17,76″ LS, 123° 40′ 14,52″ BT`,
      '10 10 17.76 S 123 40 14.52 E',
      `123°40'14.52"E 10°10'17.76"S`,
    ])
      expectPlace(input, 'dms');
  });

  it('reads UTM with the zone before or after, hemisphere S or a band letter', () => {
    const [easting, northing] = proj4('WGS84', utmProjection(51, 'S'), [LON, LAT]) as [number, number];
    const e = easting.toFixed(1);
    const n = northing.toFixed(1);
    for (const input of [`51S ${e} ${n}`, `51 S ${e} ${n}`, `${e} ${n} 51S`, `51L ${e}mE ${n}mN`, `51S ${e}, ${n}`])
      expectPlace(input, 'utm');
  });

  it('reads a ruas and an STA', () => {
    expect(parseLocationQuery('P-101 STA 16+250')).toEqual({ kind: 'sta', ruasNumber: 'P-101', staM: 16_250 });
    expect(parseLocationQuery('p101 16+250')).toEqual({ kind: 'sta', ruasNumber: 'P-101', staM: 16_250 });
    expect(parseLocationQuery('P-101 sta 0+050,5')).toEqual({ kind: 'sta', ruasNumber: 'P-101', staM: 50.5 });
  });

  it('leaves everything else as a name to look up, and refuses coordinates off the globe', () => {
    for (const input of ['Kupang', 'Noelmina', 'P-101', 'Jalan El Tari', '95.5 200.1', '123 45 67'])
      expect(parseLocationQuery(input).kind, input).toBe('text');
  });
});
