import { z } from 'zod';
import { writeField } from './field-value';

/** Where a feature came from, so nobody mistakes demo geometry for survey data. */
const FeatureSourceSchema = z.strictObject({
  kind: z.enum(['demo', 'file', 'drawn']),
  /** File name, "ilustrasi", or the person who drew it. */
  label: z.string().min(1).max(300),
  /** ISO time of the import or drawing. */
  recordedAt: z.iso.datetime().nullable(),
  /** True for geometry drawn from place coordinates rather than surveyed. */
  illustrative: z.boolean(),
});
export type FeatureSource = z.infer<typeof FeatureSourceSchema>;

export const ROAD_STATUSES = ['nasional', 'provinsi', 'kabupaten', 'kota', 'desa', 'rdtl'] as const;
/** Status of a road; `rdtl` marks the continuation of a border route inside Timor-Leste. */
const RoadStatusSchema = z.enum(ROAD_STATUSES);
export type RoadStatus = z.infer<typeof RoadStatusSchema>;

export const FUNCTION_CLASSES = [
  'arteri_primer',
  'kolektor_primer',
  'lokal_primer',
  'lingkungan_primer',
  'arteri_sekunder',
  'kolektor_sekunder',
  'lokal_sekunder',
  'lingkungan_sekunder',
] as const;
export const FunctionClassSchema = z.enum(FUNCTION_CLASSES);
export type FunctionClass = z.infer<typeof FunctionClassSchema>;

/** Road class by use and size (PP 34/2006 Pasal 40 minimum RUMIJA widths hang on it). */
export const ROAD_CLASSES = ['bebas_hambatan', 'raya', 'sedang', 'kecil'] as const;
export const RoadClassSchema = z.enum(ROAD_CLASSES);
export type RoadClass = z.infer<typeof RoadClassSchema>;

/** Condition from IRI (m/km): baik 0–4, sedang 4–8, rusak ringan 8–12, rusak berat > 12. */
export const CONDITIONS = ['baik', 'sedang', 'rusak_ringan', 'rusak_berat'] as const;
const ConditionSchema = z.enum(CONDITIONS);
export type Condition = z.infer<typeof ConditionSchema>;

export const SURFACES = ['aspal', 'beton', 'lapen', 'kerikil', 'tanah'] as const;
const SurfaceSchema = z.enum(SURFACES);

/** BPS regency code, e.g. 5303 Kabupaten Kupang, 5371 Kota Kupang. */
const RegencyCodeSchema = z.string().regex(/^53\d\d$/, 'kode kabupaten/kota BPS NTT (53xx)');

const nullableMetres = (max: number) => z.number().positive().max(max).nullable();

export const RoadSegmentPropertiesSchema = z.strictObject({
  kind: z.literal('road'),
  ruasNumber: z.string().trim().min(1).max(20),
  name: z.string().trim().min(1).max(200),
  status: RoadStatusSchema,
  functionClass: FunctionClassSchema.nullable(),
  roadClass: RoadClassSchema.nullable(),
  /** Surveyed total RUMIJA width; wins over the class minimum. */
  rumijaWidthM: nullableMetres(200),
  carriagewayWidthM: nullableMetres(60),
  condition: ConditionSchema.nullable(),
  surface: SurfaceSchema.nullable(),
  regencyCode: RegencyCodeSchema.nullable(),
  /** Geodesic length on WGS 84, computed from the geometry. */
  lengthM: z.number().nonnegative(),
  proposedStatus: RoadStatusSchema.nullable(),
  borderRoute: z.boolean(),
  source: FeatureSourceSchema,
});
export type RoadSegmentProperties = z.infer<typeof RoadSegmentPropertiesSchema>;

export const BridgePropertiesSchema = z.strictObject({
  kind: z.literal('bridge'),
  name: z.string().trim().min(1).max(200),
  lengthM: z.number().positive().max(5000),
  widthM: nullableMetres(60),
  condition: ConditionSchema.nullable(),
  /** Existing bridge or a proposed new one (bangunan baru). */
  existence: z.enum(['existing', 'proposed']),
  ruasNumber: z.string().trim().max(20).nullable(),
  /** Chainage along the ruas in metres (STA 16+250 = 16250). */
  staM: z.number().nonnegative().nullable(),
  regencyCode: RegencyCodeSchema.nullable(),
  note: z.string().max(1000).nullable(),
  source: FeatureSourceSchema,
});
export type BridgeProperties = z.infer<typeof BridgePropertiesSchema>;

const CorridorPropertiesSchema = z.strictObject({
  kind: z.literal('corridor'),
  name: z.string().trim().min(1).max(200),
  city: z.string().trim().min(1).max(100),
  /** Ids of the road segments the corridor is made of. */
  segmentIds: z.array(z.string().min(1)).max(10_000),
  note: z.string().max(1000).nullable(),
  source: FeatureSourceSchema,
});
export type CorridorProperties = z.infer<typeof CorridorPropertiesSchema>;

export const ASSET_CATEGORIES = [
  'tiang_listrik',
  'tiang_telekomunikasi',
  'menara',
  'kabel',
  'pipa',
  'reklame',
  'kios',
  'bangunan',
  // What a register holds that fits none of the above; priced only if a tariff item lists it.
  'lainnya',
] as const;
export const AssetCategorySchema = z.enum(ASSET_CATEGORIES);
export type AssetCategory = z.infer<typeof AssetCategorySchema>;

const UtilityAssetPropertiesSchema = z.strictObject({
  kind: z.literal('asset'),
  category: AssetCategorySchema,
  /** Owner as written in the survey, e.g. "PLN UP3 Kupang", "Telkom". */
  owner: z.string().trim().min(1).max(200),
  ownerType: z.enum(['pln', 'telkom', 'pdam', 'swasta', 'pemerintah', 'lainnya']),
  label: z.string().max(200).nullable(),
  installedYear: z.number().int().min(1900).max(2100).nullable(),
  source: FeatureSourceSchema,
});
export type UtilityAssetProperties = z.infer<typeof UtilityAssetPropertiesSchema>;

/** A free note drawn on the map (point, line or area) by a planner. */
const AnnotationPropertiesSchema = z.strictObject({
  kind: z.literal('annotation'),
  text: z.string().trim().min(1).max(300),
  note: z.string().max(1000).nullable(),
  source: FeatureSourceSchema,
});

/** The condition of one STA range of a ruas (e.g. STA 3+400 – 5+100 rusak berat); its geometry is that stretch. */
const ConditionRangePropertiesSchema = z
  .strictObject({
    kind: z.literal('condition_range'),
    /** The road layer whose ruas the STAs run along (two layers may number their ruas alike). */
    roadLayerId: z.string().min(1).max(100),
    ruasNumber: z.string().trim().min(1).max(20),
    staFromM: z.number().nonnegative(),
    staToM: z.number().nonnegative(),
    condition: ConditionSchema,
    /** Length of the range in metres (STA to minus STA from). */
    lengthM: z.number().nonnegative(),
    source: FeatureSourceSchema,
  })
  .refine((range) => range.staToM > range.staFromM, {
    message: 'validation.endStaAfterStart',
    path: ['staToM'],
  });

export const FeaturePropertiesSchema = z.discriminatedUnion('kind', [
  RoadSegmentPropertiesSchema,
  BridgePropertiesSchema,
  CorridorPropertiesSchema,
  UtilityAssetPropertiesSchema,
  AnnotationPropertiesSchema,
  ConditionRangePropertiesSchema,
]);
type FeatureProperties = z.infer<typeof FeaturePropertiesSchema>;
export type FeatureKind = FeatureProperties['kind'];

/** Which geometry types each kind of feature may have. */
export const GEOMETRY_TYPES_BY_KIND: Record<FeatureKind, readonly string[]> = {
  road: ['LineString', 'MultiLineString'],
  bridge: ['Point'],
  corridor: ['LineString', 'MultiLineString'],
  asset: ['Point', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon'],
  annotation: ['Point', 'LineString', 'Polygon'],
  condition_range: ['LineString', 'MultiLineString'],
};

export const FEATURE_KINDS = Object.keys(GEOMETRY_TYPES_BY_KIND) as FeatureKind[];

const MODEL_KEYS_BY_KIND = new Map<string, ReadonlySet<string>>(
  FeaturePropertiesSchema.options.map((schema) => [
    String(schema.shape.kind.value),
    new Set(Object.keys(schema.shape)),
  ]),
);

/** The keys the model itself defines for a kind of feature. */
export function modelKeysOf(kind: string): ReadonlySet<string> {
  return MODEL_KEYS_BY_KIND.get(kind) ?? new Set();
}

/**
 * Properties of a model feature split into the model's own fields and the extra attributes a file
 * brought along (columns nobody mapped: `panjang_km`, `keterangan` …), which the model keeps as they are.
 */
export function splitExtraProperties(properties: Record<string, unknown>): {
  model: Record<string, unknown>;
  extra: Record<string, unknown>;
} {
  const keys = MODEL_KEYS_BY_KIND.get(String(properties.kind));
  if (!keys) return { model: properties, extra: {} };
  const model: Record<string, unknown> = {};
  const extra: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(properties)) writeField(keys.has(key) ? model : extra, key, value);
  return { model, extra };
}

/** Validates the model's fields of a feature and keeps its extra attributes beside them. */
export function parseFeatureProperties(
  properties: Record<string, unknown>,
): ReturnType<typeof FeaturePropertiesSchema.safeParse> & { extra: Record<string, unknown> } {
  const { model, extra } = splitExtraProperties(properties);
  return { ...FeaturePropertiesSchema.safeParse(model), extra };
}
