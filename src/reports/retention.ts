import { addDays } from '../common/calendar-date';
import type { PlacementStatus } from '../placements/placement.entity';
import { RETENTION_DAYS, ReferralStatus } from '../referrals/referral-states';
import type { RetentionOutcome } from './report-facts';

export interface HireRetentionInput {
  readonly placementStatus: PlacementStatus;
  readonly placementStart: string;
  /** null for a placement confirmed without a referral. */
  readonly referralStatus: ReferralStatus | null;
  /** Whether the referral ever reached `retained_30_days` (it may have ended early after that). */
  readonly reachedRetained: boolean;
}

/**
 * Whether a hire was kept 30 days. A referral says so itself (`retained_30_days`, or
 * `ended_early` before it); a placement without a referral is kept once it has lasted
 * RETENTION_DAYS days by `today` while still confirmed, and lost when cancelled.
 */
export function retentionOutcome(hire: HireRetentionInput, today: string): RetentionOutcome {
  if (hire.referralStatus !== null) {
    if (hire.reachedRetained) return 'kept';
    if (hire.referralStatus === 'ended_early' || hire.placementStatus === 'cancelled') return 'lost';
    return 'pending';
  }
  if (hire.placementStatus === 'cancelled') return 'lost';
  return addDays(hire.placementStart, RETENTION_DAYS) <= today ? 'kept' : 'pending';
}
