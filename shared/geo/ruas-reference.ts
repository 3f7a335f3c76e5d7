import type { Position } from 'geojson';
import { geodesicDistanceM } from './geodesic';
import { linePathsOf } from './positions-of';
import { pointAlongM } from './point-along';
import { sliceByChainage } from './chainage';
import type { StoredFeature } from '../model/layer';

/**
 * A ruas as linear reference: its segments' paths in stored order. Chainage runs on through the
 * paths; the gaps between them are not counted (the same rule as `chainageAlongPaths`).
 */
export function ruasPaths(features: readonly StoredFeature[], ruasNumber: string): Position[][] {
  return orderByConnection(
    features
      .filter((feature) => feature.properties.kind === 'road' && feature.properties.ruasNumber === ruasNumber)
      .flatMap((feature) => linePathsOf(feature.geometry))
      .filter((path) => path.length >= 2),
  );
}

const endKey = (position: Position) => `${position[0]!.toFixed(6)},${position[1]!.toFixed(6)}`;

/**
 * Puts paths that join end to start into running order (a segment split or drawn later follows the
 * one it continues); chains that do not join keep their stored order.
 */
export function orderByConnection(paths: Position[][]): Position[][] {
  const byStart = new Map<string, number>();
  paths.forEach((path, index) => byStart.set(endKey(path[0]!), index));
  const continued = new Set<number>();
  paths.forEach((path) => {
    const next = byStart.get(endKey(path[path.length - 1]!));
    if (next !== undefined && paths[next] !== path) continued.add(next);
  });
  const ordered: Position[][] = [];
  const used = new Set<number>();
  const follow = (start: number) => {
    for (
      let index: number | undefined = start;
      index !== undefined && !used.has(index);
      index = byStart.get(endKey(paths[index]!.at(-1)!))
    ) {
      used.add(index);
      ordered.push(paths[index]!);
    }
  };
  paths.forEach((_, index) => !continued.has(index) && follow(index));
  paths.forEach((_, index) => follow(index)); // closed loops
  return ordered;
}

function pathLengthM(path: Position[]): number {
  let total = 0;
  for (let i = 1; i < path.length; i++) total += geodesicDistanceM(path[i - 1]!, path[i]!);
  return total;
}

export function ruasLengthM(paths: Position[][]): number {
  return paths.reduce((sum, path) => sum + pathLengthM(path), 0);
}

/** The place at an STA along a ruas, or null when the STA lies past its end. */
export function pointAtSta(paths: Position[][], staM: number): Position | null {
  if (staM < 0) return null;
  let start = 0;
  for (const path of paths) {
    const length = pathLengthM(path);
    if (staM <= start + length + 1e-6) return pointAlongM(path, staM - start);
    start += length;
  }
  return null;
}

/** The parts of a ruas between two STAs, one path per segment touched. */
export function slicePathsByChainage(paths: Position[][], fromM: number, toM: number): Position[][] {
  const [from, to] = fromM <= toM ? [fromM, toM] : [toM, fromM];
  const slices: Position[][] = [];
  let start = 0;
  for (const path of paths) {
    const length = pathLengthM(path);
    const end = start + length;
    if (to > start && from < end)
      slices.push(sliceByChainage(path, Math.max(0, from - start), Math.min(length, to - start)));
    start = end;
  }
  return slices;
}

export interface StaTick {
  staM: number;
  position: Position;
}

/** A tick every `intervalM` metres along a ruas, from STA 0+000 to its end. */
export function staTicks(paths: Position[][], intervalM: number): StaTick[] {
  const ticks: StaTick[] = [];
  let start = 0;
  let next = 0;
  for (const path of paths) {
    let travelled = start;
    for (let i = 1; i < path.length; i++) {
      const step = geodesicDistanceM(path[i - 1]!, path[i]!);
      while (next <= travelled + step + 1e-6) {
        ticks.push({ staM: next, position: pointAlongM([path[i - 1]!, path[i]!], next - travelled) });
        next += intervalM;
      }
      travelled += step;
    }
    start = travelled;
  }
  return ticks;
}
