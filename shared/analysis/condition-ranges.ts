import { CONDITIONS, type Condition } from '../model/road-network';
import { formatSta } from '../format/format-number';
import { problem, type Problem } from '../messages/problem';

export interface ConditionRange {
  fromM: number;
  toM: number;
  condition: Condition;
}

/** Length tolerance at the ruas end: a survey STA may run a few metres past the drawn geometry. */
const END_TOLERANCE_M = 5;

/**
 * Problems with a set of STA ranges for one ruas, each naming the range; empty when the set can be
 * saved. Ranges must start before they end, stay on the ruas and not overlap (gaps are allowed:
 * they are stretches not surveyed).
 */
export function checkConditionRanges(ranges: readonly ConditionRange[], ruasLengthM: number): Problem[] {
  const problems: Problem[] = [];
  const name = (range: ConditionRange) => `${formatSta(range.fromM)} – ${formatSta(range.toM)}`;
  for (const range of ranges) {
    if (!(range.toM > range.fromM)) problems.push(problem('conditionRange.reversed', { range: name(range) }));
    if (range.toM > ruasLengthM + END_TOLERANCE_M) {
      problems.push(problem('conditionRange.pastEnd', { range: name(range), end: formatSta(ruasLengthM) }));
    }
    if (!CONDITIONS.includes(range.condition))
      problems.push(problem('conditionRange.unknownCondition', { range: name(range), condition: range.condition }));
  }
  const sorted = [...ranges].sort((a, b) => a.fromM - b.fromM);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.fromM < sorted[i - 1]!.toM)
      problems.push(problem('conditionRange.overlaps', { range: name(sorted[i]!), other: name(sorted[i - 1]!) }));
  }
  return problems;
}

export interface ConditionRangeSummary {
  /** Metres of the ruas in each condition. */
  byCondition: Record<Condition, number>;
  surveyedM: number;
  /** Metres of the ruas no range covers. */
  unsurveyedM: number;
  /** Share of the surveyed length in good or fair condition (kemantapan), or null when nothing is surveyed. */
  kemantapanPct: number | null;
}

export function summariseConditionRanges(
  ranges: readonly ConditionRange[],
  ruasLengthM: number,
): ConditionRangeSummary {
  const byCondition = Object.fromEntries(CONDITIONS.map((condition) => [condition, 0])) as Record<Condition, number>;
  for (const range of ranges)
    byCondition[range.condition] += Math.max(0, Math.min(range.toM, ruasLengthM) - range.fromM);
  const surveyedM = CONDITIONS.reduce((sum, condition) => sum + byCondition[condition], 0);
  return {
    byCondition,
    surveyedM,
    unsurveyedM: Math.max(0, ruasLengthM - surveyedM),
    kemantapanPct: surveyedM > 0 ? ((byCondition.baik + byCondition.sedang) / surveyedM) * 100 : null,
  };
}
