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
    // One row per seeker from one array parameter: a national match run names 50,000 seekers,
    // more than a multi-row VALUES can bind (65,535 parameters).
    await (manager ?? this.entries.manager).query(
      `INSERT INTO access_log (actor_role, actor_subject, actor_firm_id, actor_user_id, actor_email, seeker_id, action, fields)
       SELECT $1, $2, $3, $7::uuid, (SELECT email FROM users WHERE id = $7::uuid), seeker_id, $5, $6
         FROM unnest($4::uuid[]) AS seeker_id`,
      [
        reader.role,
        reader.subject,
        reader.role === 'firm' ? reader.firmId : null,
        unique,
        read.action,
        [...read.fields],
        reader.userId ?? null,
      ],
    );
  }

  async list(query: ListAccessLogQuery): Promise<Page<AccessLogEntryResponse>> {
    const result = await this.entries.findAndCount({
      where: query.seekerId !== undefined ? { seekerId: query.seekerId } : {},
      order: { id: 'DESC' },
      skip: query.offset,
      take: query.pageSize,
    });
    return toPage(query, result, toAccessLogEntryResponse);
  }
}
