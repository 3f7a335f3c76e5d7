import type { Geometry, LineString, Point, Polygon, Position } from 'geojson';
import { problem, ProblemError } from '../messages/problem';

/**
 * WKB as GeoJSON, keeping the type written: a multi-part of one part stays a multi-part, so a project or a
 * GeoPackage comes back as it was saved. Reads ISO WKB (2D, Z 1000+, M 2000+, ZM 3000+, as GeoPackage and GDAL
 * write it) and the extended flags PostGIS writes (Z, M, SRID); M values are left out, as GeoJSON has no place for
 * them. An empty geometry is null; inside a multi-part or collection an empty part stays, as GDAL reads it.
 */
export function geometryOfWkb(bytes: Uint8Array): Geometry | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 0;
  const need = (length: number) => {
    if (at + length > bytes.byteLength) throw new Error(`WKB: ends at byte ${bytes.byteLength}, ${at + length} needed`);
  };
  const read = (): Geometry => {
    need(5);
    const little = view.getUint8(at) === 1;
    const raw = view.getUint32(at + 1, little);
    at += 5;
    const extendedZ = (raw & 0x80000000) !== 0;
    const extendedM = (raw & 0x40000000) !== 0;
    if (raw & 0x20000000) at += 4; // an EWKB SRID: the layer says the system
    const code = raw & 0x0fffffff;
    const type = code % 1000;
    const hasZ = extendedZ || Math.floor(code / 1000) === 1 || Math.floor(code / 1000) === 3;
    const hasM = extendedM || Math.floor(code / 1000) === 2 || Math.floor(code / 1000) === 3;
    if (code >= 4000) throw new Error(`WKB type ${code} not read`);
    const stored = 2 + (hasZ ? 1 : 0) + (hasM ? 1 : 0);
    const kept = hasZ ? 3 : 2;
    const count = () => {
      need(4);
      const n = view.getUint32(at, little);
      at += 4;
      return n;
    };
    const point = (): Position => {
      need(stored * 8);
      const p: Position = [];
      for (let d = 0; d < kept; d++) p.push(view.getFloat64(at + d * 8, little));
      at += stored * 8;
      return p;
    };
    const path = () => Array.from({ length: count() }, point);
    const rings = () => Array.from({ length: count() }, path);
    const parts = <T extends Geometry>(kind: T['type']) =>
      Array.from({ length: count() }, () => {
        const part = read();
        if (part.type !== kind) throw new Error(`WKB: a ${part.type} inside a multi-part of ${kind}`);
        return part as T;
      });
    switch (type) {
      case 1: {
        const coordinates = point();
        return { type: 'Point', coordinates: coordinates.every(Number.isNaN) ? [] : coordinates };
      }
      case 2:
        return { type: 'LineString', coordinates: path() };
      case 3:
        return { type: 'Polygon', coordinates: rings() };
      case 4:
        return { type: 'MultiPoint', coordinates: parts<Point>('Point').map((p) => p.coordinates) };
      case 5:
        return { type: 'MultiLineString', coordinates: parts<LineString>('LineString').map((p) => p.coordinates) };
      case 6:
        return { type: 'MultiPolygon', coordinates: parts<Polygon>('Polygon').map((p) => p.coordinates) };
      case 7:
        return { type: 'GeometryCollection', geometries: Array.from({ length: count() }, read) };
      default:
        throw new Error(`WKB type ${code} not read`);
    }
  };
  const geometry = read();
  if (at !== bytes.byteLength) throw new Error(`WKB: ${bytes.byteLength - at} bytes after the geometry`);
  return isEmpty(geometry) ? null : geometry;
}

const ENVELOPE_BYTES = [0, 32, 48, 48, 64];

/** A GeoPackage geometry blob ("GP" header, optional envelope, then WKB) as GeoJSON; null when it is empty. */
export function geometryOfBlob(blob: Uint8Array): Geometry | null {
  if (blob[0] !== 0x47 || blob[1] !== 0x50) throw new ProblemError(problem('gpkg.notGeometry'));
  const flags = blob[3]!;
  if (flags & 0x10) return null;
  const envelope = ENVELOPE_BYTES[(flags >> 1) & 7];
  if (envelope === undefined) throw new ProblemError(problem('gpkg.badEnvelope'));
  return geometryOfWkb(blob.subarray(8 + envelope));
}

const isEmpty = (geometry: Geometry): boolean =>
  geometry.type === 'GeometryCollection' ? geometry.geometries.every(isEmpty) : geometry.coordinates.length === 0;
