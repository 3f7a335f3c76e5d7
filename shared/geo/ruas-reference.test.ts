import { describe, expect, it } from 'vitest';
import type { Position } from 'geojson';
import { geodesicDestination, geodesicDistanceM, geodesicLengthM } from './geodesic';
import {
  orderByConnection,
  pointAtSta,
  ruasLengthM,
  ruasPaths,
  slicePathsByChainage,
  staTicks,
} from './ruas-reference';
import type { StoredFeature } from '../model/layer';

const move = geodesicDestination;

// A ruas of two segments: 1 000 m east, then 2 000 m north (3 000 m in all).
const a: Position = [123.879, -10.064];
const b = move(a, 90, 1_000);
const c = move(b, 0, 2_000);
const road = (id: string, coordinates: Position[], ruasNumber = '031'): StoredFeature => ({
  id,
  layerId: 'roads',
  geometry: { type: 'LineString', coordinates },
  properties: { kind: 'road', ruasNumber },
});
const paths = ruasPaths([road('s1', [a, b]), road('other', [a, c], '099'), road('s2', [b, c])], '031');

describe('a ruas as linear reference', () => {
  it('takes the segments of one ruas in stored order', () => {
    expect(paths).toEqual([
      [a, b],
      [b, c],
    ]);
    expect(ruasLengthM(paths)).toBeCloseTo(3_000, 3);
  });

  it('finds the place at an STA against hand values, across segments', () => {
    expect(geodesicDistanceM(pointAtSta(paths, 500)!, move(a, 90, 500))).toBeLessThan(0.01);
    expect(geodesicDistanceM(pointAtSta(paths, 1_000)!, b)).toBeLessThan(0.01);
    // STA 2+250 is 1 250 m up the second segment.
    expect(geodesicDistanceM(pointAtSta(paths, 2_250)!, move(b, 0, 1_250))).toBeLessThan(0.01);
    expect(pointAtSta(paths, 3_001)).toBeNull();
    expect(pointAtSta(paths, -1)).toBeNull();
  });

  it('slices a range that spans two segments', () => {
    const slices = slicePathsByChainage(paths, 600, 1_900);
    expect(slices).toHaveLength(2);
    expect(geodesicLengthM({ type: 'MultiLineString', coordinates: slices })).toBeCloseTo(1_300, 1);
    expect(slicePathsByChainage(paths, 1_200, 1_400)).toHaveLength(1);
  });

  it('puts a tick every 100 m and every 1 km', () => {
    const hundreds = staTicks(paths, 100);
    expect(hundreds.map((tick) => tick.staM)).toEqual(Array.from({ length: 31 }, (_, i) => i * 100));
    expect(geodesicDistanceM(hundreds[13]!.position, move(b, 0, 300))).toBeLessThan(0.01);
    expect(staTicks(paths, 1_000).map((tick) => tick.staM)).toEqual([0, 1_000, 2_000, 3_000]);
  });
});

describe('running order of a ruas', () => {
  it('follows segments that join end to start, whatever their stored order', () => {
    const d = move(c, 90, 500);
    expect(
      orderByConnection([
        [b, c],
        [c, d],
        [a, b],
      ]),
    ).toEqual([
      [a, b],
      [b, c],
      [c, d],
    ]);
    // Paths that do not join keep their order.
    const far: Position[] = [move(d, 0, 5_000), move(d, 0, 6_000)];
    expect(orderByConnection([far, [b, c], [a, b]])).toEqual([far, [a, b], [b, c]]);
  });
});
