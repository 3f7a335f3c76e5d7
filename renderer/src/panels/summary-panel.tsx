import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { summarizeNetwork, type LengthBreakdown } from '#shared/analysis/network-summary';
import { formatNumber, formatPercent, type Locale } from '#shared/format/format-number';
import { CONDITIONS, ROAD_STATUSES, type RoadStatus } from '#shared/model/road-network';
import { regencyName } from '#shared/model/regencies';
import { useSnapshot } from '../state/store-context';
import { toExcelCsv, toTsv, type SpreadsheetCell } from '#shared/format/spreadsheet-text';
import { saveExport } from '../platform/save-export';
import {
  chartBridgesByCondition,
  chartConditionKmByRegency,
  chartKemantapanByRegency,
} from '#shared/charts/network-charts';
import { ChartView } from '../charts/chart-view';
import { useKemantapanTarget } from '../charts/kemantapan-target';
import { NumberField } from '../components/number-field';

const NTT_STATUSES = ROAD_STATUSES.filter((status) => status !== 'rdtl');
const CONDITION_KEYS = [...CONDITIONS, 'unknown'] as const;

export function SummaryPanel() {
  const { t, i18n } = useTranslation();
  const { featuresByLayer, layers } = useSnapshot();
  const [status, setStatus] = useState<RoadStatus | 'all'>('all');
  const locale: Locale = i18n.language === 'en' ? 'en' : 'id';
  const visibleFeatures = useMemo(
    () => layers.filter((layer) => layer.visible).flatMap((layer) => featuresByLayer.get(layer.id) ?? []),
    [layers, featuresByLayer],
  );
  const summary = useMemo(
    () => summarizeNetwork(visibleFeatures, status === 'all' ? undefined : [status]),
    [visibleFeatures, status],
  );
  const [target, setTarget] = useKemantapanTarget();
  // The draft keeps what is being typed (NaN while unreadable); only a valid percentage becomes the target.
  const [targetDraft, setTargetDraft] = useState(target ?? 60);
  const charts = useMemo(
    () => [
      chartKemantapanByRegency(summary, target),
      chartConditionKmByRegency(summary),
      chartBridgesByCondition(summary),
    ],
    [summary, target],
  );
  const km = (metres: number) => formatNumber(metres / 1000, locale, 1);
  // Only the columns that have any length, so the table fits beside the map.
  const statusColumns = NTT_STATUSES.filter((s) => summary.total.byStatus[s] > 0);
  const conditionColumns = CONDITION_KEYS.filter((c) => c !== 'unknown' || summary.total.byCondition.unknown > 0);

  // Kept as a key, so a language switch words the message again.
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; key: string; values?: Record<string, string> } | null>(
    null,
  );
  const metresToKm = (metres: number) => Math.round(metres) / 1000;

  /** Both tables as spreadsheet rows: lengths in km and percentages as numbers, a title row before each table. */
  const spreadsheetRows = (): SpreadsheetCell[][] => {
    const line = (label: string, breakdown: LengthBreakdown): SpreadsheetCell[] => [
      label,
      metresToKm(breakdown.totalM),
      ...statusColumns.map((s) => metresToKm(breakdown.byStatus[s])),
      ...conditionColumns.map((c) => metresToKm(breakdown.byCondition[c])),
      breakdown.kemantapanPct === null ? null : Math.round(breakdown.kemantapanPct * 10) / 10,
    ];
    return [
      [t('summary.title')],
      [
        t('summary.regency'),
        `${t('summary.total')} (km)`,
        ...statusColumns.map((s) => `${t(`model.status.${s}`)} (km)`),
        ...conditionColumns.map((c) => `${t(`model.condition.${c}`)} (km)`),
        `${t('summary.kemantapan')} (%)`,
      ],
      ...summary.regencies.map((regency) => line(regencyName(regency.regencyCode), regency)),
      line(t('summary.total'), summary.total),
      [],
      [t('summary.bridges')],
      [t('summary.condition'), t('summary.count'), `${t('summary.length')} (m)`],
      ...([...CONDITIONS, 'unknown', 'proposed'] as const).map((key) => [
        t(`model.condition.${key}`),
        summary.bridges.byCondition[key].count,
        summary.bridges.byCondition[key].lengthM,
      ]),
    ];
  };

  const copyTables = async () => {
    try {
      await navigator.clipboard.writeText(toTsv(spreadsheetRows(), locale));
      setMessage({ kind: 'ok', key: 'summary.copied' });
    } catch (error) {
      setMessage({ kind: 'error', key: 'table.copyFailed', values: { message: String(error) } });
    }
  };

  const saveTables = async () => {
    const outcome = await saveExport(`${t('summary.fileName')}.csv`, () => ({
      filters: [{ name: 'CSV (Excel)', extensions: ['csv'] }],
      data: toExcelCsv(spreadsheetRows(), locale),
    }));
    if (outcome.kind === 'saved') setMessage({ kind: 'ok', key: 'summary.saved', values: { name: outcome.name } });
    if (outcome.kind === 'failed')
      setMessage({ kind: 'error', key: 'summary.failed', values: { message: outcome.message } });
  };

  const saveWorkbook = async () => {
    const outcome = await saveExport(`${t('summary.fileName')}.xlsx`, async () => {
      const { writeWorkbook } = await import('#shared/io/write-xlsx');
      // One sheet per table (kemantapan per kabupaten, bridges): its title names the sheet, its first row is the header.
      const tables: SpreadsheetCell[][][] = [[]];
      for (const cells of spreadsheetRows()) {
        if (cells.length === 0) tables.push([]);
        else tables.at(-1)!.push(cells);
      }
      const data = await writeWorkbook(
        tables.map(([title, header, ...rows]) => ({
          name: String(title![0]),
          header: header!.map((cell) => String(cell ?? '')),
          rows: rows.map((cells) => cells.map((cell) => cell ?? null)),
        })),
      );
      return { filters: [{ name: 'Excel', extensions: ['xlsx'] }], data };
    });
    if (outcome.kind === 'saved') setMessage({ kind: 'ok', key: 'summary.saved', values: { name: outcome.name } });
    if (outcome.kind === 'failed')
      setMessage({ kind: 'error', key: 'summary.failed', values: { message: outcome.message } });
  };

  const row = (label: string, breakdown: LengthBreakdown, key: string, className = '') => (
    <tr key={key} className={className} data-testid={`summary-row-${key}`}>
      <th scope="row">{label}</th>
      <td className="number" data-testid={`summary-total-${key}`}>
        {km(breakdown.totalM)}
      </td>
      {statusColumns.map((s) => (
        <td key={s} className="number">
          {breakdown.byStatus[s] ? km(breakdown.byStatus[s]) : '–'}
        </td>
      ))}
      {conditionColumns.map((c) => (
        <td key={c} className="number">
          {breakdown.byCondition[c] ? km(breakdown.byCondition[c]) : '–'}
        </td>
      ))}
      <td className="number" data-testid={`summary-kemantapan-${key}`}>
        {formatPercent(breakdown.kemantapanPct, locale)}
      </td>
    </tr>
  );

  return (
    <section className="panel summary-panel" data-testid="summary-panel">
      <h2>{t('summary.title')}</h2>
      <label className="inline-field">
        {t('summary.statusFilter')}{' '}
        <select
          value={status}
          data-testid="summary-status"
          onChange={(event) => setStatus(event.target.value as RoadStatus | 'all')}
        >
          <option value="all">{t('summary.allStatuses')}</option>
          {NTT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`model.status.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <div className="summary-scroll">
        <table className="summary-table">
          <thead>
            <tr>
              <th rowSpan={2}>{t('summary.regency')}</th>
              <th rowSpan={2}>{t('summary.total')} (km)</th>
              <th colSpan={statusColumns.length}>{t('summary.roadsByStatus')}</th>
              <th colSpan={conditionColumns.length}>{t('summary.roadsByCondition')}</th>
              <th rowSpan={2}>{t('summary.kemantapan')}</th>
            </tr>
            <tr>
              {statusColumns.map((s) => (
                <th key={s}>{t(`model.status.${s}`)}</th>
              ))}
              {conditionColumns.map((c) => (
                <th key={c}>{t(`model.condition.${c}`)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {summary.regencies.map((regency) =>
              row(regencyName(regency.regencyCode), regency, regency.regencyCode ?? 'none'),
            )}
            {row(t('summary.total'), summary.total, 'total', 'total-row')}
          </tbody>
        </table>
      </div>
      <h3>{t('summary.bridges')}</h3>
      <table className="summary-table bridges" data-testid="summary-bridges">
        <thead>
          <tr>
            <th />
            <th>{t('summary.count')}</th>
            <th>{t('summary.length')} (m)</th>
          </tr>
        </thead>
        <tbody>
          {([...CONDITIONS, 'unknown', 'proposed'] as const).map((key) => (
            <tr key={key} data-testid={`summary-bridges-${key}`}>
              <th scope="row">{t(`model.condition.${key}`)}</th>
              <td className="number">{formatNumber(summary.bridges.byCondition[key].count, locale)}</td>
              <td className="number">{formatNumber(summary.bridges.byCondition[key].lengthM, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="summary-export">
        <button type="button" data-testid="summary-copy" onClick={() => void copyTables()}>
          {t('summary.copy')}
        </button>
        <button type="button" data-testid="summary-save" onClick={() => void saveTables()}>
          {t('summary.save')}
        </button>
        <button type="button" data-testid="summary-save-xlsx" onClick={() => void saveWorkbook()}>
          {t('summary.saveXlsx')}
        </button>
        {message && (
          <span
            className={`table-message ${message.kind}`}
            role={message.kind === 'error' ? 'alert' : 'status'}
            data-testid="summary-message"
          >
            {t(message.key, message.values)}
          </span>
        )}
      </div>
      <p className="note">{t('summary.note')}</p>
      <h3>{t('charts.heading')}</h3>
      <div className="chart-options">
        <label className="inline-field">
          <input
            type="checkbox"
            checked={target !== null}
            data-testid="chart-target-on"
            onChange={(event) => setTarget(event.target.checked ? targetDraft : null)}
          />{' '}
          {t('charts.targetField')}
        </label>
        {target !== null && (
          <NumberField
            value={targetDraft}
            digits={1}
            testId="chart-target"
            ariaLabel={t('charts.targetField')}
            onChange={(value) => {
              setTargetDraft(value);
              if (Number.isFinite(value) && value >= 0 && value <= 100) setTarget(value);
            }}
          />
        )}
      </div>
      <div className="charts" data-testid="summary-charts">
        {charts.map((chart) => (
          <ChartView key={chart.id} chart={chart} />
        ))}
      </div>
    </section>
  );
}
