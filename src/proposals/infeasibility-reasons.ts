import { koreanWon } from '../common/messages/korean-format';
import type { RuleFailure } from '../matching/core/feasibility';
import type { FeasibilityRule, Seeker, Vacancy } from '../matching/core/types';

/** The stable problem code of a confirm refused by each rule. */
export const INFEASIBLE_CODES: { readonly [rule in FeasibilityRule]: string } = {
  skills: 'seeker.skills_insufficient',
  certifications: 'seeker.certification_missing',
  dates: 'seeker.unavailable',
  hours: 'seeker.hours_mismatch',
  wage: 'seeker.wage_too_low',
  commute: 'seeker.commute_too_long',
  blocked: 'seeker.firm_blocked',
};

/**
 * Why a proposal can no longer be confirmed, in words the coordinator reads in the proposal's
 * reason ("the seeker now wants at least 20,000원 an hour").
 */
export function infeasibilityReason(failure: RuleFailure, vacancy: Vacancy, seeker: Seeker): string {
  switch (failure.rule) {
    case 'skills':
      return `the seeker's skills no longer meet the gap's (${failure.detail})`;
    case 'certifications':
      return `the seeker no longer holds a required certification (${failure.detail})`;
    case 'dates':
      return `the seeker is no longer free on every remaining day of the gap (${failure.detail})`;
    case 'hours':
      return `the seeker now wants ${seeker.weeklyHours.min}–${seeker.weeklyHours.max} hours a week; the gap needs ${vacancy.weeklyHours}`;
    case 'wage':
      return `the seeker now wants at least ${koreanWon(seeker.minHourlyWage ?? 0)} an hour; the gap pays ${koreanWon(vacancy.hourlyWage)}`;
    case 'commute':
      return `the commute no longer fits (${failure.detail})`;
    case 'blocked':
      return (seeker.blockedFirmIds ?? []).includes(vacancy.firmId)
        ? 'the seeker no longer wants to work for this firm'
        : 'the pair was rejected before';
  }
}
