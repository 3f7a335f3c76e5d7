import type { Geometry, Position } from 'geojson';
import { problem, ProblemError } from '../messages/problem';

/**
 * Many geometries in two typed arrays, so thousands of features are stored, cloned and sent to a worker as
 * two buffers instead of millions of small arrays. `shape` describes each geometry in turn:
 *   null                 0
 *   Point                1 dims
 *   LineString           2 dims n
 *   Polygon              3 dims rings n…
 *   MultiPoint           4 dims n
 *   MultiLineString      5 dims lines n…
 *   MultiPolygon         6 dims polygons (rings n…)…
 *   GeometryCollection   7 members member…
 * `coords` holds every position with `dims` numbers (2 for lon/lat, 3 with height). A position shorter than its
 * geometry's dims is padded with NaN and comes back at its own length, so nothing is lost or invented.
 */
export interface EncodedGeometries {
  shape: Int32Array;
  coords: Float64Array;
}

const TYPE_CODE = {
  Point: 1,
  LineString: 2,
  Polygon: 3,
  MultiPoint: 4,
  MultiLineString: 5,
  MultiPolygon: 6,
  GeometryCollection: 7,
} as const;

function dimsOf(positions: Position[]): number {
  let dims = 2;
  for (const position of positions) if (position.length > dims) dims = position.length;
  return dims;
}

class Writer {
  shape: number[] = [];
  coords: number[] = [];

  positions(positions: Position[], dims: number) {
    for (const position of positions)
      for (let axis = 0; axis < dims; axis++) this.coords.push(position[axis] ?? Number.NaN);
  }

  geometry(geometry: Geometry | null) {
    if (!geometry) {
      this.shape.push(0);
      return;
    }
    switch (geometry.type) {
      case 'Point': {
        const dims = dimsOf([geometry.coordinates]);
        this.shape.push(TYPE_CODE.Point, dims);
        this.positions([geometry.coordinates], dims);
        return;
      }
      case 'LineString':
      case 'MultiPoint': {
        const dims = dimsOf(geometry.coordinates);
        this.shape.push(TYPE_CODE[geometry.type], dims, geometry.coordinates.length);
        this.positions(geometry.coordinates, dims);
        return;
      }
      case 'Polygon':
      case 'MultiLineString': {
        const dims = dimsOf(geometry.coordinates.flat());
        this.shape.push(TYPE_CODE[geometry.type], dims, geometry.coordinates.length);
        for (const part of geometry.coordinates) this.shape.push(part.length);
        for (const part of geometry.coordinates) this.positions(part, dims);
        return;
      }
      case 'MultiPolygon': {
        const dims = dimsOf(geometry.coordinates.flat(2));
        this.shape.push(TYPE_CODE.MultiPolygon, dims, geometry.coordinates.length);
        for (const polygon of geometry.coordinates) {
          this.shape.push(polygon.length);
          for (const ring of polygon) this.shape.push(ring.length);
        }
        for (const ring of geometry.coordinates.flat()) this.positions(ring, dims);
        return;
      }
      case 'GeometryCollection':
        this.shape.push(TYPE_CODE.GeometryCollection, geometry.geometries.length);
        for (const member of geometry.geometries) this.geometry(member);
        return;
    }
  }
}

export function encodeGeometries(geometries: readonly (Geometry | null)[]): EncodedGeometries {
  const writer = new Writer();
  for (const geometry of geometries) writer.geometry(geometry);
  return { shape: Int32Array.from(writer.shape), coords: Float64Array.from(writer.coords) };
}

/** Reads the geometries back in order; `offsets` are each geometry's first shape and coordinate index. */
export class GeometryReader {
  private s = 0;
  private c = 0;

  constructor(private readonly encoded: EncodedGeometries) {}

  get done() {
    return this.s >= this.encoded.shape.length;
  }

  private position(dims: number): Position {
    const { coords } = this.encoded;
    const position: Position = [coords[this.c]!, coords[this.c + 1]!];
    for (let axis = 2; axis < dims; axis++) {
      const value = coords[this.c + axis]!;
      if (!Number.isNaN(value)) position.push(value);
    }
    this.c += dims;
    return position;
  }

  private positions(count: number, dims: number): Position[] {
    const positions: Position[] = new Array(count);
    for (let index = 0; index < count; index++) positions[index] = this.position(dims);
    return positions;
  }

  private int() {
    return this.encoded.shape[this.s++]!;
  }

  next(): Geometry | null {
    const code = this.int();
    switch (code) {
      case 0:
        return null;
      case TYPE_CODE.Point:
        return { type: 'Point', coordinates: this.position(this.int()) };
      case TYPE_CODE.LineString:
      case TYPE_CODE.MultiPoint: {
        const dims = this.int();
        const coordinates = this.positions(this.int(), dims);
        return code === TYPE_CODE.LineString
          ? { type: 'LineString', coordinates }
          : { type: 'MultiPoint', coordinates };
      }
      case TYPE_CODE.Polygon:
      case TYPE_CODE.MultiLineString: {
        const dims = this.int();
        const counts = Array.from({ length: this.int() }, () => this.int());
        const coordinates = counts.map((count) => this.positions(count, dims));
        return code === TYPE_CODE.Polygon ? { type: 'Polygon', coordinates } : { type: 'MultiLineString', coordinates };
      }
      case TYPE_CODE.MultiPolygon: {
        const dims = this.int();
        const rings = Array.from({ length: this.int() }, () => Array.from({ length: this.int() }, () => this.int()));
        return {
          type: 'MultiPolygon',
          coordinates: rings.map((polygon) => polygon.map((count) => this.positions(count, dims))),
        };
      }
      case TYPE_CODE.GeometryCollection: {
        const count = this.int();
        const geometries: Geometry[] = [];
        for (let index = 0; index < count; index++) {
          const member = this.next();
          if (member) geometries.push(member);
        }
        return { type: 'GeometryCollection', geometries };
      }
      default:
        throw new ProblemError(problem('storage.corruptGeometry', { detail: `code ${code} at ${this.s - 1}` }));
    }
  }
}

export function decodeGeometries(encoded: EncodedGeometries): (Geometry | null)[] {
  const reader = new GeometryReader(encoded);
  const geometries: (Geometry | null)[] = [];
  while (!reader.done) geometries.push(reader.next());
  return geometries;
}
