import {
  ASSET_CATEGORIES,
  CONDITIONS,
  FUNCTION_CLASSES,
  ROAD_CLASSES,
  ROAD_STATUSES,
  SURFACES,
  modelKeysOf,
  type FeatureKind,
} from './road-network';
import { NTT_REGENCIES } from './regencies';
import { parseLocaleNumber, type ParsedNumber } from '../format/parse-number';
import type { Locale } from '../format/format-number';

/** How a field is shown and edited. `options` name the i18n group that labels enum values. */
type FieldType =
  | { type: 'text' }
  | { type: 'number'; unit: 'm' | 'length' | 'sta' | 'year' }
  | { type: 'enum'; options: readonly string[]; labels: string; nullable: boolean }
  | { type: 'boolean' }
  | { type: 'regency' }
  | { type: 'source' }
  | { type: 'count' };

export type FieldDefinition = FieldType & { key: string; editable: boolean; nullable?: boolean };

const text = (key: string, editable = true, nullable = false): FieldDefinition => ({
  key,
  type: 'text',
  editable,
  nullable,
});
const number = (
  key: string,
  unit: 'm' | 'length' | 'sta' | 'year',
  editable = true,
  nullable = true,
): FieldDefinition => ({
  key,
  type: 'number',
  unit,
  editable,
  nullable,
});
const choice = (key: string, options: readonly string[], labels: string, nullable: boolean): FieldDefinition => ({
  key,
  type: 'enum',
  options,
  labels,
  nullable,
  editable: true,
});

export const REGENCY_CODES = Object.keys(NTT_REGENCIES);

/** Fields of each kind of feature in the order tables and popups show them. */
export const FIELDS_BY_KIND: Record<FeatureKind, FieldDefinition[]> = {
  road: [
    text('ruasNumber'),
    text('name'),
    choice('status', ROAD_STATUSES, 'status', false),
    choice('condition', CONDITIONS, 'condition', true),
    { key: 'regencyCode', type: 'regency', editable: true, nullable: true },
    number('lengthM', 'length', false, false),
    choice('functionClass', FUNCTION_CLASSES, 'functionClass', true),
    choice('roadClass', ROAD_CLASSES, 'roadClass', true),
    number('rumijaWidthM', 'm'),
    number('carriagewayWidthM', 'm'),
    choice('surface', SURFACES, 'surface', true),
    choice('proposedStatus', ROAD_STATUSES, 'status', true),
    { key: 'borderRoute', type: 'boolean', editable: true },
    { key: 'source', type: 'source', editable: false },
  ],
  bridge: [
    text('name'),
    number('lengthM', 'm', true, false),
    choice('condition', CONDITIONS, 'condition', true),
    choice('existence', ['existing', 'proposed'], 'existence', false),
    text('ruasNumber', true, true),
    number('staM', 'sta'),
    number('widthM', 'm'),
    { key: 'regencyCode', type: 'regency', editable: true, nullable: true },
    text('note', true, true),
    { key: 'source', type: 'source', editable: false },
  ],
  corridor: [
    text('name'),
    text('city'),
    { key: 'segmentIds', type: 'count', editable: false },
    text('note', true, true),
    { key: 'source', type: 'source', editable: false },
  ],
  asset: [
    choice('category', ASSET_CATEGORIES, 'category', false),
    text('owner'),
    choice('ownerType', ['pln', 'telkom', 'pdam', 'swasta', 'pemerintah', 'lainnya'], 'ownerType', false),
    text('label', true, true),
    number('installedYear', 'year'),
    { key: 'source', type: 'source', editable: false },
  ],
  annotation: [text('text'), text('note', true, true), { key: 'source', type: 'source', editable: false }],
  condition_range: [
    text('ruasNumber', false),
    number('staFromM', 'sta', false, false),
    number('staToM', 'sta', false, false),
    choice('condition', CONDITIONS, 'condition', false),
    number('lengthM', 'length', false, false),
    { key: 'source', type: 'source', editable: false },
  ],
};

/** Fields of a plain (unmodelled) layer: whatever keys its features carry. */
export function fieldsOfPlainFeatures(properties: Iterable<Record<string, unknown>>, limit = 50): FieldDefinition[] {
  const keys = new Set<string>();
  for (const item of properties) {
    for (const key of Object.keys(item)) keys.add(key);
    if (keys.size >= limit) break;
  }
  return [...keys].map((key): FieldDefinition =>
    key === 'source' ? { key, type: 'source', editable: false } : text(key),
  );
}

/**
 * Fields of a layer of a model kind: the model's own, then the extra attributes its file brought
 * along (columns nobody mapped), so tables, popups and exports show them too.
 */
export function fieldsOfKind(
  kind: FeatureKind,
  properties: Iterable<Record<string, unknown>> = [],
  limit = 50,
): FieldDefinition[] {
  const model = FIELDS_BY_KIND[kind];
  const own = modelKeysOf(kind);
  const extras = fieldsOfPlainFeatures(properties, limit).filter(
    (field) => !own.has(field.key) && field.key !== 'kind',
  );
  return extras.length ? [...model, ...extras] : model;
}

/** A number typed in a field that cannot be read; the UI words it from `reading`. */
export class NumberInputError extends Error {
  constructor(readonly reading: Extract<ParsedNumber, { ok: false }>) {
    super(`"${reading.input}": ${reading.reason}${reading.hint ? ` (${reading.hint}?)` : ''}`);
  }
}

/**
 * Reads a number the way it is typed in the UI language (`175.000` and `20,5` in Indonesian, `175,000` and
 * `20.5` in English), or an STA written `16+250`; throws a NumberInputError that says how it was read.
 */
export function parseNumberInput(input: string, locale: Locale, sta = false): number {
  const compact = input.trim().replace(/^sta\s*/i, '');
  const chainage = sta ? /^(\d+)\s*\+\s*(\d{1,3}(?:[.,]\d+)?)$/.exec(compact) : null;
  if (chainage) return Number(chainage[1]) * 1000 + Number(chainage[2]!.replace(',', '.'));
  const reading = parseLocaleNumber(compact, locale, { allowNegative: !sta });
  if (!reading.ok) throw new NumberInputError(reading);
  return reading.value;
}

/** Parses what the user typed into a field's stored value; throws with a readable reason. */
export function parseFieldInput(field: FieldDefinition, input: string, locale: Locale): unknown {
  const trimmed = input.trim();
  if (trimmed === '' && (field.nullable || (field.type === 'enum' && field.nullable))) return null;
  switch (field.type) {
    case 'number':
      return parseNumberInput(trimmed, locale, field.unit === 'sta');
    case 'boolean':
      return trimmed === 'true';
    default:
      return trimmed;
  }
}
