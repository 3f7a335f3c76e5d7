import type { Geometry, Position } from 'geojson';

/** Every position of a geometry, flattened (rings and parts included). */
export function positionsOf(geometry: Geometry): Position[] {
  switch (geometry.type) {
    case 'Point':
      return [geometry.coordinates];
    case 'MultiPoint':
    case 'LineString':
      return geometry.coordinates;
    case 'MultiLineString':
    case 'Polygon':
      return geometry.coordinates.flat();
    case 'MultiPolygon':
      return geometry.coordinates.flat(2);
    case 'GeometryCollection':
      return geometry.geometries.flatMap(positionsOf);
  }
}

/** The line paths of a geometry: one for a LineString, each part of a MultiLineString, none otherwise. */
export function linePathsOf(geometry: Geometry): Position[][] {
  if (geometry.type === 'LineString') return [geometry.coordinates];
  if (geometry.type === 'MultiLineString') return geometry.coordinates;
  return [];
}

/** West, south, east, north of some positions. */
export function boundsOf(positions: Iterable<Position>): [number, number, number, number] {
  let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of positions) {
    const [px, py] = [x!, y!];
    if (px < west) west = px;
    if (py < south) south = py;
    if (px > east) east = px;
    if (py > north) north = py;
  }
  return [west, south, east, north];
}

export type Bounds = [west: number, south: number, east: number, north: number];

/** Each geometry's bounds, worked out once: tables and sheets test 200 000 features against a view on every move. */
const boundsByGeometry = new WeakMap<Geometry, Bounds>();
export function geometryBounds(geometry: Geometry): Bounds {
  let bounds = boundsByGeometry.get(geometry);
  if (!bounds) boundsByGeometry.set(geometry, (bounds = boundsOf(positionsOf(geometry))));
  return bounds;
}

/** The bounds of some features together. */
export function featuresBounds(features: readonly { geometry: Geometry }[]): Bounds {
  return boundsOf(features.flatMap((feature) => positionsOf(feature.geometry)));
}

export const boundsOverlap = (a: readonly number[], b: readonly number[]) =>
  a[0]! <= b[2]! && a[2]! >= b[0]! && a[1]! <= b[3]! && a[3]! >= b[1]!;
