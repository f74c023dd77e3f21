import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { In, Repository } from 'typeorm';
import { AccessLogService } from '../access-log/access-log.service';
import type { Principal } from '../auth/principal';
import { NotFoundError } from '../common/domain-error';
import { Page, toPage } from '../common/pagination';
import { Firm } from '../firms/firm.entity';
import { LeaveGap } from '../leave-gaps/leave-gap.entity';
import { Seeker } from '../seekers/seeker.entity';
import {
  ListPlacementsQuery,
  PLACEMENT_CONTACT_FIELDS,
  PlacementResponse,
  toFirmPlacementResponse,
  toPlacementResponse,
  toSeekerPlacementResponse,
  withSubsidy,
} from './dto/placement.dto';
import { Placement } from './placement.entity';
import { PLACEMENT_EXPORT_COLUMNS } from './placement-export';
import { pagedRows } from '../spreadsheets/paged-rows';
import { type SpreadsheetFormat, writeTable } from '../spreadsheets/table-writer';

/**
 * Read side of placements; confirming and cancelling come with the matching workflow.
 * Whose placements a reader sees is part of the query: a firm user those in its own firm's
 * gaps, a seeker user their own, a coordinator all.
 */
@Injectable()
export class PlacementsService {
  constructor(
    @InjectRepository(Placement) private readonly placements: Repository<Placement>,
    @InjectRepository(Seeker) private readonly seekers: Repository<Seeker>,
    @InjectRepository(LeaveGap) private readonly gaps: Repository<LeaveGap>,
    @InjectRepository(Firm) private readonly firms: Repository<Firm>,
    private readonly accessLog: AccessLogService,
  ) {}

  async get(id: string, principal: Principal): Promise<PlacementResponse> {
    const placement = isUUID(id) ? await this.visibleTo(principal).andWhere('placement.id = :id', { id }).getOne() : null;
    if (!placement) throw new NotFoundError('placement', id);
    const [response] = await this.responsesFor(principal, [placement], 'placements.get');
    return response;
  }

  async list(query: ListPlacementsQuery, principal: Principal): Promise<Page<PlacementResponse>> {
    const [rows, total] = await this.filtered(query, principal).skip(query.offset).take(query.pageSize).getManyAndCount();
    const responses = await this.responsesFor(principal, rows, 'placements.list');
    return toPage(query, [responses, total], (response) => response);
  }

  /**
   * Every placement the list's filters select, as a CSV or XLSX file, a page at a time; the
   * contacts a firm receives are one bulk access-log entry, written before the file is answered.
   */
  async exportTable(query: ListPlacementsQuery, principal: Principal, format: SpreadsheetFormat): Promise<Buffer> {
    const builder = this.filtered(query, principal);
    const contacts: string[] = [];
    const rows = pagedRows(async (offset, limit) => {
      const page = await builder.clone().skip(offset).take(limit).getMany();
      return this.responsesFor(principal, page, 'placements.export', (seekerIds) => contacts.push(...seekerIds));
    });
    const file = await writeTable(format, '배치', PLACEMENT_EXPORT_COLUMNS, rows);
    if (principal.role === 'firm') await this.accessLog.recordRead(principal, contacts, { action: 'placements.export.contact', fields: PLACEMENT_CONTACT_FIELDS });
    return file;
  }

  private filtered(query: ListPlacementsQuery, principal: Principal) {
    const builder = this.visibleTo(principal);
    if (query.seekerId !== undefined) builder.andWhere('placement.seekerId = :seekerId', { seekerId: query.seekerId });
    if (query.leaveGapId !== undefined) builder.andWhere('placement.leaveGapId = :leaveGapId', { leaveGapId: query.leaveGapId });
    if (query.status !== undefined) builder.andWhere('placement.status = :status', { status: query.status });
    return builder.orderBy('placement.createdAt', 'DESC').addOrderBy('placement.id', 'ASC');
  }

  /** The placements the principal may see, before any filter of the request. */
  private visibleTo(principal: Principal) {
    const builder = this.placements.createQueryBuilder('placement');
    if (principal.role === 'firm') {
      builder.innerJoin(LeaveGap, 'gap', 'gap.id = placement.leaveGapId AND gap.firmId = :ownFirmId', { ownFirmId: principal.firmId });
    } else if (principal.role === 'seeker') {
      builder.andWhere('placement.seekerId = :ownSeekerId', { ownSeekerId: principal.seekerId });
    }
    return builder;
  }

  /** `collectContacts`: an export gathers the contacts read and logs them once, instead of once a page. */
  private async responsesFor(
    principal: Principal,
    rows: Placement[],
    action: string,
    collectContacts?: (seekerIds: string[]) => void,
  ): Promise<PlacementResponse[]> {
    const gaps = await this.byId(this.gaps, rows.map((row) => row.leaveGapId));
    const firms = await this.byId(this.firms, [...gaps.values()].map((gap) => gap.firmId));
    const subsidised = (row: Placement, response: PlacementResponse, reader: 'firm' | 'coordinator') => {
      const gap = gaps.get(row.leaveGapId)!;
      return withSubsidy(response, gap, firms.get(gap.firmId)!, reader);
    };
    if (principal.role === 'coordinator') return rows.map((row) => subsidised(row, toPlacementResponse(row), 'coordinator'));
    if (principal.role === 'seeker') {
      return rows.map((row) => {
        const gap = gaps.get(row.leaveGapId)!;
        return toSeekerPlacementResponse(row, gap, firms.get(gap.firmId)!);
      });
    }
    // A firm sees the contact of the seekers confirmed with it, and each such read is logged first.
    const confirmed = rows.filter((row) => row.status === 'confirmed');
    const seekers = await this.byId(this.seekers, confirmed.map((row) => row.seekerId));
    const withContact = [...seekers.values()].filter((seeker) => seeker.status !== 'withdrawn').map((seeker) => seeker.id);
    if (collectContacts) collectContacts(withContact);
    else await this.accessLog.recordRead(principal, withContact, { action: `${action}.contact`, fields: PLACEMENT_CONTACT_FIELDS });
    return rows.map((row) => subsidised(row, toFirmPlacementResponse(row, seekers.get(row.seekerId)), 'firm'));
  }

  private async byId<T extends { id: string }>(repository: Repository<T>, ids: string[]): Promise<Map<string, T>> {
    if (ids.length === 0) return new Map();
    const found = await repository.findBy({ id: In([...new Set(ids)]) } as never);
    return new Map(found.map((row) => [row.id, row]));
  }
}
