import { Geodesic } from 'geographiclib-geodesic';
import type { Geometry, Position } from 'geojson';

const WGS84 = Geodesic.WGS84;

/** Ellipsoidal (WGS 84) distance in metres between two lon/lat positions (Karney's algorithm). */
export function geodesicDistanceM(a: Position, b: Position): number {
  return WGS84.Inverse(a[1]!, a[0]!, b[1]!, b[0]!, Geodesic.DISTANCE).s12 ?? 0;
}

/** The place `metres` from a position along the geodesic leaving it at `azimuth` degrees from north (WGS 84). */
export function geodesicDestination(from: Position, azimuth: number, metres: number): Position {
  const result = WGS84.Direct(from[1]!, from[0]!, azimuth, metres);
  return [result.lon2!, result.lat2!];
}

function pathLengthM(path: Position[]): number {
  let total = 0;
  for (let i = 1; i < path.length; i++) total += geodesicDistanceM(path[i - 1]!, path[i]!);
  return total;
}

/** Length of the lines in a geometry in metres; 0 for points and polygons. */
export function geodesicLengthM(geometry: Geometry): number {
  switch (geometry.type) {
    case 'LineString':
      return pathLengthM(geometry.coordinates);
    case 'MultiLineString':
      return geometry.coordinates.reduce((sum, path) => sum + pathLengthM(path), 0);
    case 'GeometryCollection':
      return geometry.geometries.reduce((sum, part) => sum + geodesicLengthM(part), 0);
    default:
      return 0;
  }
}

function ringAreaM2(ring: Position[]): number {
  const polygon = WGS84.Polygon(false);
  // The closing vertex repeats the first; geographiclib closes the ring itself.
  for (const [longitude, latitude] of ring.slice(0, -1)) polygon.AddPoint(latitude!, longitude!);
  return Math.abs(polygon.Compute(false, true).area ?? 0);
}

/** Area of the polygons in a geometry in m² (holes subtracted); 0 for points and lines. */
export function geodesicAreaM2(geometry: Geometry): number {
  const polygonArea = (rings: Position[][]) =>
    rings.reduce((sum, ring, index) => sum + (index === 0 ? 1 : -1) * ringAreaM2(ring), 0);
  switch (geometry.type) {
    case 'Polygon':
      return polygonArea(geometry.coordinates);
    case 'MultiPolygon':
      return geometry.coordinates.reduce((sum, rings) => sum + polygonArea(rings), 0);
    case 'GeometryCollection':
      return geometry.geometries.reduce((sum, part) => sum + geodesicAreaM2(part), 0);
    default:
      return 0;
  }
}
