/** Calendar months `YYYY-MM` (pure helpers for the report's period). */

export function monthsBetween(from: string, to: string): number {
  const [fromYear, fromMonth] = from.split('-').map(Number);
  const [toYear, toMonth] = to.split('-').map(Number);
  return (toYear - fromYear) * 12 + (toMonth - fromMonth) + 1;
}

export function nextMonth(month: string): string {
  const [year, number] = month.split('-').map(Number);
  return number === 12 ? `${year + 1}-01` : `${year}-${String(number + 1).padStart(2, '0')}`;
}

/** Midnight in Seoul on the first day of `month`: where a month of postings begins. */
export function seoulMonthStart(month: string): Date {
  return new Date(`${month}-01T00:00:00+09:00`);
}
