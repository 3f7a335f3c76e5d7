import type { Feature, Geometry } from 'geojson';
import {
  checkShape,
  checkStructure,
  isEmptyGeometry,
  looksLatLonSwapped,
  repairGeometry,
  type Repair,
} from './check-geometry';
import type { ParseResult } from './parse-geojson';
import type { ProgressSink } from './import-progress';
import { writeField } from '../model/field-value';
import { problem, type Problem } from '../messages/problem';

/** One record as a reader found it: a placemark, a track, a row, a shape with its DBF row. */
export interface SourceRecord {
  geometry: unknown;
  properties: Record<string, unknown>;
  /** What a person calls it (a placemark or track name), shown beside its number in messages. */
  name?: string;
  /** Why an empty record is skipped, when the reader knows better than "no geometry" (a GPX track of no points). */
  emptyNote?: Problem;
  /** The file's own feature id (GeoJSON `id`), when it has one. */
  id?: string | number;
}

/** What happened to one record on import, for the preview's list and the surveyor's CSV. */
export interface RecordNote {
  /** Position in the file, from 0. */
  index: number;
  name?: string;
  /** What was done or why it was skipped ("2 titik kembar dibuang", "tanpa geometri"), worded by the reader. */
  note: Problem;
}

export interface CheckedRecords {
  features: Feature<Geometry>[];
  /** Safe repairs, one per record and kind of repair. */
  repairs: RecordNote[];
  /** Records not imported (no geometry, or a track that never moved), each with why. */
  skipped: RecordNote[];
}

export const NO_GEOMETRY_CODE = 'geometry.none';

const EMPTY_CODES = new Set([NO_GEOMETRY_CODE, 'record.trackWithoutPoints']);

/** A record skipped for having no geometry at all (as against one skipped for its shape). */
export const isNoGeometry = (note: RecordNote) => EMPTY_CODES.has(note.note.code);

/** "fitur 3 (Tiang A): 2 titik kembar dibuang" */
export const noteLine = (note: RecordNote): Problem =>
  problem('record.note', { record: recordLabel(note.index, note.name), note: note.note });

/** "fitur 3 (Tiang A)": numbered from 1 as a person counts, with the record's own name when it has one. */
export function recordLabel(index: number, name?: string): Problem {
  const trimmed = name?.trim();
  return trimmed
    ? problem('record.named', { number: index + 1, name: trimmed.slice(0, 60) })
    : problem('record.numbered', { number: index + 1 });
}

/** The name a record goes by in its attributes, for messages. */
export function nameOfProperties(properties: Record<string, unknown> | null | undefined): string | undefined {
  for (const key of ['name', 'nama', 'Name', 'NAME', 'NAMA', 'nama_ruas', 'label']) {
    const value = properties?.[key];
    if (typeof value === 'string' && value.trim()) return value;
  }
  return undefined;
}

/** A line whose every vertex is at one place (a GPS track recorded standing still): nothing to draw, not an error. */
function stationaryLine(geometry: Geometry): number | null {
  if (geometry.type !== 'LineString' && geometry.type !== 'MultiLineString') return null;
  const positions = geometry.type === 'LineString' ? geometry.coordinates : geometry.coordinates.flat();
  const [first] = positions;
  if (!first) return null;
  return positions.every((position) => position[0] === first[0] && position[1] === first[1]) ? positions.length : null;
}

/** Per-vertex values (GPX times, heart rates) follow their vertices through a repair. */
function alignCoordinateProperties(properties: Record<string, unknown>, repair: Repair): Record<string, unknown> {
  const perVertex = properties.coordinateProperties as Record<string, unknown> | undefined;
  if (!perVertex || typeof perVertex !== 'object' || !repair.keptVertices) return properties;
  const single = repair.geometry.type === 'LineString';
  const aligned: Record<string, unknown> = {};
  for (const [key, values] of Object.entries(perVertex)) {
    if (!Array.isArray(values)) {
      writeField(aligned, key, values);
      continue;
    }
    const parts = repair.keptVertices.map(({ part, indices }) => {
      const source = single ? values : values[part];
      return Array.isArray(source) ? indices.map((index) => source[index]) : source;
    });
    writeField(aligned, key, single ? parts[0] : parts);
  }
  return { ...properties, coordinateProperties: aligned };
}

/**
 * Checks and repairs every record the same way whatever the format: records without geometry are
 * skipped (and listed), safe repairs are made and listed, and then the repaired shape is checked. The
 * first real problem refuses the whole file, naming the file, the record and what is wrong.
 */
export function checkRecords(
  records: readonly SourceRecord[],
  fileName: string,
  report: ProgressSink = () => undefined,
): ParseResult<CheckedRecords> {
  const features: Feature<Geometry>[] = [];
  const repairs: RecordNote[] = [];
  const skipped: RecordNote[] = [];
  for (const [index, record] of records.entries()) {
    report({ phase: 'check', done: index + 1, total: records.length, features: index + 1 });
    const label = recordLabel(index, record.name);
    if (isEmptyGeometry(record.geometry)) {
      skipped.push({ index, name: record.name, note: record.emptyNote ?? problem(NO_GEOMETRY_CODE) });
      continue;
    }
    const refuse = (found: Problem) => ({
      ok: false as const,
      error: problem('record.refused', { file: fileName, record: label, problem: found }),
    });
    const geometry = record.geometry as { type?: string; coordinates?: unknown };
    if (geometry.type === 'Point' && Array.isArray(geometry.coordinates)) {
      if (looksLatLonSwapped([geometry.coordinates as number[]])) return refuse(problem('geometry.latLonSwapped'));
    }
    const structure = checkStructure(record.geometry);
    if (structure) return refuse(structure);
    const still = stationaryLine(record.geometry as Geometry);
    if (still !== null) {
      skipped.push({
        index,
        name: record.name,
        note: still === 1 ? problem('record.singlePointLine') : problem('record.stationaryLine', { count: still }),
      });
      continue;
    }
    const repair = repairGeometry(record.geometry as Geometry);
    const shape = checkShape(repair.geometry);
    if (shape) return refuse(shape);
    for (const note of repair.notes) repairs.push({ index, name: record.name, note });
    features.push({
      type: 'Feature',
      ...(record.id !== undefined ? { id: record.id } : {}),
      geometry: repair.geometry,
      properties: alignCoordinateProperties(record.properties, repair),
    });
  }
  return { ok: true, value: { features, repairs, skipped } };
}
