import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateInput } from '#shared/format/date-input';
import type { Locale } from '#shared/format/format-number';
import { assetStandings, STANDINGS, type Standing } from '#shared/retribution/asset-standings';
import { STANDING_COLORS } from '#shared/style/map-colours';
import type { RetributionRecords } from '../../persistence/retribution-repository';
import { useSnapshot, useStore } from '../../state/store-context';
import { swatchBackground } from '#shared/style/legend-swatch';

/** The compliance map: assets coloured by their obligor's standing, with a count and a show/hide per class. */
export function StandingMapSection({ register, locale }: { register: RetributionRecords; locale: Locale }) {
  const date = (iso: string) => formatDateInput(iso, locale);
  const { t } = useTranslation();
  const store = useStore();
  const { standingMap, layers, featuresByLayer } = useSnapshot();
  const asOf = new Date().toISOString().slice(0, 10);
  const counts = useMemo(() => {
    const assets = layers
      .filter((layer) => layer.kind === 'asset')
      .flatMap((layer) => featuresByLayer.get(layer.id) ?? []);
    const tally = Object.fromEntries(STANDINGS.map((standing) => [standing, 0])) as Record<Standing, number>;
    for (const standing of assetStandings(assets, register, asOf).values()) tally[standing] += 1;
    return tally;
  }, [layers, featuresByLayer, register, asOf]);
  const toggle = (standing: Standing, shown: boolean) =>
    store.retribution.setStandingMap({
      ...standingMap,
      hidden: shown ? standingMap.hidden.filter((s) => s !== standing) : [...standingMap.hidden, standing],
    });
  return (
    <div data-testid="retribution-map">
      <label>
        <input
          type="checkbox"
          checked={standingMap.on}
          onChange={(event) => store.retribution.setStandingMap({ ...standingMap, on: event.target.checked })}
          data-testid="standing-map-on"
        />{' '}
        {t('retribution.map.colourBy')}
      </label>
      <p className="hint">{t('retribution.map.hint', { date: date(asOf) })}</p>
      <ul className="standing-filter" data-testid="standing-filter">
        {STANDINGS.map((standing) => (
          <li key={standing} className="standing-row">
            <label>
              <input
                type="checkbox"
                disabled={!standingMap.on}
                checked={!standingMap.hidden.includes(standing)}
                onChange={(event) => toggle(standing, event.target.checked)}
                data-testid={`standing-show-${standing}`}
              />
              <span
                className="swatch swatch-circle"
                data-testid={`standing-swatch-${standing}`}
                data-color={STANDING_COLORS[standing]}
                style={{ background: swatchBackground({ color: STANDING_COLORS[standing]! }, 3) }}
              />
              <span>{t(`retribution.standing.${standing}`)}</span>
              <span className="number" data-testid={`standing-count-${standing}`}>
                {t('retribution.assetCount', { count: counts[standing] })}
              </span>
            </label>
          </li>
        ))}
      </ul>
    </div>
  );
}
