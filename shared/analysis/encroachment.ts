import Flatbush from 'flatbush';
import * as polyclip from 'polyclip-ts';
import type { Position } from 'geojson';
import type { StoredFeature } from '../model/layer';
import type { RoadSegmentProperties } from '../model/road-network';
import { geodesicDistanceM } from '../geo/geodesic';
import { boundsOf, linePathsOf, positionsOf } from '../geo/positions-of';
import { orderByConnection } from '../geo/ruas-reference';
import { createLocalFrame, toLocal, type LocalFrame } from '../geo/local-frame';
import {
  capsuleInterval,
  capsuleRing,
  clipRingByConvex,
  pointInRing,
  pointSegmentDistance,
  ringsArea,
  segmentSegmentDistance,
  unionLength,
  type Vec,
} from '../geo/planar';
import { measurableGeometry } from './measurable-geometry';
import {
  isInsideRumija,
  rowHalfWidths,
  ZONES,
  zoneAtOffset,
  zoneRankAtOffset,
  type RowHalfWidths,
  type Zone,
} from './row-zones';
import { problem, ProblemError } from '../messages/problem';

interface IndexedSegment {
  id: string;
  ruasNumber: string;
  name: string;
  widths: RowHalfWidths;
  corridorIds: string[];
}

interface RoadEdge {
  segment: number;
  a: Position;
  b: Position;
  /** Chainage (STA) of `a` along the ruas, and the geodesic length of the edge, in metres. */
  startChainageM: number;
  lengthM: number;
}

/**
 * The road edges as columns (edge i: segment, ends a and b, chainage of a, length) rather than an object each: a
 * province has three million of them, which as objects the garbage collector copied about while the assets were
 * analysed.
 */
interface RoadEdges {
  segment: number[];
  ax: number[];
  ay: number[];
  bx: number[];
  by: number[];
  startChainageM: number[];
  lengthM: number[];
}

export interface RoadIndex {
  segments: IndexedSegment[];
  edges: RoadEdges;
  tree: Flatbush | null;
  /** Widest RUWASJA half-width: how far from a road anything can still be in a zone. */
  reachM: number;
}

export interface EncroachmentResult {
  assetId: string;
  zone: Zone;
  segmentId: string | null;
  ruasNumber: string | null;
  corridorIds: string[];
  /** Distance from the centreline to the nearest part of the asset, in metres. */
  offsetM: number | null;
  /** Chainage on the ruas of the road point nearest to the asset. */
  staM: number | null;
  /** Units, metres or m² inside RUMIJA. */
  quantity: number;
  unit: 'unit' | 'm' | 'm2';
}

const METRES_PER_DEGREE_LATITUDE = 110_574;

/** A path by its ends and size: paths are rebuilt on every read of a geometry, so not keys by identity. */
const pathKey = (ruas: string, path: Position[]) =>
  `${ruas}:${path.length}:${path[0]!.join(',')}:${path[path.length - 1]!.join(',')}`;

/**
 * Where each path of each ruas starts on the ruas's chainage, with the paths in connection order as the STA tab
 * reads them (`ruasPaths`), not in the order the roads were read: a file and a team table list them differently.
 */
function ruasChainageAtStart(roads: readonly StoredFeature[]): Map<string, number> {
  const pathsByRuas = new Map<string, Position[][]>();
  for (const road of roads) {
    if (road.properties.kind !== 'road') continue;
    const ruas = String(road.properties.ruasNumber);
    let paths = pathsByRuas.get(ruas);
    if (!paths) pathsByRuas.set(ruas, (paths = []));
    for (const path of linePathsOf(road.geometry)) if (path.length >= 2) paths.push(path);
  }
  const starts = new Map<string, number>();
  for (const [ruas, paths] of pathsByRuas) {
    let chainage = 0;
    for (const path of orderByConnection(paths)) {
      starts.set(pathKey(ruas, path), chainage);
      for (let i = 1; i < path.length; i++) chainage += geodesicDistanceM(path[i - 1]!, path[i]!);
    }
  }
  return starts;
}

/**
 * Indexes road segments for encroachment queries. Chainage runs along each ruas through its
 * segments in connection order; corridors map to the segments they list.
 */
export function createRoadIndex(roads: readonly StoredFeature[], corridors: readonly StoredFeature[] = []): RoadIndex {
  const corridorsBySegment = new Map<string, string[]>();
  for (const corridor of corridors) {
    for (const segmentId of (corridor.properties.segmentIds as string[] | undefined) ?? []) {
      corridorsBySegment.set(segmentId, [...(corridorsBySegment.get(segmentId) ?? []), corridor.id]);
    }
  }
  const segments: IndexedSegment[] = [];
  const edges: RoadEdges = { segment: [], ax: [], ay: [], bx: [], by: [], startChainageM: [], lengthM: [] };
  const chainageAtStart = ruasChainageAtStart(roads);
  let reachM = 0;
  for (const road of roads) {
    const properties = road.properties as unknown as RoadSegmentProperties;
    if (properties.kind !== 'road') continue;
    const widths = rowHalfWidths(properties);
    reachM = Math.max(reachM, widths.ruwasjaM);
    const segment =
      segments.push({
        id: road.id,
        ruasNumber: properties.ruasNumber,
        name: properties.name,
        widths,
        corridorIds: corridorsBySegment.get(road.id) ?? [],
      }) - 1;
    for (const path of linePathsOf(road.geometry)) {
      let chainage = chainageAtStart.get(pathKey(String(properties.ruasNumber), path)) ?? 0;
      for (let i = 1; i < path.length; i++) {
        const [a, b] = [path[i - 1]!, path[i]!];
        const lengthM = geodesicDistanceM(a, b);
        edges.segment.push(segment);
        edges.ax.push(a[0]!);
        edges.ay.push(a[1]!);
        edges.bx.push(b[0]!);
        edges.by.push(b[1]!);
        edges.startChainageM.push(chainage);
        edges.lengthM.push(lengthM);
        chainage += lengthM;
      }
    }
  }
  let tree: Flatbush | null = null;
  const count = edges.segment.length;
  if (count > 0) {
    tree = new Flatbush(count);
    for (let i = 0; i < count; i++) {
      const [ax, ay, bx, by] = [edges.ax[i]!, edges.ay[i]!, edges.bx[i]!, edges.by[i]!];
      const padY = segments[edges.segment[i]!]!.widths.ruwasjaM / METRES_PER_DEGREE_LATITUDE;
      const padX = padY / Math.cos((ay * Math.PI) / 180);
      tree.add(Math.min(ax, bx) - padX, Math.min(ay, by) - padY, Math.max(ax, bx) + padX, Math.max(ay, by) + padY);
    }
    tree.finish();
  }
  return { segments, edges, tree, reachM };
}

/** Edge `i` of the index as an object, for the assets (lines, areas) that look at a few edges each. */
function edgeAt({ edges }: RoadIndex, i: number): RoadEdge {
  return {
    segment: edges.segment[i]!,
    a: [edges.ax[i]!, edges.ay[i]!],
    b: [edges.bx[i]!, edges.by[i]!],
    startChainageM: edges.startChainageM[i]!,
    lengthM: edges.lengthM[i]!,
  };
}

interface Candidate {
  edge: RoadEdge;
  a: Vec;
  b: Vec;
}

/** The road edges whose padded boxes meet the asset's box (the tree is padded by each RUWASJA). */
function candidatesFor(index: RoadIndex, positions: Position[], frame: LocalFrame): Candidate[] {
  if (!index.tree) return [];
  const [minX, minY, maxX, maxY] = boundsOf(positions);
  return index.tree.search(minX, minY, maxX, maxY).map((i) => {
    const edge = edgeAt(index, i);
    return { edge, a: toLocal(frame, edge.a[0]!, edge.a[1]!), b: toLocal(frame, edge.b[0]!, edge.b[1]!) };
  });
}

interface Nearest {
  candidate: Candidate;
  distance: number;
  /** Parameter along the road edge of the road point nearest to the asset. */
  t: number;
}

/** For each candidate, the distance to the asset; the best zone wins, ties go to the nearer road. */
/** Distances closer than this are a tie (a cable along the road is as near to several edges and vertices). */
const TIE_M = 1e-3;

const chainageOf = (item: Nearest) => item.candidate.edge.startChainageM + item.t * item.candidate.edge.lengthM;

function pickSegment(index: RoadIndex, nearest: Nearest[]): { zone: Zone; best: Nearest | null } {
  let best: Nearest | null = null;
  let bestZone: Zone = 'luar';
  for (const item of nearest) {
    const zone = zoneAtOffset(item.distance, index.segments[item.candidate.edge.segment]!.widths);
    // A tie goes to the lower STA, so the answer does not depend on the order the roads were read in.
    const better =
      ZONES.indexOf(zone) < ZONES.indexOf(bestZone) ||
      (zone === bestZone &&
        (!best ||
          item.distance < best.distance - TIE_M ||
          (item.distance <= best.distance + TIE_M && chainageOf(item) < chainageOf(best))));
    if (better) {
      best = item;
      bestZone = zone;
    }
  }
  return { zone: bestZone, best };
}

function nearestForPoints(candidates: Candidate[], points: Vec[]): Nearest[] {
  return candidates.map((candidate) => {
    let result: Nearest = { candidate, distance: Infinity, t: 0 };
    for (const point of points) {
      const { distance, t } = pointSegmentDistance(point, candidate.a, candidate.b);
      if (distance < result.distance) result = { candidate, distance, t };
    }
    return result;
  });
}

function nearestForEdges(candidates: Candidate[], lines: Vec[][], polygonRings: Vec[][] | null): Nearest[] {
  return candidates.map((candidate) => {
    let distance = Infinity;
    for (const line of lines) {
      for (let i = 1; i < line.length; i++)
        distance = Math.min(distance, segmentSegmentDistance(line[i - 1]!, line[i]!, candidate.a, candidate.b));
    }
    if (
      polygonRings &&
      pointInRing(candidate.a, polygonRings[0]!) &&
      !polygonRings.slice(1).some((hole) => pointInRing(candidate.a, hole))
    )
      distance = 0;
    // The road point nearest to the asset: closest to the asset's vertices, good enough for STA.
    let t = 0;
    let closest = Infinity;
    for (const line of lines) {
      for (const vertex of line) {
        const hit = pointSegmentDistance(vertex, candidate.a, candidate.b);
        if (hit.distance < closest - TIE_M || (hit.distance <= closest + TIE_M && hit.t < t))
          [closest, t] = [hit.distance, hit.t];
      }
    }
    return { candidate, distance, t };
  });
}

function lineLengthInsideRumija(
  index: RoadIndex,
  candidates: Candidate[],
  path: Position[],
  frame: LocalFrame,
): number {
  let total = 0;
  for (let i = 1; i < path.length; i++) {
    const p0 = toLocal(frame, path[i - 1]![0]!, path[i - 1]![1]!);
    const p1 = toLocal(frame, path[i]![0]!, path[i]![1]!);
    const intervals: [number, number][] = [];
    for (const candidate of candidates) {
      const interval = capsuleInterval(
        p0,
        p1,
        candidate.a,
        candidate.b,
        index.segments[candidate.edge.segment]!.widths.rumijaM,
      );
      if (interval) intervals.push(interval);
    }
    if (intervals.length) total += unionLength(intervals) * geodesicDistanceM(path[i - 1]!, path[i]!);
  }
  return total;
}

function polygonAreaInsideRumija(
  index: RoadIndex,
  candidates: Candidate[],
  polygons: Vec[][][],
  nearest: Nearest[],
): number {
  const radiusOf = (candidate: Candidate) => index.segments[candidate.edge.segment]!.widths.rumijaM;
  const touching = candidates.filter((candidate, i) => nearest[i]!.distance <= radiusOf(candidate));
  if (touching.length === 0) return 0;
  // Wholly inside one capsule (it is convex, so all vertices inside is enough): no clipping needed.
  const vertices = polygons.flat(2);
  if (touching.some((c) => vertices.every((v) => pointSegmentDistance(v, c.a, c.b).distance <= radiusOf(c)))) {
    return polygons.reduce((sum, rings) => sum + ringsArea(rings), 0);
  }
  // Inclusion–exclusion over the few capsules a small asset touches, each clip convex and exact;
  // general polygon clipping only for the rare asset that touches many.
  if (touching.length <= 4) return areaInsideUnionOfCapsules(index, touching, polygons);
  return clippedArea(index, touching, polygons);
}

/**
 * The clip shape of one capsule for this asset: its rectangle when every vertex of the asset lies
 * between the capsule's end lines (there the capsule is exactly the rectangle), else the full ring.
 */
function clipShapeFor(candidate: Candidate, radius: number, vertices: Vec[]): Vec[] {
  const [ux, uy] = [candidate.b[0] - candidate.a[0], candidate.b[1] - candidate.a[1]];
  const length = Math.hypot(ux, uy);
  if (length > 0) {
    const [ex, ey] = [ux / length, uy / length];
    const withinEnds = vertices.every((v) => {
      const along = (v[0] - candidate.a[0]) * ex + (v[1] - candidate.a[1]) * ey;
      return along >= 0 && along <= length;
    });
    if (withinEnds) {
      const [nx, ny] = [-ey * radius, ex * radius];
      const { a, b } = candidate;
      return [
        [a[0] - nx, a[1] - ny],
        [b[0] - nx, b[1] - ny],
        [b[0] + nx, b[1] + ny],
        [a[0] + nx, a[1] + ny],
        [a[0] - nx, a[1] - ny],
      ];
    }
  }
  return capsuleRing(candidate.a, candidate.b, radius, 128);
}

function areaInsideUnionOfCapsules(index: RoadIndex, candidates: Candidate[], polygons: Vec[][][]): number {
  const vertices = polygons.flat(2);
  const capsules = candidates.map((c) => clipShapeFor(c, index.segments[c.edge.segment]!.widths.rumijaM, vertices));
  let total = 0;
  for (let subset = 1; subset < 1 << capsules.length; subset++) {
    const members = capsules.filter((_, i) => subset & (1 << i));
    const sign = members.length % 2 === 1 ? 1 : -1;
    for (const rings of polygons) {
      rings.forEach((ring, ringIndex) => {
        let clipped = ring;
        for (const capsule of members) clipped = clipRingByConvex(clipped, capsule);
        if (clipped.length) total += sign * (ringIndex === 0 ? 1 : -1) * ringsArea([clipped]);
      });
    }
  }
  return total;
}

function clippedArea(index: RoadIndex, candidates: Candidate[], polygons: Vec[][][]): number {
  const capsules = candidates.map((candidate) => [
    capsuleRing(candidate.a, candidate.b, index.segments[candidate.edge.segment]!.widths.rumijaM, 128),
  ]);
  if (capsules.length === 0) return 0;
  const buffer = polyclip.union(capsules[0] as polyclip.Geom, ...(capsules.slice(1) as polyclip.Geom[]));
  const inside = polyclip.intersection(polygons as polyclip.Geom, buffer);
  return inside.reduce((sum, polygon) => sum + ringsArea(polygon as Vec[][]), 0);
}

export class UnmeasurableAssetError extends ProblemError {}

/** An asset no road reaches: outside every zone, on no ruas. */
function outsideEveryZone(assetId: string, unit: EncroachmentResult['unit']): EncroachmentResult {
  return {
    assetId,
    zone: 'luar',
    segmentId: null,
    ruasNumber: null,
    corridorIds: [],
    offsetM: null,
    staM: null,
    quantity: 0,
    unit,
  };
}

/**
 * The single pole, most of any register: the same answer as the general path (a local frame on the point,
 * best zone first, then the nearest road), without building candidate objects for each nearby edge.
 */
function analyzePoint(index: RoadIndex, assetId: string, longitude: number, latitude: number): EncroachmentResult {
  let best = -1;
  let bestRank = ZONES.length - 1;
  let bestDistance = Infinity;
  let bestT = 0;
  if (index.tree) {
    const frame = createLocalFrame(longitude, latitude);
    const { metresPerDegreeX: mx, metresPerDegreeY: my } = frame;
    const edges = index.edges;
    for (const i of index.tree.search(longitude, latitude, longitude, latitude)) {
      const ax = (edges.ax[i]! - longitude) * mx;
      const ay = (edges.ay[i]! - latitude) * my;
      const dx = (edges.bx[i]! - longitude) * mx - ax;
      const dy = (edges.by[i]! - latitude) * my - ay;
      const lengthSquared = dx * dx + dy * dy;
      const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / lengthSquared));
      const distance = Math.hypot(ax + t * dx, ay + t * dy);
      const rank = zoneRankAtOffset(distance, index.segments[edges.segment[i]!]!.widths);
      if (rank < bestRank || (rank === bestRank && (best < 0 || distance < bestDistance))) {
        best = i;
        bestRank = rank;
        bestDistance = distance;
        bestT = t;
      }
    }
  }
  if (best < 0) return outsideEveryZone(assetId, 'unit');
  const segment = index.segments[index.edges.segment[best]!]!;
  const zone = ZONES[bestRank]!;
  return {
    assetId,
    zone,
    segmentId: segment.id,
    ruasNumber: segment.ruasNumber,
    corridorIds: segment.corridorIds,
    offsetM: bestDistance,
    staM: index.edges.startChainageM[best]! + bestT * index.edges.lengthM[best]!,
    quantity: isInsideRumija(zone) ? 1 : 0,
    unit: 'unit',
  };
}

/**
 * Zone, nearest segment, offset, STA and quantity inside RUMIJA of one utility asset. Each part of a
 * multi-geometry counts on its own: a MultiPoint of three poles with one inside RUMIJA is one unit;
 * lines and areas count the length and area of their parts inside. Throws UnmeasurableAssetError for a
 * GeometryCollection that cannot be measured (empty, or mixing points, lines and areas).
 */
export function analyzeAsset(index: RoadIndex, asset: StoredFeature): EncroachmentResult {
  if (asset.geometry.type === 'Point') {
    return analyzePoint(index, asset.id, asset.geometry.coordinates[0]!, asset.geometry.coordinates[1]!);
  }
  const measurable = measurableGeometry(asset.geometry);
  if (!measurable.ok) throw new UnmeasurableAssetError(measurable.reason);
  const { geometry, unit } = measurable;
  const positions = positionsOf(geometry);
  const empty = outsideEveryZone(asset.id, unit);
  if (positions.length === 0) return empty;
  const [minX, minY, maxX, maxY] = boundsOf(positions);
  const frame = createLocalFrame((minX + maxX) / 2, (minY + maxY) / 2);
  const candidates = candidatesFor(index, positions, frame);
  if (candidates.length === 0) return empty;

  let nearest: Nearest[];
  let quantity = 0;
  if (unit === 'unit') {
    const points = positions.map(([x, y]) => toLocal(frame, x!, y!));
    nearest = nearestForPoints(candidates, points);
    // Each pole of a MultiPoint is in its own zone: count those inside RUMIJA.
    quantity =
      points.length === 1
        ? 0
        : points.filter((point) => isInsideRumija(pickSegment(index, nearestForPoints(candidates, [point])).zone))
            .length;
  } else if (unit === 'm') {
    const paths =
      geometry.type === 'LineString' ? [geometry.coordinates] : (geometry as { coordinates: Position[][] }).coordinates;
    nearest = nearestForEdges(
      candidates,
      paths.map((path) => path.map(([x, y]) => toLocal(frame, x!, y!))),
      null,
    );
    quantity = paths.reduce((sum, path) => sum + lineLengthInsideRumija(index, candidates, path, frame), 0);
  } else {
    const polygons = (
      geometry.type === 'Polygon' ? [geometry.coordinates] : (geometry as { coordinates: Position[][][] }).coordinates
    ).map((rings) => rings.map((ring) => ring.map(([x, y]) => toLocal(frame, x!, y!))));
    const perPolygon = polygons.map((rings) => nearestForEdges(candidates, rings, rings));
    // Per candidate, the nearest of all parts.
    nearest = candidates.map((_, i) =>
      perPolygon.map((list) => list[i]!).reduce((a, b) => (b.distance < a.distance ? b : a)),
    );
    quantity = polygonAreaInsideRumija(index, candidates, polygons, nearest);
  }

  const { zone, best } = pickSegment(index, nearest);
  if (!best) return empty;
  const segment = index.segments[best.candidate.edge.segment]!;
  if (unit === 'unit' && positions.length === 1) quantity = isInsideRumija(zone) ? 1 : 0;
  return {
    assetId: asset.id,
    zone,
    segmentId: segment.id,
    ruasNumber: segment.ruasNumber,
    corridorIds: segment.corridorIds,
    offsetM: best.distance,
    staM: chainageOf(best),
    quantity,
    unit,
  };
}

/** Every asset, in order (`results[i]` is `assets[i]`); an asset that cannot be measured is named by position and id. */
export function analyzeAssets(index: RoadIndex, assets: readonly StoredFeature[]): EncroachmentResult[] {
  return assets.map((asset, position) => {
    try {
      return analyzeAsset(index, asset);
    } catch (error) {
      if (error instanceof UnmeasurableAssetError) {
        throw new UnmeasurableAssetError(
          problem('measure.asset', { position: position + 1, id: asset.id, problem: error.problem }),
        );
      }
      throw error;
    }
  });
}
