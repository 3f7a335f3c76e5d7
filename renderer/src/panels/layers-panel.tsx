import type { Map as MapLibreMap } from 'maplibre-gl';
import { useState } from 'react';
import { DRAWN_LAYERS } from '#shared/edit/feature-edits';
import { layerMinZoom } from '#shared/tiles/layer-tiles';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '#shared/format/format-number';
import { useSnapshot, useStore } from '../state/store-context';
import { HighlightLegend, Legend } from './legend';
import { layerLabel } from '../format/layer-label';
import { ConfirmDialog } from '../components/confirm-dialog';
import { OpacitySlider } from '../components/opacity-slider';
import { LayerStyleEditor } from './layer-style-editor';
import type { Layer } from '#shared/model/layer';
import { ExportDialog, type ExportResult } from './export-dialog';
import { BackgroundsPanel } from './backgrounds-panel';

/** Drawn features go to these layers by id, made on first use: removing one would hide what is drawn next. */
const KEPT_LAYERS = new Set(Object.values(DRAWN_LAYERS).map((layer) => layer.id));

/** Names as shown, with layers of the same name told apart by a number: "tiang", "tiang (2)". */
function shownNames(layers: readonly Layer[], label: (layer: Layer) => string): Map<string, string> {
  const seen = new Map<string, number>();
  const names = new Map<string, string>();
  for (const layer of [...layers].sort((a, b) => a.order - b.order)) {
    const name = label(layer);
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    names.set(layer.id, count > 1 ? `${name} (${count})` : name);
  }
  return names;
}

export function LayersPanel({ onOpenTable, map }: { onOpenTable: (layerId: string) => void; map: MapLibreMap | null }) {
  const { t, i18n } = useTranslation();
  const store = useStore();
  const { layers, featuresByLayer } = useSnapshot();
  const locale = i18n.language === 'en' ? 'en' : 'id';
  const topFirst = [...layers].sort((a, b) => b.order - a.order);
  const names = shownNames(layers, (layer) => layerLabel(layer, t));
  const [renaming, setRenaming] = useState<string | null>(null);
  const [removing, setRemoving] = useState<Layer | null>(null);
  const [styling, setStyling] = useState<string | null>(null);
  const [exportingProject, setExportingProject] = useState(false);
  const [projectMessage, setProjectMessage] = useState<ExportResult | null>(null);

  return (
    <section className="panel layers-panel" aria-label={t('layers.title')} data-testid="layers-panel">
      <div className="panel-title-row">
        <h2>{t('layers.title')}</h2>
        <button type="button" className="small" data-testid="export-project" onClick={() => setExportingProject(true)}>
          {t('layers.exportProject')}
        </button>
      </div>
      {exportingProject && (
        <ExportDialog
          subject={{
            kind: 'project',
            name: t('layers.projectName'),
            layers: [...layers]
              .sort((a, b) => a.order - b.order)
              .map((layer) => ({
                name: names.get(layer.id) ?? layer.name,
                features: featuresByLayer.get(layer.id) ?? [],
                styleBy: layer.styleBy === 'condition' ? ('condition' as const) : ('status' as const),
              }))
              .filter((layer) => layer.features.length > 0),
          }}
          onClose={() => setExportingProject(false)}
          onDone={setProjectMessage}
        />
      )}
      {projectMessage && (
        <p className={`table-message ${projectMessage.kind}`} role="status" data-testid="project-export-message">
          {projectMessage.words(t)}
        </p>
      )}
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
                {renaming === layer.id ? null : (
                  <span className="layer-name" data-testid={`layer-name-${layer.id}`}>
                    {names.get(layer.id)}
                  </span>
                )}
              </label>
              {renaming === layer.id && (
                <input
                  className="layer-rename"
                  autoFocus
                  defaultValue={layerLabel(layer, t)}
                  aria-label={t('layers.rename')}
                  data-testid={`layer-rename-${layer.id}`}
                  onKeyDown={(event) => {
                    if (event.key === 'Escape') setRenaming(null);
                    if (event.key === 'Enter') {
                      setRenaming(null);
                      void store.document.renameLayer(layer.id, event.currentTarget.value);
                    }
                  }}
                  onBlur={() => setRenaming(null)}
                />
              )}
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
                <button
                  type="button"
                  title={t('style.title')}
                  aria-label={t('style.title')}
                  aria-expanded={styling === layer.id}
                  className={layer.style ? 'styled' : undefined}
                  data-testid={`layer-style-button-${layer.id}`}
                  onClick={() => setStyling(styling === layer.id ? null : layer.id)}
                >
                  {t('style.button')}
                </button>
                <button
                  type="button"
                  title={t('layers.rename')}
                  aria-label={t('layers.rename')}
                  data-testid={`layer-rename-button-${layer.id}`}
                  onClick={() => setRenaming(layer.id)}
                >
                  ✎
                </button>
                {!KEPT_LAYERS.has(layer.id) && (
                  <button
                    type="button"
                    title={t('layers.remove')}
                    aria-label={t('layers.remove')}
                    data-testid={`layer-remove-${layer.id}`}
                    onClick={() => setRemoving(layer)}
                  >
                    ✕
                  </button>
                )}
              </span>
            </div>
            <div className="layer-meta">
              {t('layers.featureCount', {
                n: formatNumber(featuresByLayer.get(layer.id)?.length ?? 0, locale),
                count: featuresByLayer.get(layer.id)?.length ?? 0,
              })}

              {layer.kind === 'road' && !layer.style?.rule && (
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
            {layer.visible && (
              <OpacitySlider
                value={layer.opacity ?? 1}
                testId={`layer-opacity-${layer.id}`}
                onCommit={(opacity) => void store.document.setLayerOpacity(layer.id, opacity)}
              />
            )}
            {layerMinZoom(featuresByLayer.get(layer.id) ?? []) > 0 && (
              <div className="layer-hint" data-testid={`layer-min-zoom-${layer.id}`}>
                {t('layers.fromZoom', { zoom: layerMinZoom(featuresByLayer.get(layer.id) ?? []) })}
              </div>
            )}
            {styling === layer.id && <LayerStyleEditor layer={layer} features={featuresByLayer.get(layer.id) ?? []} />}
            {layer.visible && <Legend layer={layer} />}
          </li>
        ))}
      </ol>
      <BackgroundsPanel map={map} />
      <HighlightLegend />
      {removing && (
        <ConfirmDialog
          title={t('layers.removeTitle', { layer: names.get(removing.id) })}
          body={t('layers.removeBody', {
            layer: names.get(removing.id),
            count: featuresByLayer.get(removing.id)?.length ?? 0,
          })}
          confirmLabel={t('layers.remove')}
          onConfirm={() => {
            setRemoving(null);
            void store.document.removeLayer(removing.id);
          }}
          onCancel={() => setRemoving(null)}
        />
      )}
    </section>
  );
}
