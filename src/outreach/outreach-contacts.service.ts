import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { DataSource } from 'typeorm';
import type { Principal } from '../auth/principal';
import { Clock } from '../clock/clock';
import { NotFoundError } from '../common/domain-error';
import type { ContactResponse } from './dto/call-list.dto';
import type { RecordContactDto } from './dto/contact.dto';
import type { ContactChannel, ContactOutcome } from './outreach-codes';

interface ContactRow {
  id: string;
  expected_leave_id: string;
  channel: string;
  outcome: string;
  coordinator_note: string | null;
  occurred_at: Date;
}

const CONTACT_COLUMNS = `id::text, expected_leave_id, channel, outcome, coordinator_note, occurred_at`;

/** The one writer of `outreach_contacts`: append-only, the time is the Clock's. */
@Injectable()
export class OutreachContactsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async record(expectedLeaveId: string, dto: RecordContactDto, principal: Principal): Promise<ContactResponse> {
    await this.assertExists(expectedLeaveId);
    const [row]: ContactRow[] = await this.dataSource.query(
      `INSERT INTO outreach_contacts (expected_leave_id, channel, outcome, coordinator_note, coordinator_user_id, occurred_at)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${CONTACT_COLUMNS}`,
      [expectedLeaveId, dto.channel, dto.outcome, dto.note ?? null, principal.userId ?? null, this.clock.now()],
    );
    return toContactResponse(row);
  }

  /** Every contact about the expected leave, the latest first. */
  async history(expectedLeaveId: string): Promise<ContactResponse[]> {
    await this.assertExists(expectedLeaveId);
    const rows: ContactRow[] = await this.dataSource.query(
      `SELECT ${CONTACT_COLUMNS} FROM outreach_contacts WHERE expected_leave_id = $1 ORDER BY occurred_at DESC, id DESC`,
      [expectedLeaveId],
    );
    return rows.map(toContactResponse);
  }

  private async assertExists(expectedLeaveId: string): Promise<void> {
    const found = isUUID(expectedLeaveId) && (await this.dataSource.query(`SELECT 1 FROM expected_leaves WHERE id = $1`, [expectedLeaveId])).length > 0;
    if (!found) throw new NotFoundError('expected_leave', expectedLeaveId);
  }
}

function toContactResponse(row: ContactRow): ContactResponse {
  return {
    id: row.id,
    expectedLeaveId: row.expected_leave_id,
    channel: row.channel as ContactChannel,
    outcome: row.outcome as ContactOutcome,
    note: row.coordinator_note,
    occurredAt: row.occurred_at,
  };
}
