import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { chartCollection, summarizeCollection } from '#shared/charts/collection-chart';
import { formatDate, formatPercent, type Locale } from '#shared/format/format-number';
import { formatRupiah } from '#shared/format/format-rupiah';
import { sumPeriodTotals } from '#shared/retribution/sum-period-totals';
import type { RetributionRecords } from '../../persistence/retribution-repository';
import { useSnapshot, useStore } from '../../state/store-context';
import { ChartView } from '../../charts/chart-view';
import { collectionPotential, corridorNamer } from '../../charts/collection-potential';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { problemText } from '../../i18n/problem-text';

/**
 * Potential, assessed and collected per corridor and year: the recap's period totals added up per year, beside the
 * yearly potential of the encroachment analysis, as a table and the chart that summarises it.
 */
export function CollectionSection({ register, locale }: { register: RetributionRecords; locale: Locale }) {
  const { t } = useTranslation();
  const store = useStore();
  const snapshot = useSnapshot();
  const { analysis, tariffs, layers, featuresByLayer } = snapshot;
  const [error, setError] = useState<string | null>(null);
  const [confirmReplace, setConfirmReplace] = useState(false);
  const potential = useMemo(() => collectionPotential(analysis, register.programmes), [analysis, register]);
  const corridorName = useMemo(() => corridorNamer(layers, featuresByLayer), [layers, featuresByLayer]);
  const rows = useMemo(
    () =>
      summarizeCollection(
        sumPeriodTotals(register.assessments, register.payments, register.programmes),
        potential?.perYear ?? null,
      ),
    [register, potential],
  );
  const chart = useMemo(() => chartCollection(rows, corridorName), [rows, corridorName]);
  const rupiah = (value: number) => formatRupiah(value, locale);

  // The tariff of the newest period, in its latest version (as an assessment runs it).
  const newestPeriod = register.programmes
    .flatMap((programme) => programme.periods)
    .sort((a, b) => b.start.localeCompare(a.start))[0];
  const schedule =
    tariffs.find((candidate) => candidate.id === newestPeriod?.tariffScheduleId) ??
    tariffs.find((candidate) => candidate.example) ??
    tariffs[0];
  // The analysis loaded now (the analysis panel's, a slide's corridor), in words: computing replaces it.
  const loaded =
    analysis.status === 'done' && analysis.options && analysis.estimate
      ? t('retribution.collection.what', {
          scope:
            analysis.options.corridorId === null
              ? t('retribution.collection.scopeAll')
              : t('retribution.collection.scopeCorridor', { name: corridorName(analysis.options.corridorId) }),
          years: analysis.options.periodYears,
          schedule: `${analysis.estimate.scheduleId} v${analysis.estimate.scheduleVersion}`,
        })
      : null;
  const withoutPotential = potential ? rows.filter((row) => row.potentialIdr === null).length : 0;

  async function runAnalysis() {
    setError(null);
    if (!schedule) return;
    try {
      await store.analysis.run({ scheduleId: schedule.id, corridorId: null, periodYears: 1, payingShare: 0 });
      const after = store.getSnapshot().analysis;
      if (after.status === 'error') setError(after.error && problemText(after.error, t));
    } catch (caught) {
      setError(String(caught));
    }
  }

  if (rows.length === 0) return <p data-testid="collection-empty">{t('retribution.collection.empty')}</p>;
  return (
    <div data-testid="retribution-collection">
      <p className="hint">{t('retribution.collection.intro')}</p>
      {potential ? (
        <p className="hint" data-testid="collection-potential-source">
          {t('retribution.collection.potentialFrom', {
            schedule: potential.schedule,
            date: formatDate(analysis.finishedAt ? new Date(analysis.finishedAt) : new Date(), locale),
            year: potential.year,
          })}
        </p>
      ) : (
        <p className="panel-message info" data-testid="collection-no-potential">
          {loaded
            ? t('retribution.collection.otherAnalysis', { what: loaded })
            : t('retribution.collection.noPotential')}
        </p>
      )}
      {withoutPotential > 0 && (
        <p className="panel-message info" data-testid="collection-potential-not-for">
          {t('retribution.collection.potentialNotFor')}
        </p>
      )}
      <div className="button-row">
        <button
          type="button"
          disabled={analysis.status === 'running' || !schedule}
          onClick={() => (loaded ? setConfirmReplace(true) : void runAnalysis())}
          data-testid="collection-run-analysis"
        >
          {analysis.status === 'running'
            ? t('retribution.collection.running')
            : t('retribution.collection.runAnalysis')}
        </button>
      </div>
      {error && (
        <p className="panel-message error" role="alert">
          {t('retribution.collection.failed', { message: error })}
        </p>
      )}
      <div className="table-scroll">
        <table className="data-table" data-testid="collection-table">
          <thead>
            <tr>
              <th>{t('retribution.collection.corridor')}</th>
              <th>{t('retribution.collection.year')}</th>
              <th>{t('retribution.collection.potential')}</th>
              <th>{t('retribution.collection.assessed')}</th>
              <th>{t('retribution.collection.collected')}</th>
              <th>{t('retribution.collection.share')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={`${row.corridorId}:${row.year}`} data-testid="collection-row">
                <th title={row.periods.join(', ')}>{corridorName(row.corridorId)}</th>
                <td className="number">{row.year}</td>
                <td
                  className="number"
                  data-testid="collection-potential"
                  title={
                    row.potentialIdr === null && potential ? t('retribution.collection.potentialNotFor') : undefined
                  }
                >
                  {row.potentialIdr === null ? '—' : rupiah(row.potentialIdr)}
                </td>
                <td className="number" data-testid="collection-assessed">
                  {rupiah(row.assessedIdr)}
                </td>
                <td className="number" data-testid="collection-collected">
                  {rupiah(row.collectedIdr)}
                </td>
                <td className="number">
                  {row.assessedIdr > 0 ? formatPercent((100 * row.collectedIdr) / row.assessedIdr, locale) : '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="charts">
        <ChartView chart={chart} />
      </div>
      {confirmReplace && loaded && schedule && (
        <ConfirmDialog
          title={t('retribution.collection.replaceTitle')}
          body={t('retribution.collection.replaceBody', {
            what: loaded,
            schedule: `${schedule.id} v${schedule.version}`,
          })}
          confirmLabel={t('retribution.collection.replaceConfirm')}
          onCancel={() => setConfirmReplace(false)}
          onConfirm={() => {
            setConfirmReplace(false);
            void runAnalysis();
          }}
        />
      )}
    </div>
  );
}
