import type { EntityManager } from 'typeorm';
import { toDateRangeLiteral, type DatePeriod } from '../placements/placement-period';
import { OPEN_REFERRAL_STATUSES } from './referral-states';

/**
 * The seeker's open referral (other than the one of `exceptProposalId`) for a gap whose
 * placement period shares a day with `period`, if any: those days are spoken for. Read under
 * the seeker's row lock, which every offer, hire and confirm takes, so the answer is final.
 */
export async function openReferralOverlapping(
  manager: EntityManager,
  seekerId: string,
  period: DatePeriod,
  exceptProposalId: string,
): Promise<string | undefined> {
  const [referred]: { id: string }[] = await manager.query(
    `SELECT r.id FROM referrals r JOIN leave_gaps g ON g.id = r.leave_gap_id
     WHERE r.seeker_id = $1 AND r.proposal_id <> $2 AND r.status = ANY($3::text[])
       AND daterange(g.placement_start, g.placement_end, '[]') && $4::daterange
     ORDER BY r.offered_at, r.id LIMIT 1`,
    [seekerId, exceptProposalId, OPEN_REFERRAL_STATUSES, toDateRangeLiteral(period)],
  );
  return referred?.id;
}
