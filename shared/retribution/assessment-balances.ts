import type { Assessment } from './assessment';
import type { Payment } from './payment';

export interface AssessmentBalance {
  assessmentId: string;
  obligorId: string;
  totalIdr: number;
  paidIdr: number;
  outstandingIdr: number;
  standing: 'unpaid' | 'partial' | 'paid';
}

/**
 * What is paid and still owed on each issued assessment, from the payments' allocations. Drafts owe nothing yet;
 * a replaced assessment's payments count towards its revision (the money was received against the same obligation).
 */
export function assessmentBalances(
  assessments: readonly Assessment[],
  payments: readonly Payment[],
): Map<string, AssessmentBalance> {
  const byId = new Map(assessments.map((assessment) => [assessment.id, assessment]));
  const current = (id: string) => {
    let assessment = byId.get(id);
    while (assessment?.replacedById) assessment = byId.get(assessment.replacedById);
    return assessment;
  };
  const paid = new Map<string, number>();
  for (const payment of payments)
    for (const allocation of payment.allocations) {
      const target = current(allocation.assessmentId);
      if (target) paid.set(target.id, (paid.get(target.id) ?? 0) + allocation.amountIdr);
    }
  const balances = new Map<string, AssessmentBalance>();
  for (const assessment of assessments) {
    if (assessment.status !== 'issued') continue;
    const paidIdr = paid.get(assessment.id) ?? 0;
    const outstandingIdr = Math.max(0, assessment.totalIdr - paidIdr);
    balances.set(assessment.id, {
      assessmentId: assessment.id,
      obligorId: assessment.obligorId,
      totalIdr: assessment.totalIdr,
      paidIdr,
      outstandingIdr,
      standing: outstandingIdr === 0 ? 'paid' : paidIdr > 0 ? 'partial' : 'unpaid',
    });
  }
  return balances;
}
