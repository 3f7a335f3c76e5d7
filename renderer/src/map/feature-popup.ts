import type { i18n as I18n } from 'i18next';
import type { StoredFeature } from '#shared/model/layer';
import { fieldsOfKind, fieldsOfPlainFeatures } from '#shared/model/feature-fields';
import { FEATURE_KINDS, type FeatureKind } from '#shared/model/road-network';
import type { Locale } from '#shared/format/format-number';
import { formatFieldValue } from '../format/field-format';
import { featureTitle } from '../format/feature-title';
import { readField } from '#shared/model/field-value';

/** The identify popup: every attribute of the feature, labelled and formatted in the UI language. */
export function createFeaturePopupContent(
  feature: StoredFeature,
  i18n: I18n,
  extraRows: { key: string; label: string; value: string }[] = [],
  /** Back to the list of everything under the click, when the feature was picked from it. */
  back?: { count: number; onBack: () => void },
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
  if (back) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'identify-back';
    button.dataset.testid = 'identify-back';
    button.textContent = t('popup.back', { count: back.count });
    button.addEventListener('click', back.onBack);
    root.append(button);
  }
  const title = document.createElement('h3');
  title.textContent = t('popup.title', {
    kind: kind ? t(`model.kind.${kind}`) : t('popup.feature'),
    name: featureTitle(feature, t),
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
    value.textContent = formatFieldValue(field, readField(feature.properties, field.key), t, locale);
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

/** Everything under a click, one line per feature (its layer and what it is called), to pick one from. */
export function createIdentifyList(
  hits: readonly { feature: StoredFeature; layerLabel: string }[],
  i18n: I18n,
  onPick: (feature: StoredFeature) => void,
): HTMLElement {
  const t = i18n.t.bind(i18n);
  const root = document.createElement('div');
  root.className = 'feature-popup identify-list';
  root.dataset.testid = 'identify-list';
  const title = document.createElement('h3');
  title.textContent = t('popup.here', { count: hits.length });
  root.append(title);
  const list = document.createElement('ul');
  for (const { feature, layerLabel } of hits) {
    const item = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.dataset.testid = 'identify-item';
    const layer = document.createElement('span');
    layer.className = 'identify-layer';
    layer.textContent = layerLabel;
    button.append(layer, document.createTextNode(featureTitle(feature, t)));
    button.addEventListener('click', () => onPick(feature));
    item.append(button);
    list.append(item);
  }
  root.append(list);
  return root;
}
