/**
 * Snapping benchmark: the index the drawing tools snap to, over a generated network of 200 000
 * segments (about a million vertices), against scanning every edge for each pointer move in the
 * same run. Prints; asserts nothing.
 */
import type { Position } from 'geojson';
import { createRandom, createSyntheticRoadNetwork } from '#shared/demo/synthetic-network';
import { linePathsOf } from '#shared/geo/positions-of';
import { SnapIndex, type SnapTarget } from '#shared/geo/snap';
import { createLocalFrame, toLocal } from '#shared/geo/local-frame';
import { pointSegmentDistance } from '#shared/geo/planar';

function scanAll(targets: SnapTarget[], point: Position, toleranceM: number) {
  const frame = createLocalFrame(point[0]!, point[1]!);
  const p = toLocal(frame, point[0]!, point[1]!);
  let best = Infinity;
  for (const { paths } of targets) {
    for (const path of paths) {
      for (let i = 1; i < path.length; i++) {
        const { distance } = pointSegmentDistance(
          p,
          toLocal(frame, path[i - 1]![0]!, path[i - 1]![1]!),
          toLocal(frame, path[i]![0]!, path[i]![1]!),
        );
        if (distance < best) best = distance;
      }
    }
  }
  return best <= toleranceM ? best : null;
}

export async function benchmarkSnapping(count = 200_000, moves = 2_000) {
  const { features } = createSyntheticRoadNetwork(count);
  const targets = features.map((feature) => ({ id: feature.id, paths: linePathsOf(feature.geometry) }));
  const vertices = targets.reduce((sum, target) => sum + target.paths.reduce((s, path) => s + path.length, 0), 0);
  const random = createRandom(7);
  const pointer = () => {
    const path = targets[Math.floor(random() * targets.length)]!.paths[0];
    const [x, y] = path![Math.floor(random() * path!.length)]!;
    return [x! + (random() - 0.5) * 0.0004, y! + (random() - 0.5) * 0.0004] as Position;
  };

  let started = performance.now();
  const index = new SnapIndex(targets);
  const buildMs = performance.now() - started;

  const points = Array.from({ length: moves }, pointer);
  started = performance.now();
  let snapped = 0;
  for (const point of points) if (index.snap(point, 25)) snapped++;
  const indexedMs = (performance.now() - started) / moves;

  const scanned = points.slice(0, 20);
  started = performance.now();
  for (const point of scanned) scanAll(targets, point, 25);
  const scanMs = (performance.now() - started) / scanned.length;

  console.log(`segments ${count.toLocaleString('en')}, vertices ${vertices.toLocaleString('en')}`);
  console.log(`index build (once per data change): ${buildMs.toFixed(0)} ms`);
  console.log(`snap per pointer move: ${indexedMs.toFixed(3)} ms (${snapped}/${moves} snapped within 25 m)`);
  console.log(`baseline, scanning every edge: ${scanMs.toFixed(1)} ms per move → ×${(scanMs / indexedMs).toFixed(0)}`);
}
