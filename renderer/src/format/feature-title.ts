import type { TFunction } from 'i18next';
import type { StoredFeature } from '#shared/model/layer';
import { FEATURE_KINDS, type FeatureKind } from '#shared/model/road-network';
import { nameOfProperties } from '#shared/io/check-records';
import { formatSta } from '#shared/format/format-number';

const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '');

/**
 * What a person calls a feature: "P-101 · Oelamasi – Oepoli", "Jembatan Termanu", "Tiang listrik · PLN",
 * "P-101 STA 3+400 – 5+100". Never an internal id: without a name it is the kind and its number in the layer.
 */
export function featureTitle(feature: StoredFeature, t: TFunction, indexInLayer?: number): string {
  const properties = feature.properties;
  const kind = FEATURE_KINDS.includes(properties.kind as FeatureKind) ? (properties.kind as FeatureKind) : null;
  const joined = (...parts: string[]) => parts.filter(Boolean).join(' · ');
  let title = '';
  if (kind === 'road') title = joined(text(properties.ruasNumber), text(properties.name));
  else if (kind === 'asset')
    title = joined(
      properties.category ? t(`model.category.${String(properties.category)}`) : '',
      text(properties.owner),
      text(properties.label),
    );
  else if (kind === 'annotation') title = text(properties.text);
  else if (kind === 'condition_range')
    title = `${text(properties.ruasNumber)} ${formatSta(Number(properties.staFromM))} – ${formatSta(Number(properties.staToM)).replace(/^STA /, '')}`;
  else title = text(properties.name) || (nameOfProperties(properties) ?? '');
  if (title) return title;
  const kindLabel = kind ? t(`model.kind.${kind}`) : t('popup.feature');
  return indexInLayer === undefined ? kindLabel : `${kindLabel} ${indexInLayer + 1}`;
}
