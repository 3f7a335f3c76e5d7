import type { TFunction } from 'i18next';
import { FIELDS_BY_KIND, type FieldDefinition } from '#shared/model/feature-fields';
import { NTT_REGENCIES } from '#shared/model/regencies';
import type { ExportColumnSpec } from '#shared/io/export-column-spec';

export type ColumnNaming = 'labels' | 'codes';

const MODEL_FIELDS = new Map<string, FieldDefinition>(
  Object.values(FIELDS_BY_KIND)
    .flat()
    .map((field) => [field.key, field]),
);

/**
 * Column names and values as the user chose: the model's labels in the UI language ("Nomor ruas", "Rusak berat",
 * regency names) or the stored codes (no names). Columns a file brought are not the model's and keep their own names.
 * Rumija's own id and kind leave only with `internal`.
 */
export function exportColumnSpec(
  naming: ColumnNaming,
  t: TFunction,
  { internal = false, lonLat = false }: { internal?: boolean; lonLat?: boolean } = {},
): ExportColumnSpec {
  const place = lonLat
    ? naming === 'codes'
      ? { lon: 'lon', lat: 'lat' }
      : { lon: t('exportDialog.lon'), lat: t('exportDialog.lat') }
    : undefined;
  if (naming === 'codes') return { names: {}, values: {}, internal, lonLat: place };
  const names: Record<string, string> = {
    id: t('exportDialog.internalId'),
    kind: t('exportDialog.internalKind'),
    sumber: t('fields.source'),
  };
  const values: Record<string, Record<string, string>> = {
    kind: Object.fromEntries(Object.keys(FIELDS_BY_KIND).map((kind) => [kind, t(`model.kind.${kind}`)])),
  };
  for (const [key, field] of MODEL_FIELDS) {
    names[key] = t(`fields.${key}`, { defaultValue: key });
    if (field.type === 'enum')
      values[key] = Object.fromEntries(
        field.options.map((option) => [option, t(`model.${field.labels}.${option}`, { defaultValue: option })]),
      );
    if (field.type === 'regency') values[key] = { ...NTT_REGENCIES };
  }
  return { names, values, internal, lonLat: place };
}
