import { describe, expect, it } from 'vitest';
import proj4 from 'proj4';
import { formatDecimalDegrees, formatUtm, toUtm, utmProjection, utmZoneOf } from './utm';

describe('UTM', () => {
  it('picks zones 50 and 51 across NTT and 52 in eastern Timor-Leste', () => {
    expect(utmZoneOf(119.888)).toBe(50); // Labuan Bajo
    expect(utmZoneOf(123.607)).toBe(51); // Kupang
    expect(utmZoneOf(126.5)).toBe(52);
  });

  it('matches the meridian arc on the central meridian of zone 51', () => {
    // WGS 84 meridian distance to 10°S is 1 105 854.83 m; northing = 10 000 000 − 0.9996 × arc.
    const point = toUtm(123, -10);
    expect(point.zone).toBe(51);
    expect(point.hemisphere).toBe('S');
    expect(point.easting).toBeCloseTo(500_000, 3);
    expect(point.northing).toBeCloseTo(10_000_000 - 0.9996 * 1_105_854.83, 1);
  });

  it('places Kupang about 66.5 km east of the central meridian and round-trips to a millimetre', () => {
    const kupang = toUtm(123.607, -10.171);
    // 0.607° of longitude at 10.17°S is about 66.5 km on the ground, scaled by 0.9996.
    expect(kupang.easting).toBeGreaterThan(566_400);
    expect(kupang.easting).toBeLessThan(566_600);
    const [longitude, latitude] = proj4(utmProjection(51, 'S'), 'WGS84', [kupang.easting, kupang.northing]);
    expect(longitude).toBeCloseTo(123.607, 8);
    expect(latitude).toBeCloseTo(-10.171, 8);
  });

  it('puts the equator-crossing false northing in the south', () => {
    const onCentralMeridian = toUtm(123, -0.000001);
    expect(onCentralMeridian.easting).toBeCloseTo(500_000, 0);
    expect(onCentralMeridian.northing).toBeCloseTo(10_000_000, 0);
  });

  it('formats coordinates for the status bar', () => {
    expect(formatDecimalDegrees(123.607, -10.171)).toBe('-10.17100°, 123.60700°');
    expect(formatDecimalDegrees(123.607, -10.16884, 'id')).toBe('-10,16884°; 123,60700°');
    expect(formatUtm({ zone: 51, hemisphere: 'S', easting: 566419.4, northing: 8875595.6 })).toBe(
      '51S 566419 E 8875596 N',
    );
  });
});
