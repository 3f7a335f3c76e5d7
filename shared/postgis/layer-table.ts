import type { Geometry } from 'geojson';
import type { LayerKind } from '../model/layer';
import { FIELDS_BY_KIND, type FieldDefinition } from '../model/feature-fields';
import { modelKeysOf, type FeatureKind } from '../model/road-network';
import { problem, type Problem } from '../messages/problem';

/**
 * How a layer looks as a PostGIS table: one column per field of its kind (snake_case, typed, so QGIS, GeoServer and
 * pg_featureserv show them as they are), `extra` (jsonb) for the attributes a file brought along, the geometry in
 * EPSG:4326, and the sync columns the server stamps: version, updated_by, updated_at, change_xid.
 */
export interface LayerColumn {
  /** The property key in the model (`ruasNumber`). */
  key: string;
  /** The column (`ruas_number`). */
  column: string;
  sqlType: 'text' | 'double precision' | 'boolean' | 'jsonb';
  /** The values an enum field takes: the server refuses others (a script or QGIS writing `jelek` for a condition). */
  options?: readonly string[];
}

const snakeCase = (key: string) => key.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();

function sqlTypeOf(field: FieldDefinition | undefined): LayerColumn['sqlType'] {
  switch (field?.type) {
    case 'number':
      return 'double precision';
    case 'boolean':
      return 'boolean';
    case 'source':
    case 'count':
      return 'jsonb';
    default:
      return 'text';
  }
}

const isFeatureKind = (kind: string): kind is FeatureKind => Object.hasOwn(FIELDS_BY_KIND, kind);

/** The model columns of a layer kind (none for a plain layer: all its attributes go to `extra`). */
export function layerColumns(kind: LayerKind): LayerColumn[] {
  if (!isFeatureKind(kind)) return [];
  const fields = new Map(FIELDS_BY_KIND[kind].map((field) => [field.key, field]));
  return [...modelKeysOf(kind)]
    .filter((key) => key !== 'kind')
    .map((key) => {
      const field = fields.get(key);
      const column: LayerColumn = { key, column: snakeCase(key), sqlType: sqlTypeOf(field) };
      if (field?.type === 'enum') column.options = field.options;
      return column;
    });
}

/** Lower-case letters, digits and `_`, starting with a letter: what `rumija.prepare_layer_table` accepts. */
export const TABLE_NAME_PATTERN = /^[a-z][a-z0-9_]{0,62}$/;

/** A table name made from a layer name: `Jalan Provinsi NTT` → `jalan_provinsi_ntt`. */
export function tableNameFor(layerName: string): string {
  const base = layerName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 50);
  return /^[a-z]/.test(base) ? base : `lapisan_${base}`.replace(/_+$/, '');
}

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The CREATE TABLE of a layer; `rumija.prepare_layer_table` adds triggers, index, ownership and rights. */
export function createTableSql(table: string, kind: LayerKind): string {
  if (!TABLE_NAME_PATTERN.test(table)) throw new Error(`bad table name: ${table}`);
  const literal = (value: string) => `'${value.replace(/'/g, "''")}'`;
  const model = layerColumns(kind).map(
    (column) =>
      `  ${quoted(column.column)} ${column.sqlType}` +
      (column.options ? ` CHECK (${quoted(column.column)} IN (${column.options.map(literal).join(', ')}))` : ''),
  );
  return [
    `CREATE TABLE rumija.${quoted(table)} (`,
    [
      '  fid text PRIMARY KEY',
      '  geom geometry NOT NULL CONSTRAINT geom_wgs84 CHECK (ST_SRID(geom) = 4326)',
      ...model,
      `  extra jsonb NOT NULL DEFAULT '{}'::jsonb`,
      '  version integer NOT NULL DEFAULT 1',
      '  updated_by text NOT NULL DEFAULT session_user',
      '  updated_at timestamptz NOT NULL DEFAULT now()',
      '  change_xid xid8 NOT NULL DEFAULT pg_current_xact_id()',
    ].join(',\n'),
    ')',
  ].join('\n');
}

/**
 * Where a value's own JSON type is kept when its column would change it (a number in a text column such as
 * `ruas_number` comes back as text, a numeric text in a number column as a number): the original, in `extra`, used
 * when reading back only while the column still holds that value (an edit in QGIS wins).
 */
export const TYPED_VALUES_KEY = 'rumija:typed';

/** Why a value does not fit its column, or null: what the server would refuse, said before anything is sent. */
export function columnProblem(column: LayerColumn, value: unknown): Problem | null {
  if (value === null || value === undefined) return null;
  switch (column.sqlType) {
    case 'double precision':
      if (typeof value === 'number') return Number.isFinite(value) ? null : problem('teamValue.notFinite');
      if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return null;
      return problem('teamValue.notNumber', { value: JSON.stringify(value) });
    case 'boolean':
      return typeof value === 'boolean' ? null : problem('teamValue.notBoolean', { value: JSON.stringify(value) });
    case 'text':
      if (column.options && !column.options.includes(String(value)))
        return problem('teamValue.unknownOption', { value: JSON.stringify(value), options: column.options.join(', ') });
      return typeof value === 'object' ? problem('teamValue.notText', { value: JSON.stringify(value) }) : null;
    default:
      return null;
  }
}

/** The value a column holds for a model value (and whether its type changed on the way). */
function columnValue(column: LayerColumn, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (column.sqlType === 'text' && typeof value !== 'string') return String(value);
  if (column.sqlType === 'double precision' && typeof value === 'string') return Number(value);
  return value;
}

/** A feature as a row object (column → value) for `json_populate_recordset`. */
export function rowOf(
  kind: LayerKind,
  feature: { id: string; geometry: Geometry; properties: Record<string, unknown> },
  wkt: (geometry: Geometry) => string,
): Record<string, unknown> {
  const row: Record<string, unknown> = { fid: feature.id, geom: `SRID=4326;${wkt(feature.geometry)}` };
  const columns = layerColumns(kind);
  const own = new Set(columns.map((column) => column.key));
  const typed: Record<string, unknown> = {};
  for (const column of columns) {
    const value = feature.properties[column.key] ?? null;
    row[column.column] = columnValue(column, value);
    if (row[column.column] !== value) typed[column.key] = value;
  }
  const extra: Record<string, unknown> = {};
  // `kind` is the layer's own for a model layer (a column of no table); a plain layer's `kind` is the user's.
  for (const [key, value] of Object.entries(feature.properties))
    if (!own.has(key) && !(key === 'kind' && isFeatureKind(kind)) && key !== TYPED_VALUES_KEY) extra[key] = value;
  if (Object.keys(typed).length) extra[TYPED_VALUES_KEY] = typed;
  row.extra = extra;
  return row;
}

/** Properties of a feature read back from its row (the model's keys, `kind` for model layers, then the extras). */
export function propertiesOfRow(kind: LayerKind, row: Record<string, unknown>): Record<string, unknown> {
  const properties: Record<string, unknown> = isFeatureKind(kind) ? { kind } : {};
  const extra = row.extra && typeof row.extra === 'object' ? { ...(row.extra as Record<string, unknown>) } : {};
  const typed = (extra[TYPED_VALUES_KEY] ?? {}) as Record<string, unknown>;
  delete extra[TYPED_VALUES_KEY];
  for (const column of layerColumns(kind)) {
    const value = row[column.column] ?? null;
    const original = typed[column.key];
    properties[column.key] =
      column.key in typed && value !== null && columnValue(column, original) === value ? original : value;
  }
  Object.assign(properties, extra);
  return properties;
}

/** The model columns, quoted, for SELECT and UPDATE lists. */
export const modelColumnList = (kind: LayerKind) => layerColumns(kind).map((column) => quoted(column.column));
