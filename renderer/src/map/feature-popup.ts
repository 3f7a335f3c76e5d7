import type { i18n as I18n } from 'i18next';
import type { StoredFeature } from '#shared/model/layer';
import { fieldsOfKind, fieldsOfPlainFeatures } from '#shared/model/feature-fields';
import { FEATURE_KINDS, type FeatureKind } from '#shared/model/road-network';
import type { Locale } from '#shared/format/format-number';
import { formatFieldValue } from '../format/field-format';

/** The identify popup: every attribute of the feature, labelled and formatted in the UI language. */
export function createFeaturePopupContent(
  feature: StoredFeature,
  i18n: I18n,
  extraRows: { key: string; label: string; value: string }[] = [],
): HTMLElement {
  const t = i18n.t.bind(i18n);
  const locale = (i18n.language === 'en' ? 'en' : 'id') as Locale;
  // A file's own `kind` column (e.g. "constructor") is an attribute, not one of the model's kinds.
  const kind = FEATURE_KINDS.includes(feature.properties.kind as FeatureKind)
    ? (feature.properties.kind as FeatureKind)
    : undefined;
  const fields = kind ? fieldsOfKind(kind, [feature.properties]) : fieldsOfPlainFeatures([feature.properties]);

  const root = document.createElement('div');
  root.className = 'feature-popup';
  root.dataset.testid = 'feature-popup';
  const title = document.createElement('h3');
  title.textContent = t('popup.title', {
    kind: t(`model.kind.${kind ?? 'plain'}`),
    name: String(feature.properties.name ?? feature.properties.category ?? feature.id),
  });
  root.append(title);

  const source = feature.properties.source as { illustrative?: boolean } | undefined;
  if (source?.illustrative) {
    const badge = document.createElement('div');
    badge.className = 'demo-badge';
    badge.textContent = t('layers.demoHint');
    root.append(badge);
  }

  const table = document.createElement('table');
  for (const field of fields) {
    if (field.key === 'name') continue;
    const row = table.insertRow();
    row.dataset.field = field.key;
    const label = row.insertCell();
    label.textContent = t(`fields.${field.key}`, { defaultValue: field.key });
    const value = row.insertCell();
    value.textContent = formatFieldValue(field, feature.properties[field.key], t, locale);
  }
  for (const extra of extraRows) {
    const row = table.insertRow();
    row.dataset.field = extra.key;
    row.className = 'computed';
    row.insertCell().textContent = extra.label;
    row.insertCell().textContent = extra.value;
  }
  root.append(table);
  return root;
}
