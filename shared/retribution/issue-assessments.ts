import type { Assessment } from './assessment';
import { checkNumberPattern, formatAssessmentNumber, type NumberPatternProblem } from './format-assessment-number';
import type { RetributionSettings } from './retribution-settings';

export type IssueProblem =
  | NumberPatternProblem
  | { code: 'not-a-draft'; assessmentId: string; status: string }
  | { code: 'replaced-not-issued'; assessmentId: string; replacesId: string };

export interface IssuedAssessments {
  issued: Assessment[];
  /** Assessments a revision replaces, now marked replaced and pointing at their revision. */
  replaced: Assessment[];
  /** The settings with the last sequence moved on. */
  settings: RetributionSettings;
}

/**
 * Issues drafts in the order given: each gets the next number of its year of issue from the pattern (unique and
 * gap-free: the sequence moves only here, by one per notice), is stamped and frozen. A revision marks the assessment
 * it replaces as replaced. `current` is how the replaced ones are stored now.
 */
export function issueAssessments(
  drafts: readonly Assessment[],
  current: ReadonlyMap<string, Assessment>,
  settings: RetributionSettings,
  issuedAt: string,
): IssuedAssessments | { problems: IssueProblem[] } {
  const problems: IssueProblem[] = [...checkNumberPattern(settings.numberPattern)];
  for (const draft of drafts) {
    if (draft.status !== 'draft') problems.push({ code: 'not-a-draft', assessmentId: draft.id, status: draft.status });
    if (draft.replacesId && current.get(draft.replacesId)?.status !== 'issued')
      problems.push({ code: 'replaced-not-issued', assessmentId: draft.id, replacesId: draft.replacesId });
  }
  if (problems.length > 0) return { problems };
  const year = Number(issuedAt.slice(0, 4));
  const month = Number(issuedAt.slice(5, 7));
  let seq = settings.lastSequence[String(year)] ?? 0;
  const issued = drafts.map((draft): Assessment => {
    seq += 1;
    return {
      ...draft,
      status: 'issued',
      number: formatAssessmentNumber(settings.numberPattern, { year, month, seq }),
      issuedAt,
    };
  });
  const replaced = issued
    .filter((assessment) => assessment.replacesId)
    .map((revision): Assessment => ({
      ...current.get(revision.replacesId!)!,
      status: 'replaced',
      replacedById: revision.id,
    }));
  return {
    issued,
    replaced,
    settings: { ...settings, lastSequence: { ...settings.lastSequence, [String(year)]: seq } },
  };
}
