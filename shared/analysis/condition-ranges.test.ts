import { describe, expect, it } from 'vitest';
import { checkConditionRanges, summariseConditionRanges, type ConditionRange } from './condition-ranges';
import { wordProblem } from '../messages/word-problem';

const ranges: ConditionRange[] = [
  { fromM: 0, toM: 3_400, condition: 'baik' },
  { fromM: 3_400, toM: 5_100, condition: 'rusak_berat' },
  { fromM: 5_100, toM: 6_000, condition: 'sedang' },
];

describe('condition by STA ranges', () => {
  it('accepts touching ranges and sums each condition', () => {
    expect(checkConditionRanges(ranges, 7_000)).toEqual([]);
    const summary = summariseConditionRanges(ranges, 7_000);
    expect(summary.byCondition).toEqual({ baik: 3_400, sedang: 900, rusak_ringan: 0, rusak_berat: 1_700 });
    expect(summary.surveyedM).toBe(6_000);
    expect(summary.unsurveyedM).toBe(1_000);
    expect(summary.kemantapanPct).toBeCloseTo((4_300 / 6_000) * 100, 6);
  });

  it('names overlapping, reversed and too long ranges', () => {
    const problems = checkConditionRanges(
      [
        ...ranges,
        { fromM: 5_000, toM: 5_500, condition: 'baik' },
        { fromM: 6_500, toM: 6_400, condition: 'baik' },
        { fromM: 6_600, toM: 7_200, condition: 'baik' },
      ],
      7_000,
    );
    expect(problems.map((problem) => wordProblem(problem, 'id'))).toEqual([
      'STA 6+500 – STA 6+400: STA akhir harus setelah STA awal',
      'STA 6+600 – STA 7+200: melewati ujung ruas di STA 7+000',
      // 5+000 – 5+500 overlaps the range before it and the one after it.
      'STA 5+000 – STA 5+500: tumpang tindih dengan STA 3+400 – STA 5+100',
      'STA 5+100 – STA 6+000: tumpang tindih dengan STA 5+000 – STA 5+500',
    ]);
    expect(wordProblem(problems[2]!, 'en')).toBe('STA 5+000 – STA 5+500: overlaps STA 3+400 – STA 5+100');
  });

  it('has no kemantapan without survey', () => {
    expect(summariseConditionRanges([], 1_000).kemantapanPct).toBeNull();
  });
});
