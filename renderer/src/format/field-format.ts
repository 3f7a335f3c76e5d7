import type { TFunction } from 'i18next';
import type { FieldDefinition } from '#shared/model/feature-fields';
import { formatLength, formatNumber, formatSta, type Locale } from '#shared/format/format-number';
import { regencyName } from '#shared/model/regencies';
import type { FeatureSource } from '#shared/model/road-network';

/** The text a user sees for a stored value, in the current language. */
export function formatFieldValue(field: FieldDefinition, value: unknown, t: TFunction, locale: Locale): string {
  if (value === null || value === undefined || value === '') return t('common.none');
  switch (field.type) {
    case 'enum':
      return t(`model.${field.labels}.${String(value)}`, { defaultValue: String(value) });
    case 'boolean':
      return value ? t('common.yes') : t('common.no');
    case 'regency':
      return regencyName(String(value));
    case 'count':
      return Array.isArray(value) ? formatNumber(value.length, locale) : String(value);
    case 'source': {
      const source = value as FeatureSource;
      const kind = t(`model.source.${source.kind}`);
      return source.kind === 'demo' ? kind : `${kind}: ${source.label}`;
    }
    case 'number': {
      const number = Number(value);
      if (field.unit === 'sta') return formatSta(number);
      if (field.unit === 'year') return String(number);
      if (field.unit === 'length') return formatLength(number, locale);
      return `${formatNumber(number, locale, Number.isInteger(number) ? 0 : 1)} m`;
    }
    default:
      if (typeof value === 'number') return locale === 'id' ? String(value).replace('.', ',') : String(value);
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
}

/** The raw value a sort or search should use (numbers stay numbers). */
export function sortValueOf(field: FieldDefinition, value: unknown, t: TFunction, locale: Locale): string | number {
  if (value === null || value === undefined) return '';
  if (field.type === 'number' || typeof value === 'number') return Number(value);
  if (field.type === 'count' && Array.isArray(value)) return value.length;
  return formatFieldValue(field, value, t, locale);
}
