import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { DataSource } from 'typeorm';
import { NoAccountError } from '../auth/auth.errors';
import type { Principal } from '../auth/principal';
import { Clock } from '../clock/clock';
import { NotFoundError } from '../common/domain-error';
import { InboxNotificationResponse, InboxPage, ListNotificationsQuery, MarkAllReadResponse } from './dto/inbox.dto';

interface InboxRow {
  id: string;
  event_type: string;
  subject: string;
  body: string;
  created_at: Date;
  read_at: Date | null;
}

/** The signed-in account's in-app inbox; another account's message is a 404 (the query says so). */
@Injectable()
export class InboxService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async list(principal: Principal, query: ListNotificationsQuery): Promise<InboxPage> {
    const userId = accountOf(principal);
    const unreadOnly = query.unread === 'true';
    const rows: (InboxRow & { total: number })[] = await this.dataSource.query(
      `SELECT id, event_type, subject, body, created_at, read_at, count(*) OVER ()::int AS total
       FROM inbox_notifications WHERE user_id = $1 AND ($2::boolean IS FALSE OR read_at IS NULL)
       ORDER BY created_at DESC, outbox_event_id DESC, id DESC LIMIT $3 OFFSET $4`,
      [userId, unreadOnly, query.pageSize, query.offset],
    );
    const total = rows[0]?.total ?? (query.offset > 0 ? await this.count(userId, unreadOnly) : 0);
    return { items: rows.map(toResponse), page: query.page, pageSize: query.pageSize, total, unreadCount: await this.unreadCount(principal) };
  }

  async unreadCount(principal: Principal): Promise<number> {
    return this.count(accountOf(principal), true);
  }

  async markRead(principal: Principal, id: string): Promise<InboxNotificationResponse> {
    const userId = accountOf(principal);
    if (!isUUID(id)) throw new NotFoundError('notification', id);
    await this.dataSource.query(`UPDATE inbox_notifications SET read_at = $3 WHERE id = $1 AND user_id = $2 AND read_at IS NULL`, [id, userId, this.clock.now()]);
    const [row]: InboxRow[] = await this.dataSource.query(
      `SELECT id, event_type, subject, body, created_at, read_at FROM inbox_notifications WHERE id = $1 AND user_id = $2`,
      [id, userId],
    );
    if (!row) throw new NotFoundError('notification', id);
    return toResponse(row);
  }

  async markAllRead(principal: Principal): Promise<MarkAllReadResponse> {
    const userId = accountOf(principal);
    const [, marked]: [unknown, number] = await this.dataSource.query(
      `UPDATE inbox_notifications SET read_at = $2 WHERE user_id = $1 AND read_at IS NULL`,
      [userId, this.clock.now()],
    );
    return { marked, unreadCount: await this.count(userId, true) };
  }

  private async count(userId: string, unreadOnly: boolean): Promise<number> {
    const [row]: { count: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS count FROM inbox_notifications WHERE user_id = $1 AND ($2::boolean IS FALSE OR read_at IS NULL)`,
      [userId, unreadOnly],
    );
    return row.count;
  }
}

/** The inbox belongs to an account: tokens printed for API clients have none. */
function accountOf(principal: Principal): string {
  if (principal.userId === undefined) throw new NoAccountError();
  return principal.userId;
}

function toResponse(row: InboxRow): InboxNotificationResponse {
  return {
    id: row.id,
    eventType: row.event_type,
    subject: row.subject,
    body: row.body,
    createdAt: row.created_at.toISOString(),
    readAt: row.read_at ? row.read_at.toISOString() : null,
  };
}
