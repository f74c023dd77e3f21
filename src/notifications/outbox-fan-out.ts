import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../clock/clock';
import { isDatabaseUnavailable } from '../common/database-unavailable';
import { AppConfig } from '../config/app-config';
import type { Recipient } from './channels/notification-channel';
import { audienceRulesOf, isNotified } from './notification-audiences';
import { NotificationChannels } from './notification-channels';
import { factsOf, recipientsOf } from './notification-recipients';
import { NotificationFacts, NotifiedEventType, renderNotification } from './notification-templates';

interface ClaimedEvent {
  id: string;
  type: string;
  payload: Record<string, unknown>;
  publish_attempts: number;
}

type NotifiedEvent = ClaimedEvent & { type: NotifiedEventType };

function isNotifiedEvent(event: ClaimedEvent): event is NotifiedEvent {
  return isNotified(event.type);
}

/** The delivery key: unique per event, channel and recipient, like the row's unique constraint. */
export function deliveryKeyOf(outboxEventId: string, channel: string, recipientUserId: string): string {
  return `chaeum-${outboxEventId}-${channel}-${recipientUserId}`;
}

/**
 * Step one of publishing: claims a batch of unpublished outbox events (FOR UPDATE SKIP LOCKED,
 * so instances share the outbox), writes one delivery per recipient and channel (unique per
 * event, channel and recipient), delivers the inbox rows right there, and marks the events
 * published, all in one transaction: a crash leaves either all of it or none.
 */
@Injectable()
export class OutboxFanOut {
  private readonly logger = new Logger(OutboxFanOut.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly channels: NotificationChannels,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** Answers how many events it published (zero: the outbox is empty). */
  async publishBatch(): Promise<number> {
    const { batchSize } = this.config.notificationDelivery;
    return this.dataSource.transaction(async (manager) => {
      const events: ClaimedEvent[] = await manager.query(
        `SELECT id, type, payload, publish_attempts FROM outbox_events WHERE published_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [batchSize],
      );
      // Most events concern nobody (a proposal made, a run queued): published in one statement.
      const silent = events.filter((event) => !isNotified(event.type)).map((event) => event.id);
      if (silent.length > 0) {
        await manager.query(`UPDATE outbox_events SET published_at = $2 WHERE id = ANY($1::bigint[])`, [silent, this.clock.now()]);
      }
      for (const event of events) if (isNotifiedEvent(event)) await this.publishOne(manager, event);
      return events.length;
    });
  }

  /** One event inside a savepoint: a payload no template can read must not hold up the rest. */
  private async publishOne(manager: EntityManager, event: NotifiedEvent): Promise<void> {
    const now = this.clock.now();
    await manager.query('SAVEPOINT fan_out_event');
    try {
      await this.fanOut(manager, event, now);
      await manager.query(`UPDATE outbox_events SET published_at = $2 WHERE id = $1`, [event.id, now]);
      await manager.query('RELEASE SAVEPOINT fan_out_event');
    } catch (error) {
      if (isDatabaseUnavailable(error)) throw error;
      await manager.query('ROLLBACK TO SAVEPOINT fan_out_event');
      const attempts = event.publish_attempts + 1;
      const dead = attempts >= this.config.notificationDelivery.maxAttempts;
      const reason = error instanceof Error ? error.name : 'failure';
      await manager.query(`UPDATE outbox_events SET publish_attempts = $2, publish_error = $3, published_at = $4 WHERE id = $1`, [
        event.id,
        attempts,
        reason.slice(0, 200),
        dead ? now : null,
      ]);
      this.logger.warn(`outbox event ${event.id} (${event.type}) could not be fanned out (${reason}), attempt ${attempts}${dead ? ': set aside' : ''}`);
    }
  }

  private async fanOut(manager: EntityManager, event: NotifiedEvent, now: Date): Promise<void> {
    const recipients = await recipientsOf(manager, audienceRulesOf(event.type), event.payload);
    if (recipients.length === 0) return;
    const facts = await factsOf(manager, event.payload);
    for (const recipient of recipients) await this.deliveriesFor(manager, event, recipient, facts, now);
  }

  private async deliveriesFor(
    manager: EntityManager,
    event: NotifiedEvent,
    recipient: Recipient,
    facts: NotificationFacts,
    now: Date,
  ): Promise<void> {
    const text = renderNotification(event.type, facts, recipient.audience);
    for (const channel of this.channels.all) {
      if (!channel.serves(recipient.audience)) continue;
      const body = channel.form === 'short' ? text.short : text.body;
      const inTransaction = channel.delivery === 'in_transaction';
      const inserted: { id: string }[] = await manager.query(
        `INSERT INTO notification_deliveries (outbox_event_id, channel, recipient_user_id, status, subject, body, attempts, next_attempt_at, sent_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (outbox_event_id, channel, recipient_user_id) DO NOTHING
         RETURNING id`,
        [event.id, channel.name, recipient.userId, inTransaction ? 'sent' : 'pending', text.subject, body, inTransaction ? 1 : 0, now, inTransaction ? now : null],
      );
      if (inserted.length === 0 || !inTransaction) continue;
      await channel.send(
        {
          deliveryKey: deliveryKeyOf(event.id, channel.name, recipient.userId),
          outboxEventId: event.id,
          eventType: event.type,
          recipientUserId: recipient.userId,
          subject: text.subject,
          body,
          createdAt: now,
        },
        manager,
      );
    }
  }
}
