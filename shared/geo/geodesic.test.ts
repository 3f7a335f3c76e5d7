import { describe, expect, it } from 'vitest';
import { geodesicAreaM2, geodesicDistanceM, geodesicLengthM } from './geodesic';

describe('geodesic measures on WGS 84', () => {
  it('gives one degree of latitude at the equator as 110 574.4 m', () => {
    // Meridian arc from 0° to 1° on WGS 84 (standard table value 110 574.389 m).
    expect(geodesicDistanceM([123, 0], [123, 1])).toBeCloseTo(110_574.389, 2);
  });

  it('gives one degree of longitude on the equator as 111 319.5 m', () => {
    // a × π / 180 with a = 6 378 137 m.
    expect(geodesicDistanceM([123, 0], [124, 0])).toBeCloseTo((6_378_137 * Math.PI) / 180, 3);
  });

  it('sums the parts of lines and multi-lines', () => {
    const part = geodesicDistanceM([123, 0], [123, 1]);
    expect(
      geodesicLengthM({
        type: 'LineString',
        coordinates: [
          [123, 0],
          [123, 0.5],
          [123, 1],
        ],
      }),
    ).toBeCloseTo(part, 6);
    expect(
      geodesicLengthM({
        type: 'MultiLineString',
        coordinates: [
          [
            [123, 0],
            [123, 1],
          ],
          [
            [123, 0],
            [123, 1],
          ],
        ],
      }),
    ).toBeCloseTo(2 * part, 6);
    expect(geodesicLengthM({ type: 'Point', coordinates: [123, 0] })).toBe(0);
  });

  it('measures a 0.01° square near Kupang against the ellipsoid formula, minus its hole', () => {
    const square = [
      [123.6, -10.18],
      [123.61, -10.18],
      [123.61, -10.17],
      [123.6, -10.17],
      [123.6, -10.18],
    ];
    // Side lengths from the meridian and parallel radii at 10.175°S: about 1 106.1 m × 1 095.8 m.
    const area = geodesicAreaM2({ type: 'Polygon', coordinates: [square] });
    expect(area).toBeGreaterThan(1_105.5 * 1_095.4);
    expect(area).toBeLessThan(1_106.1 * 1_096.0);
    const hole = [
      [123.602, -10.178],
      [123.602, -10.172],
      [123.608, -10.172],
      [123.608, -10.178],
      [123.602, -10.178],
    ];
    const withHole = geodesicAreaM2({ type: 'Polygon', coordinates: [square, hole] });
    expect(withHole).toBeCloseTo(area - geodesicAreaM2({ type: 'Polygon', coordinates: [hole] }), 3);
  });
});
