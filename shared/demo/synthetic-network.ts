import type { Position } from 'geojson';
import type { Layer, StoredFeature } from '../model/layer';
import { CONDITIONS, ROAD_STATUSES, type RoadSegmentProperties } from '../model/road-network';
import { REGENCY_CODES } from '../model/feature-fields';
import { geodesicLengthM } from '../geo/geodesic';

/** Small fast seeded generator (mulberry32): the same seed gives the same network. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A synthetic road network for benchmarks: `count` short segments (4–6 vertices, a few km)
 * scattered over NTT, with valid model properties. SYNTHETIC: not roads that exist.
 */
export function createSyntheticRoadNetwork(
  count: number,
  seed = 42,
  layerId = 'synthetic-roads',
): { layer: Layer; features: StoredFeature[] } {
  const random = createRandom(seed);
  const features: StoredFeature[] = new Array(count);
  const statuses = ROAD_STATUSES.filter((status) => status !== 'rdtl');
  for (let i = 0; i < count; i++) {
    let position: Position = [119 + random() * 6, -10.9 + random() * 2.6];
    const path: Position[] = [position];
    const vertices = 4 + Math.floor(random() * 3);
    for (let v = 1; v < vertices; v++) {
      position = [position[0]! + (random() - 0.5) * 0.01, position[1]! + (random() - 0.5) * 0.01];
      path.push([Number(position[0]!.toFixed(6)), Number(position[1]!.toFixed(6))]);
    }
    const geometry = { type: 'LineString' as const, coordinates: path };
    const properties: RoadSegmentProperties = {
      kind: 'road',
      ruasNumber: `S-${String(Math.floor(i / 10)).padStart(6, '0')}`,
      name: `Ruas sintetis ${i + 1}`,
      status: statuses[Math.floor(random() * statuses.length)]!,
      functionClass: 'kolektor_primer',
      roadClass: 'sedang',
      rumijaWidthM: random() < 0.3 ? 15 + Math.round(random() * 10) : null,
      carriagewayWidthM: 4.5,
      condition: CONDITIONS[Math.floor(random() * CONDITIONS.length)]!,
      surface: 'aspal',
      regencyCode: REGENCY_CODES[Math.floor(random() * REGENCY_CODES.length)]!,
      lengthM: Math.round(geodesicLengthM(geometry) * 10) / 10,
      proposedStatus: null,
      borderRoute: false,
      source: { kind: 'file', label: 'sintetis (benchmark)', recordedAt: null, illustrative: true },
    };
    features[i] = { id: `${layerId}-${i}`, layerId, geometry, properties };
  }
  const layer: Layer = {
    id: layerId,
    name: `Jaringan sintetis (${count})`,
    kind: 'road',
    order: 10,
    visible: true,
    styleBy: 'condition',
    demo: false,
    createdAt: '2026-01-01T00:00:00.000Z',
  };
  return { layer, features };
}
