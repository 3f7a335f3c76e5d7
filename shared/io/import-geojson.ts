import type { Feature, Geometry, Position } from 'geojson';
import { signedRingArea } from '../geo/planar';
import { checkFeatureCollection, parseJson, type ParseResult } from './parse-geojson';
import type { ProgressSink } from './import-progress';

const GEOMETRY_TYPES = [
  'Point',
  'MultiPoint',
  'LineString',
  'MultiLineString',
  'Polygon',
  'MultiPolygon',
  'GeometryCollection',
];

export interface ImportedFeatures {
  features: Feature<Geometry>[];
  /** Safe repairs made, e.g. "fitur #3: koordinat Z dibuang". */
  repairs: string[];
}

/** Repairs that never change what the data means: 2D coordinates, no repeated vertices, RFC 7946 winding. */
function repairGeometry(geometry: Geometry, note: (repair: string) => void): Geometry {
  let dropped3d = false;
  let droppedDuplicates = 0;
  let rewound = false;
  const position = (p: Position): Position => {
    if (p.length > 2) dropped3d = true;
    return [p[0]!, p[1]!];
  };
  const path = (coordinates: Position[]): Position[] => {
    const out: Position[] = [];
    for (const p of coordinates.map(position)) {
      const last = out[out.length - 1];
      if (last && last[0] === p[0] && last[1] === p[1]) droppedDuplicates += 1;
      else out.push(p);
    }
    return out;
  };
  const ring = (coordinates: Position[], outer: boolean): Position[] => {
    const cleaned = path(coordinates);
    // RFC 7946: outer rings counter-clockwise, holes clockwise.
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
    case 'LineString':
      result = { type: 'LineString', coordinates: path(geometry.coordinates) };
      break;
    case 'MultiLineString':
      result = { type: 'MultiLineString', coordinates: geometry.coordinates.map(path) };
      break;
    case 'Polygon':
      result = { type: 'Polygon', coordinates: polygon(geometry.coordinates) };
      break;
    case 'MultiPolygon':
      result = { type: 'MultiPolygon', coordinates: geometry.coordinates.map(polygon) };
      break;
    default:
      result = geometry;
  }
  if (dropped3d) note('koordinat Z dibuang / Z dropped');
  if (droppedDuplicates) note(`${droppedDuplicates} titik kembar dibuang / duplicate vertices removed`);
  if (rewound) note('arah ring dibalik sesuai RFC 7946 / ring winding fixed');
  return result;
}

/** GeoJSON (FeatureCollection, Feature, bare geometry or newline-delimited) to checked, repaired features. */
export function importGeoJson(
  text: string,
  fileName: string,
  report: ProgressSink = () => undefined,
): ParseResult<ImportedFeatures> {
  report({ phase: 'parse', done: 0, total: 0, features: 0 });
  const trimmed = text.trim();
  const firstLine = trimmed.split('\n', 1)[0]!.trim();
  const isNewlineDelimited =
    trimmed.includes('\n') &&
    firstLine.startsWith('{') &&
    firstLine.endsWith('}') &&
    !/"type"\s*:\s*"FeatureCollection"/.test(firstLine);
  let data: unknown;
  if (isNewlineDelimited) {
    const features: unknown[] = [];
    for (const [index, line] of trimmed.split('\n').entries()) {
      if (!line.trim()) continue;
      const parsed = parseJson(line, fileName);
      if (!parsed.ok)
        return {
          ok: false,
          error: `${fileName}: JSON tidak sah di baris ${index + 1} / invalid JSON on line ${index + 1}`,
        };
      features.push(parsed.value);
    }
    data = { type: 'FeatureCollection', features };
  } else {
    const parsed = parseJson(text, fileName);
    if (!parsed.ok) return parsed;
    data = parsed.value;
    const type = (data as { type?: string } | null)?.type;
    if (type && GEOMETRY_TYPES.includes(type))
      data = { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: data, properties: {} }] };
  }
  const checked = checkFeatureCollection(data, fileName, (done, total) =>
    report({ phase: 'check', done, total, features: done }),
  );
  if (!checked.ok) return checked;
  if (checked.value.length === 0) return { ok: false, error: `${fileName}: tidak ada fitur / no features` };
  const repairs: string[] = [];
  const features = checked.value.map((feature, index) => ({
    type: 'Feature' as const,
    geometry: repairGeometry(feature.geometry, (repair) => repairs.push(`fitur #${index}: ${repair}`)),
    properties: feature.properties ?? {},
  }));
  return { ok: true, value: { features, repairs } };
}
