import { countedAssets } from '#shared/analysis/analysis-inputs';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { renderReportMaps } from '../print/report-maps';
import { loadPrintFonts } from '../print/print-job';
import { mapCredits } from '../map/map-credits';
import { scheduleName } from '../format/tariff-label';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  encroachmentCsv,
  encroachmentGeoJson,
  encroachmentRows,
  encroachmentSheet,
} from '#shared/io/export-encroachment';
import { formatNumber, formatSta, type Locale } from '#shared/format/format-number';
import { formatRupiah, formatRupiahShort } from '#shared/format/format-rupiah';
import { saveExport, type SaveOutcome } from '../platform/save-export';
import { usePanelState, useSnapshot, useStore } from '../state/store-context';
import { TariffEditor } from './tariff-editor';
import { NumberField } from '../components/number-field';
import { analysisInputs } from '#shared/analysis/analysis-inputs';
import { signatureOfLists } from '#shared/analysis/input-signature';
import { useMessage } from '../components/use-message';
import { chartRetributionByCategory, chartRetributionByOwner } from '#shared/charts/retribution-charts';
import { ChartView } from '../charts/chart-view';
import { problemText } from '../i18n/problem-text';

type Breakdown = 'byOwner' | 'byCategory' | 'byRuas' | 'byCorridor';
type SortKey = 'asset' | 'zone' | 'ruas' | 'sta' | 'offset' | 'quantity' | 'amount';
const ZONE_ORDER = ['rumaja', 'rumija', 'ruwasja', 'luar'];
/** The panel lists this many rows; the exports carry all of them. */
const MAX_DETAIL_ROWS = 500;
const UNIT_LABEL: Record<string, string> = { unit: 'unit', m: 'm', m2: 'm²' };

export function EncroachmentPanel({ map }: { map: MapLibreMap | null }) {
  const { t, i18n } = useTranslation();
  const locale: Locale = i18n.language === 'en' ? 'en' : 'id';
  const store = useStore();
  const { tariffs, analysis, layers, featuresByLayer } = useSnapshot();
  const corridors = useMemo(
    () =>
      layers
        .filter((layer) => layer.kind === 'corridor' && layer.visible)
        .flatMap((layer) => featuresByLayer.get(layer.id) ?? []),
    [layers, featuresByLayer],
  );
  const [scheduleId, setScheduleId] = usePanelState<string | null>('analysis.schedule', null);
  const [corridorId, setCorridorId] = usePanelState('analysis.corridor', '');
  const [periodYears, setPeriodYears] = usePanelState('analysis.period', 1);
  const [payingPercent, setPayingPercent] = usePanelState('analysis.paying', 0);
  const [exportMessage, setExportMessage] = useMessage<{ tone: 'ok' | 'error'; text: string }>();
  const [sort, setSort] = useState<{ key: SortKey; direction: 1 | -1 }>({ key: 'amount', direction: -1 });
  const schedule = tariffs.find((candidate) => candidate.id === scheduleId) ?? tariffs[0];
  const estimate = analysis.estimate;

  const optionsValid =
    Number.isInteger(periodYears) &&
    periodYears >= 1 &&
    periodYears <= 30 &&
    payingPercent >= 0 &&
    payingPercent <= 100;
  const run = () => {
    if (!schedule || !optionsValid) return;
    // The corridor being computed is framed on the map, so the figures and the map speak of the same place.
    const corridor = corridors.find((candidate) => candidate.id === corridorId);
    if (corridor) store.selection.frameFeatures((corridor.properties.segmentIds as string[] | undefined) ?? []);
    void store.analysis.run({
      scheduleId: schedule.id,
      corridorId: corridorId || null,
      periodYears,
      payingShare: payingPercent / 100,
    });
  };
  // Whether the roads, corridors and assets are still what the result was computed from (an undo can make it so again).
  const usedCorridor = analysis.options?.corridorId ?? null;
  const dataChanged = useMemo(() => {
    if (analysis.status !== 'done' || analysis.inputSignature === null) return false;
    // Sums kept per layer list and carried through each change: no walk over the layers' features here.
    return (
      signatureOfLists(analysisInputs(layers, featuresByLayer, usedCorridor).groupLists) !== analysis.inputSignature
    );
  }, [analysis, usedCorridor, featuresByLayer, layers]);

  const showOutcome = (outcome: SaveOutcome) => {
    if (outcome.kind === 'saved')
      setExportMessage({ tone: 'ok', text: t('analysis.exported', { name: outcome.name }) });
    if (outcome.kind === 'failed') setExportMessage({ tone: 'error', text: outcome.message });
  };

  const exportAs = async (format: 'geojson' | 'csv' | 'xlsx') => {
    if (!estimate) return;
    showOutcome(
      await saveExport(`rumija-perambahan.${format}`, async () => {
        const rows = encroachmentRows(analysis.assets, analysis.results, estimate);
        if (format === 'xlsx') {
          const { writeWorkbook } = await import('#shared/io/write-xlsx');
          const sheet = encroachmentSheet(analysis.assets, rows);
          const data = await writeWorkbook([{ name: t('analysis.sheetName'), ...sheet }]);
          return { filters: [{ name: 'Excel', extensions: ['xlsx'] }], data };
        }
        const data =
          format === 'geojson'
            ? JSON.stringify(encroachmentGeoJson(analysis.assets, rows))
            : encroachmentCsv(analysis.assets, rows);
        return { filters: [{ name: format === 'geojson' ? 'GeoJSON' : 'CSV', extensions: [format] }], data };
      }),
    );
  };

  const exportReport = async () => {
    if (!estimate || !schedule) return;
    const outcome = await saveExport('laporan-retribusi-rumija.pdf', async () => {
      // jsPDF is large; it is loaded only when a report is asked for.
      const { createEncroachmentReportPdf } = await import('#shared/report/encroachment-report-pdf');
      const corridorId = analysis.options?.corridorId ?? null;
      const areaName = corridorId ? corridorName(corridorId) : t('analysis.allRoads');
      const maps = map
        ? await renderReportMaps(map, analysis, areaName, corridors.find((c) => c.id === corridorId) ?? null)
        : [];
      // The report is in Indonesian, its charts too; drawn as vectors by svg2pdf (loaded with the report).
      const { reportChart } = await import('../charts/pdf-chart');
      const indonesian = i18n.getFixedT('id');
      const bytes = await createEncroachmentReportPdf(
        {
          areaName,
          corridor: corridorId !== null,
          maps,
          createdAt: new Date(),
          schedule: tariffs.find((candidate) => candidate.id === analysis.options?.scheduleId) ?? schedule,
          estimate,
          results: analysis.results,
          categoryLabel: (category) => i18n.getFixedT('id')(`model.category.${category}`),
          corridorLabel: corridorName,
          warnings: analysis.warnings,
          demoData: analysis.assets.some(
            (asset) => (asset.properties.source as { illustrative?: boolean } | undefined)?.illustrative,
          ),
          mapCredits: map ? mapCredits(map) : '',
          charts: {
            byOwner: reportChart(chartRetributionByOwner(estimate), indonesian, 'id'),
            byCategory: reportChart(chartRetributionByCategory(estimate), indonesian, 'id'),
          },
        },
        await loadPrintFonts(),
      );
      return { filters: [{ name: 'PDF', extensions: ['pdf'] }], data: bytes };
    });
    showOutcome(outcome);
  };

  const corridorName = (id: string) => String(corridors.find((c) => c.id === id)?.properties.name ?? id);
  const breakdownLabel = (breakdown: Breakdown, key: string) =>
    breakdown === 'byCategory' ? t(`model.category.${key}`) : breakdown === 'byCorridor' ? corridorName(key) : key;
  const sortedLines = useMemo(() => {
    if (!estimate) return [];
    const value = (line: (typeof estimate.lines)[number]): number | string => {
      const result = analysis.results[line.assetIndex];
      switch (sort.key) {
        case 'asset':
          return `${line.category} ${line.owner}`;
        case 'zone':
          return ZONE_ORDER.indexOf(result?.zone ?? 'luar');
        case 'ruas':
          return line.ruasNumber ?? '';
        case 'sta':
          return result?.staM ?? -1;
        case 'offset':
          return result?.offsetM ?? -1;
        case 'quantity':
          return line.quantity;
        default:
          return line.amountIdr;
      }
    };
    return [...estimate.lines].sort((a, b) => {
      const [x, y] = [value(a), value(b)];
      return (
        (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y))) * sort.direction
      );
    });
  }, [estimate, analysis.results, sort]);
  const sortHeader = (key: SortKey) => (
    <th key={key} aria-sort={sort.key === key ? (sort.direction === 1 ? 'ascending' : 'descending') : 'none'}>
      <button
        type="button"
        className="sort-button"
        data-testid={`analysis-sort-${key}`}
        onClick={() =>
          setSort((current) => ({
            key,
            direction:
              current.key === key
                ? current.direction === 1
                  ? -1
                  : 1
                : key === 'amount' || key === 'quantity'
                  ? -1
                  : 1,
          }))
        }
      >
        {t(`analysis.columns.${key}`)}
        {sort.key === key ? (sort.direction === 1 ? ' ▲' : ' ▼') : ''}
      </button>
    </th>
  );
  const retributionCharts = useMemo(
    () => (estimate ? [chartRetributionByOwner(estimate), chartRetributionByCategory(estimate)] : []),
    [estimate],
  );
  const insideCount = estimate?.lines.length ?? 0;
  const usedSchedule = estimate ? tariffs.find((candidate) => candidate.id === estimate.scheduleId) : undefined;
  const usedOptions = analysis.options;
  const staleBecause =
    !estimate || !usedOptions
      ? null
      : dataChanged
        ? t('analysis.staleData')
        : usedSchedule && usedSchedule.version !== estimate.scheduleVersion
          ? t('analysis.staleTariff', { used: estimate.scheduleVersion, current: usedSchedule.version })
          : usedOptions.scheduleId !== schedule?.id ||
              usedOptions.periodYears !== periodYears ||
              Math.abs(usedOptions.payingShare * 100 - payingPercent) > 1e-9 ||
              (usedOptions.corridorId ?? '') !== corridorId
            ? t('analysis.staleOptions')
            : null;

  return (
    <section className="panel encroachment-panel" data-testid="encroachment-panel">
      <h2>{t('analysis.title')}</h2>
      {tariffs.length > 1 && (
        <label className="inline-field">
          {t('analysis.schedule')}{' '}
          <select value={schedule?.id} onChange={(event) => setScheduleId(event.target.value)}>
            {tariffs.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {scheduleName(candidate, t)}
              </option>
            ))}
          </select>
        </label>
      )}
      {schedule && (
        <details className="tariff-details">
          <summary>
            {t('analysis.schedule')}: {scheduleName(schedule, t)} (
            {t('analysis.version', { version: schedule.version })})
          </summary>
          <TariffEditor schedule={schedule} />
        </details>
      )}
      <div className="analysis-options">
        <label className="stacked-field">
          {t('analysis.corridor')}
          <select
            value={corridorId}
            data-testid="analysis-corridor"
            onChange={(event) => setCorridorId(event.target.value)}
          >
            <option value="">{t('analysis.allRoads')}</option>
            {corridors.map((corridor) => (
              <option key={corridor.id} value={corridor.id}>
                {String(corridor.properties.name)}
              </option>
            ))}
          </select>
        </label>
        <label className="stacked-field">
          {t('analysis.period')}
          <NumberField integer value={periodYears} testId="analysis-period" onChange={setPeriodYears} />
        </label>
        <label className="stacked-field">
          {t('analysis.paying')}
          <NumberField value={payingPercent} digits={1} testId="analysis-paying" onChange={setPayingPercent} />
        </label>
        <button
          type="button"
          className="primary"
          data-testid="analysis-run"
          disabled={analysis.status === 'running' || !schedule || !optionsValid}
          onClick={run}
        >
          {analysis.status === 'running' ? t('analysis.running') : t('analysis.run')}
        </button>
      </div>
      {!optionsValid && (
        <div className="field-error" role="alert" data-testid="analysis-options-invalid">
          {t('analysis.optionsRange')}
        </div>
      )}
      {staleBecause && analysis.status === 'done' && (
        <div className="stale-box" role="status" data-testid="analysis-stale">
          <span>{staleBecause}</span>
          <button type="button" data-testid="analysis-rerun" disabled={!optionsValid} onClick={run}>
            {t('analysis.recompute')}
          </button>
        </div>
      )}
      {analysis.status === 'error' && (
        <div className="error-box" role="alert">
          {analysis.error && problemText(analysis.error, t)}
        </div>
      )}
      {estimate && analysis.status === 'done' && (
        <div className="analysis-results" data-testid="analysis-results">
          {estimate.example && <div className="example-badge">{t('analysis.demoNote')}</div>}
          {analysis.warnings.length > 0 && (
            <ul className="analysis-warnings" data-testid="analysis-warnings">
              {analysis.warnings.map((warning) => (
                <li key={warning.code}>{locale === 'en' ? warning.en : warning.id}</li>
              ))}
            </ul>
          )}
          <div className="big-figures">
            <div>
              <span className="label">{t('analysis.total')}</span>
              <strong data-testid="analysis-total">{formatRupiahShort(estimate.totalIdr, locale)}</strong>
              <span className="muted" data-testid="analysis-total-exact">
                {formatRupiah(estimate.totalIdr, locale)}
              </span>
            </div>
            <div>
              <span className="label">{t('analysis.alreadyPaid')}</span>
              <strong>{formatRupiahShort(estimate.alreadyPaidIdr, locale)}</strong>
            </div>
            <div>
              <span className="label">{t('analysis.potentialNew')}</span>
              <strong data-testid="analysis-potential-new">
                {formatRupiahShort(estimate.potentialNewIdr, locale)}
              </strong>
            </div>
          </div>
          <p className="muted" data-testid="analysis-count">
            {analysis.options?.corridorId
              ? t('analysis.assetsInsideCorridor', {
                  inside: formatNumber(insideCount, locale),
                  total: formatNumber(countedAssets(analysis.results, true), locale),
                })
              : t('analysis.assetsInside', {
                  inside: formatNumber(insideCount, locale),
                  total: formatNumber(analysis.results.length, locale),
                })}{' '}
            · {t('analysis.computedIn', { seconds: formatNumber(analysis.seconds, locale, 2) })}
          </p>
          <div className="row-buttons">
            <button type="button" data-testid="export-geojson" onClick={() => void exportAs('geojson')}>
              {t('analysis.exportGeojson')}
            </button>
            <button type="button" data-testid="export-csv" onClick={() => void exportAs('csv')}>
              {t('analysis.exportCsv')}
            </button>
            <button type="button" data-testid="export-xlsx" onClick={() => void exportAs('xlsx')}>
              {t('analysis.exportXlsx')}
            </button>
            <button type="button" data-testid="export-pdf" onClick={() => void exportReport()}>
              {t('analysis.exportPdf')}
            </button>
            {exportMessage && (
              <span
                className={`table-message ${exportMessage.tone}`}
                role={exportMessage.tone === 'error' ? 'alert' : 'status'}
                data-testid="analysis-export-message"
              >
                {exportMessage.text}
              </span>
            )}
          </div>
          <div className="breakdowns">
            {(['byOwner', 'byCategory', 'byRuas', 'byCorridor'] as Breakdown[]).map((breakdown) => (
              <table key={breakdown} className="summary-table" data-testid={`analysis-${breakdown}`}>
                <thead>
                  <tr>
                    <th colSpan={2}>{t(`analysis.${breakdown}`)}</th>
                  </tr>
                </thead>
                <tbody>
                  {Object.entries(estimate[breakdown])
                    .sort((a, b) => b[1] - a[1])
                    .map(([key, amount]) => (
                      <tr key={key}>
                        <th scope="row">{breakdownLabel(breakdown, key)}</th>
                        <td className="number">{formatRupiah(amount, locale)}</td>
                      </tr>
                    ))}
                </tbody>
              </table>
            ))}
          </div>
          <div className="charts" data-testid="analysis-charts">
            {retributionCharts.map((chart) => (
              <ChartView key={chart.id} chart={chart} />
            ))}
          </div>
          <h3>{t('analysis.details')}</h3>
          {sortedLines.length > MAX_DETAIL_ROWS && (
            <p className="muted">
              {t('analysis.firstRows', {
                shown: formatNumber(MAX_DETAIL_ROWS, locale),
                total: formatNumber(sortedLines.length, locale),
              })}
            </p>
          )}
          <div className="details-scroll">
            <table className="summary-table" data-testid="analysis-lines">
              <thead>
                <tr>
                  {(['asset', 'zone', 'ruas', 'sta', 'offset', 'quantity', 'amount'] as SortKey[]).map(sortHeader)}
                </tr>
              </thead>
              <tbody>
                {sortedLines.slice(0, MAX_DETAIL_ROWS).map((line) => {
                  const result = analysis.results[line.assetIndex]!;
                  return (
                    <tr
                      key={line.assetIndex}
                      className="clickable"
                      data-testid="analysis-line"
                      onClick={() => store.selection.select([line.assetId], { zoom: true })}
                    >
                      <td>
                        {t(`model.category.${line.category}`)} · {line.owner}
                      </td>
                      <td>{t(`analysis.zone.${result.zone}`)}</td>
                      <td>{line.ruasNumber ?? '—'}</td>
                      <td>{result.staM === null ? '—' : formatSta(result.staM)}</td>
                      <td className="number">
                        {result.offsetM === null ? '—' : `${formatNumber(result.offsetM, locale, 1)} m`}
                      </td>
                      <td className="number">
                        {formatNumber(line.quantity, locale, line.unit === 'unit' ? 0 : 1)} {UNIT_LABEL[line.unit]}
                      </td>
                      <td className="number" data-field="amount">
                        {line.problem ? t(`analysis.problem.${line.problem}`) : formatRupiah(line.amountIdr, locale)}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </section>
  );
}
