import { Geodesic } from 'geographiclib-geodesic';
import type { Position } from 'geojson';
import type { Layer, StoredFeature } from '../model/layer';
import type { AssetCategory, UtilityAssetProperties } from '../model/road-network';
import { geodesicLengthM } from '../geo/geodesic';
import { pointAlongM } from '../geo/point-along';
import { createRandom } from './synthetic-network';

const WGS84 = Geodesic.WGS84;

export const DEMO_ASSET_LAYER_ID = 'demo-assets';

const SYNTHETIC_SOURCE = {
  kind: 'demo' as const,
  label: 'sintetis (dibangkitkan, seed tetap)',
  recordedAt: null,
  illustrative: true,
};

interface Placement {
  position: Position;
  /** Bearing of the road at that point, degrees from north. */
  bearing: number;
}

function placeAlong(path: Position[], distanceM: number): Placement {
  const here = pointAlongM(path, distanceM);
  const ahead = pointAlongM(path, distanceM + 5);
  const inverse = WGS84.Inverse(here[1]!, here[0]!, ahead[1]!, ahead[0]!);
  return { position: here, bearing: inverse.azi1 ?? 90 };
}

/** A position `offsetM` to the left (negative) or right (positive) of the road at a placement. */
function offset({ position, bearing }: Placement, offsetM: number, forwardM = 0): Position {
  const moved = forwardM
    ? WGS84.Direct(position[1]!, position[0]!, bearing, forwardM)
    : { lat2: position[1], lon2: position[0] };
  const side = WGS84.Direct(moved.lat2!, moved.lon2!, bearing + (offsetM >= 0 ? 90 : -90), Math.abs(offsetM));
  return [Number(side.lon2!.toFixed(7)), Number(side.lat2!.toFixed(7))];
}

function rectangle(placement: Placement, nearOffsetM: number, depthM: number, lengthM: number): Position[][] {
  const sign = Math.sign(nearOffsetM) || 1;
  const far = nearOffsetM + sign * depthM;
  const ring = [
    offset(placement, nearOffsetM),
    offset(placement, nearOffsetM, lengthM),
    offset(placement, far, lengthM),
    offset(placement, far),
    offset(placement, nearOffsetM),
  ];
  // GeoJSON outer rings run counter-clockwise; flip when the rectangle was built the other way.
  return [sign > 0 ? ring : ring.reverse()];
}

const OWNERS: Record<AssetCategory, [string, UtilityAssetProperties['ownerType']][]> = {
  tiang_listrik: [['PLN UP3 Kupang', 'pln']],
  tiang_telekomunikasi: [
    ['Telkom Indonesia', 'telkom'],
    ['Operator seluler (contoh)', 'swasta'],
  ],
  menara: [['Operator menara (contoh)', 'swasta']],
  kabel: [
    ['Telkom Indonesia', 'telkom'],
    ['Penyedia internet (contoh)', 'swasta'],
  ],
  pipa: [['Perumda Air Minum (contoh)', 'pdam']],
  reklame: [['Biro reklame (contoh)', 'swasta']],
  kios: [['Pedagang kaki lima', 'swasta']],
  bangunan: [['Pemilik bangunan (contoh)', 'swasta']],
  lainnya: [['Pemilik lain (contoh)', 'lainnya']],
};

/**
 * Demo utility assets along the demo corridors (Simpang Polda – El Tari, Atambua, Ende).
 * SYNTHETIC: generated from a fixed seed so every user sees the same data; not a survey.
 */
export function createDemoUtilities(
  corridorRoads: readonly StoredFeature[],
  seed = 2024,
): { layer: Layer; features: StoredFeature[] } {
  const random = createRandom(seed);
  const features: StoredFeature[] = [];
  const add = (category: AssetCategory, geometry: StoredFeature['geometry'], label: string) => {
    const [owner, ownerType] = OWNERS[category][Math.floor(random() * OWNERS[category].length)]!;
    const properties: UtilityAssetProperties = {
      kind: 'asset',
      category,
      owner,
      ownerType,
      label,
      installedYear: 2005 + Math.floor(random() * 20),
      source: SYNTHETIC_SOURCE,
    };
    features.push({ id: `demo-asset-${features.length + 1}`, layerId: DEMO_ASSET_LAYER_ID, geometry, properties });
  };

  for (const road of corridorRoads) {
    if (road.geometry.type !== 'LineString') continue;
    const path = road.geometry.coordinates;
    const length = geodesicLengthM(road.geometry);
    const halfWidth = Number(road.properties.rumijaWidthM ?? 15) / 2;
    const ruas = String(road.properties.ruasNumber);
    for (let along = 15; along < length - 15; along += 35 + random() * 15) {
      const side = random() < 0.5 ? -1 : 1;
      // Most poles stand inside RUMIJA, a few just outside it.
      add(
        'tiang_listrik',
        { type: 'Point', coordinates: offset(placeAlong(path, along), side * (halfWidth * (0.5 + random() * 0.6))) },
        `${ruas} tiang PLN`,
      );
    }
    for (let along = 30; along < length - 30; along += 60 + random() * 30) {
      add(
        'tiang_telekomunikasi',
        { type: 'Point', coordinates: offset(placeAlong(path, along), -(halfWidth * (0.4 + random() * 0.7))) },
        `${ruas} tiang telekomunikasi`,
      );
    }
    for (let along = 50; along < length - 400; along += 500 + random() * 300) {
      const start = placeAlong(path, along);
      const run = 150 + random() * 200;
      const end = placeAlong(path, along + run);
      const inside = halfWidth * 0.7;
      // Runs along the road inside RUMIJA, then turns off to a customer outside it.
      add(
        'kabel',
        { type: 'LineString', coordinates: [offset(start, inside), offset(end, inside), offset(end, halfWidth + 25)] },
        `${ruas} kabel`,
      );
    }
    for (let along = 100; along < length - 600; along += 900 + random() * 400) {
      const start = placeAlong(path, along);
      const end = placeAlong(path, along + 400 + random() * 200);
      add(
        'pipa',
        { type: 'LineString', coordinates: [offset(start, -halfWidth * 0.8), offset(end, -halfWidth * 0.8)] },
        `${ruas} pipa air`,
      );
    }
    for (let along = 80; along < length - 80; along += 250 + random() * 150) {
      const side = random() < 0.5 ? -1 : 1;
      add(
        'reklame',
        {
          type: 'Polygon',
          coordinates: rectangle(placeAlong(path, along), side * (halfWidth - 2 + random() * 3), 2, 6),
        },
        `${ruas} reklame`,
      );
    }
    for (let along = 60; along < length - 60; along += 180 + random() * 120) {
      const side = random() < 0.5 ? -1 : 1;
      add(
        'kios',
        {
          type: 'Polygon',
          coordinates: rectangle(placeAlong(path, along), side * (halfWidth - 1.5 + random() * 2), 3, 3),
        },
        `${ruas} kios`,
      );
    }
  }
  const layer: Layer = {
    id: DEMO_ASSET_LAYER_ID,
    name: 'Aset utilitas (demo sintetis)',
    kind: 'asset',
    order: 3,
    visible: true,
    styleBy: 'status',
    demo: true,
    createdAt: '2026-01-21T00:00:00.000Z',
  };
  return { layer, features };
}
