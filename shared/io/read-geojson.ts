import type { SourceRecord } from './check-records';
import { nameOfProperties, recordLabel } from './check-records';
import type { FormatRead } from './formats/file-format';
import { parseJson, type ParseResult } from './parse-geojson';
import { decodeUtf8WithProgress, type ProgressSink } from './import-progress';
import { FeatureCollectionStream } from './feature-collection-stream';
import { feature as topologyFeature } from 'topojson-client';
import { problem, type Problem } from '../messages/problem';

type Topology = Parameters<typeof topologyFeature>[0];

/** The seven geometry types of GeoJSON (RFC 7946). */
export const GEOJSON_GEOMETRY_TYPES = [
  'Point',
  'MultiPoint',
  'LineString',
  'MultiLineString',
  'Polygon',
  'MultiPolygon',
  'GeometryCollection',
] as const;
const GEOMETRY_TYPES = new Set<string>(GEOJSON_GEOMETRY_TYPES);

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

/** RFC 8142's record separator: each text of a GeoJSON text sequence starts with it, pretty-printed or not. */
const RECORD_SEPARATOR = '\u001e';

function parseLines(text: string, fileName: string): ParseResult<unknown[]> {
  const features: unknown[] = [];
  const sequence = text.includes(RECORD_SEPARATOR);
  const parts = sequence ? text.split(RECORD_SEPARATOR) : text.trim().split('\n');
  let line = 1;
  for (const part of parts) {
    const at = line;
    line += part.split('\n').length - (sequence ? 1 : 0);
    if (!part.trim()) continue;
    const parsed = parseJson(part, fileName);
    if (!parsed.ok)
      return {
        ok: false,
        error: sequence
          ? problem('file.invalidJsonText', { file: fileName, text: features.length + 1, line: at })
          : problem('file.invalidJsonLine', { file: fileName, line: at }),
      };
    features.push(parsed.value);
  }
  return { ok: true, value: features };
}

/** TopoJSON (as mapshaper and the topojson tools write it): every object's features, the object's name kept. */
function topologyFeatures(root: Topology): unknown[] {
  return Object.entries(root.objects ?? {}).flatMap(([name, object]) => {
    const converted = topologyFeature(root, object) as { type: string; features?: unknown[] };
    const features = converted.type === 'FeatureCollection' ? (converted.features ?? []) : [converted];
    return features.map((item) => {
      const member = item as { properties?: Record<string, unknown> | null };
      return { ...member, properties: { ...(member.properties ?? {}), topojson_object: name } };
    });
  });
}

/** The features of a FeatureCollection, a single Feature or a bare geometry; null when it is none of them. */
function featuresOf(data: unknown): unknown[] | null {
  const root = data as { type?: string; features?: unknown } | null;
  if (root?.type === 'FeatureCollection') return Array.isArray(root.features) ? root.features : null;
  if (root?.type === 'Feature') return [root];
  if (root?.type === 'Topology') {
    const objects = (root as { objects?: unknown }).objects;
    return objects && typeof objects === 'object' ? topologyFeatures(root as unknown as Topology) : null;
  }
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
  if (text.trimStart().startsWith(RECORD_SEPARATOR) || isNewlineDelimited(text)) {
    const lines = parseLines(text, fileName);
    if (!lines.ok) return lines;
    items = lines.value;
  } else {
    const parsed = parseJson(text, fileName);
    if (!parsed.ok) return parsed;
    items = featuresOf(parsed.value);
  }
  if (!items)
    return {
      ok: false,
      error: problem('file.notFeatureCollection', { file: fileName }),
    };
  const records: SourceRecord[] = [];
  for (const [index, item] of items.entries()) {
    const record = recordOf(item);
    if (!record) return { ok: false, error: notAFeature(fileName, index) };
    records.push(record);
  }
  return { ok: true, value: { records, crs: WGS84, warnings: [] } };
}

const WGS84 = 'WGS 84 (EPSG:4326)';
const notAFeature = (fileName: string, index: number): Problem =>
  problem('record.refused', { file: fileName, record: recordLabel(index), problem: problem('file.notAFeature') });

/** One member of a collection as a record; null when it is not a Feature. */
function recordOf(item: unknown): SourceRecord | null {
  const feature = item as { type?: string; id?: unknown; geometry?: unknown; properties?: unknown } | null;
  if (feature?.type !== 'Feature') return null;
  const properties = (feature.properties && typeof feature.properties === 'object' ? feature.properties : {}) as Record<
    string,
    unknown
  >;
  const id = typeof feature.id === 'string' || typeof feature.id === 'number' ? feature.id : undefined;
  return { geometry: feature.geometry, properties, name: nameOfProperties(properties), id };
}

/** Files smaller than this are read whole: streaming pays off only for big ones. */
const STREAM_FROM_BYTES = 4 * 1024 * 1024;
const SLICE_BYTES = 4 * 1024 * 1024;

class StopReading extends Error {}

/**
 * GeoJSON bytes to records. A large FeatureCollection is read as a stream (slices of bytes decoded and
 * each feature parsed as soon as it is complete, progress counting features as it goes); anything else,
 * and any file the stream finds fault with, is read whole so messages give the line and column.
 */
export function readGeoJsonBytes(
  bytes: Uint8Array,
  fileName: string,
  report: ProgressSink = () => undefined,
): ParseResult<FormatRead> {
  const whole = (): ParseResult<FormatRead> => {
    const text = decodeUtf8WithProgress(bytes, report);
    if (text === null) return { ok: false, error: problem('file.notUtf8', { file: fileName }) };
    return readGeoJson(text, fileName, report);
  };
  if (bytes.byteLength < STREAM_FROM_BYTES) return whole();
  const head = new TextDecoder().decode(bytes.subarray(0, 64 * 1024));
  if (isNewlineDelimited(head)) return whole();
  const records: SourceRecord[] = [];
  let refused: Problem | null = null;
  const stream = new FeatureCollectionStream((item) => {
    const record = recordOf(item);
    if (!record) {
      refused = notAFeature(fileName, records.length);
      throw new StopReading();
    }
    records.push(record);
  });
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for (let start = 0; start < bytes.byteLength; start += SLICE_BYTES) {
      const end = Math.min(bytes.byteLength, start + SLICE_BYTES);
      stream.push(decoder.decode(bytes.subarray(start, end), { stream: end < bytes.byteLength }));
      report({ phase: 'read', done: end, total: bytes.byteLength, features: records.length });
    }
    stream.end();
  } catch {
    if (refused) return { ok: false, error: refused };
    // Bad JSON, not UTF-8, or not an object at the root: the whole-text reader says exactly what.
    return whole();
  }
  if (stream.root.type !== 'FeatureCollection') return whole();
  return { ok: true, value: { records, crs: WGS84, warnings: [] } };
}
