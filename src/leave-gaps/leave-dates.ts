import { addDays } from '../common/calendar-date';

function daysInMonth(year: number, monthIndex: number): number {
  return new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();
}

/**
 * `YYYY-MM-DD` of a day that exists (both callers clamp it to its month): formatted directly,
 * as a Date and toISOString cost a list request's leave-law warnings several times more.
 */
function isoDate(year: number, monthIndex: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(monthIndex + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The same calendar day `months` later (negative: earlier); when that month is shorter, its
 * last day (2026-04-30 − 2 months → 2026-02-28; 2024-04-30 − 2 months → 2024-02-29).
 */
export function sameDayMonthsLater(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12;
  return isoDate(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
}

/**
 * The last day of a period of `months` months starting on `start`: the day before the same
 * date `months` later (2026-03-02 + 12 months → 2027-03-01). When that date does not exist,
 * the period ends on the last day of that month (민법 §160③: 2024-02-29 + 12 months → 2025-02-28).
 */
export function lastDayOfMonthsFrom(start: string, months: number): string {
  const [year, month, day] = start.split('-').map(Number);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12;
  const last = daysInMonth(targetYear, targetMonth);
  if (day > last) return isoDate(targetYear, targetMonth, last);
  return addDays(isoDate(targetYear, targetMonth, day), -1);
}
