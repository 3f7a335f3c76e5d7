import { describe, expect, it } from 'vitest';
import type { Position } from 'geojson';
import { chainageAlongPaths, chainageOfPoint, parseSta, sliceByChainage } from './chainage';
import { geodesicDestination, geodesicLengthM } from './geodesic';

const move = geodesicDestination;

// A known polyline: 1 000 m east, then 2 000 m north, then 500 m east (3 500 m in all).
const a: Position = [123.879, -10.064];
const b = move(a, 90, 1_000);
const c = move(b, 0, 2_000);
const d = move(c, 90, 500);
const path = [a, b, c, d];

describe('STA (linear referencing)', () => {
  it('reads STA notation', () => {
    expect(parseSta('STA 16+250')).toBe(16_250);
    expect(parseSta('0+500')).toBe(500);
    expect(parseSta('3+400,5')).toBe(3_400.5);
    expect(parseSta('16250')).toBe(16_250);
    expect(parseSta('16+2500')).toBeNull();
    expect(parseSta('jalan')).toBeNull();
  });

  it('gives the STA and offset of points against hand values', () => {
    // 300 m along the first leg, 20 m south of it.
    const first = chainageOfPoint(path, move(move(a, 90, 300), 180, 20));
    expect(first.staM).toBeCloseTo(300, 0);
    expect(first.offsetM).toBeCloseTo(20, 1);
    // 1 250 m up the second leg, 15 m east of it: STA 1 000 + 1 250.
    const second = chainageOfPoint(path, move(move(b, 0, 1_250), 90, 15));
    expect(Math.abs(second.staM - 2_250)).toBeLessThan(1);
    expect(second.offsetM).toBeCloseTo(15, 1);
    // On the last leg, 100 m from its start: STA 3 100.
    expect(Math.abs(chainageOfPoint(path, move(c, 90, 100)).staM - 3_100)).toBeLessThan(1);
  });

  it('slices the path between two STAs with the right length', () => {
    const slice = sliceByChainage(path, 500, 2_500);
    expect(geodesicLengthM({ type: 'LineString', coordinates: slice })).toBeCloseTo(2_000, 0);
    expect(slice).toHaveLength(3); // start, the corner at STA 1+000, end
    expect(geodesicLengthM({ type: 'LineString', coordinates: sliceByChainage(path, 3_400, 1_000) })).toBeCloseTo(
      2_400,
      0,
    );
  });
});

describe('STA along a ruas of several segments', () => {
  it('runs on through the segments in order', () => {
    const result = chainageAlongPaths(
      [
        [a, b],
        [b, c],
        [c, d],
      ],
      move(move(b, 0, 1_250), 90, 15),
    );
    expect(Math.abs(result!.staM - 2_250)).toBeLessThan(1);
    expect(chainageAlongPaths([], a)).toBeNull();
  });
});
