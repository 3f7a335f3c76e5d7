import type { Position } from 'geojson';
import { geodesicDistanceM } from './geodesic';
import { createLocalFrame, toLocal } from './local-frame';
import { pointSegmentDistance } from './planar';
import { pointAlongM } from './point-along';

/** Reads "STA 16+250", "16+250" or "16250" as metres; null when it is none of those. */
export function parseSta(text: string): number | null {
  const cleaned = text
    .trim()
    .replace(/^sta\s*/i, '')
    .replace(/\s/g, '');
  const sta = /^(\d+)\+(\d{1,3}(?:[.,]\d+)?)$/.exec(cleaned);
  if (sta) {
    const metres = Number(sta[2]!.replace(',', '.'));
    return metres < 1000 ? Number(sta[1]) * 1000 + metres : null;
  }
  return /^\d+(?:[.,]\d+)?$/.test(cleaned) ? Number(cleaned.replace(',', '.')) : null;
}

export interface ChainagePoint {
  /** Distance along the path from its first vertex to the foot of the perpendicular, in metres. */
  staM: number;
  /** Distance from the point to the path, in metres. */
  offsetM: number;
  /** The foot of the perpendicular on the path. */
  foot: Position;
}

/** The STA of any point against a path: the nearest place on the path and how far along it lies. */
export function chainageOfPoint(path: Position[], point: Position): ChainagePoint {
  if (path.length < 2) throw new Error('chainageOfPoint: a path needs two positions');
  const frame = createLocalFrame(point[0]!, point[1]!);
  const p = toLocal(frame, point[0]!, point[1]!);
  let best: ChainagePoint | null = null;
  let travelled = 0;
  for (let i = 1; i < path.length; i++) {
    const [a, b] = [path[i - 1], path[i]];
    const edgeLength = geodesicDistanceM(a!, b!);
    const { distance, t } = pointSegmentDistance(p, toLocal(frame, a![0]!, a![1]!), toLocal(frame, b![0]!, b![1]!));
    if (!best || distance < best.offsetM) {
      best = {
        staM: travelled + t * edgeLength,
        offsetM: distance,
        foot: [a![0]! + t * (b![0]! - a![0]!), a![1]! + t * (b![1]! - a![1]!)],
      };
    }
    travelled += edgeLength;
  }
  return best!;
}

/** The part of a path between two STAs (for condition ranges such as STA 3+400 – 5+100). */
export function sliceByChainage(path: Position[], fromM: number, toM: number): Position[] {
  const [start, end] = fromM <= toM ? [fromM, toM] : [toM, fromM];
  const slice: Position[] = [pointAlongM(path, start)];
  let travelled = 0;
  for (let i = 1; i < path.length; i++) {
    travelled += geodesicDistanceM(path[i - 1]!, path[i]!);
    if (travelled > start && travelled < end) slice.push(path[i]!);
  }
  slice.push(pointAlongM(path, end));
  return slice;
}

/**
 * The STA of a point along a ruas made of several paths in order (segments, or parts of a
 * multi-part segment): chainage runs on through the paths, gaps between them are not counted.
 */
export function chainageAlongPaths(paths: Position[][], point: Position): ChainagePoint | null {
  let best: ChainagePoint | null = null;
  let start = 0;
  for (const path of paths) {
    if (path.length < 2) continue;
    const here = chainageOfPoint(path, point);
    if (!best || here.offsetM < best.offsetM) best = { ...here, staM: start + here.staM };
    for (let i = 1; i < path.length; i++) start += geodesicDistanceM(path[i - 1]!, path[i]!);
  }
  return best;
}
