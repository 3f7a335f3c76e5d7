import { useTranslation } from 'react-i18next';
import type { Layer } from '../../../shared/model/layer';
import { CONDITIONS, ROAD_STATUSES } from '../../../shared/model/road-network';
import { ANNOTATION_COLOR, BORDER_ROUTE_CASING, CONDITION_COLORS, CORRIDOR_COLOR, STATUS_COLORS, ZONE_COLORS } from '../map/thematic-style';

function Swatch({ color, shape, testId, label }: { color: string; shape: 'line' | 'circle' | 'band'; testId: string; label: string }) {
  return (
    <li className="legend-item" data-testid={testId} data-color={color}>
      <span className={`swatch swatch-${shape}`} style={{ background: color }} />
      <span>{label}</span>
    </li>
  );
}

/** The legend of one layer, drawn from the same colour tables as the map style. */
export function Legend({ layer }: { layer: Layer }) {
  const { t } = useTranslation();
  if (layer.kind === 'road') {
    const keys = layer.styleBy === 'status' ? ROAD_STATUSES : [...CONDITIONS, 'unknown'];
    const colors = layer.styleBy === 'status' ? STATUS_COLORS : CONDITION_COLORS;
    return (
      <ul className="legend" aria-label={t('layers.legend')} data-testid={`legend-${layer.id}`}>
        {keys.map((key) => (
          <Swatch key={key} color={colors[key]} shape="line" testId={`legend-${layer.id}-${key}`} label={t(`model.${layer.styleBy}.${key}`)} />
        ))}
        <Swatch color={BORDER_ROUTE_CASING} shape="band" testId={`legend-${layer.id}-border`} label={t('layers.borderRoute')} />
      </ul>
    );
  }
  if (layer.kind === 'bridge') {
    return (
      <ul className="legend" aria-label={t('layers.legend')} data-testid={`legend-${layer.id}`}>
        {[...CONDITIONS, 'proposed'].map((key) => (
          <Swatch key={key} color={CONDITION_COLORS[key]} shape="circle" testId={`legend-${layer.id}-${key}`} label={t(`model.condition.${key}`)} />
        ))}
        <li className="legend-note">{t('layers.bridgeSize')}</li>
      </ul>
    );
  }
  if (layer.kind === 'asset') {
    return (
      <ul className="legend" data-testid={`legend-${layer.id}`}>
        {Object.entries(ZONE_COLORS).map(([zone, color]) => (
          <Swatch key={zone} color={color} shape="circle" testId={`legend-${layer.id}-${zone}`} label={t(`analysis.zone.${zone}`)} />
        ))}
        <li className="legend-note">{t('analysis.legendEncroaching')}</li>
      </ul>
    );
  }
  if (layer.kind === 'condition_range') {
    return (
      <ul className="legend" data-testid={`legend-${layer.id}`}>
        {CONDITIONS.map((key) => (
          <Swatch key={key} color={CONDITION_COLORS[key]} shape="band" testId={`legend-${layer.id}-${key}`} label={t(`model.condition.${key}`)} />
        ))}
      </ul>
    );
  }
  if (layer.kind === 'annotation') {
    return (
      <ul className="legend" data-testid={`legend-${layer.id}`}>
        <Swatch color={ANNOTATION_COLOR} shape="circle" testId={`legend-${layer.id}-note`} label={t('model.kind.annotation')} />
      </ul>
    );
  }
  if (layer.kind === 'corridor') {
    return (
      <ul className="legend" data-testid={`legend-${layer.id}`}>
        <Swatch color={CORRIDOR_COLOR} shape="band" testId={`legend-${layer.id}-corridor`} label={t('layers.corridor')} />
      </ul>
    );
  }
  return null;
}
