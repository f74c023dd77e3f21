/**
 * The legal hourly minimum wage (최저임금, KRW) by calendar year: the one table of it.
 * Add a row each August when the Minimum Wage Commission's figure for the next year is published.
 */
const MINIMUM_HOURLY_WAGE_BY_YEAR: ReadonlyMap<number, number> = new Map([
  [2024, 9_860],
  [2025, 10_030],
  [2026, 10_320],
]);

const KNOWN_YEARS = [...MINIMUM_HOURLY_WAGE_BY_YEAR.keys()].sort((a, b) => a - b);

/**
 * The minimum wage for `year`. A year not in the table uses the latest known year: for a
 * future year that is the best lower bound we have (wages have never gone down), and for a
 * year before the table a gap starting then is history anyway.
 */
export function minimumHourlyWage(year: number): number {
  return MINIMUM_HOURLY_WAGE_BY_YEAR.get(minimumWageYearFor(year))!;
}

/** The table year whose minimum wage applies to `year`. */
export function minimumWageYearFor(year: number): number {
  return MINIMUM_HOURLY_WAGE_BY_YEAR.has(year) ? year : KNOWN_YEARS[KNOWN_YEARS.length - 1];
}
