import type { Geometry, MultiLineString, MultiPoint, MultiPolygon, LineString, Point, Polygon } from 'geojson';
import { problem, type Problem } from '../messages/problem';

type MeasurableGeometry = Point | MultiPoint | LineString | MultiLineString | Polygon | MultiPolygon;

export type MeasurableResult =
  { ok: true; geometry: MeasurableGeometry; unit: 'unit' | 'm' | 'm2' } | { ok: false; reason: Problem };

const UNIT_OF: Record<MeasurableGeometry['type'], 'unit' | 'm' | 'm2'> = {
  Point: 'unit',
  MultiPoint: 'unit',
  LineString: 'm',
  MultiLineString: 'm',
  Polygon: 'm2',
  MultiPolygon: 'm2',
};

const MAX_DEPTH = 8;

function collectParts(geometry: Geometry, depth: number, parts: MeasurableGeometry[]): Problem | null {
  if (geometry.type !== 'GeometryCollection') {
    parts.push(geometry);
    return null;
  }
  if (depth >= MAX_DEPTH) return problem('geometry.nestedTooDeep', { depth: MAX_DEPTH });
  for (const member of geometry.geometries ?? []) {
    const nested = collectParts(member, depth + 1, parts);
    if (nested) return nested;
  }
  return null;
}

/**
 * The geometry an asset is measured by: every GeoJSON type but GeometryCollection as it is; a
 * GeometryCollection of one kind (only points, only lines or only areas) as the matching Multi*
 * geometry. An empty collection, or one that mixes kinds (units and metres cannot be added), is
 * refused with the reason.
 */
export function measurableGeometry(geometry: Geometry): MeasurableResult {
  if (geometry.type !== 'GeometryCollection') return { ok: true, geometry, unit: UNIT_OF[geometry.type] };
  const parts: MeasurableGeometry[] = [];
  const nested = collectParts(geometry, 0, parts);
  if (nested) return { ok: false, reason: nested };
  if (parts.length === 0) return { ok: false, reason: problem('measure.emptyCollection') };
  const units = new Set(parts.map((part) => UNIT_OF[part.type]));
  if (units.size > 1) {
    return {
      ok: false,
      reason: problem('measure.mixedCollection'),
    };
  }
  const unit = [...units][0]!;
  if (unit === 'unit') {
    return {
      ok: true,
      unit,
      geometry: {
        type: 'MultiPoint',
        coordinates: parts.flatMap((part) =>
          part.type === 'Point' ? [part.coordinates] : (part as MultiPoint).coordinates,
        ),
      },
    };
  }
  if (unit === 'm') {
    return {
      ok: true,
      unit,
      geometry: {
        type: 'MultiLineString',
        coordinates: parts.flatMap((part) =>
          part.type === 'LineString' ? [part.coordinates] : (part as MultiLineString).coordinates,
        ),
      },
    };
  }
  return {
    ok: true,
    unit,
    geometry: {
      type: 'MultiPolygon',
      coordinates: parts.flatMap((part) =>
        part.type === 'Polygon' ? [part.coordinates] : (part as MultiPolygon).coordinates,
      ),
    },
  };
}
