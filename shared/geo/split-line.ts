import type { Geometry, Position } from 'geojson';
import { geodesicDistanceM } from './geodesic';
import { createLocalFrame, toLocal } from './local-frame';
import { pointSegmentDistance } from './planar';
import { linePathsOf } from './positions-of';

export type SplitResult =
  | { ok: true; parts: [Geometry, Geometry]; at: Position; offsetM: number }
  | { ok: false; reason: 'not-a-line' | 'at-end' };

const asGeometry = (paths: Position[][]): Geometry =>
  paths.length === 1 ? { type: 'LineString', coordinates: paths[0]! } : { type: 'MultiLineString', coordinates: paths };

/** Consecutive positions closer than a millimetre become one (a cut on a vertex adds none). */
function dropRepeats(path: Position[]): Position[] {
  return path.filter((position, i) => i === 0 || geodesicDistanceM(path[i - 1]!, position) > 1e-3);
}

const lengthOf = (paths: Position[][]) =>
  paths.reduce(
    (sum, path) => sum + path.slice(1).reduce((s, position, i) => s + geodesicDistanceM(path[i]!, position), 0),
    0,
  );

/**
 * Cuts a line in two at the place nearest to `point` (a vertex is added there). Both parts keep the
 * cut position, so they still meet. Cutting within `minPartM` of an end is refused: it would leave a
 * stub that is not a segment.
 */
export function splitLineAt(geometry: Geometry, point: Position, minPartM = 1): SplitResult {
  const paths = linePathsOf(geometry);
  if (paths.length === 0) return { ok: false, reason: 'not-a-line' };
  const frame = createLocalFrame(point[0]!, point[1]!);
  const p = toLocal(frame, point[0]!, point[1]!);
  let best: { part: number; edge: number; t: number; distance: number } | null = null;
  paths.forEach((path, part) => {
    for (let edge = 1; edge < path.length; edge++) {
      const [a, b] = [path[edge - 1], path[edge]];
      const { distance, t } = pointSegmentDistance(p, toLocal(frame, a![0]!, a![1]!), toLocal(frame, b![0]!, b![1]!));
      if (!best || distance < best.distance) best = { part, edge, t, distance };
    }
  });
  if (!best) return { ok: false, reason: 'not-a-line' };
  const { part, edge, t, distance } = best as { part: number; edge: number; t: number; distance: number };
  const path = paths[part];
  const [a, b] = [path![edge - 1], path![edge]];
  const cut: Position = [a![0]! + t * (b![0]! - a![0]!), a![1]! + t * (b![1]! - a![1]!)];
  const head = dropRepeats([...path!.slice(0, edge), cut]);
  const tail = dropRepeats([cut, ...path!.slice(edge)]);
  const beforeParts = [...paths.slice(0, part), head].filter((p2) => p2.length >= 2);
  const afterParts = [tail, ...paths.slice(part + 1)].filter((p2) => p2.length >= 2);
  if (
    beforeParts.length === 0 ||
    afterParts.length === 0 ||
    lengthOf(beforeParts) < minPartM ||
    lengthOf(afterParts) < minPartM
  ) {
    return { ok: false, reason: 'at-end' };
  }
  return { ok: true, parts: [asGeometry(beforeParts), asGeometry(afterParts)], at: cut, offsetM: distance };
}
