import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
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
 * PIPA: who read which seeker's personal data, when, and what. Writes only append; reading
 * the log is for coordinators. A seeker reading their own data is not recorded.
 */
@Injectable()
export class AccessLogService {
  constructor(@InjectRepository(AccessLogEntry) private readonly entries: Repository<AccessLogEntry>) {}

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
