import type { ProjectFeature } from './project-format';

/** How a property is kept in its column: typed for GDAL and QGIS, or JSON when its values are of mixed types. */
export type FieldKind = 'integer' | 'real' | 'text' | 'boolean' | 'json';

export interface ProjectField {
  property: string;
  column: string;
  kind: FieldKind;
  /** What an SQL NULL in a typed column means: the property was null, or the feature did not have it. */
  nullMeans: 'null' | 'absent';
}

/** Columns every feature table has before its properties. */
export const FIXED_COLUMNS = ['fid', 'geom', 'rumija_id', 'rumija_updated_at'] as const;

export const SQL_TYPE: Record<FieldKind, string> = {
  integer: 'INTEGER',
  real: 'REAL',
  text: 'TEXT',
  boolean: 'BOOLEAN',
  json: 'TEXT',
};

function scalarKind(value: unknown): FieldKind | 'null' {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return 'text';
    case 'boolean':
      return 'boolean';
    case 'number':
      return Number.isSafeInteger(value) ? 'integer' : Number.isFinite(value) ? 'real' : 'json';
    default:
      return 'json';
  }
}

/**
 * The columns of a layer's features: one per property, named as the property unless SQLite (case-insensitive) or
 * the fixed columns need another name, typed by what the values are. Integers and decimals together are REAL.
 */
export function projectFields(features: readonly ProjectFeature[]): ProjectField[] {
  const seen = new Map<string, { kinds: Set<FieldKind | 'null'>; count: number }>();
  for (const feature of features)
    for (const [key, value] of Object.entries(feature.properties)) {
      if (value === undefined) continue;
      let entry = seen.get(key);
      if (!entry) seen.set(key, (entry = { kinds: new Set(), count: 0 }));
      entry.kinds.add(scalarKind(value));
      entry.count++;
    }
  const used = new Set<string>(FIXED_COLUMNS);
  const fields: ProjectField[] = [];
  for (const [property, { kinds, count }] of seen) {
    const hasNull = kinds.delete('null');
    const absent = count < features.length;
    if (kinds.has('integer') && kinds.has('real') && kinds.size === 2) kinds.delete('integer');
    let kind: FieldKind = kinds.size === 1 ? ([...kinds][0] as FieldKind) : kinds.size === 0 ? 'text' : 'json';
    if (hasNull && absent) kind = 'json';
    let column = property.trim() || 'field';
    for (let n = 2; used.has(column.toLowerCase()); n++) column = `${property.trim() || 'field'}_${n}`;
    used.add(column.toLowerCase());
    fields.push({ property, column, kind, nullMeans: hasNull ? 'null' : 'absent' });
  }
  return fields;
}

/** A property's value as its column holds it. */
export function cellOf(field: ProjectField, properties: Record<string, unknown>): string | number | null {
  const present = Object.hasOwn(properties, field.property) && properties[field.property] !== undefined;
  if (field.kind === 'json') return present ? JSON.stringify(properties[field.property]) : null;
  const value = present ? properties[field.property] : null;
  if (value === null) return null;
  if (field.kind === 'boolean') return value ? 1 : 0;
  return value as string | number;
}

/** Sets a property from its cell (an absent property stays absent). */
export function putCell(field: ProjectField, cell: unknown, properties: Record<string, unknown>) {
  if (field.kind === 'json') {
    if (cell !== null && cell !== undefined) properties[field.property] = JSON.parse(String(cell));
    return;
  }
  if (cell === null || cell === undefined) {
    if (field.nullMeans === 'null') properties[field.property] = null;
    return;
  }
  if (field.kind === 'boolean') properties[field.property] = cell !== 0;
  else if (field.kind === 'text') properties[field.property] = String(cell);
  else properties[field.property] = Number(cell);
}
