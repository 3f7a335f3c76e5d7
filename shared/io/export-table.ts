import { readField, writeField } from '../model/field-value';
import type { StoredFeature } from '../model/layer';

export type ExportCell = string | number | boolean | null;

/**
 * How columns are named and values written: the model's labels in the UI language ("Nomor ruas", "Rusak berat")
 * or the field codes as stored (`ruasNumber`, `rusak_berat`). Columns a file brought keep their own names either way.
 */
export interface ExportColumns {
  name: (key: string) => string;
  value: (key: string, value: ExportCell) => ExportCell;
  /** Whether a column leaves at all (all do unless said). */
  keep?: (key: string) => boolean;
  /** Names of a longitude and a latitude column beside WKT in CSV and Excel (points only), when the user asks. */
  lonLat?: { lon: string; lat: string };
}

/** A point's longitude and latitude to 7 decimals (about 1 cm), as the WKT beside them; other geometries none. */
export function lonLatOf(geometry: StoredFeature['geometry']): [ExportCell, ExportCell] {
  if (geometry.type !== 'Point') return [null, null];
  const [lon, lat] = geometry.coordinates;
  return [Math.round(lon! * 1e7) / 1e7, Math.round(lat! * 1e7) / 1e7];
}

/** Rumija's own bookkeeping columns: the feature id and kind. They leave an export only when the user asks. */
export const INTERNAL_KEYS: readonly string[] = ['id', 'kind'];

export const FIELD_CODES: ExportColumns = { name: (key) => key, value: (_, value) => value };

/** Flat attributes other programs can read: the source becomes text, lists and objects JSON. */
function flatProperties(feature: StoredFeature): Record<string, ExportCell> {
  const flat: Record<string, ExportCell> = { id: feature.id };
  for (const [key, value] of Object.entries(feature.properties)) {
    if (key === 'source' && value && typeof value === 'object') {
      const source = value as { kind?: string; label?: string; illustrative?: boolean };
      flat.sumber = `${source.kind ?? ''}: ${source.label ?? ''}${source.illustrative ? ' (ilustrasi)' : ''}`;
    } else if (value === null || value === undefined) {
      writeField(flat, key, null);
    } else if (['string', 'number', 'boolean'].includes(typeof value)) {
      writeField(flat, key, value as ExportCell);
    } else {
      writeField(flat, key, JSON.stringify(value));
    }
  }
  return flat;
}

/** The attributes of features as one table: every key any feature has, in first-seen order, named for people. */
export interface ExportTable {
  keys: string[];
  /** Column headers, unique: a label two keys share gets its code after it. */
  names: string[];
  rows: ExportCell[][];
}

export function exportTable(features: readonly StoredFeature[], columns: ExportColumns = FIELD_CODES): ExportTable {
  const flat = features.map(flatProperties);
  // A file's own `id` column (a plain layer keeps it as written) is the user's data, not Rumija's: it always leaves.
  const ownId = features.some((feature) => Object.hasOwn(feature.properties, 'id'));
  const keep = (key: string) => !columns.keep || columns.keep(key) || (key === 'id' && ownId);
  const keys = [...new Set(flat.flatMap((row) => Object.keys(row)))].filter(keep);
  const labels = keys.map((key) => columns.name(key));
  const seen = new Map<string, number>();
  labels.forEach((label) => seen.set(label.toLowerCase(), (seen.get(label.toLowerCase()) ?? 0) + 1));
  const names = labels.map((label, index) =>
    seen.get(label.toLowerCase())! > 1 && label !== keys[index] ? `${label} (${keys[index]})` : label,
  );
  const rows = flat.map((row) =>
    keys.map((key) => columns.value(key, (readField(row, key) as ExportCell | undefined) ?? null)),
  );
  return { keys, names, rows };
}

export type ColumnType = 'integer' | 'real' | 'boolean' | 'text';

/** One type per column for formats that declare them (GeoPackage, Shapefile, FlatGeobuf): mixed columns are text. */
export function columnTypes(table: ExportTable): ColumnType[] {
  return table.keys.map((_, column) => {
    let type: ColumnType | null = null;
    for (const row of table.rows) {
      const value = row[column];
      if (value === null || value === undefined) continue;
      const kind: ColumnType =
        typeof value === 'boolean'
          ? 'boolean'
          : typeof value === 'number'
            ? Number.isInteger(value) && Math.abs(value) < 2 ** 31
              ? 'integer'
              : 'real'
            : 'text';
      if (type === null) type = kind;
      else if (type !== kind)
        type = (type === 'integer' && kind === 'real') || (type === 'real' && kind === 'integer') ? 'real' : 'text';
      if (type === 'text') break;
    }
    return type ?? 'text';
  });
}

/** A cell as its column's type wants it: numbers in a text column become text. */
export function cellAs(type: ColumnType, value: ExportCell): ExportCell {
  if (value === null) return null;
  if (type === 'text') return typeof value === 'string' ? value : String(value);
  return value;
}
