/**
 * Calendar dates as integer day numbers (days since 1970-01-01), so that date arithmetic is
 * exact and comparisons are cheap. No time zones: a date is a date.
 */

const MS_PER_DAY = 86_400_000;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1];
}

const ZERO = 48;
const DASH = 45;

/** The number written by text[from .. from + length - 1], or -1 when one of them is not a digit. */
function digitsAt(text: string, from: number, length: number): number {
  let value = 0;
  for (let at = from; at < from + length; at++) {
    const digit = text.charCodeAt(at) - ZERO;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil), what
 * parseDay's Date gives, in integer arithmetic: instances name dates in hundreds of thousands
 * of fields, and a regular expression plus a Date per field was a tenth of preparing one.
 */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/**
 * Day number of a strict `YYYY-MM-DD` calendar date, or undefined when it is not one: what
 * /^(\d{4})-(\d{2})-(\d{2})$/ and a Date gave (days_from_civil agrees with Date for every
 * date of years 0000-9999), without a regular expression's match array and a Date per call:
 * validating a national instance parses ~200,000 dates.
 */
export function parseDay(text: string): number | undefined {
  if (text.length === 10 && text.charCodeAt(4) === DASH && text.charCodeAt(7) === DASH) {
    const year = digitsAt(text, 0, 4);
    const month = digitsAt(text, 5, 2);
    const day = digitsAt(text, 8, 2);
    if (year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)) return daysFromCivil(year, month, day);
  }
  return undefined;
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
