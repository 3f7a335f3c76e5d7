import { describe, expect, it } from 'vitest';
import type { Assessment } from './assessment';
import { assessmentBalances } from './assessment-balances';
import type { Payment } from './payment';

const assessment = (id: string, totalIdr: number, status: Assessment['status'], replacedById: string | null = null) =>
  ({ id, obligorId: 'o1', totalIdr, status, replacedById }) as Assessment;
const payment = (allocations: Payment['allocations']) => ({ allocations }) as Payment;

describe('balances', () => {
  it('sums allocations per issued assessment; a replaced one passes its payments to its revision', () => {
    const balances = assessmentBalances(
      [
        assessment('a', 100_000, 'issued'),
        assessment('b', 50_000, 'issued'),
        assessment('c', 70_000, 'issued'),
        assessment('old', 90_000, 'replaced', 'new'),
        assessment('new', 80_000, 'issued'),
        assessment('d', 10_000, 'draft'),
      ],
      [
        payment([
          { assessmentId: 'a', amountIdr: 100_000 },
          { assessmentId: 'b', amountIdr: 20_000 },
        ]),
        payment([{ assessmentId: 'old', amountIdr: 30_000 }]),
        payment([{ assessmentId: 'new', amountIdr: 50_000 }]),
      ],
    );
    expect([...balances.values()].map((b) => [b.assessmentId, b.paidIdr, b.outstandingIdr, b.standing])).toEqual([
      ['a', 100_000, 0, 'paid'],
      ['b', 20_000, 30_000, 'partial'],
      ['c', 0, 70_000, 'unpaid'],
      ['new', 80_000, 0, 'paid'],
    ]);
  });
});
