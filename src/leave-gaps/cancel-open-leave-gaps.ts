import type { EntityManager } from 'typeorm';
import type { ProposalLifecycle } from '../proposals/proposal-lifecycle';
import type { ReferralLifecycle } from '../referrals/referral-lifecycle';

/**
 * Cancels one gap, or every gap of a firm, that is still open, and retires their open
 * proposals and withdraws their open referrals in the same transaction (the caller's): none
 * stays waiting for a decision that can no longer be made. Only open gaps: a confirmation committed meanwhile has filled its gap, and wins.
 */
export async function cancelOpenLeaveGaps(
  manager: EntityManager,
  proposals: ProposalLifecycle,
  referrals: ReferralLifecycle,
  scope: { readonly gapId: string } | { readonly firmId: string },
): Promise<void> {
  const [column, value] = 'gapId' in scope ? ['id', scope.gapId] : ['firm_id', scope.firmId];
  const [cancelled]: [{ id: string }[], number] = await manager.query(
    `UPDATE leave_gaps SET status = 'cancelled', updated_at = now() WHERE ${column} = $1 AND status = 'open' RETURNING id`,
    [value],
  );
  if (cancelled.length === 0) return;
  const leaveGapIds = cancelled.map((row) => row.id);
  await proposals.supersedeOpen(manager, { leaveGapIds }, 'gap_cancelled', 'the leave gap was cancelled');
  await referrals.withdrawOpen(manager, { leaveGapIds }, 'gap_cancelled');
}
