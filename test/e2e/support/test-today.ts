import { addDays } from '../../../src/common/calendar-date';

/**
 * The day every test app's Clock reads (Asia/Seoul), so that no test depends on the real date;
 * factories place their gaps and availability relative to it. Set CHAEUM_TEST_TODAY to run
 * the suite on another day (e.g. years ahead) and see that it does not expire.
 */
export const TEST_TODAY = process.env.CHAEUM_TEST_TODAY ?? '2026-12-01';

/** The calendar day `days` after TEST_TODAY (negative: before). */
export function testDay(days: number): string {
  return addDays(TEST_TODAY, days);
}
