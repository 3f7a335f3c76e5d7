import { FIELD_CODES, type ExportColumns } from './export-table';

/**
 * Column names and value labels as plain data, so they can cross to the export worker (functions cannot):
 * names by field key, and per field the label of each stored value. Keys and values not listed stay as stored.
 */
export interface ExportColumnSpec {
  names: Record<string, string>;
  values: Record<string, Record<string, string>>;
}

export function columnsOfSpec(spec: ExportColumnSpec | null | undefined): ExportColumns {
  if (!spec) return FIELD_CODES;
  return {
    name: (key) => (Object.hasOwn(spec.names, key) ? spec.names[key]! : key),
    value: (key, value) => {
      if (typeof value !== 'string') return value;
      const labels = Object.hasOwn(spec.values, key) ? spec.values[key] : undefined;
      return labels && Object.hasOwn(labels, value) ? labels[value]! : value;
    },
  };
}
