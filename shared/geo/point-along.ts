import { Geodesic } from 'geographiclib-geodesic';
import type { Position } from 'geojson';
import { geodesicDestination, geodesicDistanceM } from './geodesic';

const WGS84 = Geodesic.WGS84;

/**
 * The position `distanceM` metres along a path, measured geodesically from its first vertex
 * (the chainage, STA). Distances past the end give the last vertex; negative ones the first.
 */
export function pointAlongM(path: Position[], distanceM: number): Position {
  if (path.length === 0) throw new Error('pointAlongM: empty path');
  if (distanceM <= 0) return path[0]!;
  let travelled = 0;
  for (let i = 1; i < path.length; i++) {
    const [a, b] = [path[i - 1], path[i]];
    const step = geodesicDistanceM(a!, b!);
    if (travelled + step >= distanceM && step > 0) {
      const inverse = WGS84.Inverse(a![1]!, a![0]!, b![1]!, b![0]!);
      return geodesicDestination(a!, inverse.azi1!, distanceM - travelled);
    }
    travelled += step;
  }
  return path[path.length - 1]!;
}
