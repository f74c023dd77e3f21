/**
 * Calendar dates as integer day numbers (days since 1970-01-01), so that date arithmetic is
 * exact and comparisons are cheap. No time zones: a date is a date.
 */

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

/** Day number of a strict `YYYY-MM-DD` calendar date, or undefined when it is not one. */
export function parseDay(text: string): number | undefined {
  const match = DATE_PATTERN.exec(text);
  if (!match) return undefined;
  const [year, month, day] = match.slice(1).map(Number);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  // setUTCFullYear, unlike Date.UTC, does not map years 0..99 to 1900..1999.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return Math.round(date.getTime() / MS_PER_DAY);
}

/**
 * Parsed dates, bounded: an instance of 50,000 seekers names a few thousand distinct days
 * in hundreds of thousands of fields, and a regular expression plus a Date per field was a
 * tenth of preparing one.
 */
const parsedDays = new Map<string, number>();
const PARSED_DAYS_KEPT = 100_000;

/** Day number of a date already validated; throws on anything else (a programming error). */
export function toDay(text: string): number {
  const known = parsedDays.get(text);
  if (known !== undefined) return known;
  const day = parseDay(text);
  if (day === undefined) throw new Error(`not a calendar date: ${text}`);
  if (parsedDays.size >= PARSED_DAYS_KEPT) parsedDays.clear();
  parsedDays.set(text, day);
  return day;
}

export function formatDay(day: number): string {
  const date = new Date(day * MS_PER_DAY);
  const year = String(date.getUTCFullYear()).padStart(4, '0');
  const month = String(date.getUTCMonth() + 1).padStart(2, '0');
  const dayOfMonth = String(date.getUTCDate()).padStart(2, '0');
  return `${year}-${month}-${dayOfMonth}`;
}
