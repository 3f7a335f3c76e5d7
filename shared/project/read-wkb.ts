import type { Geometry, Position } from 'geojson';

/**
 * WKB (ISO, 2D or Z) as GeoJSON, keeping the type written: a multi-part of one part stays a multi-part (the reader
 * of @loaders.gl/gis turns it into a single part, so a project would not come back as it was saved).
 */
export function geometryOfWkb(bytes: Uint8Array): Geometry {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 0;
  const read = (): Geometry => {
    const little = view.getUint8(at) === 1;
    const code = view.getUint32(at + 1, little);
    at += 5;
    const type = code % 1000;
    const dims = code >= 1000 && code < 2000 ? 3 : code >= 3000 ? 4 : 2;
    if (dims === 4 || code >= 2000) throw new Error(`WKB type ${code} not read`);
    const point = (): Position => {
      const p: Position = [];
      for (let d = 0; d < dims; d++) p.push(view.getFloat64(at + d * 8, little));
      at += dims * 8;
      return p;
    };
    const count = () => {
      const n = view.getUint32(at, little);
      at += 4;
      return n;
    };
    const path = () => Array.from({ length: count() }, point);
    const rings = () => Array.from({ length: count() }, path);
    const parts = <T>(part: () => T) => Array.from({ length: count() }, part);
    const inner = <T extends Geometry>() => read() as T;
    switch (type) {
      case 1:
        return { type: 'Point', coordinates: point() };
      case 2:
        return { type: 'LineString', coordinates: path() };
      case 3:
        return { type: 'Polygon', coordinates: rings() };
      case 4:
        return {
          type: 'MultiPoint',
          coordinates: parts(() => inner<{ type: 'Point'; coordinates: Position }>().coordinates),
        };
      case 5:
        return {
          type: 'MultiLineString',
          coordinates: parts(() => inner<{ type: 'LineString'; coordinates: Position[] }>().coordinates),
        };
      case 6:
        return {
          type: 'MultiPolygon',
          coordinates: parts(() => inner<{ type: 'Polygon'; coordinates: Position[][] }>().coordinates),
        };
      case 7:
        return { type: 'GeometryCollection', geometries: parts(read) };
      default:
        throw new Error(`WKB type ${code} not read`);
    }
  };
  const geometry = read();
  if (at !== bytes.byteLength) throw new Error(`WKB: ${bytes.byteLength - at} bytes after the geometry`);
  return geometry;
}

const ENVELOPE_BYTES = [0, 32, 48, 48, 64];

/** A GeoPackage geometry blob as GeoJSON with its type as written; null when it is empty. */
export function projectGeometryOfBlob(blob: Uint8Array): Geometry | null {
  if (blob[0] !== 0x47 || blob[1] !== 0x50) throw new Error('bukan geometri GeoPackage / not a GeoPackage geometry');
  const flags = blob[3]!;
  if (flags & 0x10) return null;
  const envelope = ENVELOPE_BYTES[(flags >> 1) & 7];
  if (envelope === undefined) throw new Error('amplop geometri tidak sah / invalid geometry envelope');
  return geometryOfWkb(blob.subarray(8 + envelope));
}
