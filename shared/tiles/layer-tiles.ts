import Flatbush from 'flatbush';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { GeoJSONVTFeature } from '@maplibre/geojson-vt';
import type { EncodedGeometries } from '../model/geometry-codec';
import type { PropertyColumns } from '../model/property-columns';
import type { CompactChunk } from '../model/compact-chunk';
import { problem, ProblemError } from '../messages/problem';

/**
 * Vector tiles cut on demand from compact geometry, so a layer of 200 000 segments is drawn without GeoJSON,
 * geojson-vt or one big upload: the map asks for the tiles in view and gets only those. Features come in chunks
 * (a few thousand each); an edit replaces one chunk, not the layer.
 */
export const TILE_EXTENT = 4096;
export const BUFFER = 64;
export const SOURCE_LAYER = 'features';

export type TileProperties = Record<string, string | number | boolean>;

/** The properties tiles carry (what styling and labels read); any others a chunk has are left out. */
export const TILE_KEYS = [
  'kind',
  'name',
  'status',
  'condition',
  'borderRoute',
  'lengthM',
  'existence',
  'proposedStatus',
  'category',
  'text',
  // Where a field photo looked (degrees from north): turns its marker.
  'directionDeg',
  // Computed beside the stored ones: the zone of an analysed asset.
  'zone',
  'encroaching',
  // A user's style: the styled field's value and the label text.
  '_v',
  '_t',
];

/** A chunk of a layer's features (stored blocks are sent as they are read), by its key. */
export interface TileChunk extends CompactChunk {
  key: number;
}

/** The tile properties of one feature: the TILE_KEYS it has with a string, number or boolean value. */
function tagsAt(columns: PropertyColumns, wanted: readonly number[], feature: number): TileProperties {
  const tags: TileProperties = {};
  for (const key of wanted) {
    const index = columns.indices[key]![feature]!;
    if (index === 0) continue;
    const value = columns.dictionaries[key]![index - 1];
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
      tags[columns.keys[key]!] = value;
  }
  return tags;
}

/** MVT geometry types: 1 points, 2 lines, 3 polygons. */
type PartType = 1 | 2 | 3;

/** Below this zoom features of the same style are drawn as one (like tippecanoe's coalescing). */
export const COALESCE_BELOW_ZOOM = 11;
/** Properties that only labels and identify need: left out of coalesced features. */
const DETAIL_KEYS = new Set(['name', 'text', 'lengthM', '_t']);

const PART_TYPE_BY_CODE: Record<number, PartType> = { 1: 1, 2: 2, 3: 3, 4: 1, 5: 2, 6: 3 };

interface EncodedVisitor {
  /** A feature's part (a point, line or polygon of it) begins; its paths follow. */
  part(feature: number, type: PartType): void;
  /** A path of `count` positions whose first number is coords[first], `dims` numbers each. */
  path(first: number, count: number, dims: number): void;
}

/** Walks the shape codes of geometry-codec.ts part by part and path by path (no GeoJSON in between). */
function walkEncoded({ shape }: EncodedGeometries, featureCount: number, visit: EncodedVisitor) {
  let s = 0;
  let c = 0;
  const path = (count: number, dims: number) => {
    visit.path(c, count, dims);
    c += count * dims;
  };
  const geometry = (feature: number) => {
    const code = shape[s++]!;
    if (code === 0) return;
    if (code === 7) {
      const members = shape[s++]!;
      for (let member = 0; member < members; member++) geometry(feature);
      return;
    }
    const type = PART_TYPE_BY_CODE[code];
    if (!type) throw new ProblemError(problem('storage.corruptGeometry', { detail: `code ${code}` }));
    const dims = shape[s++]!;
    if (code === 1) {
      visit.part(feature, 1);
      path(1, dims);
    } else if (code === 2 || code === 4) {
      const count = shape[s++]!;
      if (count === 0) return;
      visit.part(feature, type);
      path(count, dims);
    } else if (code === 3 || code === 5) {
      const counts = Array.from({ length: shape[s++]! }, () => shape[s++]!);
      if (counts.every((count) => count === 0)) return;
      visit.part(feature, type);
      for (const count of counts) path(count, dims);
    } else {
      const rings = Array.from({ length: shape[s++]! }, () =>
        Array.from({ length: shape[s++]! }, () => shape[s++]!),
      ).flat();
      if (rings.every((count) => count === 0)) return;
      visit.part(feature, 3);
      for (const count of rings) path(count, dims);
    }
  };
  for (let feature = 0; feature < featureCount; feature++) geometry(feature);
}

/** West, north, east, south of a chunk in Web Mercator (0–1), without projecting every position. */
function chunkBounds(chunk: TileChunk): [number, number, number, number] {
  const { coords } = chunk.geometry;
  let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity];
  walkEncoded(chunk.geometry, chunk.ids.length, {
    part() {},
    path(first, count, dims) {
      for (let index = 0, c = first; index < count; index++, c += dims) {
        const lon = coords[c]!;
        const lat = coords[c + 1]!;
        if (lon < west) west = lon;
        if (lon > east) east = lon;
        if (lat < south) south = lat;
        if (lat > north) north = lat;
      }
    },
  });
  return west > east ? [1, 1, 0, 0] : [mercatorX(west), mercatorY(north), mercatorX(east), mercatorY(south)];
}

/** A chunk projected to Web Mercator (0–1) once, with a spatial index over its features' parts. */
class ProjectedChunk {
  /** Per part: its feature, its type, its first path, and one past its last path. */
  readonly partFeature: Uint32Array;
  readonly partType: Uint8Array;
  readonly partPaths: Uint32Array;
  /** Per path: its first coordinate pair; one more entry closes the last path. */
  readonly pathStart: Uint32Array;
  readonly xy: Float64Array;
  /** Per part: west, north, east, south in Web Mercator. */
  readonly bounds: Float64Array;
  readonly index: Flatbush | null;
  private keys: string[] | null = null;
  /** Which columns of the chunk are tile properties. */
  private readonly wanted: number[];

  constructor(readonly chunk: TileChunk) {
    this.wanted = chunk.properties.keys.flatMap((key, index) => (TILE_KEYS.includes(key) ? [index] : []));
    const { coords } = chunk.geometry;
    const partFeature: number[] = [];
    const partType: number[] = [];
    const partPaths: number[] = [];
    const pathStart: number[] = [];
    const xy = new Float64Array(coords.length);
    let point = 0;
    walkEncoded(chunk.geometry, chunk.ids.length, {
      part(feature, type) {
        partFeature.push(feature);
        partType.push(type);
        partPaths.push(pathStart.length);
      },
      path(first, count, dims) {
        pathStart.push(point);
        for (let index = 0, c = first; index < count; index++, c += dims, point++) {
          xy[point * 2] = mercatorX(coords[c]!);
          xy[point * 2 + 1] = mercatorY(coords[c + 1]!);
        }
      },
    });
    partPaths.push(pathStart.length);
    pathStart.push(point);
    this.partFeature = Uint32Array.from(partFeature);
    this.partType = Uint8Array.from(partType);
    this.partPaths = Uint32Array.from(partPaths);
    this.pathStart = Uint32Array.from(pathStart);
    this.xy = xy;
    this.bounds = new Float64Array(partFeature.length * 4);
    const index = partFeature.length > 0 ? new Flatbush(partFeature.length) : null;
    for (let p = 0; p < partFeature.length; p++) {
      let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
      for (let q = this.pathStart[this.partPaths[p]!]!; q < this.pathStart[this.partPaths[p + 1]!]!; q++) {
        const x = xy[q * 2]!;
        const y = xy[q * 2 + 1]!;
        if (x < minX) minX = x;
        if (y < minY) minY = y;
        if (x > maxX) maxX = x;
        if (y > maxY) maxY = y;
      }
      this.bounds.set([minX, minY, maxX, maxY], p * 4);
      index!.add(minX, minY, maxX, maxY);
    }
    index?.finish();
    this.index = index;
  }

  /** Per feature: its properties without the detail keys, as one string; made when a coalesced tile first needs it. */
  get styleKeys(): string[] {
    if (this.keys) return this.keys;
    const { properties } = this.chunk;
    const styling = this.wanted.filter((key) => !DETAIL_KEYS.has(properties.keys[key]!));
    // Per column, each dictionary entry's text once; a feature's key joins the entries it has.
    const texts = styling.map((key) =>
      properties.dictionaries[key]!.map((value) => `${properties.keys[key]}\u0001${typeof value}${String(value)}`),
    );
    this.keys = this.chunk.ids.map((_, feature) =>
      styling.map((key, column) => texts[column]![properties.indices[key]![feature]! - 1] ?? '').join('\u0002'),
    );
    return this.keys;
  }

  tags(feature: number): TileProperties {
    return tagsAt(this.chunk.properties, this.wanted, feature);
  }
}

export const mercatorX = (lon: number) => (lon + 180) / 360;
export function mercatorY(lat: number) {
  const clamped = Math.max(-85.05112878, Math.min(85.05112878, lat));
  const sin = Math.sin((clamped * Math.PI) / 180);
  return 0.5 - (0.25 * Math.log((1 + sin) / (1 - sin))) / Math.PI;
}

type Point = [number, number];

/** The pieces of a path inside the box [min, max]² (Liang–Barsky on each segment, joined where they touch). */
function clipLine(points: Point[], min: number, max: number): Point[][] {
  const pieces: Point[][] = [];
  let current: Point[] = [];
  for (let index = 0; index + 1 < points.length; index++) {
    const [x0, y0] = points[index]!;
    const [x1, y1] = points[index + 1]!;
    const dx = x1 - x0;
    const dy = y1 - y0;
    let t0 = 0;
    let t1 = 1;
    let inside = true;
    for (const [p, q] of [
      [-dx, x0 - min],
      [dx, max - x0],
      [-dy, y0 - min],
      [dy, max - y0],
    ] as const) {
      if (p === 0) {
        if (q < 0) inside = false;
      } else {
        const t = q / p;
        if (p < 0) t0 = Math.max(t0, t);
        else t1 = Math.min(t1, t);
      }
    }
    if (!inside || t0 > t1) {
      if (current.length > 1) pieces.push(current);
      current = [];
      continue;
    }
    const start: Point = [x0 + t0 * dx, y0 + t0 * dy];
    const end: Point = [x0 + t1 * dx, y0 + t1 * dy];
    if (current.length === 0) current.push(start);
    current.push(end);
    if (t1 < 1) {
      pieces.push(current);
      current = [];
    }
  }
  if (current.length > 1) pieces.push(current);
  return pieces;
}

/** A ring clipped to the box [min, max]² (Sutherland–Hodgman), closed again. */
function clipRing(points: Point[], min: number, max: number): Point[] {
  let ring = points;
  const edges: [(p: Point) => boolean, (a: Point, b: Point) => Point][] = [
    [(p) => p[0] >= min, (a, b) => at(a, b, (min - a[0]) / (b[0] - a[0]))],
    [(p) => p[0] <= max, (a, b) => at(a, b, (max - a[0]) / (b[0] - a[0]))],
    [(p) => p[1] >= min, (a, b) => at(a, b, (min - a[1]) / (b[1] - a[1]))],
    [(p) => p[1] <= max, (a, b) => at(a, b, (max - a[1]) / (b[1] - a[1]))],
  ];
  for (const [inside, cross] of edges) {
    const output: Point[] = [];
    for (let index = 0; index < ring.length; index++) {
      const current = ring[index]!;
      const previous = ring[(index + ring.length - 1) % ring.length]!;
      if (inside(current)) {
        if (!inside(previous)) output.push(cross(previous, current));
        output.push(current);
      } else if (inside(previous)) output.push(cross(previous, current));
    }
    ring = output;
    if (ring.length === 0) return ring;
  }
  if (ring.length > 0) ring.push(ring[0]!);
  return ring;
}

const at = (a: Point, b: Point, t: number): Point => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];

/** Rounds to whole tile units and drops vertices closer than `tolerance` to the last kept one (the last stays). */
function simplify(points: Point[], tolerance: number, minimum: number): Point[] {
  const kept: Point[] = [];
  for (const [index, point] of points.entries()) {
    const rounded: Point = [Math.round(point[0]), Math.round(point[1])];
    const last = kept.at(-1);
    const isLast = index === points.length - 1;
    if (last && rounded[0] === last[0] && rounded[1] === last[1]) continue;
    if (last && !isLast && Math.abs(rounded[0] - last[0]) + Math.abs(rounded[1] - last[1]) < tolerance) continue;
    kept.push(rounded);
  }
  return kept.length >= minimum ? kept : [];
}

/**
 * The path from..to of projected coordinates in tile units, rounded, without repeated points and (with a tolerance)
 * without vertices closer than that to the last one kept; the last vertex always stays.
 */
function thinPath(
  xy: Float64Array,
  from: number,
  to: number,
  scale: number,
  x: number,
  y: number,
  tolerance: number,
): Point[] {
  const kept: Point[] = [];
  let lastX = Number.NaN;
  let lastY = Number.NaN;
  for (let q = from; q < to; q++) {
    const px = Math.round((xy[q * 2]! * scale - x) * TILE_EXTENT);
    const py = Math.round((xy[q * 2 + 1]! * scale - y) * TILE_EXTENT);
    if (px === lastX && py === lastY) continue;
    if (q < to - 1 && kept.length > 0 && Math.abs(px - lastX) + Math.abs(py - lastY) < tolerance) continue;
    kept.push([px, py]);
    lastX = px;
    lastY = py;
  }
  return kept;
}

/** Every chunk of one layer, and the tiles cut from them. */
/** A chunk as received, with its extent; projected and indexed when a tile first needs it. */
interface HeldChunk {
  chunk: TileChunk;
  bounds: [number, number, number, number];
  projected: ProjectedChunk | null;
}

export class LayerTiles {
  private readonly chunks = new Map<number, HeldChunk>();

  constructor(private readonly maxZoom: number) {}

  /**
   * Keeps a chunk; the projection and spatial index wait for the first tile over it, so a layer the map does not
   * draw yet (dense points below their min zoom, a layer out of view) costs only this walk over its positions.
   */
  setChunk(chunk: TileChunk) {
    this.chunks.set(chunk.key, { chunk, bounds: chunkBounds(chunk), projected: null });
  }

  removeChunk(key: number) {
    this.chunks.delete(key);
  }

  get featureCount() {
    let count = 0;
    for (const held of this.chunks.values()) count += held.chunk.ids.length;
    return count;
  }

  /** The chunks whose extent meets the box, projected. */
  private *projectedIn(west: number, north: number, east: number, south: number) {
    for (const held of this.chunks.values()) {
      const [w, n, e, s] = held.bounds;
      if (w > east || e < west || n > south || s < north) continue;
      yield (held.projected ??= new ProjectedChunk(held.chunk));
    }
  }

  /**
   * The features of tile z/x/y in tile units, each with its properties and `fid`; below COALESCE_BELOW_ZOOM the
   * points and lines that look alike are one feature (no `fid`: identify works from that zoom on).
   */
  features(z: number, x: number, y: number): GeoJSONVTFeature[] {
    const scale = 2 ** z;
    const pad = BUFFER / TILE_EXTENT / scale;
    const [west, north] = [x / scale - pad, y / scale - pad];
    const [east, south] = [(x + 1) / scale + pad, (y + 1) / scale + pad];
    // In tile units: 8 is one pixel of a 512-pixel tile; below the coalescing zoom whole segments are under a pixel.
    const tolerance = z >= this.maxZoom ? 0 : z < COALESCE_BELOW_ZOOM ? 8 : 3;
    const coalesce = z < COALESCE_BELOW_ZOOM;
    const features: GeoJSONVTFeature[] = [];
    const groups = new Map<string, GeoJSONVTFeature>();
    const toTile = (value: number, origin: number) => (value * scale - origin) * TILE_EXTENT;
    for (const projected of this.projectedIn(west, north, east, south)) {
      if (!projected.index) continue;
      const { chunk, xy, pathStart, partPaths, partType, partFeature, bounds } = projected;
      for (const part of projected.index.search(west, north, east, south)) {
        const type = partType[part] as PartType;
        const inside =
          bounds[part * 4]! >= west &&
          bounds[part * 4 + 1]! >= north &&
          bounds[part * 4 + 2]! <= east &&
          bounds[part * 4 + 3]! <= south;
        const paths: Point[][] = [];
        for (let path = partPaths[part]!; path < partPaths[part + 1]!; path++) {
          const from = pathStart[path]!;
          const to = pathStart[path + 1]!;
          if (type === 1) {
            for (let q = from; q < to; q++) {
              const point: Point = [Math.round(toTile(xy[q * 2]!, x)), Math.round(toTile(xy[q * 2 + 1]!, y))];
              if (inside || (Math.min(...point) >= -BUFFER && Math.max(...point) <= TILE_EXTENT + BUFFER))
                paths.push([point]);
            }
            continue;
          }
          if (inside) {
            const kept = thinPath(xy, from, to, scale, x, y, tolerance);
            if (kept.length >= (type === 2 ? 2 : 4)) paths.push(kept);
            continue;
          }
          const points: Point[] = [];
          for (let q = from; q < to; q++) points.push([toTile(xy[q * 2]!, x), toTile(xy[q * 2 + 1]!, y)]);
          if (type === 2) {
            for (const piece of clipLine(points, -BUFFER, TILE_EXTENT + BUFFER)) {
              const line = simplify(piece, tolerance, 2);
              if (line.length > 0) paths.push(line);
            }
          } else {
            const ring = simplify(clipRing(points, -BUFFER, TILE_EXTENT + BUFFER), tolerance, 4);
            if (ring.length > 0) paths.push(ring);
          }
        }
        if (paths.length === 0) continue;
        const feature = partFeature[part]!;
        // Polygons keep their own features: their rings' winding tells outer from hole only within one polygon.
        if (coalesce && type !== 3) {
          const key = `${type}${projected.styleKeys[feature]}`;
          const group = groups.get(key);
          const geometry = type === 1 ? paths.map((path) => path[0]!) : paths;
          if (group) (group.geometry as Point[][]).push(...(geometry as Point[][]));
          else {
            const tags = Object.fromEntries(
              Object.entries(projected.tags(feature)).filter(([name]) => !DETAIL_KEYS.has(name)),
            );
            const made = { type, tags, geometry } as GeoJSONVTFeature;
            groups.set(key, made);
            features.push(made);
          }
          continue;
        }
        const tags = { ...projected.tags(feature), fid: chunk.ids[feature]! };
        features.push(
          type === 1 ? { type: 1, tags, geometry: paths.map((path) => path[0]!) } : { type, tags, geometry: paths },
        );
      }
    }
    return features;
  }

  /** Tile z/x/y as Mapbox Vector Tile bytes (one layer named SOURCE_LAYER). */
  tile(z: number, x: number, y: number): Uint8Array {
    const features = this.features(z, x, y);
    return fromGeojsonVt({ [SOURCE_LAYER]: { features } as never }, { version: 2, extent: TILE_EXTENT });
  }
}

/** Point layers denser than this are drawn from DENSE_POINTS_MIN_ZOOM on: below it they would be a solid smear. */
export const DENSE_POINTS = 50_000;
export const DENSE_POINTS_MIN_ZOOM = 11;

/** Point features and all features of each list measured, so a list that replaces another is not walked again. */
const pointCounts = new WeakMap<readonly unknown[], { points: number; total: number }>();
const isPoint = (feature: { geometry: { type: string } }) =>
  feature.geometry.type === 'Point' || feature.geometry.type === 'MultiPoint';

function countPoints(features: readonly { geometry: { type: string } }[]) {
  let counts = pointCounts.get(features);
  if (!counts) {
    let points = 0;
    for (const feature of features) if (isPoint(feature)) points++;
    counts = { points, total: features.length };
    pointCounts.set(features, counts);
  }
  return counts;
}

/**
 * The zoom a layer is drawn from: dense point layers (mostly points, many of them) wait for street level. Worked out
 * once per feature list (lists are replaced, never changed in place), as the layers panel and the map both ask.
 */
export function layerMinZoom(features: readonly { geometry: { type: string } }[]): number {
  const { points, total } = countPoints(features);
  return points >= DENSE_POINTS && points * 2 >= total ? DENSE_POINTS_MIN_ZOOM : 0;
}

/** A list made from `previous` by taking `removed` out and putting `added` in: its counts follow without a walk. */
export function carryLayerMinZoom(
  previous: readonly { geometry: { type: string } }[],
  next: readonly { geometry: { type: string } }[],
  removed: readonly { geometry: { type: string } }[],
  added: readonly { geometry: { type: string } }[],
) {
  const known = pointCounts.get(previous);
  if (!known) return;
  const points = known.points - removed.filter(isPoint).length + added.filter(isPoint).length;
  pointCounts.set(next, { points, total: next.length });
}
