import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { DataSource, EntityManager } from 'typeorm';
import { AccessLogService } from '../access-log/access-log.service';
import type { Principal } from '../auth/principal';
import { NotFoundError } from '../common/domain-error';
import { Page } from '../common/pagination';
import { ListReferralsQuery, ReferralDetailResponse, ReferralResponse, ReferralStepResponse } from './dto/referral.dto';
import { isFirmFlagged, retentionDueOn } from './referral-rules';
import type { ReferralStatus } from './referral-states';
import type { ReferralActorRole } from './referral-step.entity';
import { pagedRows } from '../spreadsheets/paged-rows';
import { type SpreadsheetFormat, writeTable } from '../spreadsheets/table-writer';
import { REFERRAL_EXPORT_COLUMNS } from './referral-export';

interface ReferralRow {
  id: string;
  proposal_id: string;
  leave_gap_id: string;
  seeker_id: string;
  firm_id: string;
  status: ReferralStatus;
  reason_code: string | null;
  placement_id: string | null;
  start_date: string | null;
  ended_on: string | null;
  offered_at: Date;
  status_changed_at: Date;
  role_title: string;
  placement_start: string;
  placement_end: string;
  firm_name: string;
  display_name: string | null;
  uncoded_declines: number;
}

interface StepRow {
  status: ReferralStatus;
  reason_code: string | null;
  coordinator_note: string | null;
  effective_date: string | null;
  actor_role: ReferralActorRole;
  occurred_at: Date;
}

const SELECT = `
  SELECT r.id, r.proposal_id, r.leave_gap_id, r.seeker_id, r.firm_id, r.status, r.reason_code, r.placement_id, r.start_date,
         r.ended_on, r.offered_at, r.status_changed_at, g.role_title, g.placement_start, g.placement_end, f.name AS firm_name,
         s.display_name,
         (SELECT count(*) FROM referrals d WHERE d.firm_id = r.firm_id AND d.status = 'firm_declined' AND d.reason_code IS NULL)::int AS uncoded_declines
  FROM referrals r JOIN leave_gaps g ON g.id = r.leave_gap_id JOIN firms f ON f.id = r.firm_id JOIN seekers s ON s.id = r.seeker_id`;

/** The fields a firm reads about a referred seeker: what the access log records. */
const FIRM_READ_FIELDS = ['displayName'] as const;

/**
 * Read side of referrals. Whose referrals a reader sees is part of the query: a seeker their
 * own, a firm those of its own gaps once the seeker accepted, a coordinator all.
 */
@Injectable()
export class ReferralReadsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly accessLog: AccessLogService,
  ) {}

  async list(query: ListReferralsQuery, principal: Principal): Promise<Page<ReferralResponse>> {
    const where = filtered(query, principal);
    const [{ total }]: { total: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM referrals r JOIN firms f ON f.id = r.firm_id WHERE ${where.sql}`,
      where.params,
    );
    const rows: ReferralRow[] = await this.dataSource.query(
      `${SELECT} WHERE ${where.sql} ORDER BY r.status_changed_at DESC, r.id LIMIT ${query.pageSize} OFFSET ${query.offset}`,
      where.params,
    );
    await this.logFirmRead(principal, rows, 'referrals.list');
    return { items: rows.map((row) => toResponse(row, principal)), page: query.page, pageSize: query.pageSize, total };
  }

  /** Every referral the list's filters select, as a CSV or XLSX file, read a page at a time; a firm's read is logged once. */
  async exportTable(query: ListReferralsQuery, principal: Principal, format: SpreadsheetFormat): Promise<Buffer> {
    const where = filtered(query, principal);
    const read: ReferralRow[] = [];
    const rows = pagedRows(async (offset, limit) => {
      const page: ReferralRow[] = await this.dataSource.query(
        `${SELECT} WHERE ${where.sql} ORDER BY r.status_changed_at DESC, r.id LIMIT ${limit} OFFSET ${offset}`,
        where.params,
      );
      read.push(...page);
      return page.map((row) => toResponse(row, principal));
    });
    const file = await writeTable(format, '알선', REFERRAL_EXPORT_COLUMNS, rows);
    await this.logFirmRead(principal, read, 'referrals.export');
    return file;
  }

  async detail(id: string, principal: Principal, manager: EntityManager = this.dataSource.manager): Promise<ReferralDetailResponse> {
    const row = await this.visibleRow(id, principal, manager);
    const steps: StepRow[] = await manager.query(
      `SELECT status, reason_code, coordinator_note, effective_date, actor_role, occurred_at FROM referral_steps WHERE referral_id = $1 ORDER BY id`,
      [row.id],
    );
    await this.logFirmRead(principal, [row], 'referrals.get', manager);
    return { ...toResponse(row, principal), steps: steps.map((step) => toStepResponse(step, principal)) };
  }

  /** The referral if the principal may see it, else a 404 (also for an id that is not a uuid). */
  async visibleRow(id: string, principal: Principal, manager: EntityManager = this.dataSource.manager): Promise<ReferralRow> {
    const where = new Conditions(principal);
    const [row]: ReferralRow[] = isUUID(id) ? await manager.query(`${SELECT} WHERE ${where.add('r.id = $?', id).sql}`, where.params) : [];
    if (!row) throw new NotFoundError('referral', id);
    return row;
  }

  private async logFirmRead(principal: Principal, rows: ReferralRow[], action: string, manager?: EntityManager): Promise<void> {
    if (principal.role !== 'firm') return;
    const named = rows.filter((row) => row.display_name !== null).map((row) => row.seeker_id);
    await this.accessLog.recordRead(principal, named, { action, fields: FIRM_READ_FIELDS }, manager);
  }
}

/** What the principal may see, narrowed by the list's filters. */
function filtered(query: ListReferralsQuery, principal: Principal): Conditions {
  const where = new Conditions(principal);
  if (query.status !== undefined) where.add('r.status = $?', query.status);
  if (query.firmId !== undefined) where.add('r.firm_id = $?', query.firmId);
  if (query.leaveGapId !== undefined) where.add('r.leave_gap_id = $?', query.leaveGapId);
  if (query.seekerId !== undefined) where.add('r.seeker_id = $?', query.seekerId);
  if (query.complexId !== undefined) where.add('f.complex_id = $?', query.complexId);
  return where;
}

/** SQL conditions with numbered parameters, starting with what the principal may see. */
class Conditions {
  readonly params: unknown[] = [];
  private readonly parts: string[] = [];

  constructor(principal: Principal) {
    if (principal.role === 'seeker') this.add('r.seeker_id = $?', principal.seekerId);
    if (principal.role === 'firm') {
      // A firm hears of a referral only once the seeker has said yes.
      this.add('r.firm_id = $?', principal.firmId);
      this.parts.push(`EXISTS (SELECT 1 FROM referral_steps st WHERE st.referral_id = r.id AND st.status = 'seeker_accepted')`);
    }
  }

  add(condition: string, value: unknown): this {
    this.params.push(value);
    this.parts.push(condition.replace('$?', `$${this.params.length}`));
    return this;
  }

  get sql(): string {
    return this.parts.length > 0 ? this.parts.join(' AND ') : 'true';
  }
}

function toResponse(row: ReferralRow, principal: Principal): ReferralResponse {
  const response: ReferralResponse = {
    id: row.id,
    proposalId: row.proposal_id,
    leaveGapId: row.leave_gap_id,
    seekerId: row.seeker_id,
    firmId: row.firm_id,
    status: row.status,
    reasonCode: row.reason_code,
    placementId: row.placement_id,
    startDate: row.start_date,
    endedOn: row.ended_on,
    retentionDueOn: row.start_date ? retentionDueOn(row.start_date) : null,
    offeredAt: row.offered_at,
    statusChangedAt: row.status_changed_at,
    job: { firmName: row.firm_name, roleTitle: row.role_title, placementStart: row.placement_start, placementEnd: row.placement_end },
  };
  if (principal.role !== 'seeker') response.seeker = { displayName: row.display_name };
  if (principal.role === 'coordinator') response.firmFlag = { uncodedDeclines: row.uncoded_declines, flagged: isFirmFlagged(row.uncoded_declines) };
  return response;
}

function toStepResponse(step: StepRow, principal: Principal): ReferralStepResponse {
  const response: ReferralStepResponse = {
    status: step.status,
    reasonCode: step.reason_code,
    effectiveDate: step.effective_date,
    actorRole: step.actor_role,
    occurredAt: step.occurred_at,
  };
  if (principal.role === 'coordinator') response.coordinatorNote = step.coordinator_note;
  return response;
}
