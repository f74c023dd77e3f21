/**
 * The referral rules that are pure date arithmetic and counting (docs/referrals.md): when a
 * placement counts as kept, which days an early end may fall on, when a firm is flagged.
 */
import { addDays } from '../common/calendar-date';
import { RETENTION_DAYS } from './referral-states';

/**
 * The first day a placement that started on `startDate` counts as kept: RETENTION_DAYS full
 * days worked from the start (the 30-day retention the programme reports, issue 11).
 */
export function retentionDueOn(startDate: string): string {
  return addDays(startDate, RETENTION_DAYS);
}

export function isRetentionDue(startDate: string, today: string): boolean {
  return today >= retentionDueOn(startDate);
}

/**
 * An early end falls on a day of the placement before its last one (ending on the last day is
 * no early end): the placement then runs from its start to that day, inclusive.
 */
export function earlyEndProblem(endedOn: string, placement: { readonly start: string; readonly end: string }): string | undefined {
  if (endedOn < placement.start || endedOn >= placement.end) {
    return `must lie within ${placement.start}..${addDays(placement.end, -1)}: a day of the placement before its last`;
  }
  return undefined;
}

/**
 * A placement recorded as kept (retained_30_days) worked its first RETENTION_DAYS days: an early
 * end after that falls on the last of them or later, or the two records contradict each other.
 */
export function retainedEndProblem(endedOn: string, startDate: string): string | undefined {
  const lastKeptDay = addDays(retentionDueOn(startDate), -1);
  if (endedOn < lastKeptDay) return `must be ${lastKeptDay} or later: the placement was recorded as kept ${RETENTION_DAYS} days`;
  return undefined;
}

/**
 * A firm that turned down this many referrals without a coded reason is flagged for the
 * coordinator: for reduced childcare hours, 시행령 §15-2 lets a firm refuse only when it could
 * not find a substitute in earnest, and referrals it declined for no reason weaken that claim.
 */
export const UNCODED_DECLINES_FLAG = 2;

export function isFirmFlagged(uncodedDeclines: number): boolean {
  return uncodedDeclines >= UNCODED_DECLINES_FLAG;
}
