import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { StatementBatcher } from '../common/statement-batcher';
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

/**
 * The names of several readers' seekers and one access-log entry per reader whose seekers have
 * any, in one statement: $1 every seeker id, $2 the reader (1-based) each belongs to, $3–$6 per
 * reader its role, subject, firm and account; $7–$8 the action and fields, common to all.
 */
const NAMES_RECORDED_SQL = `WITH wanted AS (SELECT t.id, t.reader, t.n FROM unnest($1::uuid[], $2::int[]) WITH ORDINALITY AS t(id, reader, n)),
  named AS (SELECT w.reader, w.n, s.id, s.display_name FROM wanted w JOIN seekers s ON s.id = w.id),
  read AS (SELECT reader, array_agg(id ORDER BY n) AS ids FROM named WHERE display_name <> '' GROUP BY reader),
  readers AS (SELECT * FROM unnest($3::text[], $4::text[], $5::uuid[], $6::uuid[]) WITH ORDINALITY AS r(role, subject, firm_id, user_id, reader)),
  logged AS (
    INSERT INTO access_log (actor_role, actor_subject, actor_firm_id, actor_user_id, actor_email, seeker_id, seeker_ids, action, fields)
    SELECT r.role, r.subject, r.firm_id, r.user_id, (SELECT email FROM users WHERE id = r.user_id),
           CASE WHEN cardinality(read.ids) = 1 THEN read.ids[1] END, CASE WHEN cardinality(read.ids) > 1 THEN read.ids END, $7::text, $8::text[]
    FROM read JOIN readers r ON r.reader = read.reader
    ORDER BY read.reader
    RETURNING id)
  SELECT reader, id, display_name FROM named`;

/** One reader's part of a batch of namesRecorded. */
interface NamesRead {
  readonly reader: Exclude<Principal, { role: 'seeker' }>;
  readonly seekerIds: readonly string[];
}

interface NameRow {
  id: string;
  display_name: string | null;
}

interface BatchNameRow extends NameRow {
  reader: number;
}

/**
 * PIPA: who read which seeker's personal data, when, and what. Writes only append; reading
 * the log is for coordinators. A seeker reading their own data is not recorded.
 */
@Injectable()
export class AccessLogService {
  /** namesRecorded's statement, prepared: every live-candidates answer sends it. */
  private readonly namesRecordedSql: string;
  /** Per action and fields, the readers' namesRecorded calls that go as one statement (group commit). */
  private readonly namesBatchers = new Map<string, StatementBatcher<NamesRead, Map<string, string | null>>>();

  constructor(
    @InjectRepository(AccessLogEntry) private readonly entries: Repository<AccessLogEntry>,
    connection: DatabaseConnection,
  ) {
    this.namesRecordedSql = connection.statement('access_log_names_recorded_batch', NAMES_RECORDED_SQL);
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
    return this.namesBatcher(read).submit({ reader, seekerIds: unique });
  }

  /**
   * Concurrent live-candidates answers each need their names and their entry before they
   * answer: while one such statement is in flight, those that arrive meanwhile go together as
   * the next (each still its own entry, with its own reader's seekers).
   */
  private namesBatcher(read: PersonalDataRead): StatementBatcher<NamesRead, Map<string, string | null>> {
    const key = JSON.stringify([read.action, read.fields]);
    let batcher = this.namesBatchers.get(key);
    if (!batcher) {
      const fields = [...read.fields];
      batcher = new StatementBatcher((reads) => this.namesRecordedBatch(reads, read.action, fields));
      this.namesBatchers.set(key, batcher);
    }
    return batcher;
  }

  private async namesRecordedBatch(reads: readonly NamesRead[], action: string, fields: string[]): Promise<Map<string, string | null>[]> {
    const ids = reads.flatMap((read) => read.seekerIds);
    const readerOfId = reads.flatMap((read, i) => read.seekerIds.map(() => i + 1));
    const rows: BatchNameRow[] = await this.entries.manager.query(this.namesRecordedSql, [
      ids,
      readerOfId,
      reads.map(({ reader }) => reader.role),
      reads.map(({ reader }) => reader.subject),
      reads.map(({ reader }) => (reader.role === 'firm' ? reader.firmId : null)),
      reads.map(({ reader }) => reader.userId ?? null),
      action,
      fields,
    ]);
    const names = reads.map(() => new Map<string, string | null>());
    for (const row of rows) names[Number(row.reader) - 1].set(row.id, row.display_name);
    return names;
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
