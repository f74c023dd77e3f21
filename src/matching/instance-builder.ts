import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CommuteMode, DateRange, Instance, PairReference, ScoreWeights, Seeker, SkillLevel, Vacancy } from './core/types';
import { validateInstance } from './core/validate-instance';
import { OPEN_REFERRAL_STATUSES } from '../referrals/referral-states';
import type { MatchScope } from './match-run.entity';
import { seekerReachBoxSql } from './seeker-reach';
import { vacancyJsonSql } from './contract-json-sql';
import { appendSeekerDocuments } from './seeker-documents';
import { SharedUtf8Builder } from './shared-utf8';

/** The database produced an instance the engine refuses: a bug, never retried. */
export class InvalidInstanceError extends Error {
  constructor(readonly problems: string[]) {
    super(`the instance built from the database is invalid (${problems.length} problem(s)), first: ${problems[0]}`);
    this.name = 'InvalidInstanceError';
  }
}

export interface InstanceOptions {
  /**
   * The day the instance is for: gaps that ended before it are not open any more, and a gap
   * that has already started is given with only the days that remain (its start is `asOf`).
   */
  readonly asOf: string;
  readonly weights?: ScoreWeights | null;
  /**
   * Narrows the seekers read to those it names (null: no narrowing), given the vacancies as
   * built, inside the same snapshot. The live candidates use it to read only plausible seekers.
   */
  readonly seekerFilter?: (manager: EntityManager, vacancies: readonly Vacancy[]) => Promise<readonly string[] | null>;
}

/** An open gap can still be matched on `asOf` when its firm is active and it has not ended: runs and live candidates alike. */
export const matchableGapSql = (gap: string, firm: string, asOf: string) => `${firm}.status = 'active' AND ${gap}.placement_end >= ${asOf}::date`;

/** A match run's instance as the JSON text the solver thread reads and the run stores. */
export interface InstanceText {
  /** The text's UTF-8, in shared memory (SharedUtf8Builder). */
  readonly bytes: Uint8Array;
  readonly vacancyCount: number;
  readonly seekerIds: readonly string[];
}

/**
 * Where a run's seekers may come from instead of the database's documents (seeker-documents-sql.ts): the service's in-memory pool
 * (SeekerPool), brought to the run transaction's snapshot. The same seekers, parsed alike.
 */
export interface SeekerSource {
  readAtSnapshot<T>(read: (manager: EntityManager) => Promise<T>): Promise<T>;
  seekersText(manager: EntityManager, box: readonly [number, number, number, number], span: DateRange, asOf: string): Promise<{ json: string; ids: string[] }>;
}

/** Which pairs to re-check: these gaps (open, not ended) and these seekers (active), whatever their distance. */
export interface PairScope {
  readonly leaveGapIds: readonly string[];
  readonly seekerIds: readonly string[];
}

export interface VacancyRow {
  id: string;
  firm_id: string;
  site_lat: number;
  site_lng: number;
  placement_start: string;
  placement_end: string;
  vacancy_weekly_hours: number;
  hourly_wage: number;
  required_skills: SkillLevel[];
  preferred_skills: SkillLevel[];
  required_certifications: string[];
  max_commute_minutes: number | null;
}

export interface SeekerRow {
  id: string;
  home_lat: number;
  home_lng: number;
  commute_mode: CommuteMode;
  max_commute_minutes: number;
  skills: SkillLevel[];
  certifications: string[];
  weekly_hours_min: number;
  weekly_hours_max: number;
  min_hourly_wage: number | null;
  blocked_firm_ids: string[];
  waiting_since: string;
}

interface WindowRow {
  seeker_id: string;
  start: string;
  end: string;
}

/**
 * Turns the database into a contract instance (docs/matching-contract.md): the open gaps in
 * scope become vacancies, active seekers within plausible reach become seekers with their
 * availability and confirmed placements as `busy`, rejected pairs become `blockedPairs`.
 * A gap with an open referral is spoken for: it is left out, and its period is busy for the
 * referred seeker (docs/referrals.md), so no run proposes either of them elsewhere meanwhile.
 * Everything is read in one REPEATABLE READ snapshot with a fixed number of set-based queries.
 */
@Injectable()
export class InstanceBuilder {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async build(scope: MatchScope, options: InstanceOptions): Promise<Instance> {
    const instance = await this.dataSource.transaction('REPEATABLE READ', (manager) => this.read(manager, scope, options));
    const validation = validateInstance(instance);
    if (!validation.ok) throw new InvalidInstanceError(validation.problems);
    return instance;
  }

  /**
   * The same instance as build() (unvalidated, no seekerFilter), as JSON text: the seekers, the
   * bulk of a national instance, are serialised by the database (seeker-documents-sql.ts, their
   * bytes streamed into the text) or, given `source`, by the pool in slices between other tasks,
   * so that the event loop never holds tens of thousands of seeker rows at once. The pool reads
   * no seeker from the database beyond the changes since its last refresh: the documents cost
   * PostgreSQL ~0.5 s of a core at national size, taken from the list requests beside the run.
   */
  async buildText(scope: MatchScope, options: Pick<InstanceOptions, 'asOf' | 'weights'>, source?: SeekerSource): Promise<InstanceText> {
    const read = (manager: EntityManager) => this.textIn(manager, scope, options, source);
    return source ? source.readAtSnapshot(read) : this.dataSource.transaction('REPEATABLE READ', read);
  }

  private async textIn(manager: EntityManager, scope: MatchScope, options: Pick<InstanceOptions, 'asOf' | 'weights'>, source?: SeekerSource): Promise<InstanceText> {
    const vacancies = await this.vacancyDocuments(manager, scope, options.asOf);
    // Key order as build()'s object, so that both texts parse to equal instances.
    const text = new SharedUtf8Builder();
    text.appendText('{"vacancies":[');
    vacancies.forEach((vacancy, index) => text.appendText(index === 0 ? vacancy.document : `,${vacancy.document}`));
    text.appendText('],"seekers":');
    let seekerIds: readonly string[] = [];
    if (vacancies.length > 0) seekerIds = await this.appendSeekers(text, manager, vacancies, options.asOf, source);
    else text.appendText('[]');
    const blockedPairs = seekerIds.length > 0 ? await this.blockedPairs(manager, vacancies, seekerIds.join(',')) : [];
    text.appendText(`,"blockedPairs":${JSON.stringify(blockedPairs)},"asOf":${JSON.stringify(options.asOf)}${options.weights ? `,"weights":${JSON.stringify(options.weights)}` : ''}}`);
    return { bytes: text.bytes(), vacancyCount: vacancies.length, seekerIds };
  }

  /** The seekers around the vacancies as a JSON array appended to `text`, from the pool when given, else from the database; their ids. */
  private async appendSeekers(text: SharedUtf8Builder, manager: EntityManager, vacancies: readonly VacancyPlace[], asOf: string, source?: SeekerSource): Promise<string[]> {
    const span = spanOf(vacancies);
    const box = boxOf(vacancies.map((vacancy) => vacancy.location));
    if (!source) return appendSeekerDocuments(manager, text, box, span, asOf);
    const seekers = await source.seekersText(manager, box, span, asOf);
    text.appendText(seekers.json);
    return seekers.ids;
  }

  /**
   * The same instance as a run would build, for named gaps and seekers only, read through the
   * caller's transaction (which holds their locks): confirm and seeker edits re-check
   * feasibility with the engine's own rules on it. Confirmed placements are left out of
   * `busy`: the exclusion constraint has the last word on those, naming the placement.
   */
  async pairs(manager: EntityManager, scope: PairScope, asOf: string): Promise<Instance> {
    // A referral's own hire re-checks its gap here: gaps with an open referral stay in.
    const vacancies =
      scope.leaveGapIds.length > 0
        ? (await this.vacancyRows(manager, { leaveGapIds: [...scope.leaveGapIds] }, asOf, { withReferred: true })).map((row) => toVacancy(row, asOf))
        : [];
    const seekerRows: SeekerRow[] =
      vacancies.length > 0 && scope.seekerIds.length > 0
        ? await manager.query(`SELECT ${SEEKER_COLUMNS} FROM seekers WHERE status = 'active' AND id = ANY($1::uuid[]) ORDER BY id`, [[...scope.seekerIds]])
        : [];
    return this.complete(manager, vacancies, seekerRows, { asOf }, false);
  }

  /** The open gaps in scope as vacancies, as build() makes them, read through the caller's transaction. */
  async vacancies(manager: EntityManager, scope: MatchScope, asOf: string): Promise<Vacancy[]> {
    return (await this.vacancyRows(manager, scope, asOf)).map((row) => toVacancy(row, asOf));
  }

  private async read(manager: EntityManager, scope: MatchScope, options: InstanceOptions): Promise<Instance> {
    const vacancies = (await this.vacancyRows(manager, scope, options.asOf)).map((row) => toVacancy(row, options.asOf));
    const only = vacancies.length > 0 && options.seekerFilter ? await options.seekerFilter(manager, vacancies) : null;
    const seekerRows = vacancies.length > 0 ? await this.seekerRows(manager, vacancies, only) : [];
    return this.complete(manager, vacancies, seekerRows, options, true);
  }

  /** Availability, busy days, blocked pairs and waiting time of the seekers around the vacancies. */
  private async complete(
    manager: EntityManager,
    vacancies: Vacancy[],
    seekerRows: SeekerRow[],
    options: InstanceOptions,
    withBusy: boolean,
  ): Promise<Instance> {
    const seekerIds = seekerRows.map((row) => row.id);
    const span = spanOf(vacancies);
    // One after the other: a transaction is one connection, and pg queues rather than parallelises.
    const availability = seekerIds.length > 0 ? await this.windows(manager, AVAILABILITY_SQL, seekerIds, span) : new Map<string, DateRange[]>();
    const busy = withBusy && seekerIds.length > 0 ? await this.windows(manager, BUSY_SQL, seekerIds, span) : new Map<string, DateRange[]>();
    const blockedPairs = seekerIds.length > 0 ? await this.blockedPairs(manager, vacancies, seekerIds.join(',')) : [];
    const lastPlacementEnds = seekerIds.length > 0 ? await this.lastPlacementEnds(manager, seekerIds, options.asOf) : new Map<string, string>();
    const seekers = seekerRows.map((row) =>
      toSeeker(row, availability.get(row.id) ?? [], busy.get(row.id) ?? [], lastPlacementEnds.get(row.id)),
    );
    return {
      vacancies,
      seekers,
      blockedPairs,
      asOf: options.asOf,
      ...(options.weights ? { weights: options.weights } : {}),
    };
  }

  /** Open gaps of active firms in scope: named complexes or named gaps, overlapping the horizon, without an open referral unless asked. */
  private vacancyRows(manager: EntityManager, scope: MatchScope, asOf: string, options: { withReferred?: boolean } = {}): Promise<VacancyRow[]> {
    return manager.query(
      `SELECT g.id, g.firm_id, g.site_lat, g.site_lng, g.placement_start, g.placement_end, g.vacancy_weekly_hours,
              g.hourly_wage, g.required_skills, g.preferred_skills, g.required_certifications, g.max_commute_minutes
       ${VACANCIES_IN_SCOPE_SQL}`,
      vacancyParameters(scope, asOf, options.withReferred ?? false),
    );
  }

  /** The gaps vacancyRows reads (no referred ones), each with its vacancy's JSON text (vacancyJsonSql) and what the seekers' read needs of it. */
  private async vacancyDocuments(manager: EntityManager, scope: MatchScope, asOf: string): Promise<VacancyPlace[]> {
    const rows: { id: string; lat: number; lng: number; start: string; end: string; document: string }[] = await manager.query(
      `SELECT g.id, g.site_lat AS lat, g.site_lng AS lng, greatest(g.placement_start, $1::date) AS start, g.placement_end AS "end",
              ${vacancyJsonSql('g', '$1::date')} AS document
       ${VACANCIES_IN_SCOPE_SQL}`,
      vacancyParameters(scope, asOf, false),
    );
    return rows.map(({ id, lat, lng, start, end, document }) => ({ id, location: { lat, lng }, start, end, document }));
  }

  /**
   * Active seekers whose home lies within 1.5 × their own commute reach of the box around the
   * vacancies' sites: a linear scan with no join, cheap even for a national pool. `only`, when
   * given, narrows them further to those seekers (see InstanceOptions.seekerFilter).
   */
  private seekerRows(manager: EntityManager, vacancies: readonly Vacancy[], only: readonly string[] | null): Promise<SeekerRow[]> {
    return manager.query(
      `SELECT ${SEEKER_COLUMNS}
       FROM seekers s
       WHERE s.status = 'active' AND ${seekerReachBoxSql('s', '$1', '$2', '$3', '$4')}
         AND ($5::uuid[] IS NULL OR s.id = ANY($5::uuid[]))
       ORDER BY id`,
      [...boxOf(vacancies.map((vacancy) => vacancy.location)), only],
    );
  }

  /** Date windows per seeker that touch the vacancies' span (others cannot matter). */
  private async windows(manager: EntityManager, sql: string, seekerIds: string[], span: DateRange): Promise<Map<string, DateRange[]>> {
    const rows: WindowRow[] = await manager.query(sql, [seekerIds, span.start, span.end]);
    const bySeeker = new Map<string, DateRange[]>();
    for (const row of rows) {
      const list = bySeeker.get(row.seeker_id) ?? [];
      list.push({ start: row.start, end: row.end });
      bySeeker.set(row.seeker_id, list);
    }
    return bySeeker;
  }

  /** The end of each seeker's last confirmed placement begun by `asOf`: waiting starts again there. */
  private async lastPlacementEnds(manager: EntityManager, seekerIds: string[], asOf: string): Promise<Map<string, string>> {
    const rows: { seeker_id: string; ended: string }[] = await manager.query(
      `SELECT seeker_id, max(upper(period)) - 1 AS ended FROM placements
       WHERE status = 'confirmed' AND seeker_id = ANY($1::uuid[]) AND lower(period) <= $2::date
       GROUP BY seeker_id`,
      [seekerIds, asOf],
    );
    return new Map(rows.map((row) => [row.seeker_id, row.ended]));
  }

  /** `seekerIdList`: the ids joined by commas, which the database splits (the driver's array literal of 50,000 held the loop). */
  private async blockedPairs(manager: EntityManager, vacancies: readonly { readonly id: string }[], seekerIdList: string): Promise<PairReference[]> {
    const rows: { leave_gap_id: string; seeker_id: string }[] = await manager.query(
      `SELECT leave_gap_id, seeker_id FROM rejected_pairs
       WHERE leave_gap_id = ANY(string_to_array($1, ',')::uuid[]) AND seeker_id = ANY(string_to_array($2, ',')::uuid[])
       ORDER BY leave_gap_id, seeker_id`,
      [vacancies.map((vacancy) => vacancy.id).join(','), seekerIdList],
    );
    return rows.map((row) => ({ vacancyId: row.leave_gap_id, seekerId: row.seeker_id }));
  }
}

/** The gaps a run (or the named-pairs check) matches: $1 asOf, $2 complex ids, $3 gap ids, $4 and $5 the horizon, $6 with referred ones, $7 the open referral statuses. */
const VACANCIES_IN_SCOPE_SQL = `FROM leave_gaps g JOIN firms f ON f.id = g.firm_id
  WHERE g.status = 'open' AND ${matchableGapSql('g', 'f', '$1')}
    AND (($2::uuid[] IS NULL AND $3::uuid[] IS NULL) OR f.complex_id = ANY($2::uuid[]) OR g.id = ANY($3::uuid[]))
    AND ($4::date IS NULL OR g.placement_end >= $4::date)
    AND ($5::date IS NULL OR g.placement_start <= $5::date)
    AND ($6 OR NOT EXISTS (SELECT 1 FROM referrals r WHERE r.leave_gap_id = g.id AND r.status = ANY($7::text[])))
  ORDER BY g.id`;

function vacancyParameters(scope: MatchScope, asOf: string, withReferred: boolean): unknown[] {
  const complexIds = scope.complexIds?.length ? scope.complexIds : null;
  const gapIds = scope.leaveGapIds?.length ? scope.leaveGapIds : null;
  return [asOf, complexIds, gapIds, scope.horizon?.from ?? null, scope.horizon?.to ?? null, withReferred, OPEN_REFERRAL_STATUSES];
}

/** A vacancy of a run's text: its JSON, and what selecting its seekers and blocked pairs reads. */
interface VacancyPlace extends DateRange {
  readonly id: string;
  readonly location: { readonly lat: number; readonly lng: number };
  readonly document: string;
}

const SEEKER_COLUMNS = `id, home_lat, home_lng, commute_mode, max_commute_minutes, skills, certifications,
  weekly_hours_min, weekly_hours_max, min_hourly_wage, blocked_firm_ids, waiting_since`;

const AVAILABILITY_SQL = `
  SELECT seeker_id, start_date AS start, end_date AS "end" FROM seeker_availability
  WHERE seeker_id = ANY($1::uuid[]) AND end_date >= $2::date AND start_date <= $3::date
  ORDER BY seeker_id, start_date, end_date`;

/**
 * Confirmed placements are busy days; `upper` of a canonical daterange is exclusive. So are the
 * periods of gaps a seeker has an open referral for: they may be hired there.
 */
const BUSY_SQL = `
  SELECT seeker_id, start, "end" FROM (
    SELECT seeker_id, lower(period) AS start, upper(period) - 1 AS "end" FROM placements
    WHERE status = 'confirmed' AND seeker_id = ANY($1::uuid[]) AND period && daterange($2::date, $3::date, '[]')
    UNION ALL
    SELECT r.seeker_id, g.placement_start, g.placement_end FROM referrals r JOIN leave_gaps g ON g.id = r.leave_gap_id
    WHERE r.status IN (${OPEN_REFERRAL_STATUSES.map((status) => `'${status}'`).join(', ')}) AND r.seeker_id = ANY($1::uuid[])
      AND g.placement_end >= $2::date AND g.placement_start <= $3::date
  ) busy
  ORDER BY seeker_id, start, "end"`;

/** The vacancies' sites' box: min lat, max lat, min lng, max lng. */
function boxOf(sites: readonly { readonly lat: number; readonly lng: number }[]): [number, number, number, number] {
  const lats = sites.map((site) => site.lat);
  const lngs = sites.map((site) => site.lng);
  return [Math.min(...lats), Math.max(...lats), Math.min(...lngs), Math.max(...lngs)];
}

function spanOf(vacancies: readonly DateRange[]): DateRange {
  return {
    start: vacancies.reduce((min, vacancy) => (vacancy.start < min ? vacancy.start : min), vacancies[0]?.start ?? '0001-01-01'),
    end: vacancies.reduce((max, vacancy) => (vacancy.end > max ? vacancy.end : max), vacancies[0]?.end ?? '0001-01-01'),
  };
}

const skillsOf = (skills: readonly SkillLevel[]): SkillLevel[] => skills.map(({ code, level }) => ({ code, level }));

/** A gap that has already started is matched for the days that remain (the contract's rule). */
export function toVacancy(row: VacancyRow, asOf: string): Vacancy {
  return {
    id: row.id,
    firmId: row.firm_id,
    location: { lat: row.site_lat, lng: row.site_lng },
    start: row.placement_start < asOf ? asOf : row.placement_start,
    end: row.placement_end,
    weeklyHours: row.vacancy_weekly_hours,
    hourlyWage: row.hourly_wage,
    requiredSkills: skillsOf(row.required_skills),
    preferredSkills: skillsOf(row.preferred_skills),
    requiredCertifications: row.required_certifications,
    ...(row.max_commute_minutes !== null ? { maxCommuteMinutes: row.max_commute_minutes } : {}),
  };
}

/** waitingSince per the contract: registered or last placement ended, whichever is later. */
function toSeeker(row: SeekerRow, availability: DateRange[], busy: DateRange[], lastPlacementEnd: string | undefined): Seeker {
  return {
    id: row.id,
    location: { lat: row.home_lat, lng: row.home_lng },
    commuteMode: row.commute_mode,
    maxCommuteMinutes: row.max_commute_minutes,
    skills: skillsOf(row.skills),
    certifications: row.certifications,
    availability,
    busy,
    weeklyHours: { min: row.weekly_hours_min, max: row.weekly_hours_max },
    ...(row.min_hourly_wage !== null ? { minHourlyWage: row.min_hourly_wage } : {}),
    blockedFirmIds: row.blocked_firm_ids,
    waitingSince: lastPlacementEnd !== undefined && lastPlacementEnd > row.waiting_since ? lastPlacementEnd : row.waiting_since,
  };
}
