import { layerMinZoom } from '#shared/tiles/layer-tiles';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '#shared/format/format-number';
import { useSnapshot, useStore } from '../state/store-context';
import { Legend } from './legend';
import { layerLabel } from '../format/layer-label';
export function LayersPanel({ onOpenTable }: { onOpenTable: (layerId: string) => void }) {
  const { t, i18n } = useTranslation();
  const store = useStore();
  const { layers, featuresByLayer } = useSnapshot();
  const locale = i18n.language === 'en' ? 'en' : 'id';
  const topFirst = [...layers].sort((a, b) => b.order - a.order);

  return (
    <section className="panel layers-panel" aria-label={t('layers.title')} data-testid="layers-panel">
      <h2>{t('layers.title')}</h2>
      <ol className="layer-list">
        {topFirst.map((layer, index) => (
          <li key={layer.id} className="layer-item" data-testid={`layer-${layer.id}`}>
            <div className="layer-row">
              <label className="layer-toggle">
                <input
                  type="checkbox"
                  checked={layer.visible}
                  aria-label={`${t('layers.visible')}: ${layerLabel(layer, t)}`}
                  data-testid={`layer-visible-${layer.id}`}
                  onChange={(event) => void store.document.setLayerVisible(layer.id, event.target.checked)}
                />
                <span className="layer-name">{layerLabel(layer, t)}</span>
              </label>
              {layer.demo && (
                <span className="demo-tag" title={t('layers.demoHint')}>
                  {t('layers.demoBadge')}
                </span>
              )}
              <span className="layer-buttons">
                <button
                  type="button"
                  title={t('layers.moveUp')}
                  aria-label={t('layers.moveUp')}
                  disabled={index === 0}
                  data-testid={`layer-up-${layer.id}`}
                  onClick={() => void store.document.moveLayer(layer.id, 'up')}
                >
                  ▲
                </button>
                <button
                  type="button"
                  title={t('layers.moveDown')}
                  aria-label={t('layers.moveDown')}
                  disabled={index === topFirst.length - 1}
                  data-testid={`layer-down-${layer.id}`}
                  onClick={() => void store.document.moveLayer(layer.id, 'down')}
                >
                  ▼
                </button>
                <button
                  type="button"
                  title={t('layers.zoomTo')}
                  aria-label={t('layers.zoomTo')}
                  data-testid={`layer-zoom-${layer.id}`}
                  disabled={(featuresByLayer.get(layer.id)?.length ?? 0) === 0}
                  onClick={() => store.selection.frameLayer(layer.id)}
                >
                  ⤢
                </button>
                <button type="button" data-testid={`layer-table-${layer.id}`} onClick={() => onOpenTable(layer.id)}>
                  {t('layers.openTable')}
                </button>
              </span>
            </div>
            <div className="layer-meta">
              {t('layers.featureCount', {
                n: formatNumber(featuresByLayer.get(layer.id)?.length ?? 0, locale),
                count: featuresByLayer.get(layer.id)?.length ?? 0,
              })}

              {layer.kind === 'road' && (
                <label className="style-by">
                  {t('layers.styleBy')}{' '}
                  <select
                    value={layer.styleBy}
                    data-testid={`layer-style-${layer.id}`}
                    onChange={(event) =>
                      void store.document.setLayerStyle(layer.id, event.target.value as 'status' | 'condition')
                    }
                  >
                    <option value="status">{t('layers.byStatus')}</option>
                    <option value="condition">{t('layers.byCondition')}</option>
                  </select>
                </label>
              )}
            </div>
            {layerMinZoom(featuresByLayer.get(layer.id) ?? []) > 0 && (
              <div className="layer-hint" data-testid={`layer-min-zoom-${layer.id}`}>
                {t('layers.fromZoom', { zoom: layerMinZoom(featuresByLayer.get(layer.id) ?? []) })}
              </div>
            )}
            {layer.visible && <Legend layer={layer} />}
          </li>
        ))}
      </ol>
    </section>
  );
}
