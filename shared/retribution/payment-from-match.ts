import type { StatementMatch } from './match-bank-statement';
import type { Payment } from './payment';

/** A matched bank-statement line as the payment it records (the tab and `rumija payments import` alike). */
export function paymentFromMatch(
  match: StatementMatch & { obligorId: string },
  { id, note, recordedAt }: { id: string; note: string; recordedAt: string },
): Payment {
  return {
    id,
    date: match.line.date,
    amountIdr: match.line.amountIdr,
    bankReference: match.line.reference,
    obligorId: match.obligorId,
    allocations: match.allocations,
    source: 'bank-statement',
    note,
    recordedAt,
    demo: false,
  };
}
