export const AGEING_BUCKETS = ['not-due', 'days-1-30', 'days-31-90', 'days-over-90'] as const;
export type AgeingBucket = (typeof AGEING_BUCKETS)[number];

const DAY_MS = 86_400_000;
const dayNumber = (isoDate: string) => Date.parse(`${isoDate.slice(0, 10)}T00:00:00Z`) / DAY_MS;

/** Calendar days from the due date to `asOf` (both ISO dates); 0 or less is not overdue. */
export function daysOverdue(dueDate: string, asOf: string): number {
  return dayNumber(asOf) - dayNumber(dueDate);
}

/** The ageing bucket of an amount due on `dueDate`, seen on `asOf`: paying on the due date is on time. */
export function ageingBucket(dueDate: string, asOf: string): AgeingBucket {
  const days = daysOverdue(dueDate, asOf);
  if (days <= 0) return 'not-due';
  if (days <= 30) return 'days-1-30';
  if (days <= 90) return 'days-31-90';
  return 'days-over-90';
}

/** Outstanding amounts summed per bucket. */
export function ageReceivables(
  open: readonly { dueDate: string; outstandingIdr: number }[],
  asOf: string,
): Record<AgeingBucket, number> {
  const totals: Record<AgeingBucket, number> = { 'not-due': 0, 'days-1-30': 0, 'days-31-90': 0, 'days-over-90': 0 };
  for (const item of open) if (item.outstandingIdr > 0) totals[ageingBucket(item.dueDate, asOf)] += item.outstandingIdr;
  return totals;
}
