import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { DataSource } from 'typeorm';
import { AccessLogService } from '../access-log/access-log.service';
import type { Principal } from '../auth/principal';
import { Clock } from '../clock/clock';
import { ConcurrencyGate } from '../common/concurrency-gate';
import { ConflictError, NotFoundError } from '../common/domain-error';
import { DatabaseConnection } from '../database/database-connection';
import type { Language } from '../common/messages/language';
import { AppConfig } from '../config/app-config';
import { OPEN_REFERRAL_STATUSES } from '../referrals/referral-states';
import { CandidateRanking, rankCandidates } from './core/rank-candidates';
import { RuleCounts, screenColumns, screeningProfile } from './core/screen-seekers';
import { FEASIBILITY_RULES, Instance, Seeker, Vacancy } from './core/types';
import { CandidatesResponse } from './dto/candidates.dto';
import { SeekerRef } from './dto/run-results.dto';
import { GapRefRow, toGapRef } from './gap-refs';
import { VacancyRow, matchableGapSql, toVacancy } from './instance-builder';
import { changedSinceSql, NeighbourhoodBlock, SeekerPool, seekerForSpan } from './seeker-pool';
import { KM_PER_DEGREE_LATITUDE } from './seeker-reach';
import { explainUnfilled } from './unfilled-explanation';

/** cos(radians(least(89, |lat| + km / 111))) of the latitude for each reach (km), as seekerReachBoxSql computes it. */
const cosinesSql = (lat: string, kms: string) => `SELECT coalesce(array_agg(cos(radians(least(89.0, abs(${lat}::float8) + km / ${KM_PER_DEGREE_LATITUDE}))) ORDER BY n), '{}')
  FROM unnest(${kms}::float8[]) WITH ORDINALITY AS t(km, n)`;

interface GapReadRow extends VacancyRow, GapRefRow {
  status: string;
  /** Of an active firm, and not ended before asOf. */
  matchable: boolean;
  referral: { id: string; status: string } | null;
  rejected: string[];
  cosines: number[];
  /** Whether this statement sees a seeker change the pool's snapshot ($5) did not. */
  pool_changed: boolean;
}

type GapRead = Omit<GapReadRow, 'cosines'> & { cosines: Map<number, number> };

const READ_GAP_SQL = `SELECT g.id, g.status, g.firm_id, f.name AS firm_name, g.role_title, g.site_lat, g.site_lng, g.placement_start, g.placement_end,
    g.vacancy_weekly_hours, g.hourly_wage, g.required_skills, g.preferred_skills, g.required_certifications, g.max_commute_minutes,
    ${matchableGapSql('g', 'f', '$2')} AS matchable,
    (SELECT json_build_object('id', r.id, 'status', r.status) FROM referrals r WHERE r.leave_gap_id = g.id AND r.status = ANY($3::text[]) LIMIT 1) AS referral,
    coalesce((SELECT array_agg(seeker_id::text ORDER BY seeker_id) FROM rejected_pairs WHERE leave_gap_id = g.id), '{}') AS rejected,
    (${cosinesSql('g.site_lat', '$4')}) AS cosines,
    ${changedSinceSql('$5')} AS pool_changed
  FROM leave_gaps g JOIN firms f ON f.id = g.firm_id
  WHERE g.id = $1`;

/** The live view for one gap: who could take it right now, ranked, built like a one-gap match run. */
@Injectable()
export class CandidatesService {
  private readonly gate: ConcurrencyGate;
  private readonly readGapSql: string;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly pool: SeekerPool,
    private readonly accessLog: AccessLogService,
    private readonly clock: Clock,
    config: AppConfig,
    connection: DatabaseConnection,
  ) {
    this.gate = new ConcurrencyGate('candidates', config.candidatesConcurrency, config.candidatesQueueLimit);
    this.readGapSql = connection.statement('candidates_read_gap', READ_GAP_SQL);
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
    const gap = await this.readGap(gapId, asOf);
    return gap && gap.status === 'open' && !gap.referral && gap.matchable ? this.rankRead(gap, asOf, limit) : undefined;
  }

  /**
   * Everything one answer needs of the database but the names, in one statement (one snapshot,
   * as the transaction it replaces): the gap by its primary key, its open referral, whether it
   * is still matchable (InstanceBuilder's vacancy filter), its rejected pairs, the box's
   * cosines, and whether the pool is up to date with it. When it is (the usual case: no seeker
   * changed since the pool's last refresh) no refresh is needed; otherwise the pool is refreshed
   * after it, as a concurrent refresh would have been (SeekerPool.upToDate).
   */
  private async readGap(gapId: string, asOf: string): Promise<GapRead | undefined> {
    const kms = this.pool.distinctKms();
    const snapshot = this.pool.currentSnapshot();
    const rows: GapReadRow[] = await this.dataSource.query(this.readGapSql, [gapId, asOf, OPEN_REFERRAL_STATUSES, kms, snapshot]);
    const [row] = rows;
    // No row, no gap: the changes (if any) are left to the next refresh.
    await this.pool.upToDate(snapshot, row === undefined ? false : row.pool_changed);
    if (!row) return undefined;
    return { ...row, cosines: new Map(kms.map((km, i) => [km, row.cosines[i]])) };
  }

  private async rankRead(read: GapRead, asOf: string, limit: number): Promise<CandidateRanking | undefined> {
    const vacancy = toVacancy(read, asOf);
    const blocks = await this.neighbourhood(vacancy, read.rejected, read.cosines);
    const screening = screenColumns(screeningProfile(vacancy), blocks);
    const seekers: Seeker[] = [];
    let block = 0;
    let base = 0;
    for (const index of screening.kept) {
      while (index >= base + blocks[block].positions.length) base += blocks[block++].positions.length;
      seekers.push(seekerForSpan(blocks[block].seekers[blocks[block].positions[index - base]], vacancy, asOf));
    }
    const present = new Set(seekers.map((seeker) => seeker.id));
    const instance: Instance = {
      vacancies: [vacancy],
      seekers,
      blockedPairs: read.rejected.filter((id) => present.has(id)).map((seekerId) => ({ vacancyId: vacancy.id, seekerId })),
      asOf,
    };
    const ranking = rankCandidates(instance, read.id, limit);
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
      const [row]: { cosines: number[] }[] = await this.dataSource.query(`SELECT (${cosinesSql('$1', '$2')}) AS cosines`, [vacancy.location.lat, missing]);
      missing.forEach((km, i) => cosines.set(km, row.cosines[i]));
    }
  }

  private async answer(gapId: string, limit: number, reader: Principal, language: Language): Promise<CandidatesResponse> {
    const asOf = this.clock.today();
    const gap = isUUID(gapId) ? await this.readGap(gapId, asOf) : undefined;
    if (!gap) throw new NotFoundError('leave_gap', gapId);
    if (gap.status !== 'open') {
      throw new ConflictError('leave_gap.not_open', `leave gap ${gap.id} is ${gap.status}: it needs no candidates`, { status: gap.status });
    }
    const { referral } = gap;
    if (referral) {
      throw new ConflictError('leave_gap.referral_open', `leave gap ${gap.id} has an open referral (${referral.status}): it needs no candidates meanwhile`, {
        referralId: referral.id,
        status: referral.status,
      });
    }
    const ranking = gap.matchable ? await this.rankRead(gap, asOf, limit) : undefined;
    if (!ranking) {
      throw new ConflictError('leave_gap.not_matchable', `leave gap ${gap.id} ended before ${asOf} or its firm is no longer active`, {
        placementEnd: gap.placement_end,
      });
    }
    // Seekers' names are personal data: PIPA wants each read by someone else on record.
    const names = await this.accessLog.namesRecorded(reader, [...ranking.candidates.map((c) => c.seekerId), ...ranking.nearMisses.map((m) => m.seekerId)], {
      action: 'leave-gaps.candidates',
      fields: ['displayName'],
    });
    const seeker = (id: string): SeekerRef => ({ id, displayName: names.has(id) ? names.get(id)! : '' });
    return {
      leaveGap: toGapRef(gap),
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
