import { readColumns, typeColumns, type ColumnReading } from './type-columns';
import { parseLocaleNumber } from '../format/parse-number';
import type { Layer, LayerKind, StoredFeature } from '../model/layer';
import { FIELDS_BY_KIND, type FieldDefinition } from '../model/feature-fields';
import { GEOMETRY_TYPES_BY_KIND, modelKeysOf, parseFeatureProperties, type FeatureKind } from '../model/road-network';
import { NTT_REGENCIES } from '../model/regencies';
import { geodesicLengthM } from '../geo/geodesic';
import type { ParseResult } from './parse-geojson';
import { nameOfProperties, recordLabel } from './check-records';
import { readField, writeField } from '../model/field-value';
import { normalizeEnum } from './enum-values';
import { issueProblem, problem, type Problem } from '../messages/problem';

/** Which source attribute feeds each model field, and the value to use where the source has none. */
export interface FieldMapping {
  kind: LayerKind;
  sources: Record<string, string | null>;
  defaults: Record<string, string>;
  /** Per choice field, a file's value (trimmed, as written) → the option the user chose for it. */
  values?: Record<string, Record<string, string>>;
  /** Per column of the file, how the user chose to read numbers where the values read either way. */
  readings?: Record<string, ColumnReading>;
}

/** Names surveyors, SIPDJ exports and other agencies use for each model field, normalised (see `columnKey`). */
const ALIASES: Record<string, string[]> = {
  ruasNumber: ['ruasnumber', 'no_ruas', 'nomor_ruas', 'noruas', 'ruas', 'link_no', 'kode_ruas', 'no_link'],
  name: ['name', 'nama', 'nama_ruas', 'nama_jembatan', 'nm_ruas', 'nama_jalan', 'nama_aset'],
  status: ['status', 'status_jalan', 'status_ruas', 'stat_jalan'],
  condition: ['condition', 'kondisi', 'kondisi_jalan', 'kondisi_jembatan', 'kond'],
  regencyCode: ['regencycode', 'kabupaten', 'kab_kota', 'kabupaten_kota', 'kode_kab', 'kab', 'kota_kab', 'wilayah'],
  functionClass: ['functionclass', 'fungsi', 'fungsi_jalan'],
  roadClass: ['roadclass', 'kelas', 'kelas_jalan'],
  rumijaWidthM: ['rumijawidthm', 'lebar_rumija_m', 'lebar_rumija', 'rumija', 'rumija_m', 'lbr_rumija'],
  carriagewayWidthM: [
    'carriagewaywidthm',
    'lebar_perkerasan',
    'lebar_perkerasan_m',
    'lebar_jalan',
    'lebar_jalan_m',
    'lbr_perkerasan',
    'lebar',
  ],
  surface: ['surface', 'permukaan', 'jenis_permukaan', 'perkerasan', 'jenis_perkerasan', 'tipe_perkerasan'],
  lengthM: ['lengthm', 'panjang', 'panjang_m', 'length', 'panjang_jembatan'],
  widthM: ['widthm', 'lebar', 'width', 'lebar_jembatan', 'lebar_m'],
  staM: ['stam', 'sta', 'sta_m', 'lokasi_sta'],
  category: ['category', 'kategori', 'jenis', 'jenis_aset', 'jenis_utilitas', 'kategori_aset', 'tipe'],
  owner: ['owner', 'pemilik', 'nama_pemilik', 'instansi'],
  ownerType: ['ownertype', 'jenis_pemilik', 'tipe_pemilik'],
  label: ['label', 'keterangan', 'name', 'nama', 'nama_aset'],
  installedYear: ['installedyear', 'tahun', 'tahun_pasang', 'tahun_pemasangan', 'thn_pasang'],
  note: ['note', 'catatan', 'keterangan', 'ket'],
  existence: ['existence', 'keberadaan'],
};

/** "No. Ruas", "NO_RUAS" and "no-ruas" are one name. */
const columnKey = (column: string) =>
  column
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');

/** DBF columns are cut at 10 characters (`lebar_rumi`), so an alias matches its first ten too. */
const matchesAlias = (column: string, alias: string) => {
  const key = columnKey(column);
  return key === alias || (key.length === 10 && alias.length > 10 && alias.startsWith(key));
};

/** The fields a user maps for a kind: everything editable except what is computed. */
export function mappableFields(kind: LayerKind): FieldDefinition[] {
  if (kind === 'plain' || kind === 'corridor') return [];
  return FIELDS_BY_KIND[kind].filter(
    (field) => field.editable && field.type !== 'source' && !(kind === 'road' && field.key === 'lengthM'),
  );
}

export function suggestMapping(kind: LayerKind, sourceFields: string[]): FieldMapping {
  const sources: Record<string, string | null> = {};
  for (const field of mappableFields(kind)) {
    const aliases = ALIASES[field.key] ?? [field.key.toLowerCase()];
    // The first alias that any column matches wins, so `nama_ruas` beats a plain `nama`.
    const match = aliases
      .map((alias) => sourceFields.find((source) => matchesAlias(source, alias)))
      .find((source) => source !== undefined);
    sources[field.key] = match ?? null;
  }
  return { kind, sources, defaults: {} };
}

/** A stable key for "files shaped like this one", so a mapping is remembered per source. */
export function mappingSignature(sourceFields: string[]): string {
  return [...sourceFields]
    .map((field) => field.trim().toLowerCase())
    .sort()
    .join('|');
}

function convert(
  field: FieldDefinition,
  raw: unknown,
  chosen?: Readonly<Record<string, string>>,
  reading?: ColumnReading,
): unknown {
  if (raw === null || raw === undefined || String(raw).trim() === '') return null;
  const text = String(raw).trim();
  // A value is data (it may be "constructor"): only the user's own entries count, never inherited ones.
  if (chosen && Object.hasOwn(chosen, text)) return chosen[text];
  switch (field.type) {
    case 'number': {
      const sta = /^(?:sta\s*)?(\d+)\+(\d{1,3})$/i.exec(text);
      if (field.unit === 'sta' && sta) return Number(sta[1]) * 1000 + Number(sta[2]);
      if (typeof raw === 'number') return raw;
      // The column's style, decided from all its values (and the file's): "1.234,5" and "1.234" read as 1 234,5 and
      // 1 234 in an Indonesian column; a lone value with no style falls back to a decimal comma or point.
      if (reading === 'id-number' || reading === 'en-number') {
        const parsed = parseLocaleNumber(text, reading === 'id-number' ? 'id' : 'en', { allowNegative: true });
        return parsed.ok ? parsed.value : Number.NaN;
      }
      return Number(text.replace(/\s/g, '').replace(',', '.'));
    }
    case 'boolean':
      return ['ya', 'y', 'yes', 'true', '1'].includes(text.toLowerCase());
    case 'enum':
      return normalizeEnum(text);
    case 'regency': {
      if (/^53\d\d$/.test(text)) return text;
      const match = Object.entries(NTT_REGENCIES).find(([, name]) => name.toLowerCase().includes(text.toLowerCase()));
      return match ? match[0] : text;
    }
    default:
      return text;
  }
}

/** A field every record must have a value for (a yes/no field reads empty as no). */
export function isRequired(field: FieldDefinition): boolean {
  return field.type !== 'boolean' && !field.nullable;
}

/**
 * The required fields this mapping would leave empty, with how many records: no column and no default, or a column
 * with empty cells and no default. The preview marks them before Impor, which would refuse the file at the first one.
 */
export function requiredGaps(
  mapping: FieldMapping,
  features: readonly StoredFeature[],
): { key: string; empty: number }[] {
  return mappableFields(mapping.kind)
    .filter((field) => isRequired(field) && !(mapping.defaults[field.key] ?? '').trim())
    .map((field) => {
      const column = mapping.sources[field.key];
      const empty = column
        ? features.filter((feature) => {
            const value = readField(feature.properties, column);
            return value === null || value === undefined || String(value).trim() === '';
          }).length
        : features.length;
      return { key: field.key, empty };
    })
    .filter((gap) => gap.empty > 0);
}

/**
 * How the file's columns will be read as numbers under this mapping: the number fields' columns and the unmapped
 * ones (the file's other numbers say its style); columns mapped to text or choice fields are not numbers.
 */
export function readMappedColumns(mapping: FieldMapping, features: readonly StoredFeature[]) {
  const notNumbers = new Set(
    mappableFields(mapping.kind)
      .filter((field) => field.type !== 'number')
      .map((field) => mapping.sources[field.key]),
  );
  const columns = new Set<string>();
  for (const feature of features) for (const column of Object.keys(feature.properties)) columns.add(column);
  return readColumns(
    features,
    [...columns].filter((column) => column !== 'source' && !notNumbers.has(column)),
    mapping.readings,
  );
}

/** How a field is named in messages: its label in the UI language (the key when no labels are given). */
export type FieldLabel = (key: string) => string;

/** Why a converted value does not fit its field, in words a person understands; null when it fits. */
function problemWith(field: FieldDefinition, value: unknown, label: string, raw: unknown): Problem | null {
  const shown = raw === null || raw === undefined ? '' : `"${String(raw).slice(0, 40)}"`;
  if (value === null || value === undefined) {
    return isRequired(field) ? problem('mapping.required', { field: label }) : null;
  }
  if (field.type === 'number' && !Number.isFinite(value))
    return problem('mapping.notANumber', { field: label, value: shown });
  if (field.type === 'enum' && !field.options.includes(value as string))
    return problem('mapping.notAnOption', { field: label, value: shown, options: field.options.join(', ') });
  return null;
}

/** A column nobody mapped keeps its name, unless a model field has it: then it is kept as `<name>_asal`. */
function extraKey(column: string, taken: ReadonlySet<string>): string {
  let key = column;
  while (taken.has(key)) key = `${key}_asal`;
  return key;
}

/**
 * Turns imported features into model features of the chosen kind, validated: all of them or an
 * error naming the file, the feature and the field. Columns not mapped to a model field are kept as
 * extra attributes (listed in `extraFields`), so nothing in the file is lost. Plain layers keep their
 * attributes as they are.
 */
export function applyMapping(
  layer: Layer,
  features: StoredFeature[],
  mapping: FieldMapping,
  fileName: string,
  labelOf: FieldLabel = (key) => key.split('.').pop()!,
): ParseResult<{ layer: Layer; features: StoredFeature[]; extraFields: string[] }> {
  if (mapping.kind === 'plain' || mapping.kind === 'corridor') {
    // A plain layer keeps the file's columns; those holding numbers as text (a CSV's) become numbers.
    // Features that say what they are (a Rumija export read back) keep their model's text fields as text: a
    // regency code "5301" is a code, and the model refuses it as a number.
    const kinds = new Set(features.map((feature) => String(feature.properties.kind)));
    const modelText = new Set(
      Object.entries(FIELDS_BY_KIND)
        .filter(([kind]) => kinds.has(kind))
        .flatMap(([, definitions]) => definitions.filter((field) => field.type !== 'number').map((field) => field.key)),
    );
    const columns = [...new Set(features.flatMap((feature) => Object.keys(feature.properties)))].filter(
      (column) => column !== 'source' && column !== 'kind' && !modelText.has(column),
    );
    return {
      ok: true,
      value: { layer, features: typeColumns(features, columns, mapping.readings).features, extraFields: [] },
    };
  }
  const kind = mapping.kind as FeatureKind;
  const fields = mappableFields(kind);
  const modelKeys = new Set(['id', ...modelKeysOf(kind)]);
  const mappedColumns = new Set(Object.values(mapping.sources).filter((column): column is string => Boolean(column)));
  const extras = new Map<string, string>();
  // Labels are asked for once per field, not per record: each is a translation lookup (a million records, seconds).
  const labels = new Map<string, string>();
  const fieldLabel = (key: string) => {
    let label = labels.get(key);
    if (label === undefined) labels.set(key, (label = labelOf(`fields.${key}`)));
    return label;
  };
  const { typed: readings } = readMappedColumns(mapping, features);
  const readingOf = (column: string | null | undefined) =>
    column && Object.hasOwn(readings, column) ? readings[column] : undefined;
  const mapped: StoredFeature[] = [];
  for (const [index, feature] of features.entries()) {
    const record = recordLabel(index, nameOfProperties(feature.properties));
    const refuse = (found: Problem) => ({
      ok: false as const,
      error: problem('record.refused', { file: fileName, record, problem: found }),
    });
    if (!GEOMETRY_TYPES_BY_KIND[kind].includes(feature.geometry.type)) {
      return refuse(
        problem('mapping.geometryDoesNotFit', {
          type: feature.geometry.type,
          kind: labelOf(`model.kind.${kind}`),
          types: GEOMETRY_TYPES_BY_KIND[kind].join('/'),
        }),
      );
    }
    const properties: Record<string, unknown> = {};
    for (const [column, value] of Object.entries(feature.properties)) {
      if (column === 'source' || mappedColumns.has(column)) continue;
      if (!extras.has(column)) extras.set(column, extraKey(column, modelKeys));
      writeField(properties, extras.get(column)!, value);
    }
    properties.kind = kind;
    properties.source = feature.properties.source;
    for (const field of fields) {
      const sourceField = mapping.sources[field.key];
      const raw = sourceField ? readField(feature.properties, sourceField) : null;
      const value =
        convert(field, raw, mapping.values?.[field.key], readingOf(sourceField)) ??
        convert(field, mapping.defaults[field.key]);
      const found = problemWith(field, value, fieldLabel(field.key), raw ?? mapping.defaults[field.key]);
      if (found) return refuse(found);
      properties[field.key] = field.type === 'boolean' ? Boolean(value) : value;
    }
    if (kind === 'road') properties.lengthM = Math.round(geodesicLengthM(feature.geometry) * 10) / 10;
    const result = parseFeatureProperties(properties);
    if (!result.success) {
      const issue = result.error.issues[0]!;
      const key = String(issue.path[0] ?? '');
      return refuse(
        problem('mapping.invalid', { field: key ? fieldLabel(key) : '', detail: issueProblem(issue.message) }),
      );
    }
    mapped.push({ ...feature, properties: { ...result.extra, ...result.data } });
  }
  return {
    ok: true,
    value: {
      layer: { ...layer, kind, styleBy: kind === 'bridge' ? 'condition' : 'status' },
      // The file's own columns holding numbers as text (a CSV's "7,5") become numbers, read in the column's style.
      features: typeColumns(
        mapped,
        [...extras.values()],
        Object.fromEntries(
          [...extras].flatMap(([column, key]) =>
            mapping.readings && Object.hasOwn(mapping.readings, column) ? [[key, mapping.readings[column]!]] : [],
          ),
        ),
      ).features,
      extraFields: [...extras.values()],
    },
  };
}
