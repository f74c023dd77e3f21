import { addDays, isCalendarDate } from '../common/calendar-date';

/** Inclusive calendar-date interval, as the API and the matching contract write it. */
export interface DatePeriod {
  start: string;
  end: string;
}

/** A daterange literal containing both days: `[start,end]` (PostgreSQL stores it as `[start,end+1)`). */
export function toDateRangeLiteral({ start, end }: DatePeriod): string {
  return `[${start},${end}]`;
}

const RANGE = /^([[(])(\d{4}-\d{2}-\d{2}),(\d{4}-\d{2}-\d{2})([\])])$/;

/** Reads a bounded daterange as PostgreSQL prints it back into inclusive start and end days. */
export function parseDateRange(literal: string): DatePeriod {
  const match = RANGE.exec(literal.trim());
  if (!match || !isCalendarDate(match[2]) || !isCalendarDate(match[3])) {
    throw new Error(`not a bounded daterange: ${literal}`);
  }
  const [, lowerBound, lower, upper, upperBound] = match;
  return {
    start: lowerBound === '[' ? lower : addDays(lower, 1),
    end: upperBound === ']' ? upper : addDays(upper, -1),
  };
}
