import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { EntityManager, Repository } from 'typeorm';
import { firmScopeOf } from '../auth/ownership';
import type { Principal } from '../auth/principal';
import { codeReferences } from '../catalog/catalog-kinds';
import { CatalogService } from '../catalog/catalog.service';
import { ConflictError, DomainError, NotFoundError } from '../common/domain-error';
import { Page, toPage } from '../common/pagination';
import { containsPattern } from '../common/search-text';
import type { Firm } from '../firms/firm.entity';
import { FirmsService } from '../firms/firms.service';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { amendConfirmedPlacement } from '../placements/placement-amendment';
import { ProposalLifecycle } from '../proposals/proposal-lifecycle';
import { ReferralLifecycle } from '../referrals/referral-lifecycle';
import {
  CreateLeaveGapDto,
  LeaveGapResponse,
  ListFirmLeaveGapsQuery,
  ListLeaveGapsQuery,
  UpdateLeaveGapDto,
  toLeaveGapResponse,
} from './dto/leave-gap.dto';
import { cancelOpenLeaveGaps } from './cancel-open-leave-gaps';
import { LeaveGap } from './leave-gap.entity';
import { LeaveTerms, deriveVacancy, leaveLawViolations } from './leave-law';
import type { LeaveGapReader } from './leave-types';
import { LEAVE_GAP_EXPORT_COLUMNS } from './leave-gap-export';
import { pagedRows } from '../spreadsheets/paged-rows';
import { type SpreadsheetFormat, writeTable } from '../spreadsheets/table-writer';

/** What may change once a gap is filled: its dates (an extension, an early return, a moved birth). */
const AMENDABLE_WHEN_FILLED: ReadonlySet<keyof UpdateLeaveGapDto> = new Set([
  'leaveStart',
  'leaveEnd',
  'handoverDays',
  'afterReturnDays',
  'multipleBirth',
  'prematureBirth',
  'birthDate',
  'extendedParentalReason',
  'unusedParentalMonths',
]);

/** A condition on the alias `gap` and the values of its `$n` placeholders. */
interface SqlWhere {
  sql: string;
  params: unknown[];
  /** Set when the condition is at most one on the status: 'all', or the status's placeholder. */
  countedStatus?: string;
}

/** Deltas of the kept counts (or version tokens) beyond which a list request folds them (summing them stays cheap). */
const FOLD_COUNTS_AT = 64;
/** The list's version is a sum of random tokens modulo 2^53 (exact as a JavaScript number). */
const VERSION_MODULUS = '9007199254740992';
/** The version of `leave_gaps` in the statement's snapshot, and the tokens it sums (to fold them). */
const VERSION_SQL = `SELECT (coalesce(sum(token), 0) % ${VERSION_MODULUS})::bigint AS version, count(*)::int AS tokens FROM leave_gap_versions`;
/** Kept list pages: every status × the first pages of the usual sizes; at most ~20 MB of 100-gap pages. */
const PAGES_KEPT = 64;

@Injectable()
export class LeaveGapsService {
  /** The entity's columns as `gap.db_name AS "propertyName"`, from its metadata (made once). */
  private columns?: string;
  /** The entity's `timestamptz` properties (made once). */
  private timestampProperties?: string[];
  private folding = false;
  private foldingVersions = false;
  /** Unfiltered list pages with the version of `leave_gaps` they were read at (insertion order: oldest first). */
  private readonly pages = new Map<string, { version: number; page: Page<LeaveGapResponse> }>();

  constructor(
    @InjectRepository(LeaveGap) private readonly gaps: Repository<LeaveGap>,
    private readonly firms: FirmsService,
    private readonly catalog: CatalogService,
    private readonly proposals: ProposalLifecycle,
    private readonly referrals: ReferralLifecycle,
    private readonly idempotency: IdempotencyService,
  ) {}

  /**
   * Ownership comes from the token: a firm user posting for another firm gets a 404 for that firm.
   * With an Idempotency-Key, a retry after a lost answer gets the first gap instead of a second one.
   */
  async create(firmId: string, dto: CreateLeaveGapDto, principal: Principal, idempotencyKey?: string): Promise<LeaveGapResponse> {
    await this.firms.findActive(firmId, firmScopeOf(principal));
    // Before the transaction: the embedded database serves one connection at a time.
    await this.assertCreatable(dto);
    const request = { scope: `leave-gaps.create for ${firmId} by ${principal.subject}`, key: idempotencyKey, request: dto };
    return this.idempotency.run(request, async (manager) => {
      const { gap, firm } = await this.insertWithin(manager, firmId, dto, principal);
      return toLeaveGapResponse(gap, readerOf(principal), firm);
    });
  }

  /** The rules a new gap must pass before it is written: the leave law and catalogued codes (all broken ones at once). */
  async assertCreatable(dto: CreateLeaveGapDto, manager?: EntityManager): Promise<void> {
    assertLawful(newTerms(dto));
    await this.catalog.assertKnown(gapCodes(dto), manager);
  }

  /**
   * Writes a gap that passed assertCreatable within the caller's transaction (a sheet import
   * writes many in one), under the firm's row lock: a firm cancelled meanwhile either cancels
   * this gap too or refuses it.
   */
  async insertWithin(manager: EntityManager, firmId: string, dto: CreateLeaveGapDto, principal: Principal): Promise<{ gap: LeaveGap; firm: Firm }> {
    const firm = await this.firms.lockActive(manager, firmId, firmScopeOf(principal));
    const terms = newTerms(dto);
    const gap = manager.create(LeaveGap, {
      ...terms,
      ...storedVacancy(terms),
      firmId: firm.id,
      roleTitle: dto.roleTitle,
      requiredSkills: dto.requiredSkills,
      preferredSkills: dto.preferredSkills ?? [],
      requiredCertifications: dto.requiredCertifications ?? [],
      siteLat: dto.site?.lat ?? firm.siteLat,
      siteLng: dto.site?.lng ?? firm.siteLng,
      maxCommuteMinutes: dto.maxCommuteMinutes ?? null,
      status: 'open',
    });
    return { gap: await manager.save(gap), firm };
  }

  /** One gap with its warnings and the subsidy estimates for its firm. */
  async get(id: string, principal: Principal): Promise<LeaveGapResponse> {
    return this.withSubsidy(await this.find(id, firmScopeOf(principal)), principal);
  }

  /**
   * A firm user's list is confined to its own gaps, whatever the filters say. One statement
   * answers the page and its total, and its rows are read as plain objects: under 50 callers
   * the second round trip, TypeORM's query building and entity hydration were a large part of
   * a request's CPU (docs/operations-scale.md, "Lists and every request").
   */
  async list(query: ListLeaveGapsQuery, principal: Principal): Promise<Page<LeaveGapResponse>> {
    const where = await this.whereOf(query, principal);
    const reader = readerOf(principal);
    if (where.countedStatus !== undefined) return this.listKept(query, where, reader);
    // The page comes back as one json value: the driver parses one field with JSON.parse instead of
    // some 30 fields per row with a type parser each, which was a tenth of a list request's CPU.
    const [counted]: { total: number; deltas: number | null; items: Record<string, unknown>[] }[] = await this.gaps.manager.query(
      `SELECT counted.total, counted.deltas,
         (SELECT coalesce(json_agg(page ORDER BY page."placementStart", page.id), '[]') FROM (${this.pageSql(where, query.offset, query.pageSize)}) page) AS items
       FROM (${this.countSql(where)}) counted`,
      where.params,
    );
    if ((counted.deltas ?? 0) > FOLD_COUNTS_AT) this.foldCounts();
    return this.toListPage(query, counted.items, counted.total, reader);
  }

  /**
   * A list with no filter but the status (what a coordinator's list page asks most): the page is
   * kept with the version of `leave_gaps` it was read at, in the same statement (migration
   * 1795830000000-LeaveGapListVersion). A later request reads the version alone, in its own
   * snapshot, and answers the kept page when it is the same: equal versions mean no write to
   * `leave_gaps` committed between the two snapshots, so the kept answer is the one the database
   * would give. Every instance asks the database, so a write through another instance (or any SQL)
   * is seen at once. The version's statement is tiny: planning the page's was most of the
   * database's work per request even when only the version was wanted.
   */
  private async listKept(query: ListLeaveGapsQuery, where: SqlWhere, reader: LeaveGapReader): Promise<Page<LeaveGapResponse>> {
    const key = `${reader} ${query.status ?? ''} ${query.page} ${query.pageSize}`;
    const kept = this.pages.get(key);
    if (kept !== undefined) {
      const [current]: { version: string; tokens: number }[] = await this.gaps.manager.query(VERSION_SQL);
      if (current.tokens > FOLD_COUNTS_AT) this.foldVersions();
      if (Number(current.version) === kept.version) return kept.page;
    }
    const [read]: { version: string; tokens: number; total: number; deltas: number; items: Record<string, unknown>[] }[] = await this.gaps.manager.query(
      `SELECT versions.version, versions.tokens, counted.total, counted.deltas,
         (SELECT coalesce(json_agg(page ORDER BY page."placementStart", page.id), '[]') FROM (${this.pageSql(where, query.offset, query.pageSize)}) page) AS items
       FROM (${VERSION_SQL}) versions, (${this.countSql(where)}) counted`,
      where.params,
    );
    if (read.deltas > FOLD_COUNTS_AT) this.foldCounts();
    if (read.tokens > FOLD_COUNTS_AT) this.foldVersions();
    const page = deepFreeze(this.toListPage(query, read.items, read.total, reader));
    this.pages.delete(key);
    if (this.pages.size >= PAGES_KEPT) this.pages.delete(this.pages.keys().next().value as string);
    this.pages.set(key, { version: Number(read.version), page });
    return page;
  }

  private toListPage(query: ListLeaveGapsQuery, items: Record<string, unknown>[], total: number, reader: LeaveGapReader): Page<LeaveGapResponse> {
    return toPage(query, [items.map((item) => this.fromJson(item)), total], (gap) => toLeaveGapResponse(gap, reader));
  }

  /** Folds the version's tokens into one, in the background (the sum, so the version, stays). */
  private foldVersions(): void {
    if (this.foldingVersions) return;
    this.foldingVersions = true;
    this.gaps.manager
      .query(
        `WITH folded AS (DELETE FROM leave_gap_versions RETURNING token)
         INSERT INTO leave_gap_versions (token) SELECT sum(token) % ${VERSION_MODULUS} FROM folded HAVING count(*) > 0`,
      )
      .catch(() => undefined) // the next list request folds again
      .finally(() => (this.foldingVersions = false));
  }

  /** A gap read as json: its timestamps arrive as text and become Dates, as the driver makes them. */
  private fromJson(item: Record<string, unknown>): LeaveGap {
    this.timestampProperties ??= this.gaps.metadata.columns.filter((column) => column.type === 'timestamptz').map((column) => column.propertyName);
    for (const property of this.timestampProperties) if (typeof item[property] === 'string') item[property] = new Date(item[property] as string);
    return item as unknown as LeaveGap;
  }

  /**
   * The total: with no filter but the status, the sum of the per-status counts the triggers keep
   * (migration 1795691000000-LeaveGapCounts), whatever the table's size; else counted.
   */
  private countSql(where: SqlWhere): string {
    if (where.countedStatus === undefined) return `SELECT count(*)::int AS total, NULL::int AS deltas FROM leave_gaps gap WHERE ${where.sql}`;
    const status = where.countedStatus === 'all' ? 'true' : `status = ${where.countedStatus}`;
    return `SELECT coalesce(sum(n), 0)::int AS total, count(*)::int AS deltas FROM leave_gap_counts WHERE ${status}`;
  }

  /**
   * Folds the counts' deltas into one row per status, in the background. Safe beside writers and
   * other folds: each delta is deleted once, by whichever fold's DELETE reaches it first.
   */
  private foldCounts(): void {
    if (this.folding) return;
    this.folding = true;
    this.gaps.manager
      .query(
        `WITH folded AS (DELETE FROM leave_gap_counts RETURNING status, n)
         INSERT INTO leave_gap_counts (status, n) SELECT status, sum(n) FROM folded GROUP BY status`,
      )
      .catch(() => undefined) // the next list request folds again
      .finally(() => (this.folding = false));
  }

  /** Every gap the list's filters select, as a CSV or XLSX file, read a page at a time (no personal data: nothing to log). */
  async exportTable(query: ListLeaveGapsQuery, principal: Principal, format: SpreadsheetFormat): Promise<Buffer> {
    const where = await this.whereOf(query, principal);
    const reader = readerOf(principal);
    const rows = pagedRows(async (offset, limit) =>
      ((await this.gaps.manager.query(this.pageSql(where, offset, limit), where.params)) as LeaveGap[]).map((gap) =>
        toLeaveGapResponse(gap, reader),
      ),
    );
    return writeTable(format, '휴직 공백', LEAVE_GAP_EXPORT_COLUMNS, rows);
  }

  /** One window of the list in its order, each row's columns named as the entity's properties. */
  private pageSql(where: SqlWhere, offset: number, limit: number): string {
    this.columns ??= this.gaps.metadata.columns.map((column) => `gap.${column.databaseName} AS "${column.propertyName}"`).join(', ');
    const window = `LIMIT ${Math.trunc(limit)} OFFSET ${Math.trunc(offset)}`;
    return `SELECT ${this.columns} FROM leave_gaps gap WHERE ${where.sql} ORDER BY gap.placement_start, gap.id ${window}`;
  }

  /** The list's scope and filters as one SQL condition on `gap`, with its parameters. */
  private async whereOf(query: ListLeaveGapsQuery, principal: Principal): Promise<SqlWhere> {
    const conditions: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    const ownFirmId = firmScopeOf(principal);
    const reader = readerOf(principal);
    if (ownFirmId !== undefined) conditions.push(`gap.firm_id = ${param(ownFirmId)}`);
    if (query.complexId !== undefined) {
      conditions.push(`EXISTS (SELECT 1 FROM firms WHERE firms.id = gap.firm_id AND firms.complex_id = ${param(query.complexId)})`);
    }
    if (query.firmId !== undefined) conditions.push(`gap.firm_id = ${param(query.firmId)}`);
    const status = query.status === undefined ? undefined : param(query.status);
    if (status !== undefined) conditions.push(`gap.status = ${status}`);
    if (query.leaveType !== undefined) {
      // Only the firm knows a leave is for infertility treatment: to others it is, and filters as, "other".
      const types = reader === 'firm' ? [query.leaveType] : query.leaveType === 'other' ? ['other', 'infertility_treatment'] : query.leaveType === 'infertility_treatment' ? [] : [query.leaveType];
      conditions.push(types.length > 0 ? `gap.leave_type = ANY(${param(types)}::text[])` : 'false');
    }
    // Overlap with [from, to]: the placement period ends on/after `from` and starts on/before `to`.
    if (query.from !== undefined) conditions.push(`gap.placement_end >= ${param(query.from)}::date`);
    if (query.to !== undefined) conditions.push(`gap.placement_start <= ${param(query.to)}::date`);
    if (query.q) {
      // Role title, the firm's name, or a required or preferred skill or certification whose code or label matches.
      const codes = await this.catalog.codesMatching(query.q);
      const pattern = param(containsPattern(query.q));
      const any = [`gap.role_title ILIKE ${pattern}`, `EXISTS (SELECT 1 FROM firms WHERE firms.id = gap.firm_id AND firms.name ILIKE ${pattern})`];
      if (codes.length > 0) {
        const codeList = param(codes);
        any.push(
          `EXISTS (SELECT 1 FROM jsonb_array_elements(gap.required_skills || gap.preferred_skills) AS skill WHERE skill->>'code' = ANY(${codeList}::text[]))`,
          `gap.required_certifications && ${codeList}::text[]`,
        );
      }
      conditions.push(`(${any.join(' OR ')})`);
    }
    const countedStatus = conditions.length === 0 ? 'all' : conditions.length === 1 && status !== undefined ? status : undefined;
    return { sql: conditions.length > 0 ? conditions.join(' AND ') : 'true', params, countedStatus };
  }

  async listForFirm(firmId: string, query: ListFirmLeaveGapsQuery, principal: Principal): Promise<Page<LeaveGapResponse>> {
    const firm = await this.firms.find(firmId, firmScopeOf(principal));
    return this.list(Object.assign(new ListLeaveGapsQuery(), query, { firmId: firm.id }), principal);
  }

  /**
   * Changes an open gap, or the dates of a filled one together with its confirmed placement;
   * the law is checked on the gap as it would be after the change.
   */
  async update(id: string, dto: UpdateLeaveGapDto, principal: Principal): Promise<LeaveGapResponse> {
    const found = await this.find(id, firmScopeOf(principal));
    assertChangeable(found, dto);
    // Before the transaction: the embedded database serves one connection at a time.
    await this.catalog.assertKnown(gapCodes(dto));
    const saved = await this.gaps.manager.transaction(async (manager) => {
      // Read again under the row lock: a confirmation committed since the first read has filled
      // the gap, and then only its dates may change, with the placement's.
      const gap = await manager.findOneOrFail(LeaveGap, { where: { id: found.id }, lock: { mode: 'pessimistic_write' } });
      assertChangeable(gap, dto);
      const previousPeriod = { start: gap.placementStart, end: gap.placementEnd };
      const terms = mergedTerms(gap, dto);
      assertLawful(terms);
      Object.assign(gap, terms, storedVacancy(terms), {
        roleTitle: dto.roleTitle ?? gap.roleTitle,
        requiredSkills: dto.requiredSkills ?? gap.requiredSkills,
        preferredSkills: dto.preferredSkills ?? gap.preferredSkills,
        requiredCertifications: dto.requiredCertifications ?? gap.requiredCertifications,
        siteLat: dto.site?.lat ?? gap.siteLat,
        siteLng: dto.site?.lng ?? gap.siteLng,
        maxCommuteMinutes: mergeNullable(dto.maxCommuteMinutes, gap.maxCommuteMinutes),
      });
      const saved = await manager.save(gap);
      if (gap.status === 'filled') {
        await amendConfirmedPlacement(manager, gap.id, { previous: previousPeriod, next: { start: gap.placementStart, end: gap.placementEnd } });
      } else {
        // Open proposals were found feasible for the gap as it was; confirming one now could place
        // a seeker on days or terms the engine never checked. The next run proposes afresh.
        await this.proposals.supersedeOpen(manager, { leaveGapIds: [gap.id] }, 'gap_changed', 'the leave gap changed');
        await this.referrals.withdrawOpen(manager, { leaveGapIds: [gap.id] }, 'gap_changed');
      }
      return saved;
    });
    return this.withSubsidy(saved, principal);
  }

  /** The leave is off: an open gap is cancelled (twice is harmless); a filled one needs its placement cancelled first. */
  async cancel(id: string, principal: Principal): Promise<LeaveGapResponse> {
    const withinFirm = firmScopeOf(principal);
    const found = await this.find(id, withinFirm);
    if (found.status === 'open') {
      await this.gaps.manager.transaction((manager) => cancelOpenLeaveGaps(manager, this.proposals, this.referrals, { gapId: found.id }));
    }
    const gap = found.status === 'open' ? await this.find(id, withinFirm) : found;
    if (gap.status === 'filled') {
      throw new ConflictError('leave_gap.filled', `leave gap ${id} is filled: cancel its placement first`);
    }
    return this.withSubsidy(gap, principal);
  }

  /** The gap, or a 404 (also for an id that is not a uuid, or a gap of another firm than `withinFirm`). */
  async find(id: string, withinFirm?: string): Promise<LeaveGap> {
    const gap = isUUID(id) ? await this.gaps.findOneBy({ id, ...(withinFirm !== undefined && { firmId: withinFirm }) }) : null;
    if (!gap) throw new NotFoundError('leave_gap', id);
    return gap;
  }

  private async withSubsidy(gap: LeaveGap, principal: Principal): Promise<LeaveGapResponse> {
    return toLeaveGapResponse(gap, readerOf(principal), await this.firms.find(gap.firmId));
  }
}

/** A kept page is answered to every later caller: nothing may change it. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

function readerOf(principal: Principal): LeaveGapReader {
  return principal.role === 'firm' ? 'firm' : 'coordinator';
}

/** An open gap changes freely; a filled one only in its dates; a cancelled one not at all. */
function assertChangeable(gap: LeaveGap, dto: UpdateLeaveGapDto): void {
  if (gap.status === 'open') return;
  const locked = (Object.keys(dto) as (keyof UpdateLeaveGapDto)[]).filter((key) => dto[key] !== undefined && !AMENDABLE_WHEN_FILLED.has(key));
  if (gap.status === 'filled' && locked.length === 0) return;
  const detail =
    gap.status === 'filled'
      ? `leave gap ${gap.id} is filled: only its dates can change (not ${locked.join(', ')})`
      : `leave gap ${gap.id} is ${gap.status} and can no longer change`;
  throw new ConflictError('leave_gap.not_open', detail, { status: gap.status, ...(gap.status === 'filled' && { lockedFields: locked }) });
}

function newTerms(dto: CreateLeaveGapDto): LeaveTerms {
  return {
    leaveType: dto.leaveType,
    leaveStart: dto.leaveStart,
    leaveEnd: dto.leaveEnd,
    handoverDays: dto.handoverDays ?? 0,
    afterReturnDays: dto.afterReturnDays ?? 0,
    multipleBirth: dto.multipleBirth ?? false,
    prematureBirth: dto.prematureBirth ?? false,
    birthDate: dto.birthDate ?? null,
    extendedParentalReason: dto.extendedParentalReason ?? null,
    unusedParentalMonths: dto.unusedParentalMonths ?? null,
    weeklyHours: dto.weeklyHours,
    reducedWeeklyHours: dto.reducedWeeklyHours ?? null,
    hourlyWage: dto.hourlyWage,
  };
}

function mergedTerms(gap: LeaveGap, dto: UpdateLeaveGapDto): LeaveTerms {
  return {
    leaveType: dto.leaveType ?? gap.leaveType,
    leaveStart: dto.leaveStart ?? gap.leaveStart,
    leaveEnd: dto.leaveEnd ?? gap.leaveEnd,
    handoverDays: dto.handoverDays ?? gap.handoverDays,
    afterReturnDays: dto.afterReturnDays ?? gap.afterReturnDays,
    multipleBirth: dto.multipleBirth ?? gap.multipleBirth,
    prematureBirth: dto.prematureBirth ?? gap.prematureBirth,
    birthDate: mergeNullable(dto.birthDate, gap.birthDate),
    extendedParentalReason: mergeNullable(dto.extendedParentalReason, gap.extendedParentalReason),
    unusedParentalMonths: mergeNullable(dto.unusedParentalMonths, gap.unusedParentalMonths),
    weeklyHours: dto.weeklyHours ?? gap.weeklyHours,
    reducedWeeklyHours: mergeNullable(dto.reducedWeeklyHours, gap.reducedWeeklyHours),
    hourlyWage: dto.hourlyWage ?? gap.hourlyWage,
  };
}

/** In a PATCH, absent keeps the current value and null clears it. */
function mergeNullable<T>(patch: T | null | undefined, current: T | null): T | null {
  return patch === undefined ? current : patch;
}

function storedVacancy(terms: LeaveTerms): Pick<LeaveGap, 'placementStart' | 'placementEnd' | 'vacancyWeeklyHours'> {
  const vacancy = deriveVacancy(terms);
  return {
    placementStart: vacancy.placementStart,
    placementEnd: vacancy.placementEnd,
    vacancyWeeklyHours: vacancy.weeklyHours,
  };
}

/**
 * One 400 for all broken rules: `code` is the first rule's, `errors` names every field and
 * `details.violations` lists each rule's code.
 */
function assertLawful(terms: LeaveTerms): void {
  const violations = leaveLawViolations(terms);
  if (violations.length === 0) return;
  throw new DomainError(
    'validation',
    violations[0].code,
    violations.map((violation) => violation.message).join('; '),
    violations.map(({ field, code, message }) => ({ field, code, message })),
    { violations },
  );
}

/** The catalogue codes a gap's body names (only the lists it sends). */
function gapCodes(dto: UpdateLeaveGapDto) {
  return codeReferences({
    requiredSkills: { kind: 'skill', items: dto.requiredSkills },
    preferredSkills: { kind: 'skill', items: dto.preferredSkills },
    requiredCertifications: { kind: 'certification', items: dto.requiredCertifications },
  });
}
