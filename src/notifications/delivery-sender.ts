import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '../clock/clock';
import { isDatabaseUnavailable } from '../common/database-unavailable';
import { AppConfig } from '../config/app-config';
import { ChannelFailure, NotDeliverable } from './channels/notification-channel';
import { NotificationChannels } from './notification-channels';
import { deliveryKeyOf } from './outbox-fan-out';
import { retryDelaySeconds } from './retry-backoff';

interface ClaimedDelivery {
  id: string;
  outbox_event_id: string;
  event_type: string;
  channel: string;
  recipient_user_id: string;
  subject: string;
  body: string;
  attempts: number;
  created_at: Date;
}

export interface SendRound {
  readonly claimed: number;
  readonly sent: number;
  readonly failed: number;
}

/**
 * Step two of publishing, for the remote channels (e-mail, SMS): claims due deliveries with a
 * lease (FOR UPDATE SKIP LOCKED, committed before anything is sent), sends them one after the
 * other, and records each outcome at once: sent, retried later with exponential backoff, or dead
 * after NOTIFICATION_MAX_ATTEMPTS. A worker that dies holding a claim loses it when the lease
 * ends; the delivery is then sent again (docs/notifications.md: the window this leaves).
 */
@Injectable()
export class DeliverySender {
  private readonly logger = new Logger(DeliverySender.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly channels: NotificationChannels,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async sendDue(): Promise<SendRound> {
    const remote = this.channels.remoteNames;
    if (remote.length === 0) return { claimed: 0, sent: 0, failed: 0 };
    const claimed = await this.claim(remote);
    let sent = 0;
    for (const delivery of claimed) if (await this.sendOne(delivery)) sent++;
    return { claimed: claimed.length, sent, failed: claimed.length - sent };
  }

  private async claim(channels: string[]): Promise<ClaimedDelivery[]> {
    const { batchSize, leaseSeconds, maxAttempts } = this.config.notificationDelivery;
    const now = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      // A claim whose worker died after its last allowed attempt: nobody knows whether it went out, and no attempt is left.
      await manager.query(
        `UPDATE notification_deliveries SET status = 'dead', lease_until = NULL, last_error = 'lease_expired'
         WHERE status = 'sending' AND lease_until < $1 AND attempts >= $2`,
        [now, maxAttempts],
      );
      const updated: unknown = await manager.query(
        `UPDATE notification_deliveries d SET status = 'sending', attempts = d.attempts + 1, lease_until = $2
         FROM (SELECT id FROM notification_deliveries
               WHERE channel = ANY($3::text[]) AND next_attempt_at <= $1
                 AND (status = 'pending' OR (status = 'sending' AND lease_until < $1))
               ORDER BY next_attempt_at, id LIMIT $4 FOR UPDATE SKIP LOCKED) due,
              outbox_events e
         WHERE d.id = due.id AND e.id = d.outbox_event_id
         RETURNING d.id, d.outbox_event_id, e.type AS event_type, d.channel, d.recipient_user_id, d.subject, d.body, d.attempts, d.created_at`,
        [now, new Date(now.getTime() + leaseSeconds * 1000), channels, batchSize],
      );
      return rowsOfUpdate(updated).sort((a, b) => Number(a.id) - Number(b.id));
    });
  }

  /** Answers whether it went out. Only a lost database escapes (the loop waits for it); every other failure is recorded. */
  private async sendOne(delivery: ClaimedDelivery): Promise<boolean> {
    const channel = this.channels.byName(delivery.channel);
    if (!channel) return false;
    try {
      await channel.send(
        {
          deliveryKey: deliveryKeyOf(delivery.outbox_event_id, delivery.channel, delivery.recipient_user_id),
          outboxEventId: delivery.outbox_event_id,
          eventType: delivery.event_type,
          recipientUserId: delivery.recipient_user_id,
          subject: delivery.subject,
          body: delivery.body,
          createdAt: delivery.created_at,
        },
        this.dataSource.manager,
      );
    } catch (error) {
      if (isDatabaseUnavailable(error)) throw error;
      await this.recordFailure(delivery, error);
      return false;
    }
    await this.recordSent(delivery);
    return true;
  }

  /** Only while the claim is still this attempt's (same attempt count): a late worker never overwrites a newer one. */
  private async recordSent(delivery: ClaimedDelivery): Promise<void> {
    await this.dataSource.query(
      `UPDATE notification_deliveries SET status = 'sent', sent_at = $3, lease_until = NULL, last_error = NULL
       WHERE id = $1 AND attempts = $2 AND status = 'sending'`,
      [delivery.id, delivery.attempts, this.clock.now()],
    );
  }

  private async recordFailure(delivery: ClaimedDelivery, error: unknown): Promise<void> {
    const { maxAttempts, retryBaseSeconds } = this.config.notificationDelivery;
    const now = this.clock.now();
    const permanent = error instanceof NotDeliverable;
    const dead = permanent || delivery.attempts >= maxAttempts;
    const code = error instanceof NotDeliverable ? error.reason : error instanceof ChannelFailure ? error.code : 'send_failed';
    const nextAttemptAt = new Date(now.getTime() + retryDelaySeconds(delivery.attempts, retryBaseSeconds) * 1000);
    await this.dataSource.query(
      `UPDATE notification_deliveries SET status = $3, lease_until = NULL, last_error = $4, next_attempt_at = $5
       WHERE id = $1 AND attempts = $2 AND status = 'sending'`,
      [delivery.id, delivery.attempts, dead ? 'dead' : 'pending', code.slice(0, 500), dead ? now : nextAttemptAt],
    );
    this.logger.warn(`${delivery.channel} delivery ${delivery.id} failed (${code}), attempt ${delivery.attempts}${dead ? ': dead' : ''}`);
  }
}

/** `manager.query` answers `[rows, count]` for an UPDATE … RETURNING through TypeORM's pg driver. */
function rowsOfUpdate(result: unknown): ClaimedDelivery[] {
  return Array.isArray(result) && Array.isArray(result[0]) ? (result[0] as ClaimedDelivery[]) : (result as ClaimedDelivery[]);
}
