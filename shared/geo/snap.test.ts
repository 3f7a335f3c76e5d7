import { describe, expect, it } from 'vitest';
import type { Position } from 'geojson';
import { geodesicDestination, geodesicDistanceM } from './geodesic';
import { SnapIndex } from './snap';

const move = geodesicDestination;

const a: Position = [123.6, -10.17];
const b = move(a, 90, 400);
const c = move(b, 0, 400);
const index = new SnapIndex([
  { id: 'road-1', paths: [[a, b, c]] },
  { id: 'bridge-1', paths: [[move(a, 180, 200)]] },
]);

describe('snapping to existing features', () => {
  it('snaps to a vertex within reach, before the line', () => {
    const result = index.snap(move(move(b, 0, 6), 270, 3), 10)!;
    expect(result.kind).toBe('vertex');
    expect(result.position).toEqual(b);
    expect(result.featureId).toBe('road-1');
  });

  it('snaps to the nearest place on a line when no vertex is within reach', () => {
    const result = index.snap(move(move(a, 90, 200), 0, 7), 10)!;
    expect(result.kind).toBe('edge');
    expect(result.distanceM).toBeCloseTo(7, 1);
    expect(geodesicDistanceM(result.position, move(a, 90, 200))).toBeLessThan(0.05);
  });

  it('snaps to points as vertices and leaves far places alone', () => {
    expect(index.snap(move(move(a, 180, 200), 90, 4), 10)?.featureId).toBe('bridge-1');
    expect(index.snap(move(move(a, 90, 200), 0, 30), 10)).toBeNull();
    expect(new SnapIndex([]).snap(a, 10)).toBeNull();
  });
});
