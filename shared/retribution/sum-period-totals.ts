import type { Assessment } from './assessment';
import { assessmentBalances } from './assessment-balances';
import type { Payment } from './payment';
import type { Programme } from './programme';

/** What a corridor's assessments in force add up to for one period: the recap's total row, the collection chart's. */
export interface PeriodTotal {
  corridorId: string;
  /** The period's label (its id when the programme is gone): the recap's period column. */
  period: string;
  /** Calendar year the period starts in. */
  year: number;
  count: number;
  /** Every assessment in force, drafts too (the recap's "Ketetapan" total). */
  totalIdr: number;
  /** Issued assessments in force only: what obligors were actually told to pay. */
  issuedIdr: number;
  paidIdr: number;
  outstandingIdr: number;
}

/** Assessments in force (a replaced one gives way to its revision), in the recap's order. */
export function assessmentsInForce(assessments: readonly Assessment[]): Assessment[] {
  return assessments
    .filter((a) => a.status !== 'replaced')
    .sort(
      (a, b) =>
        a.corridorId.localeCompare(b.corridorId) ||
        a.periodStart.localeCompare(b.periodStart) ||
        (a.number ?? '~').localeCompare(b.number ?? '~') ||
        a.obligor.name.localeCompare(b.obligor.name),
    );
}

/**
 * Totals per corridor and period of the assessments in force, with what was paid against them (payments count
 * towards the revision of what they paid), in the order of corridor and period start. Whole rupiah, sums of the
 * assessments' own totals.
 */
export function sumPeriodTotals(
  assessments: readonly Assessment[],
  payments: readonly Payment[],
  programmes: readonly Programme[],
): PeriodTotal[] {
  const balances = assessmentBalances(assessments, payments);
  const totals = new Map<string, PeriodTotal>();
  for (const assessment of assessmentsInForce(assessments)) {
    const period =
      programmes.find((p) => p.id === assessment.programmeId)?.periods.find((p) => p.id === assessment.periodId)
        ?.label ?? assessment.periodId;
    const key = `${assessment.corridorId}\u0000${period}`;
    const sum = totals.get(key) ?? {
      corridorId: assessment.corridorId,
      period,
      year: Number(assessment.periodStart.slice(0, 4)),
      count: 0,
      totalIdr: 0,
      issuedIdr: 0,
      paidIdr: 0,
      outstandingIdr: 0,
    };
    const balance = balances.get(assessment.id);
    sum.count += 1;
    sum.totalIdr += assessment.totalIdr;
    if (assessment.status === 'issued') sum.issuedIdr += assessment.totalIdr;
    sum.paidIdr += balance?.paidIdr ?? 0;
    sum.outstandingIdr += balance?.outstandingIdr ?? 0;
    totals.set(key, sum);
  }
  return [...totals.values()];
}
