import { Injectable } from '@nestjs/common';
import { EntityManager, QueryFailedError } from 'typeorm';
import { Clock } from '../clock/clock';
import { ConflictError } from '../common/domain-error';
import { recordEvent } from '../outbox/outbox';
import type { DatePeriod } from '../placements/placement-period';
import { ProposalLifecycle } from '../proposals/proposal-lifecycle';
import { Proposal } from '../proposals/proposal.entity';
import { EndedEarlyReason, OPEN_REFERRAL_STATUSES, ReferralStatus, WithdrawalReason, canMove } from './referral-states';
import type { ReferralActorRole } from './referral-step.entity';
import { Referral } from './referral.entity';

/** Who made a move: the role, and the account when one signed in (API tokens have none). */
export interface ReferralActor {
  readonly role: ReferralActorRole;
  readonly userId: string | null;
}

/** One move: the new status and what comes with it. */
export interface ReferralMove {
  readonly to: ReferralStatus;
  readonly reasonCode?: string | null;
  readonly note?: string | null;
  /** Hired: the placement and its start; ended early: the last day worked. */
  readonly placement?: { readonly id: string; readonly startDate: string };
  readonly endedOn?: string;
}

/** Which open referrals an automatic withdrawal takes back. */
export type OpenReferrals = { readonly leaveGapIds: readonly string[] } | { readonly seekerId: string };

const UNIQUE_VIOLATION = '23505';
const ONE_OPEN_REFERRAL_PER_GAP = 'uq_referrals_open_gap';
const DECLINES = new Set<ReferralStatus>(['seeker_declined', 'firm_declined']);
/** A placement made by the referral that its outcome still follows. */
const FOLLOWED_PLACEMENT_STATUSES: readonly ReferralStatus[] = ['hired', 'retained_30_days'];

/** A 409 naming the referral's status when the states do not allow the move. */
export function assertMovable(referral: Referral, to: ReferralStatus): void {
  if (!canMove(referral.status, to)) {
    throw new ConflictError('referral.illegal_move', `referral ${referral.id} is ${referral.status}: it cannot become ${to}`, {
      referralId: referral.id,
      status: referral.status,
      to,
    });
  }
}

/**
 * The one writer of `referrals` and `referral_steps`: every move, through the caller's
 * transaction (which holds the referral's row lock), writes the new state, one step and one
 * `referral.<status>` event, and settles the proposal it came from (ProposalLifecycle).
 * Lock order of every referral transaction: leave gap, seeker, referral, proposal, placement.
 */
@Injectable()
export class ReferralLifecycle {
  constructor(
    private readonly proposals: ProposalLifecycle,
    private readonly clock: Clock,
  ) {}

  /** The proposal (locked by the caller, `proposed`) is offered to its seeker. */
  async offer(
    manager: EntityManager,
    proposal: Proposal,
    gap: { readonly firmId: string; readonly period: DatePeriod },
    actor: ReferralActor,
    note: string | null,
  ): Promise<Referral> {
    const now = this.clock.now();
    await this.proposals.refer(manager, proposal, gap.period);
    let id: string;
    try {
      const [inserted]: { id: string }[] = await manager.query(
        `INSERT INTO referrals (proposal_id, leave_gap_id, seeker_id, firm_id, status, offered_at, status_changed_at, created_by_user_id)
         VALUES ($1, $2, $3, $4, 'offered', $5, $5, $6) RETURNING id`,
        [proposal.id, proposal.leaveGapId, proposal.seekerId, gap.firmId, now, actor.userId],
      );
      id = inserted.id;
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { code?: string; constraint?: string }).code === UNIQUE_VIOLATION
        && (error.driverError as { constraint?: string }).constraint === ONE_OPEN_REFERRAL_PER_GAP) {
        throw new ConflictError('referral.gap_has_open_referral', `leave gap ${proposal.leaveGapId} already has an open referral`, {
          leaveGapId: proposal.leaveGapId,
        });
      }
      throw error;
    }
    const referral = await manager.findOneByOrFail(Referral, { id });
    await this.record(manager, referral, { to: 'offered', note }, actor, now);
    return referral;
  }

  /**
   * Moves the referral (locked by the caller) to `move.to`, or answers 409 naming its status
   * when the states do not allow it. A decline rejects the proposal and blocks the pair for
   * later runs; a withdrawal supersedes it. A hire's proposal was confirmed by the hire itself.
   */
  async move(manager: EntityManager, referral: Referral, move: ReferralMove, actor: ReferralActor): Promise<Referral> {
    assertMovable(referral, move.to);
    const now = this.clock.now();
    await manager.query(
      `UPDATE referrals SET status = $2, reason_code = $3, placement_id = coalesce($4, placement_id), start_date = coalesce($5, start_date),
              ended_on = $6, status_changed_at = $7, updated_at = now()
       WHERE id = $1`,
      [referral.id, move.to, move.reasonCode ?? null, move.placement?.id ?? null, move.placement?.startDate ?? null, move.endedOn ?? null, now],
    );
    await this.settleProposal(manager, referral, move);
    const moved = await manager.findOneByOrFail(Referral, { id: referral.id });
    await this.record(manager, moved, move, actor, now);
    return moved;
  }

  /**
   * The gap or the seeker can no longer be placed (cancelled, changed, inactive, withdrawn):
   * their open referrals are withdrawn in the caller's transaction, which holds the gap's or the
   * seeker's row lock. Waits for a move in progress (it holds the referral after those locks).
   * Answers the ids withdrawn.
   */
  async withdrawOpen(manager: EntityManager, which: OpenReferrals, reasonCode: WithdrawalReason): Promise<string[]> {
    const [condition, param] = 'seekerId' in which ? ['seeker_id = $2', which.seekerId] : ['leave_gap_id = ANY($2::uuid[])', [...which.leaveGapIds]];
    const open: { id: string }[] = await manager.query(
      `SELECT id FROM referrals WHERE status = ANY($1::text[]) AND ${condition} ORDER BY id FOR UPDATE`,
      [OPEN_REFERRAL_STATUSES, param],
    );
    const withdrawn: string[] = [];
    for (const { id } of open) {
      const referral = await manager.findOneByOrFail(Referral, { id });
      // Read again after the lock: a move committed meanwhile may have closed it.
      if (!canMove(referral.status, 'withdrawn')) continue;
      await this.move(manager, referral, { to: 'withdrawn', reasonCode }, { role: 'system', userId: null });
      withdrawn.push(id);
    }
    return withdrawn;
  }

  /**
   * The referral hired into the placement, locked, while it still follows that placement
   * (`hired`, `retained_30_days`); undefined for a placement confirmed without a referral.
   * Its caller holds the gap's lock and takes the placement's after this (the order above).
   */
  async lockPlacedOn(manager: EntityManager, placementId: string): Promise<Referral | undefined> {
    const [row]: { id: string }[] = await manager.query(
      `SELECT id FROM referrals WHERE placement_id = $1 AND status = ANY($2::text[]) FOR UPDATE`,
      [placementId, FOLLOWED_PLACEMENT_STATUSES],
    );
    return row ? manager.findOneByOrFail(Referral, { id: row.id }) : undefined;
  }

  /** The placement of a referral locked by `lockPlacedOn` was cancelled: the referral ends early today. */
  async placementCancelled(manager: EntityManager, referral: Referral, reasonCode: EndedEarlyReason, actor: ReferralActor): Promise<Referral> {
    return this.move(manager, referral, { to: 'ended_early', reasonCode, endedOn: this.clock.today() }, actor);
  }

  private async settleProposal(manager: EntityManager, referral: Referral, move: ReferralMove): Promise<void> {
    if (!DECLINES.has(move.to) && move.to !== 'withdrawn') return;
    const proposal = await manager.findOneOrFail(Proposal, { where: { id: referral.proposalId }, lock: { mode: 'pessimistic_write' } });
    const reason = `referral ${move.to}${move.reasonCode ? ` (${move.reasonCode})` : ''}`;
    if (move.to === 'withdrawn') {
      await this.proposals.endReferred(manager, proposal, 'superseded', 'referral_withdrawn', reason);
      return;
    }
    await this.proposals.endReferred(manager, proposal, 'rejected', move.to, reason);
    await manager.query(
      `INSERT INTO rejected_pairs (leave_gap_id, seeker_id, proposal_id, reason) VALUES ($1, $2, $3, $4)
       ON CONFLICT (leave_gap_id, seeker_id) DO NOTHING`,
      [referral.leaveGapId, referral.seekerId, referral.proposalId, reason],
    );
  }

  /** The step and the event of a move; the payload is ids and codes only (contracts.md). */
  private async record(manager: EntityManager, referral: Referral, move: ReferralMove, actor: ReferralActor, occurredAt: Date): Promise<void> {
    const effectiveDate = move.endedOn ?? move.placement?.startDate ?? null;
    await manager.query(
      `INSERT INTO referral_steps (referral_id, status, reason_code, coordinator_note, effective_date, actor_role, actor_user_id, occurred_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [referral.id, referral.status, referral.reasonCode, move.note ?? null, effectiveDate, actor.role, actor.userId, occurredAt],
    );
    await recordEvent(manager, {
      type: `referral.${referral.status}`,
      aggregateType: 'referral',
      aggregateId: referral.id,
      payload: {
        referralId: referral.id,
        proposalId: referral.proposalId,
        leaveGapId: referral.leaveGapId,
        seekerId: referral.seekerId,
        firmId: referral.firmId,
        status: referral.status,
        reasonCode: referral.reasonCode,
        startDate: referral.startDate,
      },
    });
  }
}
