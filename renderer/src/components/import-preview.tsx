import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { recordLabel } from '#shared/io/check-records';
import { ImportNotes } from './import-notes';
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { PreparedImport } from '#shared/io/import-file';
import {
  isRequired,
  mappableFields,
  readMappedColumns,
  mappingSignature,
  requiredGaps,
  suggestMapping,
  type FieldMapping,
} from '#shared/io/map-fields';
import { suggestOption, unmatchedValues } from '#shared/io/enum-values';
import type { ColumnReading } from '#shared/io/type-columns';
import { fieldsOfPlainFeatures } from '#shared/model/feature-fields';
import { boundsOf, positionsOf } from '#shared/geo/positions-of';
import { formatNumber, type Locale } from '#shared/format/format-number';
import { ALL_CRS, KNOWN_CRS, findCrs, resolveCrsCode, searchCrs } from '#shared/geo/known-crs';
import type { LayerKind } from '#shared/model/layer';
import { useStore } from '../state/store-context';
import type { ImportOutcome, PendingImport } from '../state/app-store';
import { readField } from '#shared/model/field-value';
import { useProblemText } from '../i18n/problem-text';
import type { Problem } from '#shared/messages/problem';

const KINDS: LayerKind[] = ['plain', 'road', 'bridge', 'asset'];
const EXTENT_SOURCE = 'import-extent';

const extentOf = (prepared: PreparedImport): [number, number, number, number] | null =>
  prepared.features.length ? boundsOf(prepared.features.flatMap((feature) => positionsOf(feature.geometry))) : null;

/** Up to three different values a column holds, for the user to recognise it. */
function samplesOf(prepared: PreparedImport, column: string, locale: Locale): string {
  const values = new Set<string>();
  for (const feature of prepared.features) {
    const value = readField(feature.properties, column);
    if (value === null || value === undefined || String(value).trim() === '') continue;
    // A number the file typed is shown the reader's way (25,5 in Indonesian), as the table will show it.
    const shown =
      typeof value === 'number'
        ? value.toLocaleString(locale === 'id' ? 'id-ID' : 'en-GB', { maximumFractionDigits: 7 })
        : String(value);
    values.add(shown.slice(0, 24));
    if (values.size === 3) break;
  }
  return [...values].join(' · ');
}

/** Shows the file's extent on the main map while the preview is open. */
function useExtentOnMap(map: MapLibreMap | null, extent: [number, number, number, number] | null) {
  useEffect(() => {
    if (!map || !extent) return undefined;
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
  const problemText = useProblemText();
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
  const [error, setError] = useState<Problem | string | null>(null);
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

  const fields = useMemo(() => mappableFields(mapping.kind), [mapping.kind]);
  const fileName = pending.file.name;
  const reread = async (options: PendingImport['options']) => setError(await store.imports.reprepare(options));
  const [epsg, setEpsg] = useState('');
  const found = useMemo(() => (epsg.trim() ? searchCrs(epsg) : []), [epsg]);
  const applyEpsg = () => {
    const code = resolveCrsCode(epsg) ?? (found.length === 1 ? found[0]!.code : null);
    if (code) void reread({ ...pending.options, crs: code });
    else if (found.length === 0) setError(t('import.epsgUnknown', { code: epsg, count: ALL_CRS.length }));
  };
  const suggested = (prepared.suggestedCrs ?? []).map((code) => findCrs(code)).filter((crs) => crs !== undefined);
  const offered = [...suggested, ...KNOWN_CRS.filter((crs) => !suggested.includes(crs))];
  const chosenCrs = pending.options.crs ? findCrs(pending.options.crs) : undefined;
  if (chosenCrs && !offered.includes(chosenCrs)) offered.push(chosenCrs);
  const mappedColumns = new Set(Object.values(mapping.sources).filter(Boolean));
  const extraColumns = fields.length > 0 ? sourceFields.filter((column) => !mappedColumns.has(column)) : [];
  const crsRequired = prepared.crsChoice === 'required';
  const gaps = useMemo(() => requiredGaps(mapping, prepared.features), [mapping, prepared.features]);
  // Every value of a mapped choice column that is not an option, whether chosen yet or not (so a choice can change).
  const offValues = useMemo(
    () => unmatchedValues(fields, mapping.sources, {}, prepared.features),
    [fields, mapping.sources, prepared.features],
  );
  const chosenOf = (field: string, raw: string) => {
    const chosen = mapping.values && Object.hasOwn(mapping.values, field) ? mapping.values[field]! : undefined;
    return chosen && Object.hasOwn(chosen, raw) ? chosen[raw]! : '';
  };
  const pendingValues = offValues.filter((value) => !chosenOf(value.field, value.raw));
  const numbers = useMemo(() => readMappedColumns(mapping, prepared.features), [mapping, prepared.features]);
  const readingChosen = (column: string) =>
    mapping.readings && Object.hasOwn(mapping.readings, column) ? mapping.readings[column] : undefined;
  const numberFieldColumns = new Set(
    fields.filter((field) => field.type === 'number').map((field) => mapping.sources[field.key]),
  );
  // A column that reads either way must be decided before it fills a number field; elsewhere it stays text.
  const pendingReadings = numbers.ambiguous.filter(
    (column) => numberFieldColumns.has(column) && !readingChosen(column),
  );
  const chooseReading = (column: string, reading: ColumnReading | '') => {
    const readings = { ...(mapping.readings ?? {}) };
    if (reading) readings[column] = reading;
    else delete readings[column];
    setMapping({ ...mapping, readings });
  };
  const styledColumns = (style: ColumnReading) =>
    Object.keys(numbers.typed).filter(
      (column) => numbers.typed[column] === style && !numbers.ambiguous.includes(column),
    );
  const fieldOf = (key: string) => fields.find((field) => field.key === key)!;
  const optionLabel = (key: string, option: string) => {
    const field = fieldOf(key);
    return field.type === 'enum' ? t(`model.${field.labels}.${option}`) : option;
  };
  const suggestionOf = (key: string, raw: string) =>
    suggestOption(fieldOf(key), raw, (option) => optionLabel(key, option));
  const chooseValues = (choices: { field: string; raw: string; option: string }[]) => {
    const values: Record<string, Record<string, string>> = { ...(mapping.values ?? {}) };
    for (const { field, raw, option } of choices) values[field] = { ...(values[field] ?? {}), [raw]: option };
    setMapping({ ...mapping, values });
  };
  const suggestions = pendingValues
    .map((value) => ({ ...value, option: suggestionOf(value.field, value.raw) }))
    .filter((value): value is typeof value & { option: string } => value.option !== null);
  const confirm = async () => {
    const outcome = await store.imports.confirm(mapping, signature, (key) => t(key));
    if (outcome.ok) onDone(outcome);
    else setError(outcome.error);
  };

  return (
    <dialog ref={dialog} className="import-preview" data-testid="import-preview" aria-labelledby="import-preview-title">
      <h2 id="import-preview-title">{t('import.previewTitle', { file: fileName })}</h2>
      <dl className="preview-facts">
        <dt>{t('import.count')}</dt>
        <dd>
          <span data-testid="preview-count">{formatNumber(prepared.features.length, locale)}</span>{' '}
          {t('import.featuresUnit')}
        </dd>
        {prepared.skipped.length > 0 && (
          <>
            <dt>{t('import.skippedLabel')}</dt>
            <dd data-testid="preview-skipped">
              {t('import.skippedValue', { count: prepared.skipped.length })}:{' '}
              {prepared.skipped
                .slice(0, 3)
                .map((note) => problemText(recordLabel(note.index, note.name)))
                .join(', ')}
              {prepared.skipped.length > 3 ? ', …' : ''}
            </dd>
          </>
        )}
        {prepared.unplaced.length > 0 && (
          <>
            <dt>{t('import.unplacedLabel')}</dt>
            <dd data-testid="preview-unplaced" className="preview-warning">
              {t('import.unplacedValue', { count: prepared.unplaced.length })}
              <ul className="unplaced-list">
                {prepared.unplaced.slice(0, 200).map((line, index) => (
                  <li key={index}>{problemText(line)}</li>
                ))}
                {prepared.unplaced.length > 200 && <li>… {prepared.unplaced.length - 200}</li>}
              </ul>
            </dd>
          </>
        )}
        {prepared.layers && (prepared.format === 'geopackage' || prepared.format === 'dxf') && (
          <>
            <dt>{t(prepared.format === 'dxf' ? 'import.dxfLayers' : 'import.gpkgLayers')}</dt>
            <dd data-testid="preview-layers" className="layer-choice">
              {prepared.layers.map((layer) => {
                const chosen = pending.options.layers ?? prepared.layers!.map((l) => l.name);
                const on = chosen.includes(layer.name);
                return (
                  <label key={layer.name} className="inline-check">
                    <input
                      type="checkbox"
                      checked={on}
                      data-testid={`preview-layer-${layer.name}`}
                      disabled={on && chosen.length === 1}
                      onChange={() =>
                        void reread({
                          ...pending.options,
                          layers: on ? chosen.filter((name) => name !== layer.name) : [...chosen, layer.name],
                        })
                      }
                    />
                    {layer.name} —{' '}
                    {layer.geometryType
                      ? `${layer.geometryType === 'sheet' ? t('import.sheet') : layer.geometryType}, `
                      : ''}
                    {formatNumber(layer.count, locale)} {t('import.featuresUnit')}
                    {layer.crs ? `, ${layer.crs}` : ''}
                  </label>
                );
              })}
            </dd>
          </>
        )}
        {prepared.layers && prepared.format === 'xlsx' && (
          <>
            <dt>{t('import.sheet')}</dt>
            <dd>
              <select
                data-testid="preview-sheet"
                aria-label={t('import.sheet')}
                value={pending.options.layers?.[0] ?? ''}
                onChange={(event) => void reread({ ...pending.options, layers: [event.target.value] })}
              >
                {!pending.options.layers && <option value="">{t('import.firstSheet')}</option>}
                {prepared.layers.map((sheet) => (
                  <option key={sheet.name} value={sheet.name}>
                    {sheet.name} ({formatNumber(sheet.count, locale)})
                  </option>
                ))}
              </select>
            </dd>
          </>
        )}
        {prepared.repairs.length > 0 && (
          <>
            <dt>{t('import.repairsLabel')}</dt>
            <dd data-testid="preview-repairs">{t('import.repairs', { count: prepared.repairs.length })}</dd>
          </>
        )}
        {prepared.skipped.length + prepared.repairs.length > 0 && (
          <dd className="preview-notes">
            <ImportNotes fileName={fileName} skipped={prepared.skipped} repairs={prepared.repairs} />
          </dd>
        )}
        {extraColumns.length > 0 && (
          <>
            <dt>{t('import.extrasLabel')}</dt>
            <dd data-testid="preview-extras">
              {t('import.extrasValue', { count: extraColumns.length, names: extraColumns.slice(0, 8).join(', ') })}
              {extraColumns.length > 8 ? ', …' : ''}
            </dd>
          </>
        )}
        {prepared.warnings.length > 0 && (
          <>
            <dt>{t('import.warningsLabel')}</dt>
            <dd data-testid="preview-warnings" className="preview-warning">
              {prepared.warnings.map((warning, index) => (
                <div key={index}>{problemText(warning)}</div>
              ))}
            </dd>
          </>
        )}
        <dt>{t('import.types')}</dt>
        <dd>{prepared.geometryTypes.join(', ') || '—'}</dd>
        <dt>{t('import.crs')}</dt>
        <dd data-testid="preview-crs">{prepared.crs}</dd>
        {(prepared.crsChoice === 'any' || crsRequired) && (
          <>
            <dt>{t('import.pickCrs')}</dt>
            <dd className="crs-choice">
              <select
                aria-label={t('import.pickCrs')}
                data-testid="preview-crs-pick"
                value={pending.options.crs ?? ''}
                onChange={(event) => void reread({ ...pending.options, crs: event.target.value || undefined })}
              >
                <option value="">—</option>
                {offered.map((crs) => (
                  <option key={crs.code} value={crs.code}>
                    {suggested.includes(crs) ? '★ ' : ''}
                    {crs.name} ({crs.code})
                  </option>
                ))}
              </select>
              <input
                value={epsg}
                aria-label={t('import.otherEpsg')}
                placeholder={t('import.epsgPlaceholder')}
                data-testid="preview-epsg"
                size={18}
                onChange={(event) => setEpsg(event.target.value)}
                onKeyDown={(event) => event.key === 'Enter' && applyEpsg()}
              />
              <button type="button" data-testid="preview-epsg-apply" onClick={applyEpsg} disabled={!epsg.trim()}>
                {t('import.apply')}
              </button>
              {found.length > 0 && (
                <select
                  size={Math.min(6, found.length + 1)}
                  aria-label={t('import.crsFound', { count: found.length })}
                  data-testid="preview-crs-found"
                  value=""
                  onChange={(event) => {
                    setEpsg('');
                    void reread({ ...pending.options, crs: event.target.value });
                  }}
                >
                  <option value="" disabled>
                    {t('import.crsFound', { count: found.length })}
                  </option>
                  {found.map((crs) => (
                    <option key={crs.code} value={crs.code}>
                      {crs.name} ({crs.code})
                    </option>
                  ))}
                </select>
              )}
              {suggested.length > 1 && (
                <div className="muted" data-testid="preview-crs-suggested">
                  {t('import.crsSuggested', { names: suggested.map((crs) => crs.name).join(', ') })}
                </div>
              )}
              {chosenCrs && (
                <div
                  className={chosenCrs.shift === 'unknown' ? 'preview-warning' : 'muted'}
                  data-testid="preview-crs-shift"
                  title={chosenCrs.area}
                >
                  {t(`import.crsShift.${chosenCrs.shift}`, { accuracy: formatNumber(chosenCrs.accuracy ?? 0, locale) })}
                </div>
              )}
            </dd>
          </>
        )}
        {prepared.crsChoice === 'utm' && (
          <>
            <dt>{t('import.chooseCrs')}</dt>
            <dd className="crs-choice">
              <select
                aria-label="UTM"
                data-testid="preview-zone"
                value={pending.options.utmZone ?? (prepared.crs.includes('50S') ? 50 : 51)}
                onChange={(event) => void reread({ ...pending.options, utmZone: Number(event.target.value) })}
              >
                <option value={50}>UTM 50S</option>
                <option value={51}>UTM 51S</option>
              </select>
              <select
                aria-label="Datum"
                data-testid="preview-datum"
                value={pending.options.datum ?? 'WGS 84'}
                onChange={(event) =>
                  void reread({ ...pending.options, datum: event.target.value as 'WGS 84' | 'DGN95' | 'SRGI2013' })
                }
              >
                <option value="WGS 84">WGS 84</option>
                <option value="DGN95">DGN95</option>
                <option value="SRGI2013">SRGI2013</option>
              </select>
            </dd>
          </>
        )}
        {(Object.keys(numbers.typed).length > 0 || numbers.ambiguous.length > 0) && (
          <>
            <dt>{t('import.numbers.label')}</dt>
            <dd data-testid="preview-numbers">
              {(['id-number', 'en-number'] as const).map(
                (style) =>
                  styledColumns(style).length > 0 && (
                    <div key={style}>{t(`import.numbers.${style}`, { columns: styledColumns(style).join(', ') })}</div>
                  ),
              )}
              {numbers.ambiguous.map((column) => (
                <label key={column} className="number-reading" data-testid={`reading-${column}`}>
                  {t('import.numbers.ambiguous', { column })}{' '}
                  <select
                    value={readingChosen(column) ?? ''}
                    onChange={(event) => chooseReading(column, event.target.value as ColumnReading | '')}
                  >
                    <option value="">—</option>
                    <option value="id-number">{t('import.numbers.asId')}</option>
                    <option value="en-number">{t('import.numbers.asEn')}</option>
                    <option value="text">{t('import.numbers.asText')}</option>
                  </select>
                </label>
              ))}
            </dd>
          </>
        )}
        <dt>{t('import.extent')}</dt>
        <dd data-testid="preview-extent">
          {extent ? extent.map((value) => formatNumber(value, locale, 4)).join(locale === 'id' ? '; ' : ', ') : '—'}
        </dd>
      </dl>
      {crsRequired && (
        <p className="table-message error" data-testid="preview-crs-required">
          {t('import.crsRequired')}
        </p>
      )}
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
              <th>{t('import.samples')}</th>
            </tr>
          </thead>
          <tbody>
            {fields.map((field) => (
              <tr key={field.key}>
                <th scope="row">
                  {t(`fields.${field.key}`)}
                  {isRequired(field) && (
                    <abbr className="required-mark" title={t('import.required')}>
                      {' '}
                      *
                    </abbr>
                  )}
                </th>
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
                <td className="muted sample-values" data-testid={`sample-${field.key}`}>
                  {mapping.sources[field.key] ? samplesOf(prepared, mapping.sources[field.key]!, locale) : ''}
                  {gaps.some((gap) => gap.key === field.key) && (
                    <span className="required-gap" data-testid={`gap-${field.key}`}>
                      {t('import.requiredGap', { count: gaps.find((gap) => gap.key === field.key)!.empty })}
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {offValues.length > 0 && (
        <section className="value-mapping" data-testid="preview-values">
          <h3>{t('import.values.title')}</h3>
          <p className="muted">{t('import.values.hint')}</p>
          {suggestions.length > 0 && (
            <button type="button" data-testid="values-suggest" onClick={() => chooseValues(suggestions)}>
              {t('import.values.useSuggestions', { count: suggestions.length })}
            </button>
          )}
          <table className="summary-table mapping-table">
            <thead>
              <tr>
                <th>{t('import.modelField')}</th>
                <th>{t('import.values.inFile')}</th>
                <th>{t('import.values.becomes')}</th>
              </tr>
            </thead>
            <tbody>
              {offValues.map((value) => {
                const suggestion = suggestionOf(value.field, value.raw);
                const field = fieldOf(value.field);
                return (
                  <tr key={`${value.field}\u0000${value.raw}`} data-testid="value-row">
                    <th scope="row">{t(`fields.${value.field}`)}</th>
                    <td>
                      “{value.raw}”{' '}
                      <span className="muted">({t('import.values.features', { count: value.count })})</span>
                    </td>
                    <td>
                      <select
                        aria-label={`${t(`fields.${value.field}`)}: ${value.raw}`}
                        value={chosenOf(value.field, value.raw)}
                        onChange={(event) =>
                          chooseValues([{ field: value.field, raw: value.raw, option: event.target.value }])
                        }
                      >
                        <option value="">—</option>
                        {field.type === 'enum' &&
                          field.options.map((option) => (
                            <option key={option} value={option}>
                              {optionLabel(value.field, option)}
                            </option>
                          ))}
                      </select>
                      {suggestion && !chosenOf(value.field, value.raw) && (
                        <span className="muted">
                          {' '}
                          {t('import.values.suggested', { option: optionLabel(value.field, suggestion) })}
                        </span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      )}
      {fields.length === 0 && sourceFields.length > 0 && (
        <details className="preview-columns" data-testid="preview-columns">
          <summary>{t('import.columns', { count: sourceFields.length })}</summary>
          <table className="summary-table">
            <tbody>
              {sourceFields.map((column) => (
                <tr key={column}>
                  <th scope="row">{column}</th>
                  <td className="muted sample-values">{samplesOf(prepared, column, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
      {error && (
        <div className="table-message error" role="alert" data-testid="preview-error">
          {t('import.failed')} {problemText(error)}
        </div>
      )}
      {pendingReadings.length > 0 && (
        <p className="table-message error" data-testid="preview-readings-pending">
          {t('import.numbers.pending', { columns: pendingReadings.join(', ') })}
        </p>
      )}
      {pendingValues.length > 0 && (
        <p className="table-message error" data-testid="preview-values-pending">
          {t('import.values.pending', { count: pendingValues.length })}
        </p>
      )}
      {gaps.length > 0 && (
        <p className="table-message error" data-testid="preview-required">
          {t('import.requiredMissing', {
            count: gaps.length,
            fields: gaps.map((gap) => t(`fields.${gap.key}`)).join(', '),
          })}
        </p>
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
        <button
          type="button"
          className="primary-button"
          data-testid="preview-import"
          disabled={crsRequired || gaps.length > 0 || pendingValues.length > 0 || pendingReadings.length > 0}
          onClick={() => void confirm()}
        >
          {t('import.confirm')}
        </button>
      </div>
    </dialog>
  );
}
