import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal';
import { Clock } from '../clock/clock';
import { ConflictError, NotFoundError, RuleViolation } from '../common/domain-error';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { recordEvent } from '../outbox/outbox';
import { parseDateRange, toDateRangeLiteral } from '../placements/placement-period';
import { ProposalDecisionsService } from '../proposals/proposal-decisions.service';
import { Proposal } from '../proposals/proposal.entity';
import { FirmAnswerDto, PlacementOutcomeDto, SeekerAnswerDto, WithdrawReferralDto } from './dto/referral-commands.dto';
import { ReferralDetailResponse } from './dto/referral.dto';
import { ReferralActor, ReferralLifecycle, assertMovable } from './referral-lifecycle';
import { ReferralReadsService } from './referral-reads.service';
import { earlyEndProblem, isRetentionDue, retainedEndProblem, retentionDueOn } from './referral-rules';
import type { ReferralStatus } from './referral-states';
import { Referral } from './referral.entity';
import { openReferralOverlapping } from './seeker-open-referral';

/** The locks a move needs beyond the referral's own (see ReferralLifecycle for the order). */
interface MoveLocks {
  /** A hire places the seeker: their row too, before the referral, as confirm takes it. */
  readonly seeker?: boolean;
}

/**
 * What coordinators, seekers and firms do with referrals: refer a proposal, answer an offer,
 * answer a referral, record what became of a placement, withdraw. Every move goes through
 * ReferralLifecycle; the hire through confirm's own path (ProposalDecisionsService.hireIn).
 */
@Injectable()
export class ReferralsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly idempotency: IdempotencyService,
    private readonly lifecycle: ReferralLifecycle,
    private readonly decisions: ProposalDecisionsService,
    private readonly reads: ReferralReadsService,
    private readonly clock: Clock,
  ) {}

  /** The coordinator refers a proposal: it is offered to its seeker. */
  async refer(proposalId: string, note: string | undefined, principal: Principal, idempotencyKey: string | undefined): Promise<ReferralDetailResponse> {
    return this.idempotency.run(
      { scope: `proposals.refer by ${principal.subject}`, key: idempotencyKey, request: { proposalId, note: note ?? null } },
      async (manager) => {
        const referral = await this.offerIn(manager, proposalId, principal, note ?? null);
        return this.reads.detail(referral.id, principal, manager);
      },
      undefined,
      // The answer holds the coordinator's note: only the id is stored.
      { store: (answer) => ({ id: answer.id }), replay: (stored) => this.reads.detail((stored as { id: string }).id, principal) },
    );
  }

  async seekerAnswer(id: string, dto: SeekerAnswerDto, principal: Principal): Promise<ReferralDetailResponse> {
    assertNoteAllowed(dto.note, principal);
    if (dto.answer === 'accept') assertAbsent('reasonCode', dto.reasonCode, 'accept');
    const to: ReferralStatus = dto.answer === 'accept' ? 'seeker_accepted' : 'seeker_declined';
    return this.moveLocked(id, principal, {}, (manager, referral) =>
      this.lifecycle.move(manager, referral, { to, reasonCode: dto.reasonCode ?? null, note: dto.note }, actorOf(principal)),
    );
  }

  async firmAnswer(id: string, dto: FirmAnswerDto, principal: Principal): Promise<ReferralDetailResponse> {
    assertNoteAllowed(dto.note, principal);
    if (dto.answer !== 'decline') assertAbsent('reasonCode', dto.reasonCode, dto.answer);
    if (dto.answer !== 'hire') assertAbsent('startDate', dto.startDate, dto.answer);
    if (dto.answer === 'hire') return this.hire(id, dto.startDate!, dto.note, principal);
    const to: ReferralStatus = dto.answer === 'interview' ? 'firm_interview' : 'firm_declined';
    return this.moveLocked(id, principal, {}, (manager, referral) =>
      this.lifecycle.move(manager, referral, { to, reasonCode: dto.reasonCode ?? null, note: dto.note }, actorOf(principal)),
    );
  }

  /** After a hire: the placement was kept 30 days, or it ended early on a given day. */
  async recordOutcome(id: string, dto: PlacementOutcomeDto, principal: Principal): Promise<ReferralDetailResponse> {
    if (dto.outcome === 'retained_30_days') {
      assertAbsent('endedOn', dto.endedOn, dto.outcome);
      assertAbsent('reasonCode', dto.reasonCode, dto.outcome);
    }
    return this.moveLocked(id, principal, {}, async (manager, referral) => {
      assertMovable(referral, dto.outcome);
      const placement = await lockConfirmedPlacement(manager, referral);
      if (dto.outcome === 'retained_30_days') {
        const today = this.clock.today();
        if (!isRetentionDue(referral.startDate!, today)) {
          throw new ConflictError('referral.retention_not_due', `the placement started on ${referral.startDate}: it counts as kept from ${retentionDueOn(referral.startDate!)}`, {
            referralId: referral.id,
            retentionDueOn: retentionDueOn(referral.startDate!),
          });
        }
        return this.lifecycle.move(manager, referral, { to: 'retained_30_days', note: dto.note }, actorOf(principal));
      }
      const endedOn = dto.endedOn!;
      const problem = earlyEndProblem(endedOn, placement.period);
      if (problem) throw new RuleViolation('referral.ended_on_outside_placement', 'endedOn', problem);
      const contradiction = referral.status === 'retained_30_days' ? retainedEndProblem(endedOn, referral.startDate!) : undefined;
      if (contradiction) throw new RuleViolation('referral.ended_on_before_retention', 'endedOn', contradiction);
      // The placement ends that day: the seeker is free from the next, the exclusion constraint agrees.
      const period = { start: placement.period.start, end: endedOn };
      await manager.query(`UPDATE placements SET period = $2::daterange, updated_at = now() WHERE id = $1`, [placement.id, toDateRangeLiteral(period)]);
      // The same event as any other change of a placement's period (placement-amendment.ts).
      await recordEvent(manager, {
        type: 'placement.amended',
        aggregateType: 'placement',
        aggregateId: placement.id,
        payload: { leaveGapId: referral.leaveGapId, seekerId: referral.seekerId, previousPeriod: placement.period, period },
      });
      return this.lifecycle.move(manager, referral, { to: 'ended_early', reasonCode: dto.reasonCode, endedOn, note: dto.note }, actorOf(principal));
    });
  }

  async withdraw(id: string, dto: WithdrawReferralDto, principal: Principal): Promise<ReferralDetailResponse> {
    return this.moveLocked(id, principal, {}, (manager, referral) =>
      this.lifecycle.move(manager, referral, { to: 'withdrawn', reasonCode: dto.reasonCode, note: dto.note }, actorOf(principal)),
    );
  }

  private async offerIn(manager: EntityManager, proposalId: string, principal: Principal, note: string | null): Promise<Referral> {
    // Confirm's order: the proposal, then the gap, then the seeker.
    const proposal = isUUID(proposalId) ? await manager.findOne(Proposal, { where: { id: proposalId }, lock: { mode: 'pessimistic_write' } }) : null;
    if (!proposal) throw new NotFoundError('proposal', proposalId);
    if (proposal.status !== 'proposed') {
      throw new ConflictError('proposal.not_proposed', `proposal ${proposal.id} is already ${proposal.status}`, { proposalId: proposal.id, status: proposal.status });
    }
    const [gap]: { status: string; firm_id: string; firm_status: string; placement_start: string; placement_end: string }[] = await manager.query(
      `SELECT g.status, g.firm_id, f.status AS firm_status, g.placement_start, g.placement_end
       FROM leave_gaps g JOIN firms f ON f.id = g.firm_id WHERE g.id = $1 FOR UPDATE OF g`,
      [proposal.leaveGapId],
    );
    if (gap.status !== 'open') throw new ConflictError('leave_gap.not_open', `leave gap ${proposal.leaveGapId} is ${gap.status}`, { leaveGapId: proposal.leaveGapId, status: gap.status });
    const today = this.clock.today();
    if (gap.placement_end < today) {
      throw new ConflictError('leave_gap.ended', `The leave gap's placement period ended on ${gap.placement_end}.`, { leaveGapId: proposal.leaveGapId, placementEnd: gap.placement_end });
    }
    if (gap.firm_status !== 'active') throw new ConflictError('firm.cancelled', `the firm of leave gap ${proposal.leaveGapId} is cancelled`, { leaveGapId: proposal.leaveGapId });
    const [seeker]: { status: string }[] = await manager.query('SELECT status FROM seekers WHERE id = $1 FOR NO KEY UPDATE', [proposal.seekerId]);
    if (seeker.status !== 'active') {
      throw new ConflictError('seeker.not_active', `The seeker is ${seeker.status} and cannot be referred.`, { proposalId: proposal.id, status: seeker.status });
    }
    const start = gap.placement_start < today ? today : gap.placement_start;
    const referred = await openReferralOverlapping(manager, proposal.seekerId, { start, end: gap.placement_end }, proposal.id);
    if (referred) {
      throw new ConflictError('seeker.referred', `The seeker has an open referral on overlapping days: referral ${referred}.`, {
        proposalId: proposal.id,
        seekerId: proposal.seekerId,
        referralId: referred,
      });
    }
    return this.lifecycle.offer(manager, proposal, { firmId: gap.firm_id, period: { start, end: gap.placement_end } }, actorOf(principal), note);
  }

  /** The firm hires: the placement is confirmed through confirm's path, in the referral's transaction. */
  private async hire(id: string, startDate: string, note: string | undefined, principal: Principal): Promise<ReferralDetailResponse> {
    try {
      return await this.moveLocked(id, principal, { seeker: true }, async (manager, referral) => {
        assertMovable(referral, 'hired');
        const confirmation = await this.decisions.hireIn(manager, referral.proposalId, startDate);
        const placement = { id: confirmation.placement.id, startDate: confirmation.placement.period.start };
        return this.lifecycle.move(manager, referral, { to: 'hired', placement, note }, actorOf(principal));
      });
    } catch (error) {
      throw await this.decisions.explainHireRefusal(error);
    }
  }

  /**
   * One move in one transaction: the locks in their order (gap, seeker, referral), the move,
   * and the referral as the principal sees it afterwards.
   */
  private async moveLocked(
    id: string,
    principal: Principal,
    locks: MoveLocks,
    move: (manager: EntityManager, referral: Referral) => Promise<Referral>,
  ): Promise<ReferralDetailResponse> {
    const visible = await this.reads.visibleRow(id, principal);
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT id FROM leave_gaps WHERE id = $1 FOR UPDATE', [visible.leave_gap_id]);
      if (locks.seeker) await manager.query('SELECT id FROM seekers WHERE id = $1 FOR NO KEY UPDATE', [visible.seeker_id]);
      const referral = await manager.findOneOrFail(Referral, { where: { id: visible.id }, lock: { mode: 'pessimistic_write' } });
      await move(manager, referral);
      return this.reads.detail(referral.id, principal, manager);
    });
  }
}

function actorOf(principal: Principal): ReferralActor {
  return { role: principal.role, userId: principal.userId ?? null };
}

function assertNoteAllowed(note: string | undefined, principal: Principal): void {
  if (note !== undefined && principal.role !== 'coordinator') {
    throw new RuleViolation('referral.note_coordinator_only', 'note', 'only a coordinator writes a note (it is never shown to the firm or the seeker)');
  }
}

function assertAbsent(field: string, value: unknown, answer: string): void {
  if (value !== undefined) throw new RuleViolation('referral.field_not_allowed', field, `must be left out when the answer is ${answer}`);
}

async function lockConfirmedPlacement(manager: EntityManager, referral: Referral): Promise<{ id: string; period: { start: string; end: string } }> {
  const [placement]: { id: string; status: string; period: string }[] = await manager.query(
    `SELECT id, status, period::text AS period FROM placements WHERE id = $1 FOR UPDATE`,
    [referral.placementId],
  );
  if (placement.status !== 'confirmed') {
    throw new ConflictError('placement.already_cancelled', `placement ${placement.id} is already cancelled`, { placementId: placement.id });
  }
  return { id: placement.id, period: parseDateRange(placement.period) };
}
