import type { Language } from '../common/messages/language';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { DataSource } from 'typeorm';
import { AccessLogService } from '../access-log/access-log.service';
import type { Principal } from '../auth/principal';
import { ConflictError, NotFoundError } from '../common/domain-error';
import { Proposal } from '../proposals/proposal.entity';
import { RunResultsResponse, SeekerRef } from './dto/run-results.dto';
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

  async get(runId: string, reader: Principal, language: Language = 'en'): Promise<RunResultsResponse> {
    const manager = this.dataSource.manager;
    const run = isUUID(runId) ? await manager.findOneBy(MatchRun, { id: runId }) : null;
    if (!run) throw new NotFoundError('match_run', runId);
    if (run.status !== 'succeeded') {
      throw new ConflictError('match_run.not_succeeded', `match run ${run.id} is ${run.status}: it has no proposals`, { status: run.status });
    }
    const proposals = await manager.find(Proposal, { where: { matchRunId: run.id } });
    const unfilled = await manager.find(UnfilledGap, { where: { matchRunId: run.id } });
    const gaps = await gapRefs(manager, [...proposals.map((p) => p.leaveGapId), ...unfilled.map((u) => u.leaveGapId)]);
    const seekers = await seekerRefs(manager, [
      ...proposals.flatMap((p) => [p.seekerId, ...p.alternatives.map((a) => a.seekerId)]),
      ...unfilled.flatMap((u) => u.nearMisses.map((m) => m.seekerId)),
    ]);
    const seeker = (id: string): SeekerRef => seekers.get(id) ?? { id, displayName: '' };
    // Seekers' names are personal data: PIPA wants each read by someone else on record.
    const named = [...seekers.values()].filter((ref) => ref.displayName).map((ref) => ref.id);
    await this.accessLog.recordRead(reader, named, { action: 'match-runs.proposals', fields: ['displayName'] });
    const byGap = <T extends { leaveGapId: string }>(a: T, b: T) => {
      const [x, y] = [gaps.get(a.leaveGapId), gaps.get(b.leaveGapId)];
      return (x?.firm.name ?? '').localeCompare(y?.firm.name ?? '') || (x?.period.start ?? '').localeCompare(y?.period.start ?? '') || a.leaveGapId.localeCompare(b.leaveGapId);
    };

    return {
      matchRunId: run.id,
      status: run.status,
      proposals: proposals.sort(byGap).map((proposal) => ({
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
      unfilled: unfilled.sort(byGap).map((gap) => ({
        leaveGap: gaps.get(gap.leaveGapId)!,
        feasibleCandidates: gap.feasibleCandidates,
        excludedBy: gap.excludedBy,
        nearMisses: gap.nearMisses.map((miss) => ({ seeker: seeker(miss.seekerId), failed: miss.failed, detail: miss.detail })),
        explanation: explainUnfilled(gap, language),
      })),
    };
  }
}
