import type { Assessment, AssessmentLine } from './assessment';
import { assessmentId } from './assess-corridor';

export type ReviseProblem =
  | { code: 'revise-not-issued'; assessmentId: string; status: string }
  | { code: 'revise-without-reason'; assessmentId: string };

/**
 * A correction of an issued assessment: a new draft with the next revision, the corrected lines (from a new analysis
 * or edited by hand) and the reason, pointing at the one it replaces. The original is not touched; it is marked
 * replaced only when the revision is issued.
 */
export function reviseAssessment(
  original: Assessment,
  lines: readonly AssessmentLine[],
  reason: string,
  createdAt: string,
): Assessment | ReviseProblem {
  if (original.status !== 'issued')
    return { code: 'revise-not-issued', assessmentId: original.id, status: original.status };
  if (reason.trim() === '') return { code: 'revise-without-reason', assessmentId: original.id };
  const revision = original.revision + 1;
  return {
    ...original,
    id: assessmentId(original.programmeId, original.periodId, original.obligorId, revision),
    number: null,
    status: 'draft',
    lines: lines.map((line) => ({ ...line })),
    totalIdr: lines.reduce((sum, line) => sum + line.amountIdr, 0),
    revision,
    replacesId: original.id,
    replacedById: null,
    reason: reason.trim(),
    createdAt,
    issuedAt: null,
  };
}
