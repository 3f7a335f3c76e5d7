import type { Allocation } from './payment';

/**
 * Spreads an amount over open assessments, oldest due first (then by number), each up to what it still owes.
 * What is left over is returned as credit, never dropped.
 */
export function allocatePayment(
  amountIdr: number,
  open: readonly { assessmentId: string; dueDate: string; number: string | null; outstandingIdr: number }[],
): { allocations: Allocation[]; creditIdr: number } {
  const ordered = [...open].sort(
    (a, b) => a.dueDate.localeCompare(b.dueDate) || (a.number ?? '').localeCompare(b.number ?? ''),
  );
  const allocations: Allocation[] = [];
  let rest = amountIdr;
  for (const assessment of ordered) {
    if (rest <= 0) break;
    const amount = Math.min(rest, assessment.outstandingIdr);
    if (amount <= 0) continue;
    allocations.push({ assessmentId: assessment.assessmentId, amountIdr: amount });
    rest -= amount;
  }
  return { allocations, creditIdr: rest };
}
