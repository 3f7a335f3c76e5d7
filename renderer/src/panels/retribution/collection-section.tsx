import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { chartCollection, summarizeCollection } from '#shared/charts/collection-chart';
import { formatPercent, type Locale } from '#shared/format/format-number';
import { formatRupiah } from '#shared/format/format-rupiah';
import { sumPeriodTotals } from '#shared/retribution/sum-period-totals';
import type { RetributionRecords } from '../../persistence/retribution-repository';
import { useSnapshot, useStore } from '../../state/store-context';
import { ChartView } from '../../charts/chart-view';
import { collectionPotential, corridorNamer } from '../../charts/collection-potential';

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
  const potential = useMemo(() => collectionPotential(analysis), [analysis]);
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

  async function runAnalysis() {
    setError(null);
    // The tariff of the newest period, in its latest version (as an assessment runs it).
    const period = register.programmes
      .flatMap((programme) => programme.periods)
      .sort((a, b) => b.start.localeCompare(a.start))[0];
    const schedule =
      tariffs.find((candidate) => candidate.id === period?.tariffScheduleId) ??
      tariffs.find((candidate) => candidate.example) ??
      tariffs[0];
    if (!schedule) return;
    try {
      await store.analysis.run({ scheduleId: schedule.id, corridorId: null, periodYears: 1, payingShare: 0 });
      const after = store.getSnapshot().analysis;
      if (after.status === 'error') setError(after.error);
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
          {t('retribution.collection.potentialFrom', { schedule: potential.schedule })}
        </p>
      ) : (
        <p className="panel-message info" data-testid="collection-no-potential">
          {t('retribution.collection.noPotential')}
        </p>
      )}
      <div className="button-row">
        <button
          type="button"
          disabled={analysis.status === 'running'}
          onClick={() => void runAnalysis()}
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
                <td className="number" data-testid="collection-potential">
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
    </div>
  );
}
