/**
 * A referral (알선): the Talent Bank puts one proposed seeker in front of the seeker and then
 * the firm. Pure: the states, the moves between them and the coded reasons, shared by the
 * lifecycle owner, the reports and the console. docs/referrals.md explains each one.
 */

export const REFERRAL_STATUSES = [
  'offered',
  'seeker_accepted',
  'seeker_declined',
  'firm_interview',
  'hired',
  'firm_declined',
  'retained_30_days',
  'ended_early',
  'withdrawn',
] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/** Still waiting for somebody's answer: the seeker and the gap are spoken for. */
export const OPEN_REFERRAL_STATUSES = ['offered', 'seeker_accepted', 'firm_interview'] as const satisfies readonly ReferralStatus[];

/** A placement exists (the referral reached `hired`, and what became of it afterwards). */
export const PLACED_REFERRAL_STATUSES = ['hired', 'retained_30_days', 'ended_early'] as const satisfies readonly ReferralStatus[];

export const REFERRAL_TRANSITIONS: Readonly<Record<ReferralStatus, readonly ReferralStatus[]>> = {
  offered: ['seeker_accepted', 'seeker_declined', 'withdrawn'],
  seeker_accepted: ['firm_interview', 'hired', 'firm_declined', 'withdrawn'],
  firm_interview: ['hired', 'firm_declined', 'withdrawn'],
  hired: ['retained_30_days', 'ended_early'],
  retained_30_days: ['ended_early'],
  seeker_declined: [],
  firm_declined: [],
  ended_early: [],
  withdrawn: [],
};

export function canMove(from: ReferralStatus, to: ReferralStatus): boolean {
  return REFERRAL_TRANSITIONS[from].includes(to);
}

/** Why a seeker said no to an offer. */
export const SEEKER_DECLINE_REASONS = [
  'wage',
  'commute',
  'hours',
  'dates',
  'job_content',
  'found_other_work',
  'personal',
  'no_response',
  'other',
] as const;
export type SeekerDeclineReason = (typeof SEEKER_DECLINE_REASONS)[number];

/**
 * Why a firm turned a referred seeker down. A firm may decline without a reason; two such
 * declines of suitable referrals flag the firm (시행령 §15-2: a firm that refuses reduced
 * childcare hours because "no substitute could be found" must have tried in earnest).
 */
export const FIRM_DECLINE_REASONS = [
  'skills',
  'experience',
  'wage',
  'hours',
  'interview_no_show',
  'firm_found_someone',
  'position_withdrawn',
  'other',
] as const;
export type FirmDeclineReason = (typeof FIRM_DECLINE_REASONS)[number];

/** Why a placement ended before its period did. */
export const ENDED_EARLY_REASONS = [
  'seeker_quit',
  'dismissed',
  'employee_returned_early',
  'health',
  'found_other_work',
  'other',
] as const;
export type EndedEarlyReason = (typeof ENDED_EARLY_REASONS)[number];

/**
 * A hired referral whose placement is cancelled through the placements API ends early for the
 * reason the cancellation's public code gives: the firm asked (dismissed), the seeker asked
 * (seeker_quit), the leave changed (the employee came back early), or other.
 */
export const ENDED_EARLY_REASON_OF_CANCELLATION: Readonly<Record<'firm_request' | 'seeker_request' | 'leave_changed' | 'other', EndedEarlyReason>> = {
  firm_request: 'dismissed',
  seeker_request: 'seeker_quit',
  leave_changed: 'employee_returned_early',
  other: 'other',
};

/** Why the Talent Bank took a referral back before anyone said no. */
export const WITHDRAWAL_REASONS = ['gap_cancelled', 'gap_changed', 'seeker_unavailable', 'coordinator', 'other'] as const;
export type WithdrawalReason = (typeof WITHDRAWAL_REASONS)[number];

export const ALL_REFERRAL_REASON_CODES = [
  ...new Set<string>([...SEEKER_DECLINE_REASONS, ...FIRM_DECLINE_REASONS, ...ENDED_EARLY_REASONS, ...WITHDRAWAL_REASONS]),
];

/** Days a placement must last from its start to count as kept (30-day retention). */
export const RETENTION_DAYS = 30;
