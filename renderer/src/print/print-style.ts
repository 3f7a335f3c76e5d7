import type { ExpressionSpecification, StyleSpecification } from 'maplibre-gl';
import type { TFunction } from 'i18next';
import type { Layer } from '#shared/model/layer';
import { CONDITIONS } from '#shared/model/road-network';
import { sourceIdOf } from '../map/data-layers';
import { FONT_BOLD } from '../map/basemap-style';
import { LABEL_COLORS } from '#shared/style/map-colours';

/**
 * The screen's style made ready for paper: condition ranges get their condition written along them (on screen the
 * popup tells it; a printed sheet has only its labels), in the UI language.
 */
export function printStyle(style: StyleSpecification, layers: readonly Layer[], t: TFunction): StyleSpecification {
  const label = [
    'match',
    ['get', 'condition'],
    ...CONDITIONS.flatMap((condition) => [condition, t(`model.condition.${condition}`)]),
    '',
  ] as unknown as ExpressionSpecification;
  const added = layers
    .filter((layer) => layer.kind === 'condition_range' && layer.visible)
    .filter((layer) => style.sources[sourceIdOf(layer.id)])
    .map((layer) => ({
      id: `${sourceIdOf(layer.id)}:print-label`,
      type: 'symbol' as const,
      source: sourceIdOf(layer.id),
      layout: {
        'symbol-placement': 'line' as const,
        'text-field': label,
        'text-font': FONT_BOLD,
        'text-size': 11,
        'symbol-spacing': 250,
      },
      paint: { 'text-color': LABEL_COLORS.data.text, 'text-halo-color': LABEL_COLORS.data.halo, 'text-halo-width': 2 },
    }));
  return { ...style, layers: [...style.layers, ...added] };
}
