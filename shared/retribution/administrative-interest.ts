const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The same day `months` later, or that month's last day when it is shorter (31 Jan + 1 → 28/29 Feb). */
export function addMonthsClamped(isoDate: string, months: number): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  const targetDay = Math.min(day, lastDay(targetYear, targetMonth));
  return `${targetYear}-${String(targetMonth).padStart(2, '0')}-${String(targetDay).padStart(2, '0')}`;
}

/**
 * Months of delay charged on `asOf` for an amount due on `dueDate`: a month begun counts as a whole month (the
 * usual wording of Perda sanctions: "bagian dari bulan dihitung satu bulan penuh"); nothing on or before the due
 * date. Months end on the same day of the month, or the last day of a shorter month.
 */
export function monthsOfDelay(dueDate: string, asOf: string): number {
  if (asOf.slice(0, 10) <= dueDate) return 0;
  let months = 1;
  while (addMonthsClamped(dueDate, months) < asOf.slice(0, 10)) months += 1;
  return months;
}

/**
 * Administrative interest on an unpaid amount: rate per month × months of delay, at most `capMonths` months,
 * rounded to whole rupiah. The rate and cap come from the user's Perda (shipped only as an example).
 */
export function administrativeInterest(
  outstandingIdr: number,
  dueDate: string,
  asOf: string,
  rule: { ratePerMonth: number; capMonths: number },
): { months: number; chargedMonths: number; interestIdr: number } {
  const months = monthsOfDelay(dueDate, asOf);
  const chargedMonths = Math.min(months, rule.capMonths);
  return { months, chargedMonths, interestIdr: Math.round(outstandingIdr * rule.ratePerMonth * chargedMonths) };
}
