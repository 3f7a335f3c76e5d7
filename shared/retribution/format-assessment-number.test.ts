import { describe, expect, it } from 'vitest';
import { checkNumberPattern, formatAssessmentNumber } from './format-assessment-number';

describe('assessment numbers', () => {
  it('fills year, month and the padded sequence', () => {
    expect(formatAssessmentNumber('SKRD/PUPR-NTT/{year}/{seq:4}', { year: 2026, month: 3, seq: 7 })).toBe(
      'SKRD/PUPR-NTT/2026/0007',
    );
    expect(formatAssessmentNumber('{seq}/SKRD/{month}/{year}', { year: 2026, month: 3, seq: 12345 })).toBe(
      '12345/SKRD/03/2026',
    );
  });

  it('names the problems of a pattern', () => {
    expect(checkNumberPattern('SKRD/PUPR-NTT/{year}/{seq:4}')).toEqual([]);
    expect(checkNumberPattern('SKRD/{year}')).toEqual([{ code: 'pattern-without-seq', pattern: 'SKRD/{year}' }]);
    expect(checkNumberPattern('SKRD/{tahun}/{seq}')).toEqual([{ code: 'pattern-unknown-token', token: '{tahun}' }]);
  });
});
