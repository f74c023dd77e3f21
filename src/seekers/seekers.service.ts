import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { Brackets, DataSource, EntityManager, In, Repository, SelectQueryBuilder } from 'typeorm';
import { AccessLogService } from '../access-log/access-log.service';
import { codeReferences } from '../catalog/catalog-kinds';
import { CatalogService } from '../catalog/catalog.service';
import { GeocodingService } from '../geocoding/geocoding.service';
import { seekerScopeOf } from '../auth/ownership';
import type { Principal } from '../auth/principal';
import { ConflictError, DomainError, NotFoundError } from '../common/domain-error';
import { Page, toPage } from '../common/pagination';
import { containsPattern, initialsQuery, nameInitials, phoneDigitsQuery } from '../common/search-text';
import { Clock } from '../clock/clock';
import { ProposalLifecycle } from '../proposals/proposal-lifecycle';
import { ReferralLifecycle } from '../referrals/referral-lifecycle';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { AvailabilityWindowDto, AvailabilityWindowResponse, toAvailabilityWindowResponse } from './dto/availability.dto';
import {
  CreateSeekerDto,
  ListSeekersQuery,
  SEEKER_PERSONAL_FIELDS,
  SeekerResponse,
  UpdateSeekerDto,
  toSeekerResponse,
} from './dto/seeker.dto';
import { SeekerAvailability } from './seeker-availability.entity';
import { Seeker } from './seeker.entity';
import { seekerRuleViolations } from './seeker-rules';
import { SEEKER_EXPORT_COLUMNS } from './seeker-export';
import { pagedRows } from '../spreadsheets/paged-rows';
import { type SpreadsheetFormat, writeTable } from '../spreadsheets/table-writer';

@Injectable()
export class SeekersService {
  constructor(
    @InjectRepository(Seeker) private readonly seekers: Repository<Seeker>,
    @InjectRepository(SeekerAvailability) private readonly windows: Repository<SeekerAvailability>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly accessLog: AccessLogService,
    private readonly catalog: CatalogService,
    private readonly geocoding: GeocodingService,
    private readonly proposals: ProposalLifecycle,
    private readonly referrals: ReferralLifecycle,
    private readonly clock: Clock,
    private readonly idempotency: IdempotencyService,
  ) {}

  /**
   * The seeker and their availability windows in one transaction: all or nothing, and the
   * answer read inside it (after a commit, an outage cannot turn a stored seeker into an
   * error). With an Idempotency-Key a retry gets the same seeker instead of a second one; the
   * key keeps only the seeker's id, never their personal data.
   */
  async create(dto: CreateSeekerDto, principal: Principal, idempotencyKey?: string): Promise<SeekerResponse> {
    const request = { scope: `seekers.create by ${principal.subject}`, key: idempotencyKey, request: dto };
    return this.idempotency.run(
      request,
      // The registering coordinator just sent these data: echoing them back is not a read to log.
      async (manager) => this.responseOf(await this.insertWithin(manager, dto), manager),
      undefined,
      { store: (answer) => ({ seekerId: answer.id }), replay: async (stored) => this.responseOf((stored as { seekerId: string }).seekerId) },
    );
  }

  /** The seeker as stored, for whoever just created it (sign-up answers with it); read in `manager`'s transaction when given. */
  async responseOf(id: string, manager: EntityManager = this.dataSource.manager): Promise<SeekerResponse> {
    const seeker = await manager.findOneBy(Seeker, { id });
    if (!seeker) throw new NotFoundError('seeker', id);
    const windows = await manager.find(SeekerAvailability, { where: { seekerId: id }, order: { startDate: 'ASC', id: 'ASC' } });
    return toSeekerResponse(seeker, windows);
  }

  /**
   * Inserts the seeker and their availability within the caller's transaction (seeker sign-up
   * creates the account in the same one); the new seeker's id. The catalogue is read through
   * the same transaction: the embedded database serves one connection at a time.
   */
  async insertWithin(manager: EntityManager, dto: CreateSeekerDto): Promise<string> {
    const availability = dto.availability ?? [];
    assertSeekerRules({ weeklyHours: dto.weeklyHours, availability });
    await this.catalog.assertKnown(seekerCodes(dto), manager);
    const home = dto.home ?? (await this.geocoding.locate(dto.address!, 'address'));
    const seeker = await manager.save(
      manager.create(Seeker, {
        displayName: dto.displayName,
        nameInitials: nameInitials(dto.displayName),
        phone: dto.phone,
        email: dto.email ?? null,
        homeLat: home.lat,
        homeLng: home.lng,
        commuteMode: dto.commuteMode,
        maxCommuteMinutes: dto.maxCommuteMinutes,
        skills: dto.skills,
        certifications: dto.certifications ?? [],
        weeklyHoursMin: dto.weeklyHours.min,
        weeklyHoursMax: dto.weeklyHours.max,
        minHourlyWage: dto.minHourlyWage ?? null,
        blockedFirmIds: dto.blockedFirmIds ?? [],
        consentAt: new Date(),
        status: 'active',
        waitingSince: dto.waitingSince ?? this.clock.today(),
      }),
    );
    if (availability.length > 0) {
      await manager.insert(
        SeekerAvailability,
        availability.map((window) => ({ seekerId: seeker.id, startDate: window.start, endDate: window.end })),
      );
    }
    return seeker.id;
  }

  /** A seeker reads their own profile; anyone else's read is written to the access log before it is answered. */
  async get(id: string, principal: Principal): Promise<SeekerResponse> {
    const seeker = await this.findVisible(id, principal);
    await this.recordRead(principal, [seeker], 'seekers.get', SEEKER_PERSONAL_FIELDS);
    return toSeekerResponse(seeker, await this.windowsOf([seeker.id]));
  }

  async list(query: ListSeekersQuery, principal: Principal): Promise<Page<SeekerResponse>> {
    const [rows, total] = await (await this.filtered(query, principal)).skip(query.offset).take(query.pageSize).getManyAndCount();
    const windows = await this.windowsOf(rows.map((seeker) => seeker.id));
    await this.recordRead(principal, rows, 'seekers.list', SEEKER_PERSONAL_FIELDS);
    return toPage(query, [rows, total], (seeker) =>
      toSeekerResponse(
        seeker,
        windows.filter((window) => window.seekerId === seeker.id),
      ),
    );
  }

  /**
   * Every seeker the list's filters select, as a CSV or XLSX file, read a page at a time; the
   * read is one bulk access-log entry, written before the file is answered.
   */
  async exportTable(query: ListSeekersQuery, principal: Principal, format: SpreadsheetFormat): Promise<Buffer> {
    const builder = await this.filtered(query, principal);
    const read: Seeker[] = [];
    const rows = pagedRows(async (offset, limit) => {
      const seekers = await builder.clone().skip(offset).take(limit).getMany();
      const windows = await this.windowsOf(seekers.map((seeker) => seeker.id));
      read.push(...seekers);
      return seekers.map((seeker) => toSeekerResponse(seeker, windows.filter((window) => window.seekerId === seeker.id)));
    });
    const file = await writeTable(format, '구직자', SEEKER_EXPORT_COLUMNS, rows);
    await this.recordRead(principal, read, 'seekers.export', SEEKER_PERSONAL_FIELDS);
    return file;
  }

  /** The list's scope, filters and order, before paging. */
  private async filtered(query: ListSeekersQuery, principal: Principal): Promise<SelectQueryBuilder<Seeker>> {
    const ownSeekerId = seekerScopeOf(principal);
    const builder = this.seekers.createQueryBuilder('seeker');
    if (ownSeekerId !== undefined) builder.andWhere('seeker.id = :ownSeekerId', { ownSeekerId });
    if (query.status !== undefined) builder.andWhere('seeker.status = :status', { status: query.status });
    if (query.q) await this.whereMatches(builder, query.q);
    return builder.orderBy('seeker.createdAt', 'ASC').addOrderBy('seeker.id', 'ASC');
  }

  /** Name (or its initial consonants), phone digits, or a skill or certification whose code or label matches. */
  private async whereMatches(builder: SelectQueryBuilder<Seeker>, q: string): Promise<void> {
    const initials = initialsQuery(q);
    if (initials !== undefined) {
      builder.andWhere('seeker.name_initials LIKE :initials', { initials: containsPattern(initials) });
      return;
    }
    const digits = phoneDigitsQuery(q);
    const codes = await this.catalog.codesMatching(q);
    builder.andWhere(
      new Brackets((any) => {
        any.where('seeker.display_name ILIKE :pattern', { pattern: containsPattern(q) });
        if (digits !== undefined) any.orWhere(`regexp_replace(seeker.phone, '\\D', '', 'g') LIKE :digits`, { digits: containsPattern(digits) });
        if (codes.length > 0) {
          any.orWhere(`EXISTS (SELECT 1 FROM jsonb_array_elements(seeker.skills) AS skill WHERE skill->>'code' = ANY(:codes))`, { codes });
          any.orWhere('seeker.certifications && :codes::text[]', { codes });
        }
      }),
    );
  }

  async update(id: string, dto: UpdateSeekerDto, principal: Principal): Promise<SeekerResponse> {
    if (principal.role !== 'coordinator' && dto.waitingSince !== undefined) {
      // Matching favours those waiting longest: only the Talent Bank may set it.
      throw new DomainError('forbidden', 'seeker.waiting_since_reserved', 'only a coordinator may set waitingSince', [
        { field: 'waitingSince', code: 'seeker.waiting_since_reserved', message: 'only a coordinator may set waitingSince' },
      ]);
    }
    // Outside the row lock's transaction: the embedded database serves one connection at a time.
    await this.catalog.assertKnown(seekerCodes(dto));
    const home = dto.home ?? (dto.address !== undefined ? await this.geocoding.locate(dto.address, 'address') : undefined);
    await this.changeLocked(id, principal, async (manager, seeker) => {
      const weeklyHours = dto.weeklyHours ?? { min: seeker.weeklyHoursMin, max: seeker.weeklyHoursMax };
      assertSeekerRules({ weeklyHours });
      Object.assign(seeker, {
        displayName: dto.displayName ?? seeker.displayName,
        nameInitials: nameInitials(dto.displayName ?? seeker.displayName),
        phone: dto.phone ?? seeker.phone,
        email: dto.email === undefined ? seeker.email : dto.email,
        homeLat: home?.lat ?? seeker.homeLat,
        homeLng: home?.lng ?? seeker.homeLng,
        commuteMode: dto.commuteMode ?? seeker.commuteMode,
        maxCommuteMinutes: dto.maxCommuteMinutes ?? seeker.maxCommuteMinutes,
        skills: dto.skills ?? seeker.skills,
        certifications: dto.certifications ?? seeker.certifications,
        weeklyHoursMin: weeklyHours.min,
        weeklyHoursMax: weeklyHours.max,
        minHourlyWage: dto.minHourlyWage === undefined ? seeker.minHourlyWage : dto.minHourlyWage,
        blockedFirmIds: dto.blockedFirmIds ?? seeker.blockedFirmIds,
        waitingSince: dto.waitingSince ?? seeker.waitingSince,
        status: dto.status ?? seeker.status,
      });
      await manager.save(seeker);
    });
    return this.get(id, principal);
  }

  async listAvailability(seekerId: string, principal: Principal): Promise<AvailabilityWindowResponse[]> {
    const seeker = await this.findVisible(seekerId, principal);
    await this.recordRead(principal, [seeker], 'seekers.availability', ['availability']);
    return (await this.windowsOf([seeker.id])).map(toAvailabilityWindowResponse);
  }

  /** Adds one window: on a phone, adding and removing single windows beats resending the list. */
  /** With an Idempotency-Key, a retry after a lost answer (a phone losing its signal) gets the first window, not a second. */
  async addAvailability(seekerId: string, dto: AvailabilityWindowDto, principal: Principal, idempotencyKey?: string): Promise<AvailabilityWindowResponse> {
    assertSeekerRules({ availability: [dto] }, (field) => field.replace(/^availability\[0\]\./, ''));
    const request = { scope: `seekers.availability.create for ${seekerId} by ${principal.subject}`, key: idempotencyKey, request: dto };
    return this.changeLocked(
      seekerId,
      principal,
      async (manager, seeker) =>
        toAvailabilityWindowResponse(await manager.save(manager.create(SeekerAvailability, { seekerId: seeker.id, startDate: dto.start, endDate: dto.end }))),
      (work) => this.idempotency.run(request, work),
    );
  }

  async removeAvailability(seekerId: string, windowId: string, principal: Principal): Promise<void> {
    await this.changeLocked(seekerId, principal, async (manager, seeker) => {
      const window = isUUID(windowId) ? await manager.findOneBy(SeekerAvailability, { id: windowId, seekerId: seeker.id }) : null;
      if (!window) throw new NotFoundError('availability_window', windowId);
      await manager.delete(SeekerAvailability, { id: window.id });
    });
  }

  /**
   * A change to the seeker or their availability, made under the seeker's row lock (the one a
   * withdrawal and a confirm take), so that it either lands before a withdrawal, and is erased
   * with it, or sees the withdrawal and is refused. Open proposals the change breaks retire.
   */
  private async changeLocked<T>(
    id: string,
    principal: Principal,
    change: (manager: EntityManager, seeker: Seeker) => Promise<T>,
    /** The transaction to run in; an idempotent request supplies its own. */
    transaction: (work: (manager: EntityManager) => Promise<T>) => Promise<T> = (work) => this.dataSource.transaction(work),
  ): Promise<T> {
    const visible = await this.findVisible(id, principal);
    return transaction(async (manager) => {
      await manager.query(`SELECT id FROM seekers WHERE id = $1 FOR NO KEY UPDATE`, [visible.id]);
      const seeker = await manager.findOneByOrFail(Seeker, { id: visible.id });
      if (seeker.status === 'withdrawn') throw new ConflictError('seeker.withdrawn', `seeker ${id} has withdrawn`);
      const result = await change(manager, seeker);
      const now = await manager.findOneByOrFail(Seeker, { id: seeker.id });
      if (now.status === 'active') await this.proposals.retireInfeasible(manager, seeker.id, this.clock.today());
      else {
        await this.proposals.supersedeOpen(manager, { seekerId: seeker.id }, 'seeker_not_active', `the seeker is ${now.status}`);
        await this.referrals.withdrawOpen(manager, { seekerId: seeker.id }, 'seeker_unavailable');
      }
      return result;
    });
  }

  /**
   * PIPA withdrawal: the personal fields are erased and the availability deleted in one
   * transaction; the row stays so that placements remain as anonymous history. Open proposals
   * for the seeker are superseded. Refused (409) while a confirmed placement has not ended:
   * the coordinator cancels it first. Withdrawing twice is harmless.
   */
  async withdraw(id: string, principal: Principal): Promise<void> {
    const seeker = await this.findVisible(id, principal);
    if (seeker.status === 'withdrawn') return;
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT id FROM seekers WHERE id = $1 FOR UPDATE`, [seeker.id]);
      const [ongoing] = await manager.query(
        `SELECT id FROM placements WHERE seeker_id = $1 AND status = 'confirmed' AND upper(period) > $2::date LIMIT 1`,
        [seeker.id, this.clock.today()],
      );
      if (ongoing) {
        throw new ConflictError('seeker.placement_ongoing', 'the seeker has a confirmed placement that has not ended: cancel it first', {
          placementId: ongoing.id,
        });
      }
      await manager.delete(SeekerAvailability, { seekerId: seeker.id });
      await this.proposals.supersedeOpen(manager, { seekerId: seeker.id }, 'seeker_withdrew', 'the seeker withdrew');
      await this.referrals.withdrawOpen(manager, { seekerId: seeker.id }, 'seeker_unavailable');
      await manager.query(ERASE_FROM_STORED_INSTANCES, [seeker.id]);
      await manager.update(Seeker, { id: seeker.id }, {
        displayName: null,
        nameInitials: null,
        phone: null,
        email: null,
        homeLat: null,
        homeLng: null,
        skills: [],
        certifications: [],
        blockedFirmIds: [],
        minHourlyWage: null,
        status: 'withdrawn',
        withdrawnAt: new Date(),
      });
    });
  }

  /** The seeker, or a 404 (also for an id that is not a uuid, or another seeker than `withinSeeker`). */
  async find(id: string, withinSeeker?: string): Promise<Seeker> {
    const visible = isUUID(id) && (withinSeeker === undefined || withinSeeker === id);
    const seeker = visible ? await this.seekers.findOneBy({ id }) : null;
    if (!seeker) throw new NotFoundError('seeker', id);
    return seeker;
  }

  /** A seeker user sees only themself, and no longer once withdrawn; coordinators see every row. */
  private async findVisible(id: string, principal: Principal): Promise<Seeker> {
    const ownSeekerId = seekerScopeOf(principal);
    const seeker = await this.find(id, ownSeekerId);
    if (ownSeekerId !== undefined && seeker.status === 'withdrawn') throw new NotFoundError('seeker', id);
    return seeker;
  }

  /** Access log (PIPA) for reads by anyone but the seeker; withdrawn rows hold nothing personal. */
  private recordRead(principal: Principal, seekers: readonly Seeker[], action: string, fields: readonly string[]): Promise<void> {
    const withData = seekers.filter((seeker) => seeker.status !== 'withdrawn').map((seeker) => seeker.id);
    return this.accessLog.recordRead(principal, withData, { action, fields });
  }

  private windowsOf(seekerIds: string[]): Promise<SeekerAvailability[]> {
    if (seekerIds.length === 0) return Promise.resolve([]);
    return this.windows.find({ where: { seekerId: In(seekerIds) }, order: { startDate: 'ASC', id: 'ASC' } });
  }
}

/**
 * Match runs keep the instance they solved, with each seeker's home, skills, wage wish and
 * commute times: erasure must reach those copies too. The seeker leaves the instance whole
 * (with their blocked pairs and commute minutes), so the rest still loads in the CLI. The text
 * is parsed only for the runs that name the seeker.
 */
const ERASE_FROM_STORED_INSTANCES = `
  UPDATE match_runs AS run SET instance = (doc
      || jsonb_build_object('seekers', ${withoutSeeker('seekers', 'id')})
      || CASE WHEN doc->'blockedPairs' IS NULL THEN '{}'::jsonb
              ELSE jsonb_build_object('blockedPairs', ${withoutSeeker('blockedPairs', 'seekerId')}) END
      || CASE WHEN doc->'commuteMinutes' IS NULL THEN '{}'::jsonb
              ELSE jsonb_build_object('commuteMinutes', ${withoutSeeker('commuteMinutes', 'seekerId')}) END)::text,
    instance_seeker_ids = array_remove(run.instance_seeker_ids, $1::uuid)
  FROM (SELECT id, instance::jsonb AS doc FROM match_runs WHERE $1::uuid = ANY(instance_seeker_ids)) AS parsed
  WHERE run.id = parsed.id`;

function withoutSeeker(list: string, idField: string): string {
  return `COALESCE((SELECT jsonb_agg(item ORDER BY position) FROM jsonb_array_elements(doc->'${list}') WITH ORDINALITY AS element(item, position)
    WHERE item->>'${idField}' <> $1::text), '[]'::jsonb)`;
}

function assertSeekerRules(
  input: Parameters<typeof seekerRuleViolations>[0],
  fieldOf: (field: string) => string = (field) => field,
): void {
  const problems = seekerRuleViolations(input);
  if (problems.length === 0) return;
  throw new DomainError(
    'validation',
    problems[0].code,
    problems.map((problem) => problem.message).join('; '),
    problems.map(({ field, code, message }) => ({ field: fieldOf(field), code, message })),
  );
}

/** The catalogue codes a seeker's body names (only the lists it sends). */
function seekerCodes(dto: Pick<CreateSeekerDto, 'skills' | 'certifications'> | UpdateSeekerDto) {
  return codeReferences({
    skills: { kind: 'skill', items: dto.skills },
    certifications: { kind: 'certification', items: dto.certifications },
  });
}
