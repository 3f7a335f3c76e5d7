import Flatbush from 'flatbush';
import type { Position } from 'geojson';
import { createLocalFrame, toLocal } from './local-frame';
import { pointSegmentDistance } from './planar';

export interface SnapTarget {
  id: string;
  paths: Position[][];
}

export interface SnapResult {
  position: Position;
  /** A vertex wins over the line between vertices when both are within reach. */
  kind: 'vertex' | 'edge';
  featureId: string;
  distanceM: number;
}

const METRES_PER_DEGREE = 111_320;

/**
 * Snapping to the vertices and lines of existing features, with a spatial index over their edges
 * so a drawing over 200 000 road segments asks a few edges, not all of them.
 */
export class SnapIndex {
  private readonly edges: { id: string; a: Position; b: Position }[] = [];
  private readonly index: Flatbush | null;

  constructor(targets: readonly SnapTarget[]) {
    for (const target of targets) {
      for (const path of target.paths) {
        for (let i = 1; i < path.length; i++) this.edges.push({ id: target.id, a: path[i - 1]!, b: path[i]! });
        if (path.length === 1) this.edges.push({ id: target.id, a: path[0]!, b: path[0]! });
      }
    }
    if (this.edges.length === 0) {
      this.index = null;
      return;
    }
    this.index = new Flatbush(this.edges.length);
    for (const { a, b } of this.edges)
      this.index.add(Math.min(a[0]!, b[0]!), Math.min(a[1]!, b[1]!), Math.max(a[0]!, b[0]!), Math.max(a[1]!, b[1]!));
    this.index.finish();
  }

  /** The nearest vertex, else the nearest place on a line, within `toleranceM` of the point; null if none. */
  snap(point: Position, toleranceM: number): SnapResult | null {
    if (!this.index) return null;
    const [lon, lat] = point;
    const dLat = toleranceM / METRES_PER_DEGREE;
    const dLon = dLat / Math.max(0.01, Math.cos((lat! * Math.PI) / 180));
    const frame = createLocalFrame(lon!, lat!);
    const p = toLocal(frame, lon!, lat!);
    let vertex: SnapResult | null = null;
    let edge: SnapResult | null = null;
    for (const i of this.index.search(lon! - dLon, lat! - dLat, lon! + dLon, lat! + dLat)) {
      const { id, a, b } = this.edges[i]!;
      for (const candidate of [a, b]) {
        const [x, y] = toLocal(frame, candidate[0]!, candidate[1]!);
        const distanceM = Math.hypot(x - p[0], y - p[1]);
        if (distanceM <= toleranceM && (!vertex || distanceM < vertex.distanceM))
          vertex = { position: candidate, kind: 'vertex', featureId: id, distanceM };
      }
      const { distance, t } = pointSegmentDistance(p, toLocal(frame, a[0]!, a[1]!), toLocal(frame, b[0]!, b[1]!));
      if (distance <= toleranceM && (!edge || distance < edge.distanceM)) {
        edge = {
          position: [a[0]! + t * (b[0]! - a[0]!), a[1]! + t * (b[1]! - a[1]!)],
          kind: 'edge',
          featureId: id,
          distanceM: distance,
        };
      }
    }
    return vertex ?? edge;
  }
}
