import type { Position } from 'geojson';
import { lineIntersect } from '@turf/turf';
import { geodesicDistanceM } from '../geo/geodesic';
import { chainageAlongPaths } from '../geo/chainage';
import { pointAlongM } from '../geo/point-along';

/**
 * A route as it draws itself: the paths of its ruas with the distance at every vertex worked out
 * once, so each animation frame only cuts, it does not measure again.
 */
export class RouteProgress {
  readonly lengthM: number;
  private readonly starts: number[][] = [];

  constructor(readonly paths: Position[][]) {
    let travelled = 0;
    for (const path of paths) {
      const starts = [travelled];
      for (let i = 1; i < path.length; i++) {
        travelled += geodesicDistanceM(path[i - 1]!, path[i]!);
        starts.push(travelled);
      }
      this.starts.push(starts);
    }
    this.lengthM = travelled;
  }

  /** The part of the route from its start to `distanceM` along it. */
  drawnUpTo(distanceM: number): Position[][] {
    const drawn: Position[][] = [];
    this.paths.forEach((path, p) => {
      const starts = this.starts[p];
      if (starts![0]! >= distanceM) return;
      const part: Position[] = [path[0]!];
      for (let i = 1; i < path.length; i++) {
        if (starts![i]! <= distanceM) part.push(path[i]!);
        else {
          part.push(pointAlongM([path[i - 1]!, path[i]!], distanceM - starts![i - 1]!));
          break;
        }
      }
      if (part.length >= 2) drawn.push(part);
    });
    return drawn;
  }
}

export interface PlacedOnRoute<T> {
  item: T;
  staM: number;
  position: Position;
}

/** Points (bridges) within `maxOffsetM` of the route, with the distance along it at which they lie, in order. */
export function placeOnRoute<T>(
  paths: Position[][],
  items: readonly { item: T; position: Position }[],
  maxOffsetM = 100,
): PlacedOnRoute<T>[] {
  const placed: PlacedOnRoute<T>[] = [];
  for (const { item, position } of items) {
    const at = chainageAlongPaths(paths, position);
    if (at && at.offsetM <= maxOffsetM) placed.push({ item, staM: at.staM, position });
  }
  return placed.sort((a, b) => a.staM - b.staM);
}

/** Where the route crosses a border line, with the distance along the route, in order. */
export function findBorderCrossings(
  paths: Position[][],
  borderLines: Position[][],
): { staM: number; position: Position }[] {
  const crossings: { staM: number; position: Position }[] = [];
  for (const path of paths) {
    for (const border of borderLines) {
      if (path.length < 2 || border.length < 2) continue;
      const hits = lineIntersect(
        { type: 'LineString', coordinates: path },
        { type: 'LineString', coordinates: border },
      );
      for (const hit of hits.features) {
        const position = hit.geometry.coordinates;
        const at = chainageAlongPaths(paths, position);
        if (at) crossings.push({ staM: at.staM, position });
      }
    }
  }
  return crossings.sort((a, b) => a.staM - b.staM);
}
