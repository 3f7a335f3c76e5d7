/**
 * Encroachment benchmark: a generated network of 400 roads with 200 000 points, 20 000 lines
 * and 20 000 polygons, and 1 000 000 points; against a plain Turf loop (buffer each road,
 * booleanPointInPolygon each point) on the same points in the same run. Prints; asserts nothing.
 * Each case runs in its own process so its peak memory (max RSS) is its own.
 */
import { fork } from 'node:child_process';
import { geodesicDestination } from '../../shared/geo/geodesic';
import { buffer, booleanPointInPolygon, point as turfPoint } from '@turf/turf';
import { Geodesic } from 'geographiclib-geodesic';
import type { Position } from 'geojson';
import type { StoredFeature } from '../../shared/model/layer';
import { analyzeAssets, createRoadIndex } from '../../shared/analysis/encroachment';
import { createRandom } from '../../shared/demo/synthetic-network';
import { rowHalfWidths } from '../../shared/analysis/row-zones';
import { ROAD_CLASSES } from '../../shared/model/road-network';

const WGS84 = Geodesic.WGS84;
const move = geodesicDestination;

export function createNetwork(seed: number) {
  const random = createRandom(seed);
  const roads: StoredFeature[] = [];
  for (let r = 0; r < 400; r++) {
    let position: Position = [123.3 + random() * 0.6, -10.4 + random() * 0.6];
    let bearing = random() * 360;
    const path: Position[] = [position];
    for (let v = 0; v < 10; v++) {
      bearing += (random() - 0.5) * 40;
      position = move(position, bearing, 300 + random() * 400);
      path.push(position);
    }
    roads.push({
      id: `road-${r}`,
      layerId: 'roads',
      geometry: { type: 'LineString', coordinates: path },
      properties: {
        kind: 'road',
        ruasNumber: `B-${r}`,
        name: `Ruas ${r}`,
        status: 'provinsi',
        functionClass: 'kolektor_primer',
        roadClass: ROAD_CLASSES[1 + Math.floor(random() * 3)],
        rumijaWidthM: random() < 0.3 ? 20 : null,
        carriagewayWidthM: 7,
      },
    });
  }
  return { roads, random };
}

function nearRoad(roads: StoredFeature[], random: () => number): { at: Position; bearing: number } {
  const road = roads[Math.floor(random() * roads.length)];
  const path = (road!.geometry as { coordinates: Position[] }).coordinates;
  const i = Math.floor(random() * (path.length - 1));
  const t = random();
  const at: Position = [
    path[i]![0]! + (path[i + 1]![0]! - path[i]![0]!) * t,
    path[i]![1]! + (path[i + 1]![1]! - path[i]![1]!) * t,
  ];
  const bearing = WGS84.Inverse(path[i]![1]!, path[i]![0]!, path[i + 1]![1]!, path[i + 1]![0]!).azi1!;
  return { at, bearing };
}

export function createAssets(
  roads: StoredFeature[],
  random: () => number,
  points: number,
  lines: number,
  polygons: number,
): StoredFeature[] {
  const assets: StoredFeature[] = [];
  const props = (category: string) => ({ kind: 'asset', category, owner: 'X', ownerType: 'lainnya' });
  for (let i = 0; i < points; i++) {
    const { at, bearing } = nearRoad(roads, random);
    assets.push({
      id: `p${i}`,
      layerId: 'a',
      geometry: { type: 'Point', coordinates: move(at, bearing + 90, (random() - 0.5) * 80) },
      properties: props('tiang_listrik'),
    });
  }
  for (let i = 0; i < lines; i++) {
    const { at, bearing } = nearRoad(roads, random);
    const start = move(at, bearing + 90, (random() - 0.5) * 30);
    const end = move(start, bearing + (random() - 0.5) * 60, 50 + random() * 250);
    assets.push({
      id: `l${i}`,
      layerId: 'a',
      geometry: { type: 'LineString', coordinates: [start, end] },
      properties: props('kabel'),
    });
  }
  for (let i = 0; i < polygons; i++) {
    const { at, bearing } = nearRoad(roads, random);
    const corner = move(at, bearing + 90, 2 + random() * 15);
    const a = move(corner, bearing, 3 + random() * 7);
    const b = move(a, bearing + 90, 3 + random() * 5);
    const c = move(corner, bearing + 90, 3 + random() * 5);
    assets.push({
      id: `g${i}`,
      layerId: 'a',
      geometry: { type: 'Polygon', coordinates: [[corner, c, b, a, corner]] },
      properties: props('kios'),
    });
  }
  return assets;
}

/** The naive method: buffer every road by its RUMIJA half-width, test every point against every buffer. */
function turfLoop(roads: StoredFeature[], points: StoredFeature[]): number {
  const buffers = roads.map((road) =>
    buffer(road.geometry as never, rowHalfWidths(road.properties as never).rumijaM, { units: 'meters' })!,
  );
  let inside = 0;
  for (const asset of points) {
    const p = turfPoint((asset.geometry as { coordinates: Position }).coordinates);
    if (buffers.some((polygon) => booleanPointInPolygon(p, polygon))) inside += 1;
  }
  return inside;
}

type CaseName = 'mixed-200k' | 'points-1m' | 'turf-baseline';

function runCase(name: CaseName) {
  const { roads, random } = createNetwork(7);
  const assets =
    name === 'points-1m'
      ? createAssets(roads, random, 1_000_000, 0, 0)
      : createAssets(roads, random, 200_000, 20_000, 20_000);
  const points = assets.filter((a) => a.geometry.type === 'Point');
  const started = performance.now();
  let summary: Record<string, number>;
  let seconds: number;
  if (name === 'turf-baseline') {
    summary = { pointsInside: turfLoop(roads, points) };
    seconds = (performance.now() - started) / 1000;
  } else {
    const index = createRoadIndex(roads);
    const results = analyzeAssets(index, assets);
    seconds = (performance.now() - started) / 1000;
    summary = {
      pointsInside: results.filter((r) => r.unit === 'unit' && r.quantity > 0).length,
      metresInside: Math.round(results.filter((r) => r.unit === 'm').reduce((s, r) => s + r.quantity, 0)),
      squareMetresInside: Math.round(results.filter((r) => r.unit === 'm2').reduce((s, r) => s + r.quantity, 0)),
    };
    // Points alone, for the like-for-like ratio with the Turf loop.
    const pointStart = performance.now();
    analyzeAssets(createRoadIndex(roads), points);
    summary.pointsOnlySeconds = (performance.now() - pointStart) / 1000;
  }
  process.send!({ name, seconds, peakMb: process.resourceUsage().maxRSS / 1024, assets: assets.length, ...summary });
}

function runInChild(name: CaseName): Promise<Record<string, number | string>> {
  return new Promise((resolve, reject) => {
    const child = fork(__filename, ['--case', name], { execArgv: ['--import', 'tsx', '--max-old-space-size=8000'] });
    child.on('message', (message) => resolve(message as Record<string, number | string>));
    child.on('exit', (code) => (code ? reject(new Error(`${name} exited with ${code}`)) : undefined));
  });
}

export async function benchmarkEncroachment() {
  const mixed = await runInChild('mixed-200k');
  const million = await runInChild('points-1m');
  const turf = await runInChild('turf-baseline');
  const f = (value: unknown, digits = 2) => Number(value).toFixed(digits);
  console.log('\nEncroachment, 400 roads (Node, 1 thread, this machine)');
  console.log(
    `200 000 points + 20 000 lines + 20 000 polygons (index included): ${f(mixed.seconds)} s, peak ${f(mixed.peakMb, 0)} MB`,
  );
  console.log(
    `   the 200 000 points alone, index included: ${f(mixed.pointsOnlySeconds)} s; inside RUMIJA: ${mixed.pointsInside} points, ${mixed.metresInside} m of line, ${mixed.squareMetresInside} m² of polygon`,
  );
  console.log(
    `1 000 000 points: ${f(million.seconds)} s, peak ${f(million.peakMb, 0)} MB; inside RUMIJA: ${million.pointsInside}`,
  );
  console.log(
    `Turf loop (buffer + booleanPointInPolygon), same 200 000 points: ${f(turf.seconds)} s, peak ${f(turf.peakMb, 0)} MB; inside: ${turf.pointsInside}`,
  );
  console.log(
    `ratio Turf loop / Rumija on the points: ×${f(Number(turf.seconds) / Number(mixed.pointsOnlySeconds), 1)}`,
  );
  console.log(
    `agreement on points inside: Rumija ${mixed.pointsInside} vs Turf ${turf.pointsInside} (Turf's buffer is a polygon approximation)`,
  );
}

const caseIndex = process.argv.indexOf('--case');
if (caseIndex > 0) runCase(process.argv[caseIndex + 1] as CaseName);
