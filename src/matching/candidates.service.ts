import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { DataSource } from 'typeorm';
import { AccessLogService } from '../access-log/access-log.service';
import type { Principal } from '../auth/principal';
import { Clock } from '../clock/clock';
import { ConcurrencyGate } from '../common/concurrency-gate';
import { ConflictError, NotFoundError } from '../common/domain-error';
import type { Language } from '../common/messages/language';
import { AppConfig } from '../config/app-config';
import { LeaveGap } from '../leave-gaps/leave-gap.entity';
import { OPEN_REFERRAL_STATUSES } from '../referrals/referral-states';
import { CandidateRanking, rankCandidates } from './core/rank-candidates';
import { FEASIBILITY_RULES } from './core/types';
import { CandidatesResponse } from './dto/candidates.dto';
import { SeekerRef } from './dto/run-results.dto';
import { gapRefs, seekerRefs } from './gap-refs';
import { InstanceBuilder } from './instance-builder';
import { ExcludedCounts, plausibleSeekers } from './plausible-seekers';
import { explainUnfilled } from './unfilled-explanation';

/** The live view for one gap: who could take it right now, ranked, built like a one-gap match run. */
@Injectable()
export class CandidatesService {
  private readonly gate: ConcurrencyGate;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly builder: InstanceBuilder,
    private readonly accessLog: AccessLogService,
    private readonly clock: Clock,
    config: AppConfig,
  ) {
    this.gate = new ConcurrencyGate('candidates', config.candidatesConcurrency, config.candidatesQueueLimit);
  }

  forGap(gapId: string, limit: number, reader: Principal, language: Language = 'en'): Promise<CandidatesResponse> {
    return this.gate.run(() => this.answer(gapId, limit, reader, language));
  }

  /**
   * The gap's ranking, reading only the seekers the database finds plausible (see
   * plausibleSeekers): the same ranking and diagnostics as over the whole neighbourhood.
   */
  async rank(gapId: string, asOf: string, limit: number): Promise<CandidateRanking | undefined> {
    let excludedElsewhere: ExcludedCounts | undefined;
    const instance = await this.builder.build(
      { leaveGapIds: [gapId] },
      {
        asOf,
        seekerFilter: async (manager, [vacancy]) => {
          const plausible = await plausibleSeekers(manager, vacancy);
          excludedElsewhere = plausible.excludedElsewhere;
          return plausible.seekerIds;
        },
      },
    );
    const ranking = rankCandidates(instance, gapId, limit);
    if (!ranking || !excludedElsewhere) return ranking;
    const counted = excludedElsewhere;
    const excludedBy = Object.fromEntries(FEASIBILITY_RULES.map((rule) => [rule, ranking.excludedBy[rule] + counted[rule]]));
    return { ...ranking, excludedBy: excludedBy as ExcludedCounts };
  }

  private async answer(gapId: string, limit: number, reader: Principal, language: Language): Promise<CandidatesResponse> {
    const gap = isUUID(gapId) ? await this.dataSource.manager.findOneBy(LeaveGap, { id: gapId }) : null;
    if (!gap) throw new NotFoundError('leave_gap', gapId);
    if (gap.status !== 'open') {
      throw new ConflictError('leave_gap.not_open', `leave gap ${gap.id} is ${gap.status}: it needs no candidates`, { status: gap.status });
    }
    const [referral]: { id: string; status: string }[] = await this.dataSource.query(
      `SELECT id, status FROM referrals WHERE leave_gap_id = $1 AND status = ANY($2::text[])`,
      [gap.id, OPEN_REFERRAL_STATUSES],
    );
    if (referral) {
      throw new ConflictError('leave_gap.referral_open', `leave gap ${gap.id} has an open referral (${referral.status}): it needs no candidates meanwhile`, {
        referralId: referral.id,
        status: referral.status,
      });
    }
    const asOf = this.clock.today();
    const ranking = await this.rank(gap.id, asOf, limit);
    if (!ranking) {
      throw new ConflictError('leave_gap.not_matchable', `leave gap ${gap.id} ended before ${asOf} or its firm is no longer active`, {
        placementEnd: gap.placementEnd,
      });
    }
    const manager = this.dataSource.manager;
    const gaps = await gapRefs(manager, [gap.id]);
    const seekers = await seekerRefs(manager, [...ranking.candidates.map((c) => c.seekerId), ...ranking.nearMisses.map((m) => m.seekerId)]);
    const seeker = (id: string): SeekerRef => seekers.get(id) ?? { id, displayName: '' };
    // Seekers' names are personal data: PIPA wants each read by someone else on record.
    const named = [...seekers.values()].filter((ref) => ref.displayName).map((ref) => ref.id);
    await this.accessLog.recordRead(reader, named, { action: 'leave-gaps.candidates', fields: ['displayName'] });
    return {
      leaveGap: gaps.get(gap.id)!,
      asOf,
      candidates: ranking.candidates.map((candidate) => ({
        seeker: seeker(candidate.seekerId),
        score: candidate.score,
        breakdown: candidate.breakdown,
        commuteMinutes: candidate.commuteMinutes,
      })),
      feasibleCandidates: ranking.feasibleCandidates,
      excludedBy: ranking.excludedBy,
      nearMisses: ranking.nearMisses.map((miss) => ({ seeker: seeker(miss.seekerId), failed: miss.failed, detail: miss.detail })),
      explanation: ranking.feasibleCandidates > 0 ? [] : explainUnfilled(ranking, language),
    };
  }
}
