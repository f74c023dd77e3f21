import * as holidayYears from '@hyunbinseo/holidays-kr/all';
import { addDays } from '../common/calendar-date';

/**
 * Public holidays (관공서의 공휴일에 관한 규정, incl. substitute and election days, and
 * 노동절 since 2026) as the official gazette lists them, through `@hyunbinseo/holidays-kr`.
 * Since 2022 they are paid days off in every workplace of 5 or more (근로기준법 §55②).
 */
const HOLIDAYS: ReadonlySet<string> = new Set(Object.values(holidayYears).flatMap((year) => Object.keys(year)));

/** Years the package has data for: outside them a working-day count would silently be wrong. */
export const HOLIDAY_YEARS: ReadonlySet<number> = new Set(
  Object.keys(holidayYears)
    .filter((name) => /^y\d{4}$/.test(name))
    .map((name) => Number(name.slice(1))),
);

export function isPublicHoliday(date: string): boolean {
  return HOLIDAYS.has(date);
}

/** Monday to Friday and not a public holiday. */
export function isWorkingDay(date: string): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !isPublicHoliday(date);
}

/** Working days from `start` to `end`, both included. */
export function workingDaysBetween(start: string, end: string): number {
  let count = 0;
  for (let day = start; day <= end; day = addDays(day, 1)) if (isWorkingDay(day)) count++;
  return count;
}

/** Working days of [start, end] falling in each calendar year. */
export function workingDaysByYear(start: string, end: string): Map<number, number> {
  const byYear = new Map<number, number>();
  for (let day = start; day <= end; day = addDays(day, 1)) {
    if (isWorkingDay(day)) byYear.set(Number(day.slice(0, 4)), (byYear.get(Number(day.slice(0, 4))) ?? 0) + 1);
  }
  return byYear;
}

/** Years of [start, end] the holiday data does not cover. */
export function yearsWithoutHolidayData(start: string, end: string): number[] {
  return yearsOf(start, end).filter((year) => !HOLIDAY_YEARS.has(year));
}

/** Every calendar year [start, end] touches, in order. */
export function yearsOf(start: string, end: string): number[] {
  const years: number[] = [];
  for (let year = Number(start.slice(0, 4)); year <= Number(end.slice(0, 4)); year++) years.push(year);
  return years;
}
