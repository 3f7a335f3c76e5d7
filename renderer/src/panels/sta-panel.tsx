import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { useEscapeToClear } from '../components/use-escape-to-clear';
import { pointAtSta, ruasLengthM, ruasPaths } from '#shared/geo/ruas-reference';
import { summariseConditionRanges, type ConditionRange } from '#shared/analysis/condition-ranges';
import { CONDITIONS, type Condition } from '#shared/model/road-network';
import { formatKilometres, formatPercent, formatSta, type Locale } from '#shared/format/format-number';
import { usePanelState, useSnapshot, useStore } from '../state/store-context';
import type { EditSession } from '../state/edit-session';
import { defaultPropertiesFor } from '../state/new-feature-defaults';
import { isRangeOf } from '#shared/edit/feature-edits';
import { STA_LABELS_KEY, staLabelsWanted, type StaLayers } from '../map/sta-layers';
import { CONDITION_COLORS } from '../map/thematic-style';
import { layerLabel } from '../format/layer-label';
import { inputErrorMessage } from '../format/number-input-message';
import { parseNumberInput } from '#shared/model/feature-fields';
import { useMessage } from '../components/use-message';
import { problemOf } from '#shared/messages/problem';
import { useProblemText } from '../i18n/problem-text';

interface RangeDraft {
  from: string;
  to: string;
  condition: Condition;
}

const staText = (metres: number) => formatSta(metres).replace('STA ', '');

/** Linear referencing along a ruas: go to an STA, place a bridge or asset there, condition by STA ranges. */
export function StaPanel({
  map,
  staLayers,
  session,
}: {
  map: MapLibreMap | null;
  staLayers: StaLayers | null;
  session: EditSession;
}) {
  const { t, i18n } = useTranslation();
  const wordProblem = useProblemText();
  const locale = (i18n.language === 'en' ? 'en' : 'id') as Locale;
  const store = useStore();
  const { layers, featuresByLayer } = useSnapshot();
  const [labels, setLabels] = useState(staLabelsWanted);
  const [ruasKey, setRuasKey] = usePanelState('sta.ruas', '');
  const [staInput, setStaInput] = usePanelState('sta.input', '');
  const [message, setMessage] = useMessage<{ tone: 'error' | 'info'; text: string }>();
  const [drafts, setDrafts] = useState<RangeDraft[]>([]);

  useEffect(() => {
    staLayers?.setEnabled(labels);
    localStorage.setItem(STA_LABELS_KEY, labels ? 'on' : 'off');
  }, [labels, staLayers]);
  useEffect(() => () => staLayers?.showMarker(null), [staLayers]);
  // The marker "go to STA" put down, until cleared (button or Esc).
  const [marked, setMarked] = useState(false);
  const clearMarker = () => {
    staLayers?.showMarker(null);
    setMarked(false);
  };
  useEscapeToClear(marked, clearMarker);

  const ruasOptions = useMemo(() => {
    const options = new Map<string, { layerId: string; ruasNumber: string; label: string }>();
    for (const layer of layers) {
      if (layer.kind !== 'road') continue;
      for (const feature of featuresByLayer.get(layer.id) ?? []) {
        const ruasNumber = String(feature.properties.ruasNumber ?? '');
        const key = `${layer.id}|${ruasNumber}`;
        // The segment name without its "(1/3)" part names the ruas.
        const name = String(feature.properties.name ?? '').replace(/\s*\(\d+\/\d+\)$/, '');
        if (!options.has(key))
          options.set(key, {
            layerId: layer.id,
            ruasNumber,
            label: `${ruasNumber} · ${name} (${layerLabel(layer, t)})`,
          });
      }
    }
    return [...options.entries()].sort((a, b) => a[1].label.localeCompare(b[1].label, 'id', { numeric: true }));
  }, [layers, featuresByLayer, t]);
  // Picking a ruas shows it: the map frames its segments (without selecting them).
  const chooseRuas = (key: string) => {
    setRuasKey(key);
    const option = ruasOptions.find(([candidate]) => candidate === key)?.[1];
    if (!option) return;
    const ids = (featuresByLayer.get(option.layerId) ?? [])
      .filter((feature) => String(feature.properties.ruasNumber ?? '') === option.ruasNumber)
      .map((feature) => feature.id);
    if (ids.length > 0) store.selection.frameFeatures(ids);
  };
  const chosen = ruasOptions.find(([key]) => key === ruasKey)?.[1] ?? ruasOptions[0]?.[1];
  const paths = useMemo(
    () => (chosen ? ruasPaths(featuresByLayer.get(chosen.layerId) ?? [], chosen.ruasNumber) : []),
    [chosen, featuresByLayer],
  );
  const lengthM = useMemo(() => ruasLengthM(paths), [paths]);

  const storedRanges = useMemo(
    () =>
      layers
        .filter((layer) => layer.kind === 'condition_range')
        .flatMap((layer) => featuresByLayer.get(layer.id) ?? [])
        .filter((feature) => chosen !== undefined && isRangeOf(feature, chosen.layerId, chosen.ruasNumber))
        .map((feature): ConditionRange => ({
          fromM: Number(feature.properties.staFromM),
          toM: Number(feature.properties.staToM),
          condition: feature.properties.condition as Condition,
        }))
        .sort((a, b) => a.fromM - b.fromM),
    [layers, featuresByLayer, chosen],
  );
  useEffect(
    () =>
      setDrafts(
        storedRanges.map((range) => ({
          from: staText(range.fromM),
          to: staText(range.toM),
          condition: range.condition,
        })),
      ),
    [storedRanges],
  );
  const summary = useMemo(() => summariseConditionRanges(storedRanges, lengthM), [storedRanges, lengthM]);

  /** An STA as typed (`16+250`, or metres the UI language's way: `16.250` in Indonesian); null with the reason shown. */
  const readSta = (input: string) => {
    try {
      return parseNumberInput(input, locale, true);
    } catch (error) {
      setMessage({ tone: 'error', text: `${t('sta.badSta', { input })} ${inputErrorMessage(error, t)}` });
      return null;
    }
  };

  /** The place of the typed STA on the chosen ruas, or null with the reason shown. */
  const placeOfSta = () => {
    const staM = readSta(staInput);
    if (staM === null) return null;
    const position = pointAtSta(paths, staM);
    if (!position) {
      setMessage({ tone: 'error', text: t('sta.pastEnd', { sta: formatSta(staM), length: formatSta(lengthM) }) });
      return null;
    }
    setMessage(null);
    staLayers?.showMarker(position, `${chosen?.ruasNumber} ${formatSta(staM)}`);
    setMarked(true);
    return { staM, position };
  };
  const goTo = () => {
    const place = placeOfSta();
    if (place)
      map?.flyTo({ center: place.position as [number, number], zoom: Math.max(map.getZoom(), 16), duration: 800 });
  };
  const addAt = (kind: 'bridge' | 'asset') => {
    const place = placeOfSta();
    if (!place || !chosen) return;
    const road = (featuresByLayer.get(chosen.layerId) ?? []).find(
      (feature) => feature.properties.ruasNumber === chosen.ruasNumber,
    );
    const initial =
      kind === 'bridge'
        ? {
            ...defaultPropertiesFor('bridge'),
            ruasNumber: chosen.ruasNumber,
            staM: Math.round(place.staM),
            regencyCode: road?.properties.regencyCode ?? null,
          }
        : defaultPropertiesFor('asset');
    session.setPending({ kind, geometry: { type: 'Point', coordinates: place.position }, initial });
  };

  const saveRanges = async () => {
    if (!chosen) return;
    const ranges: ConditionRange[] = [];
    for (const draft of drafts) {
      const fromM = readSta(draft.from);
      const toM = fromM === null ? null : readSta(draft.to);
      if (fromM === null || toM === null) return;
      ranges.push({ fromM, toM, condition: draft.condition });
    }
    try {
      await store.document.saveConditionRanges(chosen.layerId, chosen.ruasNumber, ranges);
      setMessage({ tone: 'info', text: t('sta.rangesSaved', { count: ranges.length }) });
    } catch (error) {
      setMessage({ tone: 'error', text: wordProblem(problemOf(error)) });
    }
  };
  const setDraft = (index: number, patch: Partial<RangeDraft>) =>
    setDrafts((current) => current.map((draft, i) => (i === index ? { ...draft, ...patch } : draft)));
  const addDraft = () => {
    let lastTo = 0;
    try {
      if (drafts.length > 0) lastTo = parseNumberInput(drafts[drafts.length - 1]!.to, locale, true);
    } catch {
      // A range still being typed: the next one starts at 0+000.
    }
    setDrafts([...drafts, { from: staText(lastTo), to: staText(lengthM), condition: 'baik' }]);
  };

  return (
    <section className="panel sta-panel" data-testid="sta-panel">
      <h2>{t('sta.title')}</h2>
      <label className="inline-field">
        <input
          type="checkbox"
          checked={labels}
          data-testid="sta-labels"
          onChange={(event) => setLabels(event.target.checked)}
        />{' '}
        {t('sta.labels')}
      </label>
      <label className="stacked-field">
        {t('sta.ruas')}
        <select
          value={chosen ? `${chosen.layerId}|${chosen.ruasNumber}` : ''}
          data-testid="sta-ruas"
          onChange={(event) => chooseRuas(event.target.value)}
        >
          {ruasOptions.map(([key, option]) => (
            <option key={key} value={key}>
              {option.label}
            </option>
          ))}
        </select>
      </label>
      {chosen && (
        <p className="hint" data-testid="sta-ruas-length">
          {t('sta.length', { length: formatKilometres(lengthM, locale, 3), end: formatSta(lengthM) })}
        </p>
      )}
      <form
        className="sta-go"
        onSubmit={(event) => {
          event.preventDefault();
          goTo();
        }}
      >
        <input
          type="text"
          value={staInput}
          placeholder="16+250"
          aria-label={t('sta.staInput')}
          data-testid="sta-input"
          onChange={(event) => setStaInput(event.target.value)}
        />
        <button type="submit" data-testid="sta-go" disabled={!chosen}>
          {t('sta.go')}
        </button>
        {marked && (
          <button type="button" data-testid="sta-clear-marker" onClick={clearMarker}>
            {t('sta.clearMarker')}
          </button>
        )}
      </form>
      <div className="button-row">
        <button type="button" data-testid="sta-add-bridge" disabled={!chosen} onClick={() => addAt('bridge')}>
          {t('sta.addBridge')}
        </button>
        <button type="button" data-testid="sta-add-asset" disabled={!chosen} onClick={() => addAt('asset')}>
          {t('sta.addAsset')}
        </button>
      </div>
      {message && (
        <p
          className={`panel-message ${message.tone}`}
          role={message.tone === 'error' ? 'alert' : 'status'}
          data-testid="sta-message"
        >
          {message.text}
        </p>
      )}

      <h3>{t('sta.rangesTitle')}</h3>
      <table className="summary-table ranges-table" data-testid="ranges-table">
        <thead>
          <tr>
            <th>{t('sta.from')}</th>
            <th>{t('sta.to')}</th>
            <th>{t('fields.condition')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {drafts.map((draft, index) => (
            <tr key={index}>
              <td>
                <input
                  type="text"
                  value={draft.from}
                  aria-label={t('sta.from')}
                  data-testid={`range-from-${index}`}
                  onChange={(event) => setDraft(index, { from: event.target.value })}
                />
              </td>
              <td>
                <input
                  type="text"
                  value={draft.to}
                  aria-label={t('sta.to')}
                  data-testid={`range-to-${index}`}
                  onChange={(event) => setDraft(index, { to: event.target.value })}
                />
              </td>
              <td>
                <select
                  value={draft.condition}
                  aria-label={t('fields.condition')}
                  data-testid={`range-condition-${index}`}
                  onChange={(event) => setDraft(index, { condition: event.target.value as Condition })}
                >
                  {CONDITIONS.map((condition) => (
                    <option key={condition} value={condition}>
                      {t(`model.condition.${condition}`)}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <button
                  type="button"
                  aria-label={t('sta.removeRange')}
                  onClick={() => setDrafts(drafts.filter((_, i) => i !== index))}
                >
                  ×
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="button-row">
        <button type="button" data-testid="range-add" disabled={!chosen} onClick={addDraft}>
          {t('sta.addRange')}
        </button>
        <button
          type="button"
          className="primary"
          data-testid="range-save"
          disabled={!chosen}
          onClick={() => void saveRanges()}
        >
          {t('sta.saveRanges')}
        </button>
      </div>
      {storedRanges.length > 0 && (
        <table className="summary-table" data-testid="ranges-summary">
          <tbody>
            {CONDITIONS.filter((condition) => summary.byCondition[condition] > 0).map((condition) => (
              <tr key={condition} data-testid={`ranges-summary-${condition}`}>
                <th scope="row">
                  <span className="swatch swatch-line" style={{ background: CONDITION_COLORS[condition] }} />{' '}
                  {t(`model.condition.${condition}`)}
                </th>
                <td className="number">{formatKilometres(summary.byCondition[condition], locale, 2)}</td>
                <td className="number">{formatPercent((summary.byCondition[condition] / lengthM) * 100, locale)}</td>
              </tr>
            ))}
            {summary.unsurveyedM > 0.5 && (
              <tr>
                <th scope="row">{t('sta.unsurveyed')}</th>
                <td className="number">{formatKilometres(summary.unsurveyedM, locale, 2)}</td>
                <td className="number">{formatPercent((summary.unsurveyedM / lengthM) * 100, locale)}</td>
              </tr>
            )}
            <tr className="total" data-testid="ranges-kemantapan">
              <th scope="row">{t('summary.kemantapan')}</th>
              <td colSpan={2} className="number">
                {formatPercent(summary.kemantapanPct, locale)}
              </td>
            </tr>
          </tbody>
        </table>
      )}
    </section>
  );
}
