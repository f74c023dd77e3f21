import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import type { Principal } from '../auth/principal';
import { ConflictError, NotFoundError } from '../common/domain-error';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { LeaveGap } from '../leave-gaps/leave-gap.entity';
import { recordEvent } from '../outbox/outbox';
import { toPlacementResponse } from '../placements/dto/placement.dto';
import { DatePeriod, toDateRangeLiteral } from '../placements/placement-period';
import { Placement } from '../placements/placement.entity';
import { ConfirmationResponse, ProposalDecisionResponse, toProposalDecisionResponse } from './dto/decision.dto';
import { Proposal } from './proposal.entity';

const EXCLUSION_VIOLATION = '23P01';
const UNIQUE_VIOLATION = '23505';
const ONE_CONFIRMED_PLACEMENT_PER_GAP = 'uq_placements_confirmed_leave_gap';

/** Raised inside the confirm transaction; the conflicting placement is looked up after the rollback. */
class SeekerDoubleBooked extends Error {
  constructor(
    readonly proposal: Proposal,
    readonly period: DatePeriod,
  ) {
    super('seeker double booked');
  }
}

/** The seeker became inactive or withdrew after the run proposed them. */
class SeekerNotActive extends Error {
  constructor(
    readonly proposal: Proposal,
    readonly status: string,
  ) {
    super('seeker not active');
  }
}

/** The seeker's availability no longer covers the gap's days (changed after the run). */
class SeekerUnavailable extends Error {
  constructor(readonly proposal: Proposal) {
    super('seeker unavailable');
  }
}

class GapAlreadyFilled extends Error {
  constructor(readonly proposal: Proposal) {
    super('gap already filled');
  }
}

/**
 * A coordinator's decisions on proposals. Lock order everywhere: the proposal row, then the
 * leave gap row, then the seeker row, then the placement insert (where PostgreSQL's exclusion
 * constraint has the last word); nothing waits after that, so concurrent confirms cannot deadlock.
 */
@Injectable()
export class ProposalDecisionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly idempotency: IdempotencyService,
  ) {}

  async confirm(proposalId: string, principal: Principal, idempotencyKey: string | undefined): Promise<ConfirmationResponse> {
    return this.idempotency.run(
      // A key is the caller's own: another user's retry with the same key is a request of its own.
      { scope: `proposals.confirm by ${principal.subject}`, key: idempotencyKey, request: { proposalId } },
      (manager) => this.confirmIn(manager, proposalId),
      (error) => this.explainRefusal(error),
    );
  }

  async reject(proposalId: string, reason: string): Promise<ProposalDecisionResponse> {
    return this.dataSource.transaction(async (manager) => {
      const proposal = await lockProposed(manager, proposalId);
      Object.assign(proposal, { status: 'rejected', decidedAt: new Date(), reason });
      await manager.update(Proposal, { id: proposal.id }, { status: proposal.status, decidedAt: proposal.decidedAt, reason });
      await manager.query(
        `INSERT INTO rejected_pairs (leave_gap_id, seeker_id, proposal_id, reason) VALUES ($1, $2, $3, $4)
         ON CONFLICT (leave_gap_id, seeker_id) DO NOTHING`,
        [proposal.leaveGapId, proposal.seekerId, proposal.id, reason],
      );
      // The reason is free text a coordinator typed: it stays out of the outbox.
      await recordEvent(manager, {
        type: 'proposal.rejected',
        aggregateType: 'proposal',
        aggregateId: proposal.id,
        payload: { matchRunId: proposal.matchRunId, leaveGapId: proposal.leaveGapId, seekerId: proposal.seekerId },
      });
      return toProposalDecisionResponse(proposal);
    });
  }

  private async confirmIn(manager: EntityManager, proposalId: string): Promise<ConfirmationResponse> {
    const proposal = await lockProposed(manager, proposalId);
    const gap = await manager.findOne(LeaveGap, { where: { id: proposal.leaveGapId }, lock: { mode: 'pessimistic_write' } });
    if (!gap) throw new NotFoundError('leave_gap', proposal.leaveGapId);
    if (gap.status === 'filled') throw new GapAlreadyFilled(proposal);
    if (gap.status !== 'open') {
      throw new ConflictError('leave_gap.not_open', `leave gap ${gap.id} is ${gap.status}`, { leaveGapId: gap.id, status: gap.status });
    }
    const period: DatePeriod = { start: gap.placementStart, end: gap.placementEnd };
    // Two transactions inserting conflicting rows under an exclusion constraint each wait for
    // the other's uncommitted row: a deadlock (40P01) rather than a clean 23P01. Queueing the
    // confirms of one seeker here lets the later one see the committed placement instead.
    // NO KEY UPDATE leaves the foreign-key checks (KEY SHARE) of other writers unblocked.
    const [seeker]: { status: string }[] = await manager.query('SELECT status FROM seekers WHERE id = $1 FOR NO KEY UPDATE', [
      proposal.seekerId,
    ]);
    if (seeker.status !== 'active') throw new SeekerNotActive(proposal, seeker.status);
    const [availability]: { covered: boolean }[] = await manager.query(
      `SELECT coalesce(range_agg(daterange(start_date, end_date, '[]')) @> $2::daterange, false) AS covered
       FROM seeker_availability WHERE seeker_id = $1`,
      [proposal.seekerId, toDateRangeLiteral(period)],
    );
    if (!availability.covered) throw new SeekerUnavailable(proposal);

    let placementId: string;
    try {
      const [inserted]: { id: string }[] = await manager.query(
        `INSERT INTO placements (seeker_id, leave_gap_id, period) VALUES ($1, $2, $3::daterange) RETURNING id`,
        [proposal.seekerId, gap.id, toDateRangeLiteral(period)],
      );
      placementId = inserted.id;
    } catch (error) {
      if (sqlState(error) === EXCLUSION_VIOLATION) throw new SeekerDoubleBooked(proposal, period);
      if (sqlState(error) === UNIQUE_VIOLATION && constraintOf(error) === ONE_CONFIRMED_PLACEMENT_PER_GAP) {
        throw new GapAlreadyFilled(proposal);
      }
      throw error;
    }
    await manager.update(LeaveGap, { id: gap.id }, { status: 'filled' });
    Object.assign(proposal, { status: 'confirmed', placementId, decidedAt: new Date(), reason: null });
    await manager.update(Proposal, { id: proposal.id }, { status: 'confirmed', placementId, decidedAt: proposal.decidedAt, reason: null });
    const supersededProposalIds = await supersedeImpossible(manager, proposal, period, placementId);
    await recordEvent(manager, {
      type: 'proposal.confirmed',
      aggregateType: 'proposal',
      aggregateId: proposal.id,
      payload: {
        matchRunId: proposal.matchRunId,
        leaveGapId: gap.id,
        seekerId: proposal.seekerId,
        placementId,
        supersededProposalIds,
      },
    });
    const placement = await manager.findOneByOrFail(Placement, { id: placementId });
    return {
      proposal: toProposalDecisionResponse(proposal),
      placement: toPlacementResponse(placement),
      supersededProposalIds,
    };
  }

  /**
   * After the refused confirm rolled back: name the placement in the way and retire the
   * proposal, which can no longer be confirmed.
   */
  private async explainRefusal(error: unknown): Promise<unknown> {
    if (error instanceof SeekerDoubleBooked) {
      const { proposal, period } = error;
      const [conflicting]: { id: string }[] = await this.dataSource.query(
        `SELECT id FROM placements WHERE seeker_id = $1 AND status = 'confirmed' AND period && $2::daterange
         ORDER BY created_at, id LIMIT 1`,
        [proposal.seekerId, toDateRangeLiteral(period)],
      );
      const conflictingPlacementId = conflicting?.id ?? null;
      await this.retire(proposal, `the seeker is already placed on overlapping days${conflictingPlacementId ? ` (placement ${conflictingPlacementId})` : ''}`);
      return new ConflictError(
        'placement.seeker_double_booked',
        `The seeker already has a confirmed placement on overlapping days${conflictingPlacementId ? `: placement ${conflictingPlacementId}` : ''}.`,
        { proposalId: proposal.id, seekerId: proposal.seekerId, conflictingPlacementId },
      );
    }
    if (error instanceof SeekerNotActive) {
      const { proposal, status } = error;
      await this.retire(proposal, `the seeker is ${status}`);
      return new ConflictError('seeker.not_active', `The seeker is ${status} and cannot be placed.`, {
        proposalId: proposal.id,
        seekerId: proposal.seekerId,
        status,
      });
    }
    if (error instanceof SeekerUnavailable) {
      const { proposal } = error;
      await this.retire(proposal, 'the seeker is no longer available on every day of the gap');
      return new ConflictError('seeker.unavailable', "The seeker's availability no longer covers every day of the leave gap.", {
        proposalId: proposal.id,
        seekerId: proposal.seekerId,
      });
    }
    if (error instanceof GapAlreadyFilled) {
      const { proposal } = error;
      const [filling]: { id: string }[] = await this.dataSource.query(
        `SELECT id FROM placements WHERE leave_gap_id = $1 AND status = 'confirmed'`,
        [proposal.leaveGapId],
      );
      const placementId = filling?.id ?? null;
      await this.retire(proposal, `the leave gap is already filled${placementId ? ` (placement ${placementId})` : ''}`);
      return new ConflictError('placement.gap_already_filled', 'The leave gap already has a confirmed placement.', {
        proposalId: proposal.id,
        leaveGapId: proposal.leaveGapId,
        placementId,
      });
    }
    return error;
  }

  private async retire(proposal: Proposal, reason: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const [rows]: [{ id: string }[], number] = await manager.query(
        `UPDATE proposals SET status = 'superseded', decided_at = now(), reason = $2, updated_at = now()
         WHERE id = $1 AND status = 'proposed' RETURNING id`,
        [proposal.id, reason],
      );
      if (rows.length === 0) return;
      await recordEvent(manager, {
        type: 'proposal.superseded',
        aggregateType: 'proposal',
        aggregateId: proposal.id,
        payload: { matchRunId: proposal.matchRunId, leaveGapId: proposal.leaveGapId, seekerId: proposal.seekerId },
      });
    });
  }
}

/** The proposal, locked for this transaction, if it still waits for a decision. */
async function lockProposed(manager: EntityManager, proposalId: string): Promise<Proposal> {
  const proposal = isUUID(proposalId)
    ? await manager.findOne(Proposal, { where: { id: proposalId }, lock: { mode: 'pessimistic_write' } })
    : null;
  if (!proposal) throw new NotFoundError('proposal', proposalId);
  if (proposal.status !== 'proposed') {
    throw new ConflictError('proposal.not_proposed', `proposal ${proposal.id} is already ${proposal.status}`, {
      proposalId: proposal.id,
      status: proposal.status,
    });
  }
  return proposal;
}

/**
 * Open proposals the confirmation made impossible: the same gap in any run, and the same
 * seeker on overlapping days. Rows another transaction holds are skipped rather than waited
 * for (that is what keeps concurrent confirms free of deadlocks); such a proposal's own
 * confirm is then refused and retires it.
 */
async function supersedeImpossible(manager: EntityManager, confirmed: Proposal, period: DatePeriod, placementId: string): Promise<string[]> {
  const [rows]: [{ id: string }[], number] = await manager.query(
    `WITH impossible AS (
       SELECT p.id, p.leave_gap_id FROM proposals p JOIN leave_gaps g ON g.id = p.leave_gap_id
       WHERE p.status = 'proposed' AND p.id <> $1
         AND (p.leave_gap_id = $2 OR (p.seeker_id = $3 AND daterange(g.placement_start, g.placement_end, '[]') && $4::daterange))
       ORDER BY p.id
       FOR UPDATE OF p SKIP LOCKED)
     UPDATE proposals SET status = 'superseded', decided_at = now(), updated_at = now(),
       reason = CASE WHEN impossible.leave_gap_id = $2
         THEN 'the leave gap was filled (placement ' || $5 || ')'
         ELSE 'the seeker was placed on overlapping days (placement ' || $5 || ')' END
     FROM impossible WHERE proposals.id = impossible.id
     RETURNING proposals.id`,
    [confirmed.id, confirmed.leaveGapId, confirmed.seekerId, toDateRangeLiteral(period), placementId],
  );
  return rows.map((row) => row.id).sort();
}

function sqlState(error: unknown): string | undefined {
  return error instanceof QueryFailedError ? (error.driverError as { code?: string }).code : undefined;
}

function constraintOf(error: unknown): string | undefined {
  return error instanceof QueryFailedError ? (error.driverError as { constraint?: string }).constraint : undefined;
}
