/**
 * Calendar dates as integer day numbers (days since 1970-01-01), so that date arithmetic is
 * exact and comparisons are cheap. No time zones: a date is a date.
 */

const MS_PER_DAY = 86_400_000;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const ZERO = 48;
const DASH = 45;

/** The day number of 0000-01-01 in the proleptic Gregorian calendar (what a Date gives). */
const FIRST_DAY_OF_YEAR_ZERO = -719_528;

/**
 * Per year 0000-9999 (all that YYYY can write): the day number of its 1 January, and 1 if it
 * is a leap year. Filled year after year by additions: computed per year with
 * days_from_civil's divisions, they added ~2 ms to loading this module in every process.
 */
const FIRST_DAY_OF_YEAR = new Int32Array(10_000);
const LEAP = new Uint8Array(10_000);
for (let year = 0; year < 10_000; year++) {
  LEAP[year] = isLeapYear(year) ? 1 : 0;
  FIRST_DAY_OF_YEAR[year] = year === 0 ? FIRST_DAY_OF_YEAR_ZERO : FIRST_DAY_OF_YEAR[year - 1] + 365 + LEAP[year - 1];
}
const DAYS_BEFORE_MONTH = Int32Array.of(0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334);

/** The digit a character code stands for, or a number above 9 (negative codes wrap around) when it is none. */
const digit = (code: number) => (code - ZERO) >>> 0;

/**
 * Day number of a strict `YYYY-MM-DD` calendar date, or undefined when it is not one: what
 * /^(\d{4})-(\d{2})-(\d{2})$/ and a Date gave (the tables agree with Date for every date of
 * years 0000-9999), from eight character codes and two table lookups: instances name dates
 * in hundreds of thousands of fields, and preparing one parsed ~15,000 per 5,000 seekers, a
 * fifth of its time while each parse divided four times.
 */
export function parseDay(text: string): number | undefined {
  if (text.length !== 10 || text.charCodeAt(4) !== DASH || text.charCodeAt(7) !== DASH) return undefined;
  const y0 = digit(text.charCodeAt(0));
  const y1 = digit(text.charCodeAt(1));
  const y2 = digit(text.charCodeAt(2));
  const y3 = digit(text.charCodeAt(3));
  const m0 = digit(text.charCodeAt(5));
  const m1 = digit(text.charCodeAt(6));
  const d0 = digit(text.charCodeAt(8));
  const d1 = digit(text.charCodeAt(9));
  if (y0 > 9 || y1 > 9 || y2 > 9 || y3 > 9 || m0 > 9 || m1 > 9 || d0 > 9 || d1 > 9) return undefined;
  const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const month = m0 * 10 + m1;
  const day = d0 * 10 + d1;
  if (month < 1 || month > 12 || day < 1) return undefined;
  const leap = LEAP[year];
  if (day > (month === 2 ? 28 + leap : DAYS_IN_MONTH[month - 1])) return undefined;
  return FIRST_DAY_OF_YEAR[year] + DAYS_BEFORE_MONTH[month - 1] + (month > 2 ? leap : 0) + day - 1;
}

/** Day number of a date already validated; throws on anything else (a programming error). */
export function toDay(text: string): number {
  const day = parseDay(text);
  if (day === undefined) throw new Error(`not a calendar date: ${text}`);
  return day;
}

export function formatDay(day: number): string {
  const date = new Date(day * MS_PER_DAY);
  const year = String(date.getUTCFullYear()).padStart(4, '0');
  const month = String(date.getUTCMonth() + 1).padStart(2, '0');
  const dayOfMonth = String(date.getUTCDate()).padStart(2, '0');
  return `${year}-${month}-${dayOfMonth}`;
}
