import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { PreparedImport } from '#shared/io/import-file';
import { mappableFields, mappingSignature, suggestMapping, type FieldMapping } from '#shared/io/map-fields';
import { fieldsOfPlainFeatures } from '#shared/model/feature-fields';
import { boundsOf, positionsOf } from '#shared/geo/positions-of';
import { formatNumber } from '#shared/format/format-number';
import type { LayerKind } from '#shared/model/layer';
import { useStore } from '../state/store-context';
import type { ImportOutcome, PendingImport } from '../state/app-store';

const KINDS: LayerKind[] = ['plain', 'road', 'bridge', 'asset'];
const EXTENT_SOURCE = 'import-extent';

const extentOf = (prepared: PreparedImport) =>
  boundsOf(prepared.features.flatMap((feature) => positionsOf(feature.geometry)));

/** Shows the file's extent on the main map while the preview is open. */
function useExtentOnMap(map: MapLibreMap | null, extent: [number, number, number, number]) {
  useEffect(() => {
    if (!map) return undefined;
    const [w, s, e, n] = extent;
    const outline = {
      type: 'Feature' as const,
      properties: {},
      geometry: {
        type: 'Polygon' as const,
        coordinates: [
          [
            [w, s],
            [e, s],
            [e, n],
            [w, n],
            [w, s],
          ],
        ],
      },
    };
    if (map.getSource(EXTENT_SOURCE)) void (map.getSource(EXTENT_SOURCE) as GeoJSONSource).setData(outline);
    else {
      map.addSource(EXTENT_SOURCE, { type: 'geojson', data: outline });
      map.addLayer({
        id: EXTENT_SOURCE,
        type: 'line',
        source: EXTENT_SOURCE,
        paint: { 'line-color': '#0b5cad', 'line-width': 2, 'line-dasharray': [2, 2] },
      });
    }
    map.fitBounds(
      [
        [w, s],
        [e, n],
      ],
      { padding: 80, maxZoom: 15, duration: 0 },
    );
    return () => {
      if (map.getLayer(EXTENT_SOURCE)) map.removeLayer(EXTENT_SOURCE);
      if (map.getSource(EXTENT_SOURCE)) map.removeSource(EXTENT_SOURCE);
    };
  }, [map, extent]);
}

/** The preview step: what the file holds, where it lies, and how its attributes map onto the model. */
export function ImportPreview({
  pending,
  map,
  onDone,
}: {
  pending: PendingImport;
  map: MapLibreMap | null;
  onDone: (outcome: ImportOutcome | null) => void;
}) {
  const { prepared } = pending;
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en' : 'id';
  const store = useStore();
  const dialog = useRef<HTMLDialogElement>(null);
  const sourceFields = useMemo(
    () =>
      fieldsOfPlainFeatures(prepared.features.slice(0, 1000).map((f) => f.properties))
        .map((f) => f.key)
        .filter((key) => key !== 'source'),
    [prepared],
  );
  const signature = useMemo(() => mappingSignature(sourceFields), [sourceFields]);
  const [mapping, setMapping] = useState<FieldMapping>(() => suggestMapping('plain', sourceFields));
  const [remembered, setRemembered] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const extent = useMemo(() => extentOf(prepared), [prepared]);
  useExtentOnMap(map, extent);

  useEffect(() => {
    if (dialog.current && !dialog.current.open) dialog.current.show();
    void store.imports.rememberedMapping(signature).then((saved) => {
      if (saved) {
        setMapping(saved);
        setRemembered(true);
      }
    });
  }, [store, signature]);

  const fields = mappableFields(mapping.kind);
  const fileName = pending.file.name;
  const reread = async (options: PendingImport['csvOptions']) => setError(await store.imports.reprepare(options));
  const confirm = async () => {
    const outcome = await store.imports.confirm(mapping, signature);
    if (outcome.ok) onDone(outcome);
    else setError(outcome.error);
  };

  return (
    <dialog ref={dialog} className="import-preview" data-testid="import-preview" aria-labelledby="import-preview-title">
      <h2 id="import-preview-title">{t('import.previewTitle', { file: fileName })}</h2>
      <dl className="preview-facts">
        <dt>{t('import.count')}</dt>
        <dd data-testid="preview-count">{formatNumber(prepared.features.length, locale)}</dd>
        <dt>{t('import.types')}</dt>
        <dd>{prepared.geometryTypes.join(', ')}</dd>
        <dt>{t('import.crs')}</dt>
        <dd data-testid="preview-crs">{prepared.crs}</dd>
        {prepared.crs.includes('UTM') && (
          <>
            <dt>{t('import.chooseCrs')}</dt>
            <dd className="crs-choice">
              <select
                aria-label="UTM"
                data-testid="preview-zone"
                value={pending.csvOptions.utmZone ?? (prepared.crs.includes('50S') ? 50 : 51)}
                onChange={(event) => void reread({ ...pending.csvOptions, utmZone: Number(event.target.value) })}
              >
                <option value={50}>UTM 50S</option>
                <option value={51}>UTM 51S</option>
              </select>
              <select
                aria-label="Datum"
                data-testid="preview-datum"
                value={pending.csvOptions.datum ?? 'WGS 84'}
                onChange={(event) =>
                  void reread({ ...pending.csvOptions, datum: event.target.value as 'WGS 84' | 'DGN95' | 'SRGI2013' })
                }
              >
                <option value="WGS 84">WGS 84</option>
                <option value="DGN95">DGN95</option>
                <option value="SRGI2013">SRGI2013</option>
              </select>
            </dd>
          </>
        )}
        <dt>{t('import.extent')}</dt>
        <dd>{extent.map((value) => value.toFixed(4)).join(', ')}</dd>
        {prepared.repairs.length > 0 && (
          <>
            <dt>{t('import.repairsLabel')}</dt>
            <dd title={prepared.repairs.slice(0, 20).join('\n')}>
              {t('import.repairs', { count: prepared.repairs.length })}
            </dd>
          </>
        )}
      </dl>
      <label className="stacked-field">
        {t('import.kind')}
        <select
          value={mapping.kind}
          data-testid="preview-kind"
          onChange={(event) => setMapping(suggestMapping(event.target.value as LayerKind, sourceFields))}
        >
          {KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`model.kind.${kind}`)}
            </option>
          ))}
        </select>
      </label>
      {remembered && (
        <p className="muted" data-testid="preview-remembered">
          {t('import.remembered')}
        </p>
      )}
      {fields.length > 0 && (
        <table className="summary-table mapping-table">
          <thead>
            <tr>
              <th>{t('import.modelField')}</th>
              <th>{t('import.sourceField')}</th>
              <th>{t('import.defaultValue')}</th>
            </tr>
          </thead>
          <tbody>
            {fields.map((field) => (
              <tr key={field.key}>
                <th scope="row">{t(`fields.${field.key}`)}</th>
                <td>
                  <select
                    value={mapping.sources[field.key] ?? ''}
                    data-testid={`map-${field.key}`}
                    onChange={(event) =>
                      setMapping({
                        ...mapping,
                        sources: { ...mapping.sources, [field.key]: event.target.value || null },
                      })
                    }
                  >
                    <option value="">—</option>
                    {sourceFields.map((source) => (
                      <option key={source} value={source}>
                        {source}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  {field.type === 'enum' || field.type === 'boolean' ? (
                    <select
                      value={mapping.defaults[field.key] ?? ''}
                      data-testid={`default-${field.key}`}
                      onChange={(event) =>
                        setMapping({ ...mapping, defaults: { ...mapping.defaults, [field.key]: event.target.value } })
                      }
                    >
                      <option value="">—</option>
                      {(field.type === 'enum' ? field.options : ['true', 'false']).map((value) => (
                        <option key={value} value={value}>
                          {field.type === 'enum'
                            ? t(`model.${field.labels}.${value}`)
                            : t(value === 'true' ? 'common.yes' : 'common.no')}
                        </option>
                      ))}
                    </select>
                  ) : (
                    <input
                      value={mapping.defaults[field.key] ?? ''}
                      data-testid={`default-${field.key}`}
                      onChange={(event) =>
                        setMapping({ ...mapping, defaults: { ...mapping.defaults, [field.key]: event.target.value } })
                      }
                    />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {error && (
        <div className="table-message error" role="alert" data-testid="preview-error">
          {t('import.failed')} {error}
        </div>
      )}
      <div className="dialog-buttons">
        <button
          type="button"
          data-testid="preview-cancel"
          onClick={() => {
            store.imports.cancel();
            onDone(null);
          }}
        >
          {t('common.cancel')}
        </button>
        <button type="button" className="primary-button" data-testid="preview-import" onClick={() => void confirm()}>
          {t('import.confirm')}
        </button>
      </div>
    </dialog>
  );
}
