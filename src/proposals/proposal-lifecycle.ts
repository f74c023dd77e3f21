import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OutboxEntry, recordEvent, recordEvents } from '../outbox/outbox';
import { DatePeriod, toDateRangeLiteral } from '../placements/placement-period';
import { infeasibilityReason } from './infeasibility-reasons';
import { PairFeasibility } from './pair-feasibility';
import type { Proposal } from './proposal.entity';

type Db = Pick<EntityManager, 'query'>;

/** Why a proposal leaves `proposed` without a decision: `cause` is a stable code, `reason` what the coordinator reads. */
export interface Retirement {
  readonly proposalId: string;
  readonly cause: string;
  readonly reason: string;
}

/** Open proposals of these gaps (optionally only those of other runs), or of this seeker. */
export type OpenProposals =
  | { readonly leaveGapIds: readonly string[]; readonly exceptRunId?: string }
  | { readonly seekerId: string };

interface TransitionedRow {
  id: string;
  match_run_id: string;
  leave_gap_id: string;
  seeker_id: string;
}

/**
 * The one owner of `proposals.status`: proposing, referring, confirming, rejecting and superseding
 * (replaced, made impossible, or retired because a rule no longer holds) happen here and only
 * here, each through the caller's transaction and each with its outbox event.
 * test/unit/proposals/proposal-status-owner.spec.ts fails on a status write anywhere else.
 */
@Injectable()
export class ProposalLifecycle {
  constructor(private readonly feasibility: PairFeasibility) {}

  /** `rowsJson`: the new proposals as proposalRowsJson writes them (the solver thread does, for a run). */
  async propose(db: Db, matchRunId: string, rowsJson: string): Promise<void> {
    // The rows' `proposal.proposed` events (eventOf's payload) in the same statement: a national
    // run's 5,000 new ids no longer come back to the event loop only to be sent again as events.
    await db.query(
      `WITH inserted AS (
         INSERT INTO proposals (match_run_id, leave_gap_id, seeker_id, score, breakdown, commute_minutes, alternatives, status)
         SELECT $1, r.leave_gap_id, r.seeker_id, r.score, r.breakdown, r.commute_minutes, r.alternatives, 'proposed'
         FROM jsonb_to_recordset($2::jsonb) AS r(leave_gap_id uuid, seeker_id uuid, score float8, breakdown jsonb,
                                                 commute_minutes float8, alternatives jsonb)
         RETURNING id, match_run_id, leave_gap_id, seeker_id)
       INSERT INTO outbox_events (type, aggregate_type, aggregate_id, payload)
       SELECT 'proposal.proposed', 'proposal', id, jsonb_build_object('matchRunId', match_run_id, 'leaveGapId', leave_gap_id, 'seekerId', seeker_id)
       FROM inserted`,
      [matchRunId, rowsJson],
    );
  }

  /**
   * The coordinator refers the proposal (locked by the caller, still `proposed`): it leaves
   * `proposed`, so no re-run supersedes it, and the open proposals it holds back (the same gap,
   * the same seeker on overlapping days) are superseded. The referral's own `referral.offered`
   * event announces it. Answers the superseded ids.
   */
  async refer(db: Db, proposal: Proposal, period: DatePeriod): Promise<string[]> {
    // decided_at: the coordinator's decision to refer (the firm's answer later replaces it).
    const decidedAt = new Date();
    await db.query(`UPDATE proposals SET status = 'referred', decided_at = $2, updated_at = now() WHERE id = $1 AND status = 'proposed'`, [
      proposal.id,
      decidedAt,
    ]);
    Object.assign(proposal, { status: 'referred', decidedAt });
    return this.supersedeImpossible(db, proposal, period, {
      sameGap: { cause: 'gap_referred', reason: 'the leave gap was referred to another seeker' },
      sameSeeker: { cause: 'seeker_referred', reason: 'the seeker was referred for overlapping days' },
    });
  }

  /**
   * A referral ended without a hire (the proposal is locked by the caller, still `referred`):
   * a decline rejects it, a withdrawal supersedes it. The free-text reason stays out of the outbox.
   */
  async endReferred(db: Db, proposal: Proposal, outcome: 'rejected' | 'superseded', cause: string, reason: string): Promise<void> {
    const decidedAt = new Date();
    await db.query(
      `UPDATE proposals SET status = $2, decided_at = $3, reason = $4, updated_at = now() WHERE id = $1 AND status = 'referred'`,
      [proposal.id, outcome, decidedAt, reason],
    );
    Object.assign(proposal, { status: outcome, decidedAt, reason });
    const row = toRow(proposal);
    await recordEvent(db, outcome === 'rejected' ? eventOf('proposal.rejected', row) : supersededEvent(row, cause));
  }

  /**
   * The proposal (locked by the caller, `proposed`, or `referred` when its referral hires)
   * becomes the placement; open proposals it made impossible (the same gap, the same seeker on
   * overlapping days) are superseded. Answers their ids.
   */
  async confirm(db: Db, proposal: Proposal, placementId: string, period: DatePeriod): Promise<string[]> {
    const decidedAt = new Date();
    await db.query(
      `UPDATE proposals SET status = 'confirmed', placement_id = $2, decided_at = $3, reason = NULL, updated_at = now()
       WHERE id = $1 AND status IN ('proposed', 'referred')`,
      [proposal.id, placementId, decidedAt],
    );
    Object.assign(proposal, { status: 'confirmed', placementId, decidedAt, reason: null });
    const superseded = await this.supersedeImpossible(db, proposal, period, {
      sameGap: { cause: 'gap_filled', reason: `the leave gap was filled (placement ${placementId})` },
      sameSeeker: { cause: 'seeker_placed', reason: `the seeker was placed on overlapping days (placement ${placementId})` },
    });
    const event = eventOf('proposal.confirmed', toRow(proposal));
    await recordEvent(db, { ...event, payload: { ...event.payload, placementId, supersededProposalIds: superseded } });
    return superseded;
  }

  /** The coordinator said no (the proposal is locked by the caller). The free-text reason stays out of the outbox. */
  async reject(db: Db, proposal: Proposal, reason: string): Promise<void> {
    const decidedAt = new Date();
    await db.query(
      `UPDATE proposals SET status = 'rejected', decided_at = $2, reason = $3, updated_at = now() WHERE id = $1 AND status = 'proposed'`,
      [proposal.id, decidedAt, reason],
    );
    Object.assign(proposal, { status: 'rejected', decidedAt, reason });
    await recordEvent(db, eventOf('proposal.rejected', toRow(proposal)));
  }

  /** Named proposals that are still open leave `proposed`, each with its own reason. Answers the ids that did. */
  async supersede(db: Db, retirements: readonly Retirement[]): Promise<string[]> {
    if (retirements.length === 0) return [];
    const rows: TransitionedRow[] = await db.query(
      `UPDATE proposals p SET status = 'superseded', decided_at = now(), updated_at = now(), reason = r.reason
       FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, reason text)
       WHERE p.id = r.id AND p.status = 'proposed'
       RETURNING p.id, p.match_run_id, p.leave_gap_id, p.seeker_id`,
      [JSON.stringify(retirements.map((retirement) => ({ id: retirement.proposalId, reason: retirement.reason })))],
    ).then(rowsOfUpdate);
    const causes = new Map(retirements.map((retirement) => [retirement.proposalId, retirement.cause]));
    await recordEvents(db, rows.map((row) => supersededEvent(row, causes.get(row.id)!)));
    return rows.map((row) => row.id).sort();
  }

  /**
   * Every open proposal of the gaps or the seeker is superseded for one reason. Rows another
   * transaction holds (a confirm in progress, which locks the proposal before the gap and the
   * seeker) are skipped rather than waited for: that confirm re-checks the gap and the seeker
   * after this commits and retires its proposal itself.
   */
  async supersedeOpen(db: Db, which: OpenProposals, cause: string, reason: string): Promise<string[]> {
    const [condition, params] =
      'seekerId' in which
        ? ['seeker_id = $1', [which.seekerId]]
        : ['leave_gap_id = ANY($1::uuid[]) AND ($2::uuid IS NULL OR match_run_id <> $2::uuid)', [which.leaveGapIds, which.exceptRunId ?? null]];
    const open: { id: string }[] = await db.query(
      `SELECT id FROM proposals WHERE status = 'proposed' AND ${condition} ORDER BY id FOR UPDATE SKIP LOCKED`,
      params,
    );
    return this.supersede(db, open.map((row) => ({ proposalId: row.id, cause, reason })));
  }

  /**
   * After a seeker's edit (in the same transaction, the seeker row locked): open proposals the
   * engine's rules no longer allow are retired with a reason the coordinator reads.
   */
  async retireInfeasible(db: EntityManager, seekerId: string, asOf: string): Promise<string[]> {
    const open: { id: string; leave_gap_id: string }[] = await db.query(
      `SELECT id, leave_gap_id FROM proposals WHERE status = 'proposed' AND seeker_id = $1 ORDER BY id FOR UPDATE SKIP LOCKED`,
      [seekerId],
    );
    const verdicts = await this.feasibility.check(db, open.map((row) => ({ leaveGapId: row.leave_gap_id, seekerId })), asOf);
    const retirements: Retirement[] = [];
    for (const row of open) {
      const verdict = verdicts.get(`${row.leave_gap_id}/${seekerId}`);
      if (verdict?.kind !== 'infeasible') continue;
      const [first] = verdict.failures;
      retirements.push({ proposalId: row.id, cause: `infeasible.${first.rule}`, reason: infeasibilityReason(first, verdict.vacancy, verdict.seeker) });
    }
    return this.supersede(db, retirements);
  }

  /**
   * Open proposals the confirmation (or referral) made impossible. Rows another transaction
   * holds are skipped rather than waited for (that keeps concurrent confirms free of deadlocks);
   * such a proposal's own confirm is then refused and retires it.
   */
  private async supersedeImpossible(
    db: Db,
    confirmed: Proposal,
    period: DatePeriod,
    why: { readonly sameGap: Omit<Retirement, 'proposalId'>; readonly sameSeeker: Omit<Retirement, 'proposalId'> },
  ): Promise<string[]> {
    const impossible: { id: string; same_gap: boolean }[] = await db.query(
      `SELECT p.id, p.leave_gap_id = $2 AS same_gap FROM proposals p JOIN leave_gaps g ON g.id = p.leave_gap_id
       WHERE p.status = 'proposed' AND p.id <> $1
         AND (p.leave_gap_id = $2 OR (p.seeker_id = $3 AND daterange(g.placement_start, g.placement_end, '[]') && $4::daterange))
       ORDER BY p.id
       FOR UPDATE OF p SKIP LOCKED`,
      [confirmed.id, confirmed.leaveGapId, confirmed.seekerId, toDateRangeLiteral(period)],
    );
    return this.supersede(
      db,
      impossible.map((row) => ({ proposalId: row.id, ...(row.same_gap ? why.sameGap : why.sameSeeker) })),
    );
  }
}

/** `manager.query` answers `[rows, count]` for an UPDATE … RETURNING through TypeORM's pg driver. */
function rowsOfUpdate(result: unknown): TransitionedRow[] {
  return Array.isArray(result) && Array.isArray(result[0]) ? (result[0] as TransitionedRow[]) : (result as TransitionedRow[]);
}

function toRow(proposal: Proposal): TransitionedRow {
  return { id: proposal.id, match_run_id: proposal.matchRunId, leave_gap_id: proposal.leaveGapId, seeker_id: proposal.seekerId };
}

function eventOf(type: OutboxEntry['type'], row: TransitionedRow): OutboxEntry {
  return {
    type,
    aggregateType: 'proposal',
    aggregateId: row.id,
    payload: { matchRunId: row.match_run_id, leaveGapId: row.leave_gap_id, seekerId: row.seeker_id },
  };
}

function supersededEvent(row: TransitionedRow, cause: string): OutboxEntry {
  const event = eventOf('proposal.superseded', row);
  return { ...event, payload: { ...event.payload, cause } };
}
