import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '../clock/clock';
import { daysBetween } from '../common/calendar-date';
import type { Page } from '../common/pagination';
import type { FirmStatus } from '../firms/firm.entity';
import { CallListCursor, CallListRow, callListSql } from './call-list.query';
import type { CallListEntry, CallListFilters, CallListQuery } from './dto/call-list.dto';
import type { ContactChannel, ContactOutcome, ExpectedLeaveType } from './outreach-codes';

/** How many rows an export reads from the database at a time. */
const EXPORT_BATCH = 2_000;

@Injectable()
export class CallListService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async list(query: CallListQuery): Promise<Page<CallListEntry>> {
    const today = this.clock.today();
    const rows = await this.rows(query, today, query.pageSize, query.offset);
    return { items: rows.map((row) => toEntry(row, today)), page: query.page, pageSize: query.pageSize, total: rows[0]?.total ?? (await this.count(query, today)) };
  }

  /**
   * Every entry that passes the filters, in the list's order, a batch at a time (for exports).
   * Each batch starts after the last row of the one before, not at an offset: a leave closed or
   * covered meanwhile would otherwise shift the rows and one would be left out.
   */
  async *all(filters: CallListFilters): AsyncGenerator<CallListEntry> {
    const today = this.clock.today();
    let after: CallListCursor | undefined;
    for (;;) {
      const rows = await this.rows(filters, today, EXPORT_BATCH, 0, false, after);
      for (const row of rows) yield toEntry(row, today);
      if (rows.length < EXPORT_BATCH) return;
      const last = rows[rows.length - 1];
      after = { expectedStart: last.expected_start, expectedEnd: last.expected_end, businessNumber: last.business_number, id: last.id };
    }
  }

  private rows(filters: CallListFilters, today: string, limit: number, offset: number, withTotal = true, after?: CallListCursor): Promise<CallListRow[]> {
    const { text, parameters } = callListSql(filters, today, limit, offset, withTotal, after);
    return this.dataSource.query(text, parameters);
  }

  /** A page beyond the last has no row to carry the total. */
  private async count(filters: CallListFilters, today: string): Promise<number> {
    const { text, parameters } = callListSql(filters, today, 1, 0);
    const [row]: CallListRow[] = await this.dataSource.query(text, parameters);
    return row?.total ?? 0;
  }
}

function toEntry(row: CallListRow, today: string): CallListEntry {
  return {
    expectedLeaveId: row.id,
    businessNumber: row.business_number,
    leaveType: row.leave_type as ExpectedLeaveType,
    expectedStart: row.expected_start,
    expectedEnd: row.expected_end,
    daysUntilStart: daysBetween(today, row.expected_start),
    sourceFirmName: row.source_firm_name,
    sourceFirmAddress: row.source_firm_address,
    firm: row.firm_id === null ? null : { id: row.firm_id, name: row.firm_name as string, status: row.firm_status as FirmStatus },
    complex: row.complex_id === null ? null : { id: row.complex_id, name: row.complex_name as string },
    latestContact:
      row.contact_id === null
        ? null
        : {
            id: row.contact_id,
            expectedLeaveId: row.id,
            channel: row.contact_channel as ContactChannel,
            outcome: row.contact_outcome as ContactOutcome,
            note: row.contact_note,
            occurredAt: row.contact_occurred_at as Date,
          },
    contactCount: row.contact_count,
  };
}
