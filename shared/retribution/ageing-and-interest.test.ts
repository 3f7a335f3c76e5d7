import { describe, expect, it } from 'vitest';
import { ageReceivables, ageingBucket, daysOverdue } from './age-receivables';
import { addMonthsClamped, administrativeInterest, monthsOfDelay } from './administrative-interest';

describe('ageing', () => {
  // Days counted on a calendar by hand.
  it.each([
    ['2026-07-31', '2026-07-31', 0, 'not-due'],
    ['2026-07-31', '2026-07-01', -30, 'not-due'],
    ['2026-07-31', '2026-08-01', 1, 'days-1-30'],
    ['2026-07-31', '2026-08-30', 30, 'days-1-30'],
    ['2026-07-31', '2026-08-31', 31, 'days-31-90'],
    ['2026-07-31', '2026-10-29', 90, 'days-31-90'],
    ['2026-07-31', '2026-10-30', 91, 'days-over-90'],
    // Across February of a leap year: 31 Jan → 1 Mar 2024 is 30 days (29 in Feb + 1).
    ['2024-01-31', '2024-03-01', 30, 'days-1-30'],
    ['2024-01-31', '2024-03-02', 31, 'days-31-90'],
    // The same in a common year: 31 Jan → 1 Mar 2026 is 29 days.
    ['2026-01-31', '2026-03-01', 29, 'days-1-30'],
    // Across a year end.
    ['2025-12-15', '2026-03-15', 90, 'days-31-90'],
  ])('due %s seen %s: %d days, %s', (due, asOf, days, bucket) => {
    expect(daysOverdue(due, asOf)).toBe(days);
    expect(ageingBucket(due, asOf)).toBe(bucket);
  });

  it('sums outstanding amounts per bucket, leaving paid ones out', () => {
    expect(
      ageReceivables(
        [
          { dueDate: '2026-12-31', outstandingIdr: 100 },
          { dueDate: '2026-11-30', outstandingIdr: 20 },
          { dueDate: '2026-11-30', outstandingIdr: 5 },
          { dueDate: '2026-10-01', outstandingIdr: 7 },
          { dueDate: '2026-01-31', outstandingIdr: 3 },
          { dueDate: '2026-01-31', outstandingIdr: 0 },
        ],
        '2026-12-06',
      ),
    ).toEqual({ 'not-due': 100, 'days-1-30': 25, 'days-31-90': 7, 'days-over-90': 3 });
  });
});

describe('administrative interest', () => {
  it('ends months on the same day or the last day of a shorter month', () => {
    expect(addMonthsClamped('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonthsClamped('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonthsClamped('2025-11-30', 3)).toBe('2026-02-28');
    expect(addMonthsClamped('2026-07-31', 2)).toBe('2026-09-30');
    expect(addMonthsClamped('2026-12-15', 1)).toBe('2027-01-15');
  });

  it.each([
    // due, seen, months begun (counted by hand on a calendar)
    ['2026-07-31', '2026-07-31', 0],
    ['2026-07-31', '2026-08-01', 1],
    ['2026-07-31', '2026-08-31', 1],
    ['2026-07-31', '2026-09-01', 2],
    ['2024-01-31', '2024-02-29', 1],
    ['2024-01-31', '2024-03-01', 2],
    ['2026-01-31', '2026-02-28', 1],
    ['2026-01-31', '2026-03-01', 2],
    ['2024-02-29', '2025-02-28', 12],
    ['2024-02-29', '2025-03-01', 13],
    ['2025-12-31', '2026-01-01', 1],
  ])('due %s seen %s: %d months', (due, asOf, months) => {
    expect(monthsOfDelay(due, asOf)).toBe(months);
  });

  it('charges rate × months on the unpaid amount, up to the cap, in whole rupiah', () => {
    const rule = { ratePerMonth: 0.01, capMonths: 24 };
    // 683 316 × 1 % × 2 = 13 666.32 → 13 666
    expect(administrativeInterest(683_316, '2026-07-31', '2026-09-01', rule)).toEqual({
      months: 2,
      chargedMonths: 2,
      interestIdr: 13_666,
    });
    // 150 000 × 1 % × 24 (capped from 31 months: due 31 Jan 2024, seen 1 Aug 2026) = 36 000
    expect(administrativeInterest(150_000, '2024-01-31', '2026-08-01', rule)).toEqual({
      months: 31,
      chargedMonths: 24,
      interestIdr: 36_000,
    });
    // 2 % a month, capped at 15 months; 12 months in a leap year: 1 000 001 × 0.24 = 240 000.24 → 240 000
    expect(
      administrativeInterest(1_000_001, '2024-02-29', '2025-02-28', { ratePerMonth: 0.02, capMonths: 15 }),
    ).toEqual({
      months: 12,
      chargedMonths: 12,
      interestIdr: 240_000,
    });
    expect(administrativeInterest(500_000, '2026-07-31', '2026-07-15', rule).interestIdr).toBe(0);
  });
});
