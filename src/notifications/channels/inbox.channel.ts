import type { Audience } from '../notification-templates';
import type { Db, NotificationChannel, OutgoingMessage } from './notification-channel';

/**
 * The in-app inbox (GET /api/v1/me/notifications): always on, needs no provider. The row is
 * written through the fan-out's transaction, together with its delivery record, so it exists
 * exactly once or not at all.
 */
export class InboxChannel implements NotificationChannel {
  readonly name = 'inbox';
  readonly delivery = 'in_transaction';
  readonly form = 'long';

  serves(_audience: Audience): boolean {
    return true;
  }

  async send(message: OutgoingMessage, db: Db): Promise<void> {
    await db.query(
      `INSERT INTO inbox_notifications (user_id, outbox_event_id, event_type, subject, body, created_at)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (user_id, outbox_event_id) DO NOTHING`,
      [message.recipientUserId, message.outboxEventId, message.eventType, message.subject, message.body, message.createdAt],
    );
  }
}
