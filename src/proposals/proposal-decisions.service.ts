import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import type { Principal } from '../auth/principal';
import { Clock } from '../clock/clock';
import { ConflictError, NotFoundError, RuleViolation } from '../common/domain-error';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { LeaveGap } from '../leave-gaps/leave-gap.entity';
import type { RuleFailure } from '../matching/core/feasibility';
import { toPlacementResponse } from '../placements/dto/placement.dto';
import { DatePeriod, toDateRangeLiteral } from '../placements/placement-period';
import { Placement } from '../placements/placement.entity';
import { ConfirmationResponse, ProposalDecisionResponse, toProposalDecisionResponse } from './dto/decision.dto';
import { INFEASIBLE_CODES, infeasibilityReason } from './infeasibility-reasons';
import { PairFeasibility } from './pair-feasibility';
import { OPEN_REFERRAL_STATUSES } from '../referrals/referral-states';
import { openReferralOverlapping } from '../referrals/seeker-open-referral';
import { ProposalLifecycle } from './proposal-lifecycle';
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

/** One of the engine's rules no longer holds for the pair as the gap and the seeker are now. */
class PairInfeasible extends Error {
  constructor(
    readonly proposal: Proposal,
    readonly failures: readonly RuleFailure[],
    readonly reason: string,
  ) {
    super('pair infeasible');
  }
}

/** The gap's placement period is over: nobody can be placed on it any more. */
class GapEnded extends Error {
  constructor(
    readonly proposal: Proposal,
    readonly placementEnd: string,
  ) {
    super('gap ended');
  }
}

/** The gap was cancelled (or is otherwise not open) since the run. */
class GapNotOpen extends Error {
  constructor(
    readonly proposal: Proposal,
    readonly status: string,
  ) {
    super('gap not open');
  }
}

/** The seeker has an open referral for another gap on overlapping days: those days are spoken for. */
class SeekerReferred extends Error {
  constructor(
    readonly proposal: Proposal,
    readonly referralId: string,
  ) {
    super('seeker referred');
  }
}

/** The gap has an open referral: only the firm's answer to it fills the gap. */
class GapReferred extends Error {
  constructor(
    readonly proposal: Proposal,
    readonly referralId: string,
  ) {
    super('gap referred');
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
    private readonly lifecycle: ProposalLifecycle,
    private readonly feasibility: PairFeasibility,
    private readonly clock: Clock,
  ) {}

  async confirm(proposalId: string, principal: Principal, idempotencyKey: string | undefined): Promise<ConfirmationResponse> {
    return this.idempotency.run(
      // A key is the caller's own: another user's retry with the same key is a request of its own.
      { scope: `proposals.confirm by ${principal.subject}`, key: idempotencyKey, request: { proposalId } },
      (manager) => this.confirmIn(manager, proposalId),
      (error) => this.explainRefusal(error),
    );
  }

  /**
   * The firm hires a referred seeker: confirm's own path and guarantees (locks in its order,
   * the rules re-checked, the exclusion constraint), through the referral's transaction, with
   * the placement starting on the agreed day. A refusal is an error for `explainRefusal`.
   */
  async hireIn(manager: EntityManager, proposalId: string, startDate: string): Promise<ConfirmationResponse> {
    return this.confirmIn(manager, proposalId, { via: 'referral', startDate });
  }

  /** What a refused hire answers (after its transaction rolled back), as for a confirm. */
  explainHireRefusal(error: unknown): Promise<unknown> {
    return this.explainRefusal(error);
  }

  async reject(proposalId: string, reason: string): Promise<ProposalDecisionResponse> {
    return this.dataSource.transaction(async (manager) => {
      const proposal = await lockDecidable(manager, proposalId, 'proposed');
      await this.lifecycle.reject(manager, proposal, reason);
      await manager.query(
        `INSERT INTO rejected_pairs (leave_gap_id, seeker_id, proposal_id, reason) VALUES ($1, $2, $3, $4)
         ON CONFLICT (leave_gap_id, seeker_id) DO NOTHING`,
        [proposal.leaveGapId, proposal.seekerId, proposal.id, reason],
      );
      return toProposalDecisionResponse(proposal);
    });
  }

  private async confirmIn(
    manager: EntityManager,
    proposalId: string,
    referral?: { readonly via: 'referral'; readonly startDate: string },
  ): Promise<ConfirmationResponse> {
    const proposal = await lockDecidable(manager, proposalId, referral ? 'referred' : 'proposed');
    const gap = await manager.findOne(LeaveGap, { where: { id: proposal.leaveGapId }, lock: { mode: 'pessimistic_write' } });
    if (!gap) throw new NotFoundError('leave_gap', proposal.leaveGapId);
    if (gap.status === 'filled') throw new GapAlreadyFilled(proposal);
    if (gap.status !== 'open') throw new GapNotOpen(proposal, gap.status);
    // A run that read the gap before its referral can still have proposed somebody else for it;
    // every referral move holds the gap's lock, so this read under it is final.
    if (!referral) {
      const [open]: { id: string }[] = await manager.query(`SELECT id FROM referrals WHERE leave_gap_id = $1 AND status = ANY($2::text[])`, [
        gap.id,
        OPEN_REFERRAL_STATUSES,
      ]);
      if (open) throw new GapReferred(proposal, open.id);
    }
    const today = this.clock.today();
    if (gap.placementEnd < today) throw new GapEnded(proposal, gap.placementEnd);
    // A gap that has started is staffed for the days that remain, as the engine matched it.
    const earliest = gap.placementStart < today ? today : gap.placementStart;
    // A hire starting later than that leaves the days before its start uncovered: the placement is shorter.
    const period: DatePeriod = { start: referral ? startWithin(referral.startDate, earliest, gap.placementEnd) : earliest, end: gap.placementEnd };
    // Two transactions inserting conflicting rows under an exclusion constraint each wait for
    // the other's uncommitted row: a deadlock (40P01) rather than a clean 23P01. Queueing the
    // confirms of one seeker here lets the later one see the committed placement instead.
    // NO KEY UPDATE leaves the foreign-key checks (KEY SHARE) of other writers unblocked.
    const [seeker]: { status: string }[] = await manager.query('SELECT status FROM seekers WHERE id = $1 FOR NO KEY UPDATE', [
      proposal.seekerId,
    ]);
    if (seeker.status !== 'active') throw new SeekerNotActive(proposal, seeker.status);
    // Runs keep a referred seeker's gap period busy, but a run whose instance was built before the
    // referral can still propose overlapping days; the seeker's lock (which a referral's offer and
    // hire take too) makes this read final.
    const referred = await openReferralOverlapping(manager, proposal.seekerId, period, proposal.id);
    if (referred) throw new SeekerReferred(proposal, referred);
    // The run checked the pair as it was; the gap, the seeker and their availability may have
    // changed since. The engine's own rules on them as they are now, under the locks just taken,
    // over the placement being made: a hire starting later needs the seeker from its start only.
    const verdict = await this.feasibility.checkOne(manager, proposal, period.start);
    // Open, not ended, seeker active: only the gap's firm can have left the programme.
    if (verdict.kind === 'out_of_scope') throw new ConflictError('firm.cancelled', `the firm of leave gap ${gap.id} is cancelled`, { leaveGapId: gap.id });
    if (verdict.kind === 'infeasible') {
      throw new PairInfeasible(proposal, verdict.failures, infeasibilityReason(verdict.failures[0], verdict.vacancy, verdict.seeker));
    }

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
    const supersededProposalIds = await this.lifecycle.confirm(manager, proposal, placementId, period);
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
      await this.retire(proposal, 'seeker_placed', `the seeker is already placed on overlapping days${conflictingPlacementId ? ` (placement ${conflictingPlacementId})` : ''}`);
      return new ConflictError(
        'placement.seeker_double_booked',
        `The seeker already has a confirmed placement on overlapping days${conflictingPlacementId ? `: placement ${conflictingPlacementId}` : ''}.`,
        { proposalId: proposal.id, seekerId: proposal.seekerId, conflictingPlacementId },
      );
    }
    if (error instanceof SeekerNotActive) {
      const { proposal, status } = error;
      await this.retire(proposal, 'seeker_not_active', `the seeker is ${status}`);
      return new ConflictError('seeker.not_active', `The seeker is ${status} and cannot be placed.`, {
        proposalId: proposal.id,
        seekerId: proposal.seekerId,
        status,
      });
    }
    if (error instanceof PairInfeasible) {
      const { proposal, failures, reason } = error;
      const [first] = failures;
      await this.retire(proposal, `infeasible.${first.rule}`, reason);
      return new ConflictError(INFEASIBLE_CODES[first.rule], `The proposal can no longer be confirmed: ${reason}.`, {
        proposalId: proposal.id,
        seekerId: proposal.seekerId,
        rule: first.rule,
        failures: failures.map(({ rule, detail }) => ({ rule, detail })),
      });
    }
    if (error instanceof GapEnded) {
      const { proposal, placementEnd } = error;
      await this.retire(proposal, 'gap_ended', `the leave gap ended on ${placementEnd}`);
      return new ConflictError('leave_gap.ended', `The leave gap's placement period ended on ${placementEnd}.`, {
        proposalId: proposal.id,
        leaveGapId: proposal.leaveGapId,
        placementEnd,
      });
    }
    if (error instanceof GapNotOpen) {
      const { proposal, status } = error;
      await this.retire(proposal, `gap_${status}`, `the leave gap is ${status}`);
      return new ConflictError('leave_gap.not_open', `leave gap ${proposal.leaveGapId} is ${status}`, {
        leaveGapId: proposal.leaveGapId,
        status,
      });
    }
    if (error instanceof SeekerReferred) {
      const { proposal, referralId } = error;
      await this.retire(proposal, 'seeker_referred', `the seeker has an open referral on overlapping days (referral ${referralId})`);
      return new ConflictError('seeker.referred', `The seeker has an open referral on overlapping days: referral ${referralId}.`, {
        proposalId: proposal.id,
        seekerId: proposal.seekerId,
        referralId,
      });
    }
    if (error instanceof GapReferred) {
      const { proposal, referralId } = error;
      await this.retire(proposal, 'gap_referred', `the leave gap has an open referral (referral ${referralId})`);
      return new ConflictError('leave_gap.referral_open', `leave gap ${proposal.leaveGapId} has an open referral: its firm's answer decides the gap`, {
        proposalId: proposal.id,
        leaveGapId: proposal.leaveGapId,
        referralId,
      });
    }
    if (error instanceof GapAlreadyFilled) {
      const { proposal } = error;
      const [filling]: { id: string }[] = await this.dataSource.query(
        `SELECT id FROM placements WHERE leave_gap_id = $1 AND status = 'confirmed'`,
        [proposal.leaveGapId],
      );
      const placementId = filling?.id ?? null;
      await this.retire(proposal, 'gap_filled', `the leave gap is already filled${placementId ? ` (placement ${placementId})` : ''}`);
      return new ConflictError('placement.gap_already_filled', 'The leave gap already has a confirmed placement.', {
        proposalId: proposal.id,
        leaveGapId: proposal.leaveGapId,
        placementId,
      });
    }
    return error;
  }

  private async retire(proposal: Proposal, cause: string, reason: string): Promise<void> {
    await this.dataSource.transaction((manager) => this.lifecycle.supersede(manager, [{ proposalId: proposal.id, cause, reason }]));
  }
}

/**
 * The proposal, locked for this transaction, if it still waits for this decision: a coordinator's
 * (`proposed`), or its referral's (`referred`: only the firm's answer through the referral decides it).
 */
async function lockDecidable(manager: EntityManager, proposalId: string, expected: 'proposed' | 'referred'): Promise<Proposal> {
  const proposal = isUUID(proposalId)
    ? await manager.findOne(Proposal, { where: { id: proposalId }, lock: { mode: 'pessimistic_write' } })
    : null;
  if (!proposal) throw new NotFoundError('proposal', proposalId);
  if (proposal.status === 'referred' && expected === 'proposed') {
    throw new ConflictError('proposal.referred', `proposal ${proposal.id} is referred: the firm's answer to its referral decides it`, {
      proposalId: proposal.id,
      status: proposal.status,
    });
  }
  if (proposal.status !== expected) {
    throw new ConflictError('proposal.not_proposed', `proposal ${proposal.id} is already ${proposal.status}`, {
      proposalId: proposal.id,
      status: proposal.status,
    });
  }
  return proposal;
}

/** The agreed start day, if it lies within the days the gap can still be staffed. */
function startWithin(startDate: string, earliest: string, placementEnd: string): string {
  if (startDate < earliest || startDate > placementEnd) {
    throw new RuleViolation('referral.start_outside_period', 'startDate', `must lie within ${earliest}..${placementEnd}, the days the leave gap can still be staffed`);
  }
  return startDate;
}

function sqlState(error: unknown): string | undefined {
  return error instanceof QueryFailedError ? (error.driverError as { code?: string }).code : undefined;
}

function constraintOf(error: unknown): string | undefined {
  return error instanceof QueryFailedError ? (error.driverError as { constraint?: string }).constraint : undefined;
}
