import { useTranslation } from 'react-i18next';
import type { Locale } from '#shared/format/format-number';
import { formatRupiah } from '#shared/format/format-rupiah';
import { formatDateInput } from '#shared/format/date-input';
import { assessmentBalances } from '#shared/retribution/assessment-balances';
import { AGEING_BUCKETS, ageingBucket, type AgeingBucket } from '#shared/retribution/age-receivables';
import { administrativeInterest } from '#shared/retribution/administrative-interest';
import type { RetributionRecords } from '../../persistence/retribution-repository';

interface ObligorStanding {
  obligorId: string;
  name: string;
  assessedIdr: number;
  paidIdr: number;
  outstandingIdr: number;
  buckets: Record<AgeingBucket, number>;
  interestIdr: number;
}

/** Outstanding per obligor today, aged, with the administrative interest the settings' rule gives. */
export function ArrearsSection({ register, locale }: { register: RetributionRecords; locale: Locale }) {
  const { t } = useTranslation();
  const asOf = new Date().toISOString().slice(0, 10);
  const balances = assessmentBalances(register.assessments, register.payments);
  const rows = new Map<string, ObligorStanding>();
  for (const assessment of register.assessments) {
    const balance = balances.get(assessment.id);
    if (!balance) continue;
    const row =
      rows.get(assessment.obligorId) ??
      ({
        obligorId: assessment.obligorId,
        name: register.obligors.find((o) => o.id === assessment.obligorId)?.name ?? assessment.obligor.name,
        assessedIdr: 0,
        paidIdr: 0,
        outstandingIdr: 0,
        buckets: { 'not-due': 0, 'days-1-30': 0, 'days-31-90': 0, 'days-over-90': 0 },
        interestIdr: 0,
      } satisfies ObligorStanding);
    row.assessedIdr += balance.totalIdr;
    row.paidIdr += balance.paidIdr;
    row.outstandingIdr += balance.outstandingIdr;
    row.buckets[ageingBucket(assessment.dueDate, asOf)] += balance.outstandingIdr;
    row.interestIdr += administrativeInterest(
      balance.outstandingIdr,
      assessment.dueDate,
      asOf,
      register.settings.interest,
    ).interestIdr;
    rows.set(assessment.obligorId, row);
  }
  const list = [...rows.values()].sort((a, b) => b.outstandingIdr - a.outstandingIdr || a.name.localeCompare(b.name));
  const sum = (pick: (row: ObligorStanding) => number) => list.reduce((total, row) => total + pick(row), 0);
  const rupiah = (value: number) => formatRupiah(value, locale);
  const interest = register.settings.interest;
  return (
    <div data-testid="retribution-arrears">
      <p>{t('retribution.arrears.asOf', { date: formatDateInput(asOf, locale) })}</p>
      <p className={interest.example ? 'panel-message info' : 'hint'} data-testid="interest-rule">
        {t(interest.example ? 'retribution.arrears.interestExample' : 'retribution.arrears.interestRule', {
          rate: (interest.ratePerMonth * 100).toLocaleString(locale === 'en' ? 'en-GB' : 'id-ID'),
          cap: interest.capMonths,
          reference: interest.legalReference,
        })}
      </p>
      <div className="table-scroll">
        <table className="data-table" data-testid="arrears-table">
          <thead>
            <tr>
              <th>{t('retribution.assess.obligor')}</th>
              <th>{t('retribution.arrears.assessed')}</th>
              <th>{t('retribution.arrears.paid')}</th>
              <th>{t('retribution.arrears.outstanding')}</th>
              {AGEING_BUCKETS.map((bucket) => (
                <th key={bucket}>{t(`retribution.bucket.${bucket}`)}</th>
              ))}
              <th>{t('retribution.arrears.interest')}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((row) => (
              <tr key={row.obligorId}>
                <td>{row.name}</td>
                <td className="number">{rupiah(row.assessedIdr)}</td>
                <td className="number">{rupiah(row.paidIdr)}</td>
                <td className="number">{rupiah(row.outstandingIdr)}</td>
                {AGEING_BUCKETS.map((bucket) => (
                  <td key={bucket} className="number">
                    {row.buckets[bucket] ? rupiah(row.buckets[bucket]) : '—'}
                  </td>
                ))}
                <td className="number">{row.interestIdr ? rupiah(row.interestIdr) : '—'}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <td>{t('retribution.arrears.total')}</td>
              <td className="number" data-testid="arrears-assessed">
                {rupiah(sum((r) => r.assessedIdr))}
              </td>
              <td className="number" data-testid="arrears-paid">
                {rupiah(sum((r) => r.paidIdr))}
              </td>
              <td className="number" data-testid="arrears-outstanding">
                {rupiah(sum((r) => r.outstandingIdr))}
              </td>
              {AGEING_BUCKETS.map((bucket) => (
                <td key={bucket} className="number">
                  {rupiah(sum((r) => r.buckets[bucket]))}
                </td>
              ))}
              <td className="number">{rupiah(sum((r) => r.interestIdr))}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </div>
  );
}
