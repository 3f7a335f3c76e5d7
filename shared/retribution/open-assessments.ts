import type { Assessment } from './assessment';
import { assessmentBalances } from './assessment-balances';
import type { OpenAssessment } from './match-bank-statement';
import type { Payment } from './payment';

/** What each issued assessment still owes, for allocating and matching payments (the tab and the CLI alike). */
export function openAssessments(assessments: readonly Assessment[], payments: readonly Payment[]): OpenAssessment[] {
  const balances = assessmentBalances(assessments, payments);
  return assessments.flatMap((assessment) => {
    const balance = balances.get(assessment.id);
    return balance && balance.outstandingIdr > 0
      ? [
          {
            assessmentId: assessment.id,
            number: assessment.number!,
            obligorId: assessment.obligorId,
            dueDate: assessment.dueDate,
            outstandingIdr: balance.outstandingIdr,
          },
        ]
      : [];
  });
}
