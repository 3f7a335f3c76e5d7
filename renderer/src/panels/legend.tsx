import { useTranslation } from 'react-i18next';
import type { Layer } from '#shared/model/layer';
import { legendOf } from '../map/legend-entries';

export function Swatch({
  color,
  shape,
  testId,
  label,
}: {
  color: string;
  shape: 'line' | 'circle' | 'band';
  testId: string;
  label: string;
}) {
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
  const legend = legendOf(layer, t);
  if (!legend) return null;
  return (
    <ul className="legend" aria-label={t('layers.legend')} data-testid={`legend-${layer.id}`}>
      {legend.entries.map((entry) => (
        <Swatch
          key={entry.key}
          color={entry.color}
          shape={entry.shape}
          testId={`legend-${layer.id}-${entry.key}`}
          label={entry.label}
        />
      ))}
      {legend.note && <li className="legend-note">{legend.note}</li>}
    </ul>
  );
}
