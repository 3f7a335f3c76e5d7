import { describe, expect, it } from 'vitest';
import type { LineString, Position } from 'geojson';
import { geodesicDestination, geodesicDistanceM, geodesicLengthM } from './geodesic';
import { splitLineAt } from './split-line';

const move = geodesicDestination;

const a: Position = [124.1, -9.55];
const b = move(a, 90, 1_000);
const c = move(b, 0, 500);
const line: LineString = { type: 'LineString', coordinates: [a, b, c] };

describe('splitting a segment', () => {
  it('cuts at the nearest place and keeps the length', () => {
    const result = splitLineAt(line, move(move(a, 90, 400), 0, 12));
    if (!result.ok) throw new Error(result.reason);
    const [head, tail] = result.parts as [LineString, LineString];
    expect(geodesicLengthM(head)).toBeCloseTo(400, 1);
    expect(geodesicLengthM(tail)).toBeCloseTo(1_100, 1);
    expect(head.coordinates.at(-1)).toEqual(tail.coordinates[0]);
    expect(tail.coordinates).toHaveLength(3);
    expect(result.offsetM).toBeCloseTo(12, 1);
  });

  it('cuts on a vertex without doubling it', () => {
    const result = splitLineAt(line, b);
    if (!result.ok) throw new Error(result.reason);
    expect((result.parts[0] as LineString).coordinates).toHaveLength(2);
    expect((result.parts[1] as LineString).coordinates).toHaveLength(2);
    expect(geodesicDistanceM((result.parts[1] as LineString).coordinates[0]!, b)).toBeLessThan(1e-6);
  });

  it('splits a multi-part line between its parts', () => {
    const d = move(c, 0, 300);
    const e = move(d, 0, 300);
    const result = splitLineAt(
      {
        type: 'MultiLineString',
        coordinates: [
          [a, b],
          [c, d, e],
        ],
      },
      move(c, 0, 100),
    );
    if (!result.ok) throw new Error(result.reason);
    expect(result.parts[0].type).toBe('MultiLineString');
    expect(geodesicLengthM(result.parts[0])).toBeCloseTo(1_100, 1);
    expect(geodesicLengthM(result.parts[1])).toBeCloseTo(500, 1);
  });

  it('refuses a cut at an end and a geometry that is no line', () => {
    expect(splitLineAt(line, move(a, 270, 50))).toEqual({ ok: false, reason: 'at-end' });
    expect(splitLineAt({ type: 'Point', coordinates: a }, a)).toEqual({ ok: false, reason: 'not-a-line' });
  });
});
