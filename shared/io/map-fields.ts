import type { Layer, LayerKind, StoredFeature } from '../model/layer';
import { FIELDS_BY_KIND, type FieldDefinition } from '../model/feature-fields';
import { FeaturePropertiesSchema, GEOMETRY_TYPES_BY_KIND, type FeatureKind } from '../model/road-network';
import { NTT_REGENCIES } from '../model/regencies';
import { geodesicLengthM } from '../geo/geodesic';
import type { ParseResult } from './parse-geojson';

/** Which source attribute feeds each model field, and the value to use where the source has none. */
export interface FieldMapping {
  kind: LayerKind;
  sources: Record<string, string | null>;
  defaults: Record<string, string>;
}

/** Names surveyors and other agencies use for each model field, lower-case. */
const ALIASES: Record<string, string[]> = {
  ruasNumber: ['ruasnumber', 'no_ruas', 'nomor_ruas', 'ruas', 'link_no', 'kode_ruas'],
  name: ['name', 'nama', 'nama_ruas', 'nama_jembatan', 'nm_ruas'],
  status: ['status', 'status_jalan'],
  condition: ['condition', 'kondisi'],
  regencyCode: ['regencycode', 'kabupaten', 'kab_kota', 'kode_kab', 'kab'],
  functionClass: ['functionclass', 'fungsi', 'fungsi_jalan'],
  roadClass: ['roadclass', 'kelas', 'kelas_jalan'],
  rumijaWidthM: ['rumijawidthm', 'lebar_rumija', 'rumija'],
  carriagewayWidthM: ['carriagewaywidthm', 'lebar_perkerasan', 'lebar_jalan', 'lebar'],
  surface: ['surface', 'permukaan', 'perkerasan', 'jenis_perkerasan'],
  lengthM: ['lengthm', 'panjang', 'panjang_m', 'length'],
  widthM: ['widthm', 'lebar', 'width'],
  staM: ['stam', 'sta'],
  category: ['category', 'kategori', 'jenis'],
  owner: ['owner', 'pemilik'],
  ownerType: ['ownertype', 'jenis_pemilik'],
  label: ['label', 'keterangan', 'name', 'nama'],
  installedYear: ['installedyear', 'tahun', 'tahun_pasang'],
  note: ['note', 'catatan', 'keterangan'],
  existence: ['existence', 'keberadaan'],
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
    sources[field.key] = sourceFields.find((source) => aliases.includes(source.trim().toLowerCase())) ?? null;
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

const normalizeEnum = (value: string) =>
  value
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

function convert(field: FieldDefinition, raw: unknown): unknown {
  if (raw === null || raw === undefined || String(raw).trim() === '') return null;
  const text = String(raw).trim();
  switch (field.type) {
    case 'number': {
      const sta = /^(?:sta\s*)?(\d+)\+(\d{1,3})$/i.exec(text);
      if (field.unit === 'sta' && sta) return Number(sta[1]) * 1000 + Number(sta[2]);
      return typeof raw === 'number' ? raw : Number(text.replace(/\s/g, '').replace(',', '.'));
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

/**
 * Turns imported features into model features of the chosen kind, validated: all of them or an
 * error naming the file, the feature and the field. Plain layers keep their attributes as they are.
 */
export function applyMapping(
  layer: Layer,
  features: StoredFeature[],
  mapping: FieldMapping,
  fileName: string,
): ParseResult<{ layer: Layer; features: StoredFeature[] }> {
  if (mapping.kind === 'plain' || mapping.kind === 'corridor') return { ok: true, value: { layer, features } };
  const kind = mapping.kind as FeatureKind;
  const fields = mappableFields(kind);
  const mapped: StoredFeature[] = [];
  for (const [index, feature] of features.entries()) {
    if (!GEOMETRY_TYPES_BY_KIND[kind].includes(feature.geometry.type)) {
      return {
        ok: false,
        error: `${fileName}, fitur #${index}: geometri ${feature.geometry.type} tidak cocok untuk ${kind} / geometry does not fit`,
      };
    }
    const properties: Record<string, unknown> = { kind, source: feature.properties.source };
    for (const field of fields) {
      const sourceField = mapping.sources[field.key];
      const value =
        convert(field, sourceField ? feature.properties[sourceField] : null) ??
        convert(field, mapping.defaults[field.key]);
      properties[field.key] = field.type === 'boolean' ? Boolean(value) : value;
    }
    if (kind === 'road') properties.lengthM = Math.round(geodesicLengthM(feature.geometry) * 10) / 10;
    const result = FeaturePropertiesSchema.safeParse(properties);
    if (!result.success) {
      const issue = result.error.issues[0];
      return { ok: false, error: `${fileName}, fitur #${index}: ${issue!.path.join('.')}: ${issue!.message}` };
    }
    mapped.push({ ...feature, properties: result.data });
  }
  return {
    ok: true,
    value: { layer: { ...layer, kind, styleBy: kind === 'bridge' ? 'condition' : 'status' }, features: mapped },
  };
}
