import Flatbush from 'flatbush';
import type { Position } from 'geojson';
import type { StoredFeature } from '../model/layer';
import { boundsOf, linePathsOf, positionsOf } from '../geo/positions-of';
import { geodesicDistanceM } from '../geo/geodesic';
import { chainageAlongPaths, chainageOfPoint } from '../geo/chainage';
import { ruasPaths } from '../geo/ruas-reference';

export type AttachableKind = 'asset' | 'road' | 'bridge';
const ATTACHABLE: readonly string[] = ['asset', 'road', 'bridge'] satisfies AttachableKind[];

/** The feature a photo could belong to: the nearest asset, road or bridge within the distance the user set. */
export interface AttachmentProposal {
  featureId: string;
  layerId: string;
  featureKind: AttachableKind;
  distanceM: number;
  /** For a road: its ruas and the STA of the photo's place along the ruas (the foot of the perpendicular). */
  ruasNumber?: string;
  staM?: number;
}

const METRES_PER_DEGREE = 111_320;

/** Distance from a point to a feature's outline in metres: to a point, to the nearest place on a line or ring. */
function distanceToFeatureM(feature: StoredFeature, point: Position): number {
  const { geometry } = feature;
  if (geometry.type === 'Point') return geodesicDistanceM(point, geometry.coordinates);
  const paths =
    geometry.type === 'Polygon'
      ? geometry.coordinates
      : geometry.type === 'MultiPolygon'
        ? geometry.coordinates.flat()
        : linePathsOf(geometry);
  let best = Infinity;
  for (const path of paths)
    best = Math.min(
      best,
      path.length >= 2 ? chainageOfPoint(path, point).offsetM : geodesicDistanceM(point, path[0] ?? point),
    );
  if (best === Infinity)
    best = Math.min(...positionsOf(geometry).map((position) => geodesicDistanceM(point, position)));
  return best;
}

/**
 * Proposes, for photos' positions, the nearest asset, road or bridge within a distance. Only a proposal: the user
 * confirms or refuses each one. Built once for a batch of photos (a spatial index over the features' extents).
 */
export class AttachmentFinder {
  private readonly candidates: StoredFeature[];
  private readonly index: Flatbush | null;
  /** Road features of each layer, to find a ruas's running paths for its STA. */
  private readonly roadsByLayer = new Map<string, StoredFeature[]>();
  private readonly pathsCache = new Map<string, Position[][]>();

  constructor(features: Iterable<StoredFeature>) {
    this.candidates = [];
    for (const feature of features) {
      const kind = feature.properties.kind;
      if (typeof kind !== 'string' || !ATTACHABLE.includes(kind)) continue;
      if (positionsOf(feature.geometry).length === 0) continue;
      this.candidates.push(feature);
      if (kind === 'road') {
        const list = this.roadsByLayer.get(feature.layerId);
        if (list) list.push(feature);
        else this.roadsByLayer.set(feature.layerId, [feature]);
      }
    }
    if (this.candidates.length === 0) {
      this.index = null;
      return;
    }
    this.index = new Flatbush(this.candidates.length);
    for (const feature of this.candidates) this.index.add(...boundsOf(positionsOf(feature.geometry)));
    this.index.finish();
  }

  /** The nearest attachable feature within `maxDistanceM` of the point, null when there is none. */
  propose(point: Position, maxDistanceM: number): AttachmentProposal | null {
    if (!this.index || !(maxDistanceM > 0)) return null;
    const [lon, lat] = point as [number, number];
    // A box a little larger than the distance in every direction; the exact distance decides.
    const dLat = (maxDistanceM * 1.01) / METRES_PER_DEGREE;
    const dLon = dLat / Math.max(0.01, Math.cos((lat * Math.PI) / 180));
    let best: { feature: StoredFeature; distanceM: number } | null = null;
    for (const i of this.index.search(lon - dLon, lat - dLat, lon + dLon, lat + dLat)) {
      const feature = this.candidates[i]!;
      const distanceM = distanceToFeatureM(feature, point);
      if (distanceM <= maxDistanceM && (!best || distanceM < best.distanceM)) best = { feature, distanceM };
    }
    if (!best) return null;
    const { feature, distanceM } = best;
    const proposal: AttachmentProposal = {
      featureId: feature.id,
      layerId: feature.layerId,
      featureKind: feature.properties.kind as AttachableKind,
      distanceM,
    };
    if (proposal.featureKind === 'road') Object.assign(proposal, this.staOnRoad(feature, point));
    return proposal;
  }

  /** The STA along the road's ruas (all its segments in running order), or along the segment when it has no ruas. */
  private staOnRoad(road: StoredFeature, point: Position): { ruasNumber?: string; staM?: number } {
    const ruasNumber = typeof road.properties.ruasNumber === 'string' ? road.properties.ruasNumber : undefined;
    const key = `${road.layerId}\u0000${ruasNumber ?? road.id}`;
    let paths = this.pathsCache.get(key);
    if (!paths) {
      paths = ruasNumber
        ? ruasPaths(this.roadsByLayer.get(road.layerId) ?? [], ruasNumber)
        : linePathsOf(road.geometry).filter((path) => path.length >= 2);
      this.pathsCache.set(key, paths);
    }
    const chainage = chainageAlongPaths(paths, point);
    if (!chainage) return ruasNumber ? { ruasNumber } : {};
    return { ...(ruasNumber ? { ruasNumber } : {}), staM: chainage.staM };
  }
}
