import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { DatabaseConnection } from '../database/database-connection';
import type { Principal } from '../auth/principal';
import { Page, toPage } from '../common/pagination';
import { AccessLogEntry } from './access-log-entry.entity';
import { AccessLogEntryResponse, ListAccessLogQuery, toAccessLogEntryResponse } from './dto/access-log.dto';

export interface PersonalDataRead {
  /** Stable name of the read, e.g. `seekers.get`. */
  action: string;
  /** Personal fields sent, e.g. `['displayName', 'phone']`. */
  fields: readonly string[];
}

/** The names of $1 (in their order) and, when any has one, the access-log entry of their reading, in one statement. */
const NAMES_RECORDED_SQL = `WITH named AS (SELECT s.id, s.display_name, t.n FROM unnest($1::uuid[]) WITH ORDINALITY AS t(id, n) JOIN seekers s ON s.id = t.id),
  read AS (SELECT array_agg(id ORDER BY n) AS ids FROM named WHERE display_name <> ''),
  logged AS (
    INSERT INTO access_log (actor_role, actor_subject, actor_firm_id, actor_user_id, actor_email, seeker_id, seeker_ids, action, fields)
    SELECT $2::text, $3::text, $4::uuid, $7::uuid, (SELECT email FROM users WHERE id = $7::uuid),
           CASE WHEN cardinality(ids) = 1 THEN ids[1] END, CASE WHEN cardinality(ids) > 1 THEN ids END, $5::text, $6::text[]
    FROM read WHERE cardinality(ids) > 0
    RETURNING id)
  SELECT id, display_name FROM named`;

interface NameRow {
  id: string;
  display_name: string | null;
}

/**
 * PIPA: who read which seeker's personal data, when, and what. Writes only append; reading
 * the log is for coordinators. A seeker reading their own data is not recorded.
 */
@Injectable()
export class AccessLogService {
  /** namesRecorded's statement, prepared: every live-candidates answer sends it. */
  private readonly namesRecordedSql: string;

  constructor(
    @InjectRepository(AccessLogEntry) private readonly entries: Repository<AccessLogEntry>,
    connection: DatabaseConnection,
  ) {
    this.namesRecordedSql = connection.statement('access_log_names_recorded', NAMES_RECORDED_SQL);
  }

  /**
   * Records that `reader` is about to receive the personal data of `seekerIds`. Call it before
   * answering: when the record cannot be written, the data is not sent.
   */
  async recordRead(reader: Principal, seekerIds: readonly string[], read: PersonalDataRead, manager?: EntityManager): Promise<void> {
    if (reader.role === 'seeker') {
      if (seekerIds.every((id) => id === reader.seekerId)) return;
      // A seeker is only ever shown their own data; anything else is a bug, not something to log.
      throw new Error('a seeker must not read another seeker’s personal data');
    }
    const unique = [...new Set(seekerIds)];
    if (unique.length === 0) return;
    // One entry per read: a national instance names 50,000 seekers, listed in one array.
    await (manager ?? this.entries.manager).query(
      `INSERT INTO access_log (actor_role, actor_subject, actor_firm_id, actor_user_id, actor_email, seeker_id, seeker_ids, action, fields)
       VALUES ($1, $2, $3, $8::uuid, (SELECT email FROM users WHERE id = $8::uuid), $4, $5, $6, $7)`,
      [
        reader.role,
        reader.subject,
        reader.role === 'firm' ? reader.firmId : null,
        unique.length === 1 ? unique[0] : null,
        unique.length === 1 ? null : unique,
        read.action,
        [...read.fields],
        reader.userId ?? null,
      ],
    );
  }

  /**
   * The display names of `seekerIds` (null or '' where a seeker has none), read and put on
   * record in one statement: one entry lists the seekers whose names were read, and when it
   * cannot be written no name is read.
   */
  async namesRecorded(reader: Principal, seekerIds: readonly string[], read: PersonalDataRead): Promise<Map<string, string | null>> {
    const unique = [...new Set(seekerIds)];
    if (unique.length === 0) return new Map();
    if (reader.role === 'seeker') {
      // Rare and checked in JavaScript: read first, then recordRead decides (and refuses another seeker's names).
      const rows: NameRow[] = await this.entries.manager.query(`SELECT id, display_name FROM seekers WHERE id = ANY($1::uuid[])`, [unique]);
      await this.recordRead(reader, rows.filter((row) => row.display_name).map((row) => row.id), read);
      return new Map(rows.map((row) => [row.id, row.display_name]));
    }
    const rows: NameRow[] = await this.entries.manager.query(this.namesRecordedSql, [
      unique,
      reader.role,
      reader.subject,
      reader.role === 'firm' ? reader.firmId : null,
      read.action,
      [...read.fields],
      reader.userId ?? null,
    ]);
    return new Map(rows.map((row) => [row.id, row.display_name]));
  }

  async list(query: ListAccessLogQuery): Promise<Page<AccessLogEntryResponse>> {
    const entries = this.entries.createQueryBuilder('entry');
    if (query.seekerId !== undefined) {
      entries.where('(entry.seekerId = :seekerId OR entry.seekerIds @> ARRAY[:seekerId]::uuid[])', { seekerId: query.seekerId });
    }
    const total = await entries.getCount();
    // A bulk entry's seekers are counted in the database: a page must not carry 20 × 50,000 ids.
    const { entities, raw } = await entries
      .select(['entry.id', 'entry.accessedAt', 'entry.actorRole', 'entry.actorSubject', 'entry.actorFirmId', 'entry.seekerId'])
      .addSelect(['entry.actorUserId', 'entry.actorEmail'])
      .addSelect(['entry.action', 'entry.fields'])
      .addSelect('coalesce(cardinality(entry.seeker_ids), 1)::int', 'seeker_count')
      .orderBy('entry.id', 'DESC')
      .offset(query.offset)
      .limit(query.pageSize)
      .getRawAndEntities<{ seeker_count: number }>();
    return toPage(query, [entities.map((entry, index) => ({ entry, seekerCount: raw[index].seeker_count })), total], ({ entry, seekerCount }) =>
      toAccessLogEntryResponse(entry, seekerCount, query.seekerId),
    );
  }
}
