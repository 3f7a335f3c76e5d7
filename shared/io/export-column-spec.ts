import { FIELD_CODES, INTERNAL_KEYS, type ExportColumns } from './export-table';

/**
 * Column names and value labels as plain data, so they can cross to the export worker (functions cannot):
 * names by field key, and per field the label of each stored value. Keys and values not listed stay as stored.
 */
export interface ExportColumnSpec {
  names: Record<string, string>;
  values: Record<string, Record<string, string>>;
  /** Whether Rumija's own id and kind columns leave too (they do when no spec is given: project files need them). */
  internal?: boolean;
  /** Longitude and latitude column names, when the user asks for them beside WKT. */
  lonLat?: { lon: string; lat: string };
}

export function columnsOfSpec(spec: ExportColumnSpec | null | undefined): ExportColumns {
  if (!spec) return FIELD_CODES;
  return {
    keep: spec.internal ? undefined : (key) => !INTERNAL_KEYS.includes(key),
    lonLat: spec.lonLat,
    name: (key) => (Object.hasOwn(spec.names, key) ? spec.names[key]! : key),
    value: (key, value) => {
      if (typeof value !== 'string') return value;
      const labels = Object.hasOwn(spec.values, key) ? spec.values[key] : undefined;
      return labels && Object.hasOwn(labels, value) ? labels[value]! : value;
    },
  };
}
