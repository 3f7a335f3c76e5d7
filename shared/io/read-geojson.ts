import type { SourceRecord } from './check-records';
import { nameOfProperties, recordLabel } from './check-records';
import type { FormatRead } from './formats/file-format';
import { parseJson, type ParseResult } from './parse-geojson';
import type { ProgressSink } from './import-progress';

const GEOMETRY_TYPES = new Set([
  'Point',
  'MultiPoint',
  'LineString',
  'MultiLineString',
  'Polygon',
  'MultiPolygon',
  'GeometryCollection',
]);

/** Newline-delimited GeoJSON: one Feature per line, the first of which is not a FeatureCollection. */
export function isNewlineDelimited(text: string): boolean {
  const trimmed = text.trim();
  const firstLine = trimmed.split('\n', 1)[0]!.trim();
  return (
    trimmed.includes('\n') &&
    firstLine.startsWith('{') &&
    firstLine.endsWith('}') &&
    !/"type"\s*:\s*"FeatureCollection"/.test(firstLine)
  );
}

function parseLines(text: string, fileName: string): ParseResult<unknown[]> {
  const features: unknown[] = [];
  for (const [index, line] of text.trim().split('\n').entries()) {
    if (!line.trim()) continue;
    const parsed = parseJson(line, fileName);
    if (!parsed.ok)
      return {
        ok: false,
        error: `${fileName}: JSON tidak sah di baris ${index + 1} / invalid JSON on line ${index + 1}`,
      };
    features.push(parsed.value);
  }
  return { ok: true, value: features };
}

/** The features of a FeatureCollection, a single Feature or a bare geometry; null when it is none of them. */
function featuresOf(data: unknown): unknown[] | null {
  const root = data as { type?: string; features?: unknown } | null;
  if (root?.type === 'FeatureCollection') return Array.isArray(root.features) ? root.features : null;
  if (root?.type === 'Feature') return [root];
  if (root?.type && GEOMETRY_TYPES.has(root.type)) return [{ type: 'Feature', geometry: root, properties: {} }];
  return null;
}

/** GeoJSON (FeatureCollection, Feature, bare geometry or newline-delimited) to records. */
export function readGeoJson(
  text: string,
  fileName: string,
  report: ProgressSink = () => undefined,
): ParseResult<FormatRead> {
  report({ phase: 'parse', done: 0, total: 0, features: 0 });
  let items: unknown[] | null;
  if (isNewlineDelimited(text)) {
    const lines = parseLines(text, fileName);
    if (!lines.ok) return lines;
    items = lines.value;
  } else {
    const parsed = parseJson(text, fileName);
    if (!parsed.ok) return parsed;
    items = featuresOf(parsed.value);
  }
  if (!items)
    return { ok: false, error: `${fileName}: bukan FeatureCollection GeoJSON / not a GeoJSON FeatureCollection` };
  const records: SourceRecord[] = [];
  for (const [index, item] of items.entries()) {
    const feature = item as { type?: string; id?: unknown; geometry?: unknown; properties?: unknown } | null;
    const properties = (
      feature?.properties && typeof feature.properties === 'object' ? feature.properties : {}
    ) as Record<string, unknown>;
    if (feature?.type !== 'Feature')
      return { ok: false, error: `${fileName}, ${recordLabel(index)}: bukan Feature / not a Feature` };
    const id = typeof feature.id === 'string' || typeof feature.id === 'number' ? feature.id : undefined;
    records.push({ geometry: feature.geometry, properties, name: nameOfProperties(properties), id });
  }
  return { ok: true, value: { records, crs: 'WGS 84 (EPSG:4326)', warnings: [] } };
}
