import type { Geometry, Position } from 'geojson';
import { signedRingArea } from '../geo/planar';
import { problem, type Problem } from '../messages/problem';

const COORDINATE_DEPTH: Record<string, number> = {
  Point: 0,
  MultiPoint: 1,
  LineString: 1,
  MultiLineString: 2,
  Polygon: 2,
  MultiPolygon: 3,
};

/** GeometryCollections nested deeper than this are refused (no real file nests them at all). */
export const MAX_COLLECTION_DEPTH = 4;

/** Null, no coordinates at all, or a GeometryCollection with no members: RFC 7946 allows these, we skip them. */
export function isEmptyGeometry(geometry: unknown): boolean {
  if (geometry === null || geometry === undefined) return true;
  if (typeof geometry !== 'object') return false;
  const { type, coordinates, geometries } = geometry as { type?: string; coordinates?: unknown; geometries?: unknown };
  if (type === 'GeometryCollection') return Array.isArray(geometries) && geometries.length === 0;
  return Array.isArray(coordinates) && !holdsAnyValue(coordinates);
}

/** True at the first non-array value inside nested arrays (no copies: this runs once per record). */
function holdsAnyValue(value: unknown[]): boolean {
  for (const item of value) if (!Array.isArray(item) || holdsAnyValue(item)) return true;
  return false;
}

function checkPosition(position: unknown): Problem | null {
  if (
    !Array.isArray(position) ||
    position.length < 2 ||
    !position.every((n) => typeof n === 'number' && Number.isFinite(n))
  ) {
    return problem('geometry.notPosition', { value: String(JSON.stringify(position)).slice(0, 40) });
  }
  const [lon, lat] = position as number[];
  if (Math.abs(lon!) > 180 || Math.abs(lat!) > 90) return problem('geometry.outsideWgs84', { lon: lon!, lat: lat! });
  return null;
}

/** Types, nesting and numbers: what must hold before a geometry can be repaired at all. */
export function checkStructure(geometry: unknown, depth = 0): Problem | null {
  if (!geometry || typeof geometry !== 'object') return problem('geometry.none');
  const { type, coordinates, geometries } = geometry as { type?: string; coordinates?: unknown; geometries?: unknown };
  if (type === 'GeometryCollection') {
    if (depth >= MAX_COLLECTION_DEPTH) return problem('geometry.nestedTooDeep', { depth: MAX_COLLECTION_DEPTH });
    if (!Array.isArray(geometries)) return problem('geometry.collectionWithoutMembers');
    for (const [index, member] of geometries.entries()) {
      if (isEmptyGeometry(member)) return problem('geometry.memberEmpty', { member: index + 1 });
      const found = checkStructure(member, depth + 1);
      if (found) return problem('geometry.member', { member: index + 1, problem: found });
    }
    return null;
  }
  const levels = type === undefined ? undefined : COORDINATE_DEPTH[type];
  if (levels === undefined) return problem('geometry.unknownType', { type: String(type) });
  const walk = (value: unknown, level: number): Problem | null => {
    if (level === 0) return checkPosition(value);
    if (!Array.isArray(value)) return problem('geometry.badlyNested', { type: String(type) });
    for (const item of value) {
      const found = walk(item, level - 1);
      if (found) return found;
    }
    return null;
  };
  return walk(coordinates, levels);
}

/** What a repair did to one geometry, and which original vertices each kept line part still holds. */
export interface Repair {
  geometry: Geometry;
  notes: Problem[];
  /** For lines: per kept part, its index in the original and the original indices of its kept vertices. */
  keptVertices: { part: number; indices: number[] }[] | null;
}

/**
 * Repairs that never change what the data means: 2D coordinates, no repeated vertices, RFC 7946
 * winding, and line parts left with one position dropped from multi-lines.
 */
export function repairGeometry(geometry: Geometry): Repair {
  // The most common record of a register, a 2D point, has nothing to repair: skip making the helpers below.
  if (geometry.type === 'Point' && geometry.coordinates.length === 2) {
    const [x, y] = geometry.coordinates as [number, number];
    return { geometry: { type: 'Point', coordinates: [x, y] }, notes: [], keptVertices: null };
  }
  let dropped3d = false;
  let droppedDuplicates = 0;
  let droppedParts = 0;
  let rewound = false;
  let keptVertices: Repair['keptVertices'] = null;
  const position = (p: Position): Position => {
    if (p.length > 2) dropped3d = true;
    return [p[0]!, p[1]!];
  };
  const path = (coordinates: Position[]): { path: Position[]; indices: number[] } => {
    const out: Position[] = [];
    const indices: number[] = [];
    coordinates.forEach((raw, index) => {
      const p = position(raw);
      const last = out[out.length - 1];
      if (last && last[0] === p[0] && last[1] === p[1]) droppedDuplicates += 1;
      else {
        out.push(p);
        indices.push(index);
      }
    });
    return { path: out, indices };
  };
  const ring = (coordinates: Position[], outer: boolean): Position[] => {
    const cleaned = path(coordinates).path;
    const area = signedRingArea(cleaned);
    if ((outer && area < 0) || (!outer && area > 0)) {
      rewound = true;
      return cleaned.reverse();
    }
    return cleaned;
  };
  const polygon = (rings: Position[][]) => rings.map((r, i) => ring(r, i === 0));
  let result: Geometry;
  switch (geometry.type) {
    case 'Point':
      result = { type: 'Point', coordinates: position(geometry.coordinates) };
      break;
    case 'MultiPoint':
      result = { type: 'MultiPoint', coordinates: geometry.coordinates.map(position) };
      break;
    case 'LineString': {
      const cleaned = path(geometry.coordinates);
      keptVertices = [{ part: 0, indices: cleaned.indices }];
      result = { type: 'LineString', coordinates: cleaned.path };
      break;
    }
    case 'MultiLineString': {
      const parts = geometry.coordinates.map((part, index) => ({ index, ...path(part) }));
      const kept = parts.filter((part) => part.path.length >= 2);
      droppedParts = parts.length - kept.length;
      // A multi-line whose parts are all degenerate stays as it is, so the check below names it.
      const usable = kept.length > 0 ? kept : parts;
      if (kept.length === 0) droppedParts = 0;
      keptVertices = usable.map((part) => ({ part: part.index, indices: part.indices }));
      result = { type: 'MultiLineString', coordinates: usable.map((part) => part.path) };
      break;
    }
    case 'Polygon':
      result = { type: 'Polygon', coordinates: polygon(geometry.coordinates) };
      break;
    case 'MultiPolygon':
      result = { type: 'MultiPolygon', coordinates: geometry.coordinates.map(polygon) };
      break;
    case 'GeometryCollection': {
      const members = geometry.geometries.map(repairGeometry);
      // One note per kind of repair, as for any other geometry.
      const notes = [
        ...new Map(members.flatMap((member) => member.notes).map((note) => [JSON.stringify(note), note])).values(),
      ];
      return {
        geometry: { type: 'GeometryCollection', geometries: members.map((member) => member.geometry) },
        notes,
        keptVertices: null,
      };
    }
  }
  const notes: Problem[] = [];
  if (dropped3d) notes.push(problem('repair.zDropped'));
  if (droppedDuplicates) notes.push(problem('repair.duplicateVertices', { count: droppedDuplicates }));
  if (droppedParts) notes.push(problem('repair.onePointParts', { count: droppedParts }));
  if (rewound) notes.push(problem('repair.ringWinding'));
  return { geometry: result, notes, keptVertices };
}

/** What must hold after repairs: lines of two distinct positions, closed rings of four. */
export function checkShape(geometry: Geometry): Problem | null {
  switch (geometry.type) {
    case 'LineString':
      return geometry.coordinates.length < 2 ? problem('geometry.lineTooShort') : null;
    case 'MultiLineString':
      return geometry.coordinates.some((part) => part.length < 2) ? problem('geometry.multiLinePartTooShort') : null;
    case 'Polygon':
    case 'MultiPolygon': {
      const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
      for (const rings of polygons) {
        for (const [ringIndex, ring] of rings.entries()) {
          if (ring.length < 4) return problem('geometry.ringTooShort', { ring: ringIndex + 1 });
          const [first, last] = [ring[0]!, ring[ring.length - 1]!];
          if (first[0] !== last[0] || first[1] !== last[1])
            return problem('geometry.ringNotClosed', { ring: ringIndex + 1 });
        }
      }
      return null;
    }
    case 'GeometryCollection':
      for (const [index, member] of geometry.geometries.entries()) {
        const found = checkShape(member);
        if (found) return problem('geometry.member', { member: index + 1, problem: found });
      }
      return null;
    default:
      return null;
  }
}

/** NTT lies at lon 118–126, lat −12 to −7: a file whose "lon" fits NTT's latitudes has its axes swapped. */
export function looksLatLonSwapped(positions: number[][]): boolean {
  return positions.length > 0 && positions.every(([x, y]) => x! >= -12 && x! <= -7 && y! >= 118 && y! <= 126);
}
