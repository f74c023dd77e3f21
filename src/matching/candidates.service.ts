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
import { RuleCounts, screenColumns, screeningProfile } from './core/screen-seekers';
import { FEASIBILITY_RULES, Instance, Seeker, Vacancy } from './core/types';
import { CandidatesResponse } from './dto/candidates.dto';
import { SeekerRef } from './dto/run-results.dto';
import { gapRefs, seekerRefs } from './gap-refs';
import { InstanceBuilder } from './instance-builder';
import { NeighbourhoodBlock, SeekerPool, seekerForVacancy } from './seeker-pool';
import { KM_PER_DEGREE_LATITUDE } from './seeker-reach';
import { explainUnfilled } from './unfilled-explanation';

/** cos(radians(least(89, |lat| + km / 111))) of the latitude for each reach (km), as seekerReachBoxSql computes it. */
const cosinesSql = (lat: string, kms: string) => `SELECT coalesce(array_agg(cos(radians(least(89.0, abs(${lat}::float8) + km / ${KM_PER_DEGREE_LATITUDE}))) ORDER BY n), '{}')
  FROM unnest(${kms}::float8[]) WITH ORDINALITY AS t(km, n)`;

/** The live view for one gap: who could take it right now, ranked, built like a one-gap match run. */
@Injectable()
export class CandidatesService {
  private readonly gate: ConcurrencyGate;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly builder: InstanceBuilder,
    private readonly pool: SeekerPool,
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
   * The gap's ranking over its whole neighbourhood, as a one-gap match run would see it: the
   * seekers come from the in-memory pool (SeekerPool, first brought up to date with every
   * change committed before this call), the gap and its rejected pairs fresh from the database.
   */
  async rank(gapId: string, asOf: string, limit: number): Promise<CandidateRanking | undefined> {
    await this.pool.refresh();
    const read = await this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const [vacancy] = await this.builder.vacancies(manager, { leaveGapIds: [gapId] }, asOf);
      if (!vacancy) return undefined;
      // The box's cosines ride along with the rejected pairs: one round trip fewer per request.
      const kms = this.pool.distinctKms();
      const [row]: { rejected: string[]; cosines: number[] }[] = await manager.query(
        `SELECT coalesce((SELECT array_agg(seeker_id::text ORDER BY seeker_id) FROM rejected_pairs WHERE leave_gap_id = $1), '{}') AS rejected,
           (${cosinesSql('$2', '$3')}) AS cosines`,
        [vacancy.id, vacancy.location.lat, kms],
      );
      return { vacancy, rejected: row.rejected, cosines: new Map(kms.map((km, i) => [km, row.cosines[i]])) };
    });
    if (!read) return undefined;
    const { vacancy } = read;
    const blocks = await this.neighbourhood(vacancy, read.rejected, read.cosines);
    const screening = screenColumns(screeningProfile(vacancy), blocks);
    const seekers: Seeker[] = [];
    let block = 0;
    let base = 0;
    for (const index of screening.kept) {
      while (index >= base + blocks[block].positions.length) base += blocks[block++].positions.length;
      seekers.push(seekerForVacancy(blocks[block].seekers[blocks[block].positions[index - base]], vacancy, asOf));
    }
    const present = new Set(seekers.map((seeker) => seeker.id));
    const instance: Instance = {
      vacancies: [vacancy],
      seekers,
      blockedPairs: read.rejected.filter((id) => present.has(id)).map((seekerId) => ({ vacancyId: vacancy.id, seekerId })),
      asOf,
    };
    const ranking = rankCandidates(instance, gapId, limit);
    if (!ranking) return undefined;
    const counted = screening.excludedElsewhere;
    const excludedBy = Object.fromEntries(FEASIBILITY_RULES.map((rule) => [rule, ranking.excludedBy[rule] + counted[rule]]));
    return { ...ranking, excludedBy: excludedBy as RuleCounts };
  }

  /**
   * The pool's seekers in the vacancy's neighbourhood. The box's longitude edges need the
   * database's cosine for each distinct reach; a refresh between asking and answering can bring
   * a reach not asked for, and then the missing ones are asked for too.
   */
  private async neighbourhood(vacancy: Vacancy, rejected: readonly string[], cosines: Map<number, number>): Promise<NeighbourhoodBlock[]> {
    for (;;) {
      const missing = this.pool.distinctKms().filter((km) => !cosines.has(km));
      if (missing.length === 0) {
        const blocks = this.pool.neighbourhood(vacancy, cosines, rejected);
        if (blocks) return blocks;
        continue;
      }
      const [row]: { cosines: number[] }[] = await this.dataSource.query(`${cosinesSql('$1', '$2')} AS cosines`, [vacancy.location.lat, missing]);
      missing.forEach((km, i) => cosines.set(km, row.cosines[i]));
    }
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
