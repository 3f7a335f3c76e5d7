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

const SYNTHETIC_SOURCE = { kind: 'file' as const, label: 'sintetis (benchmark)', recordedAt: null, illustrative: true };

const syntheticLayer = (id: string, name: string, kind: Layer['kind'], order: number): Layer => ({
  id,
  name,
  kind,
  order,
  visible: true,
  styleBy: kind === 'road' ? 'condition' : 'status',
  demo: false,
  createdAt: '2026-01-01T00:00:00.000Z',
});

/** A length in metres drawn from a log-normal distribution (median, spread), kept within [min, max]. */
function logNormalM(random: () => number, median: number, sigma: number, min: number, max: number) {
  const gaussian = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  return Math.min(max, Math.max(min, median * Math.exp(sigma * gaussian)));
}

const M_PER_DEGREE_LAT = 110_574;
const M_PER_DEGREE_LON_AT_NTT = 111_320 * Math.cos((9.5 * Math.PI) / 180);

/** A path that wanders on from `start` with a heading that turns gently, a vertex every 20–50 m. */
function wanderingPath(random: () => number, start: Position, headingRad: number, lengthM: number) {
  const path: Position[] = [start];
  let [lon, lat] = start as [number, number];
  let heading = headingRad;
  for (let walked = 0; walked < lengthM;) {
    const step = Math.min(20 + random() * 30, lengthM - walked);
    heading += (random() - 0.5) * 0.35;
    lon += (step * Math.sin(heading)) / M_PER_DEGREE_LON_AT_NTT;
    lat += (step * Math.cos(heading)) / M_PER_DEGREE_LAT;
    path.push([Number(lon.toFixed(7)), Number(lat.toFixed(7))]);
    walked += step;
  }
  return { path, heading };
}

/** A random place on the NTT islands' bounding box (land and sea alike: these are not real places). */
const randomStart = (random: () => number): Position => [119 + random() * 6, -10.9 + random() * 2.6];

/**
 * A synthetic road network for benchmarks, shaped like an OpenStreetMap extract of NTT: ruas of ten segments
 * joined end to end, segments of 50 m – 2 km (median ~320 m) with a vertex every 20–50 m, so 200 000 segments
 * hold about 3 million vertices; valid model properties. SYNTHETIC: not roads that exist.
 */
export function createSyntheticRoadNetwork(
  count: number,
  seed = 42,
  layerId = 'synthetic-roads',
): { layer: Layer; features: StoredFeature[] } {
  const random = createRandom(seed);
  const features: StoredFeature[] = new Array(count);
  const statuses = ROAD_STATUSES.filter((status) => status !== 'rdtl');
  let position = randomStart(random);
  let heading = random() * 2 * Math.PI;
  for (let i = 0; i < count; i++) {
    if (i % 10 === 0) {
      position = randomStart(random);
      heading = random() * 2 * Math.PI;
    }
    const walked = wanderingPath(random, position, heading, logNormalM(random, 320, 0.95, 50, 2000));
    ({ heading } = walked);
    position = walked.path.at(-1)!;
    const geometry = { type: 'LineString' as const, coordinates: walked.path };
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
      source: SYNTHETIC_SOURCE,
    };
    features[i] = { id: `${layerId}-${i}`, layerId, geometry, properties };
  }
  const layer = syntheticLayer(layerId, `Jaringan sintetis (${count})`, 'road', 10);
  return { layer, features };
}

/**
 * Utility assets for benchmarks along a synthetic network: mostly poles (points) a few metres beside the roads,
 * plus cables (multi-vertex lines) and kiosks (small polygons), about one line and one polygon per 50 points.
 * SYNTHETIC: not a survey.
 */
export function createSyntheticAssets(
  roads: readonly StoredFeature[],
  count: number,
  seed = 7,
  layerId = 'synthetic-assets',
): { layer: Layer; features: StoredFeature[] } {
  const random = createRandom(seed);
  const features: StoredFeature[] = new Array(count);
  const offset = ([lon, lat]: Position, east: number, north: number): Position => [
    Number((lon! + east / M_PER_DEGREE_LON_AT_NTT).toFixed(7)),
    Number((lat! + north / M_PER_DEGREE_LAT).toFixed(7)),
  ];
  for (let i = 0; i < count; i++) {
    const road = roads[Math.floor(random() * roads.length)]!;
    const path = (road.geometry as { coordinates: Position[] }).coordinates;
    const at = path[Math.floor(random() * path.length)]!;
    const shape = i % 50;
    const base = offset(at, (random() - 0.5) * 20, (random() - 0.5) * 20);
    const geometry: StoredFeature['geometry'] =
      shape === 0
        ? { type: 'LineString', coordinates: Array.from({ length: 6 }, (_, v) => offset(base, v * 35, random() * 4)) }
        : shape === 1
          ? {
              type: 'Polygon',
              coordinates: [[base, offset(base, 3, 0), offset(base, 3, 2), offset(base, 0, 2), base]],
            }
          : { type: 'Point', coordinates: base };
    features[i] = {
      id: `${layerId}-${i}`,
      layerId,
      geometry,
      properties: {
        kind: 'asset',
        category: shape === 0 ? 'kabel' : shape === 1 ? 'kios' : 'tiang_listrik',
        owner: shape === 0 ? 'Telkom Indonesia' : 'PLN UP3 Kupang',
        ownerType: shape === 0 ? 'telkom' : shape === 1 ? 'swasta' : 'pln',
        label: `Aset sintetis ${i + 1}`,
        installedYear: 2000 + Math.floor(random() * 25),
        source: SYNTHETIC_SOURCE,
      },
    };
  }
  const layer = syntheticLayer(layerId, `Aset sintetis (${count})`, 'asset', 11);
  return { layer, features };
}
