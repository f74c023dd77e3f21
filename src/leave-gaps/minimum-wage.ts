import { yearsOf } from './working-days';

/** One year's legal hourly minimum wage (최저임금법 §10: the Minister's notification by 5 August for the next year). */
export interface MinimumWageRate {
  year: number;
  hourlyWage: number;
  /** The day the Minister of Employment and Labor notified it (고시일). */
  notifiedOn: string;
  source: string;
}

/**
 * The one table of the minimum wage. A new year is one row here (and a test): add it when the
 * notification for that year is published, never before. Sources: docs/leave-rules.md.
 */
export const MINIMUM_WAGE_RATES: readonly MinimumWageRate[] = [
  { year: 2024, hourlyWage: 9_860, notifiedOn: '2023-08-04', source: '2024년 적용 최저임금 고시' },
  { year: 2025, hourlyWage: 10_030, notifiedOn: '2024-08-05', source: '2025년 적용 최저임금 고시 (고용노동부 보도자료 2024-08-05)' },
  { year: 2026, hourlyWage: 10_320, notifiedOn: '2025-08-05', source: '2026년 적용 최저임금 고시 (고용노동부 2025-08-05)' },
];

const BY_YEAR: ReadonlyMap<number, MinimumWageRate> = new Map(MINIMUM_WAGE_RATES.map((rate) => [rate.year, rate]));

/** The rate for `year`, or undefined when none is published: never a silent reuse of another year's. */
export function minimumWageFor(year: number): MinimumWageRate | undefined {
  return BY_YEAR.get(year);
}

export interface MinimumWageCheck {
  /** Years whose rate the wage falls below, with that rate. */
  below: MinimumWageRate[];
  /** Years the period touches that have no published rate yet. */
  unknownYears: number[];
}

/** Checks `hourlyWage` against the rate of every calendar year the period [start, end] touches. */
export function checkMinimumWage(hourlyWage: number, start: string, end: string): MinimumWageCheck {
  const below: MinimumWageRate[] = [];
  const unknownYears: number[] = [];
  for (const year of yearsOf(start, end)) {
    const rate = minimumWageFor(year);
    if (rate === undefined) unknownYears.push(year);
    else if (hourlyWage < rate.hourlyWage) below.push(rate);
  }
  return { below, unknownYears };
}
