import type { Geometry, MultiLineString, MultiPoint, MultiPolygon, LineString, Point, Polygon } from 'geojson';

type MeasurableGeometry = Point | MultiPoint | LineString | MultiLineString | Polygon | MultiPolygon;

export type MeasurableResult =
  { ok: true; geometry: MeasurableGeometry; unit: 'unit' | 'm' | 'm2' } | { ok: false; reason: string };

const UNIT_OF: Record<MeasurableGeometry['type'], 'unit' | 'm' | 'm2'> = {
  Point: 'unit',
  MultiPoint: 'unit',
  LineString: 'm',
  MultiLineString: 'm',
  Polygon: 'm2',
  MultiPolygon: 'm2',
};

const MAX_DEPTH = 8;

function collectParts(geometry: Geometry, depth: number, parts: MeasurableGeometry[]): string | null {
  if (geometry.type !== 'GeometryCollection') {
    parts.push(geometry);
    return null;
  }
  if (depth >= MAX_DEPTH)
    return `GeometryCollection bersarang lebih dari ${MAX_DEPTH} tingkat / nested deeper than ${MAX_DEPTH}`;
  for (const member of geometry.geometries ?? []) {
    const problem = collectParts(member, depth + 1, parts);
    if (problem) return problem;
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
  const problem = collectParts(geometry, 0, parts);
  if (problem) return { ok: false, reason: problem };
  if (parts.length === 0) return { ok: false, reason: 'GeometryCollection kosong / empty GeometryCollection' };
  const units = new Set(parts.map((part) => UNIT_OF[part.type]));
  if (units.size > 1) {
    return {
      ok: false,
      reason:
        'GeometryCollection mencampur titik, garis dan/atau area; pisahkan menjadi fitur sendiri-sendiri / ' +
        'GeometryCollection mixes points, lines and/or areas; split it into separate features',
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
