import type { Language } from '../common/messages/language';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { DataSource, EntityManager, In } from 'typeorm';
import { AccessLogService } from '../access-log/access-log.service';
import type { Principal } from '../auth/principal';
import { ConflictError, NotFoundError } from '../common/domain-error';
import { Proposal } from '../proposals/proposal.entity';
import { RunResultsQuery, RunResultsResponse, SeekerRef } from './dto/run-results.dto';
import { gapRefs, seekerRefs } from './gap-refs';
import { MatchRun } from './match-run.entity';
import { UnfilledGap } from './unfilled-gap.entity';
import { explainUnfilled } from './unfilled-explanation';

/** A finished run's proposals and unfilled gaps, with names and reasons a coordinator can act on. */
@Injectable()
export class RunResultsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly accessLog: AccessLogService,
  ) {}

  async get(runId: string, query: RunResultsQuery, reader: Principal, language: Language = 'en'): Promise<RunResultsResponse> {
    const manager = this.dataSource.manager;
    const run = isUUID(runId) ? await manager.findOneBy(MatchRun, { id: runId }) : null;
    if (!run) throw new NotFoundError('match_run', runId);
    if (run.status !== 'succeeded') {
      throw new ConflictError('match_run.not_succeeded', `match run ${run.id} is ${run.status}: it has no proposals`, { status: run.status });
    }
    const proposalKeys = await orderKeys(manager, 'proposals', run.id, query);
    const unfilledKeys = query.status === undefined ? await orderKeys(manager, 'match_run_unfilled', run.id, query) : [];
    const window = <T>(keys: T[]) => keys.slice(query.offset, query.offset + query.limit);
    const proposals = inOrder(window(proposalKeys), await manager.findBy(Proposal, { id: In(window(proposalKeys)) }), (p) => p.id);
    const unfilled = inOrder(
      window(unfilledKeys),
      await manager.findBy(UnfilledGap, { matchRunId: run.id, leaveGapId: In(window(unfilledKeys)) }),
      (u) => u.leaveGapId,
    );
    const gaps = await gapRefs(manager, [...proposals.map((p) => p.leaveGapId), ...unfilled.map((u) => u.leaveGapId)]);
    const seekers = await seekerRefs(manager, [
      ...proposals.flatMap((p) => [p.seekerId, ...p.alternatives.map((a) => a.seekerId)]),
      ...unfilled.flatMap((u) => u.nearMisses.map((m) => m.seekerId)),
    ]);
    const seeker = (id: string): SeekerRef => seekers.get(id) ?? { id, displayName: '' };
    // Seekers' names are personal data: PIPA wants each read by someone else on record.
    const named = [...seekers.values()].filter((ref) => ref.displayName).map((ref) => ref.id);
    await this.accessLog.recordRead(reader, named, { action: 'match-runs.proposals', fields: ['displayName'] });
    return {
      matchRunId: run.id,
      status: run.status,
      proposals: proposals.map((proposal) => ({
        id: proposal.id,
        status: proposal.status,
        seeker: seeker(proposal.seekerId),
        leaveGap: gaps.get(proposal.leaveGapId)!,
        score: proposal.score,
        breakdown: proposal.breakdown,
        commuteMinutes: proposal.commuteMinutes,
        alternatives: proposal.alternatives.map((alternative) => ({ seeker: seeker(alternative.seekerId), score: alternative.score })),
        placementId: proposal.placementId,
        decidedAt: proposal.decidedAt,
        reason: proposal.reason,
      })),
      unfilled: unfilled.map((gap) => ({
        leaveGap: gaps.get(gap.leaveGapId)!,
        feasibleCandidates: gap.feasibleCandidates,
        excludedBy: gap.excludedBy,
        nearMisses: gap.nearMisses.map((miss) => ({ seeker: seeker(miss.seekerId), failed: miss.failed, detail: miss.detail })),
        explanation: explainUnfilled(gap, language),
      })),
      offset: query.offset,
      limit: query.limit,
      totals: { proposals: proposalKeys.length, unfilled: unfilledKeys.length },
    };
  }
}

interface OrderKey {
  id: string;
  leave_gap_id: string;
  firm_name: string;
  placement_start: string;
}

/**
 * The keys (proposal id; gap id of an unfilled gap) of a run's rows matching the filters, in the order coordinators read them (firm
 * name, period start, gap id): only these small keys are read for the whole run, the rows
 * themselves for one window.
 */
async function orderKeys(
  manager: EntityManager,
  table: 'proposals' | 'match_run_unfilled',
  runId: string,
  query: RunResultsQuery,
): Promise<string[]> {
  const keys: OrderKey[] = await manager.query(
    `SELECT ${table === 'proposals' ? 'r.id' : 'r.leave_gap_id AS id'}, r.leave_gap_id, f.name AS firm_name, g.placement_start
     FROM ${table} r JOIN leave_gaps g ON g.id = r.leave_gap_id JOIN firms f ON f.id = g.firm_id
     WHERE r.match_run_id = $1 AND ($2::uuid IS NULL OR f.complex_id = $2::uuid) AND ($3::uuid IS NULL OR r.leave_gap_id = $3::uuid)
       ${table === 'proposals' ? 'AND ($4::text IS NULL OR r.status = $4::text)' : 'AND $4::text IS NULL'}`,
    [runId, query.complexId ?? null, query.leaveGapId ?? null, query.status ?? null],
  );
  keys.sort(
    (a, b) =>
      a.firm_name.localeCompare(b.firm_name) || a.placement_start.localeCompare(b.placement_start) || a.leave_gap_id.localeCompare(b.leave_gap_id),
  );
  return keys.map((key) => key.id);
}

function inOrder<T>(keys: readonly string[], rows: readonly T[], keyOf: (row: T) => string): T[] {
  const byKey = new Map(rows.map((row) => [keyOf(row), row]));
  return keys.map((key) => byKey.get(key)!);
}
