import type { Geometry, Position } from 'geojson';

/**
 * GeoJSON as ISO WKB, little-endian, the type as it is (a one-part multi-part stays one): 2D, or Z (1000+) when the
 * geometry's first position has a height.
 */
export function wkbOfGeometry(geometry: Geometry): Uint8Array {
  const dims = firstPosition(geometry)?.length === 3 ? 3 : 2;
  const out = new Uint8Array(sizeOf(geometry, dims));
  const view = new DataView(out.buffer);
  let at = 0;
  const uint32 = (value: number) => {
    view.setUint32(at, value, true);
    at += 4;
  };
  const header = (type: number) => {
    view.setUint8(at++, 1);
    uint32(type + (dims === 3 ? 1000 : 0));
  };
  const point = (p: Position) => {
    for (let d = 0; d < dims; d++, at += 8) view.setFloat64(at, p.length ? (p[d] ?? 0) : NaN, true);
  };
  const path = (positions: Position[]) => {
    uint32(positions.length);
    positions.forEach(point);
  };
  const rings = (polygon: Position[][]) => {
    uint32(polygon.length);
    polygon.forEach(path);
  };
  const write = (g: Geometry): void => {
    switch (g.type) {
      case 'Point':
        header(1);
        return point(g.coordinates);
      case 'LineString':
        header(2);
        return path(g.coordinates);
      case 'Polygon':
        header(3);
        return rings(g.coordinates);
      case 'MultiPoint':
        header(4);
        uint32(g.coordinates.length);
        return g.coordinates.forEach((coordinates) => write({ type: 'Point', coordinates }));
      case 'MultiLineString':
        header(5);
        uint32(g.coordinates.length);
        return g.coordinates.forEach((coordinates) => write({ type: 'LineString', coordinates }));
      case 'MultiPolygon':
        header(6);
        uint32(g.coordinates.length);
        return g.coordinates.forEach((coordinates) => write({ type: 'Polygon', coordinates }));
      case 'GeometryCollection':
        header(7);
        uint32(g.geometries.length);
        return g.geometries.forEach(write);
    }
  };
  write(geometry);
  return out;
}

function sizeOf(g: Geometry, dims: number): number {
  const point = 8 * dims;
  const path = (positions: Position[]) => 4 + positions.length * point;
  const rings = (polygon: Position[][]) => polygon.reduce((sum, ring) => sum + path(ring), 4);
  const parts = (sizes: number[]) => sizes.reduce((sum, size) => sum + 5 + size, 4);
  switch (g.type) {
    case 'Point':
      return 5 + point;
    case 'LineString':
      return 5 + path(g.coordinates);
    case 'Polygon':
      return 5 + rings(g.coordinates);
    case 'MultiPoint':
      return 5 + parts(g.coordinates.map(() => point));
    case 'MultiLineString':
      return 5 + parts(g.coordinates.map(path));
    case 'MultiPolygon':
      return 5 + parts(g.coordinates.map(rings));
    case 'GeometryCollection':
      return 5 + g.geometries.reduce((sum, part) => sum + sizeOf(part, dims), 4);
  }
}

function firstPosition(geometry: Geometry): Position | undefined {
  switch (geometry.type) {
    case 'Point':
      return geometry.coordinates.length ? geometry.coordinates : undefined;
    case 'LineString':
    case 'MultiPoint':
      return geometry.coordinates[0];
    case 'Polygon':
    case 'MultiLineString':
      return geometry.coordinates[0]?.[0];
    case 'MultiPolygon':
      return geometry.coordinates[0]?.[0]?.[0];
    case 'GeometryCollection':
      return geometry.geometries.map(firstPosition).find(Boolean);
  }
}
