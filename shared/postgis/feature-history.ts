import type { Geometry } from 'geojson';
import { canonicalText } from './sync-plan';

/** A feature's values at one version: what the server's history keeps before and after each change. */
export interface FeatureSnapshot {
  geometry: Geometry;
  properties: Record<string, unknown>;
}

export type HistoryOperation = 'insert' | 'update' | 'delete';

/** One change to a feature on the server (a row of rumija.feature_history), written by the server's triggers. */
export interface FeatureHistoryEntry {
  /** The version the change made (a deletion's is the one its note got). */
  version: number;
  operation: HistoryOperation;
  /** The login that made it. */
  changedBy: string;
  /** The role the login had taken with SET ROLE, or null. */
  changedAs: string | null;
  changedAt: string;
  /** The server transaction (xid8, as text): changes made together share it. */
  transaction: string;
  /** The client as it named itself (application_name: rumija, psql, QGIS, GDAL…), or null. */
  client: string | null;
  /** Null for an insert. */
  before: FeatureSnapshot | null;
  /** Null for a deletion. */
  after: FeatureSnapshot | null;
}

export interface FeatureHistory {
  table: string;
  id: string;
  /** The newest entries, at most the limit asked for, oldest first. */
  entries: FeatureHistoryEntry[];
  /** How many entries the server keeps for the feature (more than `entries` when the limit cut them). */
  total: number;
  /** The version the layer table has now, or null when the feature is deleted. */
  currentVersion: number | null;
}

/** How many entries one request may ask for. */
export const HISTORY_LIMIT_MAX = 500;
export const HISTORY_LIMIT_DEFAULT = 100;

/** The pseudo-field of a changed geometry in `changedFields`. */
export const GEOMETRY_FIELD = 'geometry';

export interface FieldChange {
  /** A property key, or GEOMETRY_FIELD. */
  key: string;
  before: unknown;
  after: unknown;
}

/**
 * The fields a change changed, before and after (a property absent on one side is undefined there). An insert lists
 * every field it set, a deletion every field it removed. Keys in the order of the feature's properties.
 */
export function changedFields(entry: Pick<FeatureHistoryEntry, 'before' | 'after'>): FieldChange[] {
  const before = entry.before?.properties ?? {};
  const after = entry.after?.properties ?? {};
  const changes: FieldChange[] = [];
  const beforeGeometry = entry.before?.geometry ?? null;
  const afterGeometry = entry.after?.geometry ?? null;
  if (canonicalText(beforeGeometry) !== canonicalText(afterGeometry))
    changes.push({ key: GEOMETRY_FIELD, before: beforeGeometry ?? undefined, after: afterGeometry ?? undefined });
  for (const key of new Set([...Object.keys(after), ...Object.keys(before)])) {
    const was = before[key] ?? null;
    const now = after[key] ?? null;
    if (canonicalText(was) === canonicalText(now)) continue;
    changes.push({ key, before: entry.before ? before[key] : undefined, after: entry.after ? after[key] : undefined });
  }
  return changes;
}

/** How many positions a geometry has (a changed geometry is told by its type and size, not its coordinates). */
export function vertexCount(geometry: Geometry): number {
  if (geometry.type === 'GeometryCollection')
    return geometry.geometries.reduce((sum, part) => sum + vertexCount(part), 0);
  const count = (value: unknown): number =>
    Array.isArray(value) && typeof value[0] === 'number'
      ? 1
      : (value as unknown[]).reduce((sum: number, item) => sum + count(item), 0);
  return count(geometry.coordinates);
}
