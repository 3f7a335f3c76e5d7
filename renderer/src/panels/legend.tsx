import { useTranslation } from 'react-i18next';
import type { Layer } from '#shared/model/layer';
import { legendOf, type LegendEntry } from '../map/legend-entries';
import { useSnapshot } from '../state/store-context';
import { CASING_COLOR, HIGHLIGHT_COLORS } from '../map/thematic-style';
import { swatchBackground } from '#shared/style/legend-swatch';
import { isMarkerShape, markerSvgPath } from '#shared/style/marker-shapes';

const HIGHLIGHT_SHAPES: Record<keyof typeof HIGHLIGHT_COLORS, 'line' | 'circle' | 'band'> = {
  selection: 'band',
  staMark: 'circle',
  searchMark: 'circle',
  draw: 'line',
  measure: 'line',
  route: 'line',
  crossing: 'circle',
  programme: 'band',
};

export function Swatch({
  color,
  shape,
  testId,
  label,
  dash,
}: {
  color: string;
  shape: LegendEntry['shape'];
  testId: string;
  label: string;
  dash?: readonly [number, number];
}) {
  if (isMarkerShape(shape))
    // A zone's marker in its shape, on the casing, as the map draws it.
    return (
      <li className="legend-item" data-testid={testId} data-color={color} data-shape={shape}>
        <svg className="swatch swatch-marker" viewBox="-1 -1 16 16" aria-hidden="true">
          <path d={markerSvgPath(shape, 14)} fill={color} stroke={CASING_COLOR} strokeWidth={1.5} />
        </svg>
        <span>{label}</span>
      </li>
    );
  const background = swatchBackground({ color, ...(dash ? { dash } : {}) }, shape === 'band' ? 6 : 3);
  return (
    <li className="legend-item" data-testid={testId} data-color={color} data-dash={dash?.join(' ')} data-shape={shape}>
      <span className={`swatch swatch-${shape}`} style={{ background }} />
      <span>{label}</span>
    </li>
  );
}

/** The legend of one layer, drawn from the same colour tables as the map style. */
export function Legend({ layer }: { layer: Layer }) {
  const { t } = useTranslation();
  const { standingMap } = useSnapshot();
  const legend = legendOf(layer, t, undefined, { standing: standingMap.on });
  if (!legend) return null;
  return (
    <ul className="legend" aria-label={t('layers.legend')} data-testid={`legend-${layer.id}`}>
      {legend.entries.map((entry) => (
        <Swatch
          key={entry.key}
          color={entry.color}
          shape={entry.shape}
          {...(entry.dash ? { dash: entry.dash } : {})}
          testId={`legend-${layer.id}-${entry.key}`}
          label={entry.label}
        />
      ))}
      {legend.note && <li className="legend-note">{legend.note}</li>}
    </ul>
  );
}

/** What the app itself marks on the map (selection, STA and search marks, drawing, the presented route). */
export function HighlightLegend() {
  const { t } = useTranslation();
  return (
    <details className="highlight-legend" data-testid="highlight-legend">
      <summary>{t('highlights.title')}</summary>
      <ul className="legend">
        {(Object.keys(HIGHLIGHT_COLORS) as (keyof typeof HIGHLIGHT_COLORS)[]).map((key) => (
          <Swatch
            key={key}
            color={HIGHLIGHT_COLORS[key]}
            shape={HIGHLIGHT_SHAPES[key]}
            testId={`highlight-${key}`}
            label={t(`highlights.${key}`)}
          />
        ))}
      </ul>
    </details>
  );
}
