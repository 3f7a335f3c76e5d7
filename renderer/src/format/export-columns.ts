import type { TFunction } from 'i18next';
import { FIELDS_BY_KIND, type FieldDefinition } from '#shared/model/feature-fields';
import { regencyName } from '#shared/model/regencies';
import { FIELD_CODES, type ExportColumns } from '#shared/io/export-table';

export type ColumnNaming = 'labels' | 'codes';

const MODEL_FIELDS = new Map<string, FieldDefinition>(
  Object.values(FIELDS_BY_KIND)
    .flat()
    .map((field) => [field.key, field]),
);

/**
 * Column names and values as the user chose: the model's labels in the UI language ("Nomor ruas", "Rusak berat",
 * regency names) or the stored codes. Columns a file brought are not the model's and keep their own names.
 */
export function exportColumns(naming: ColumnNaming, t: TFunction): ExportColumns {
  if (naming === 'codes') return FIELD_CODES;
  return {
    name: (key) => {
      if (key === 'id') return 'ID';
      if (key === 'sumber') return t('fields.source');
      return MODEL_FIELDS.has(key) ? t(`fields.${key}`, { defaultValue: key }) : key;
    },
    value: (key, value) => {
      const field = MODEL_FIELDS.get(key);
      if (!field || value === null || typeof value === 'boolean') return value;
      if (field.type === 'enum') return t(`model.${field.labels}.${String(value)}`, { defaultValue: String(value) });
      if (field.type === 'regency') return regencyName(String(value));
      return value;
    },
  };
}
