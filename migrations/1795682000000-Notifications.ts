import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notifications (docs/notifications.md): the outbox publisher turns each outbox event into
 * deliveries, one per recipient account and channel. The unique key (event, channel, recipient)
 * is what makes a message exist at most once per event and channel however often the publisher
 * is restarted; the in-app inbox row is written in the same transaction as its delivery. The
 * text is rendered once, for its recipient and channel, at fan-out; the address (e-mail, phone)
 * is read at send time and never stored here.
 *
 * Events already in the outbox when this lands are history (some are months old): they are
 * marked published so that nobody is told today about a proposal of last spring.
 */
export class Notifications1795682000000 implements MigrationInterface {
  name = 'Notifications1795682000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`UPDATE outbox_events SET published_at = now() WHERE published_at IS NULL`);
    // An event whose fan-out keeps failing (a payload no template can read) is retried, then set aside.
    await queryRunner.query(`
      ALTER TABLE outbox_events
        ADD COLUMN publish_attempts integer NOT NULL DEFAULT 0,
        ADD COLUMN publish_error text,
        ADD CONSTRAINT ck_outbox_events_publish_attempts CHECK (publish_attempts >= 0),
        ADD CONSTRAINT ck_outbox_events_publish_error CHECK (publish_error IS NULL OR length(publish_error) <= 200)`);

    await queryRunner.query(`
      CREATE TABLE notification_deliveries (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        outbox_event_id bigint NOT NULL REFERENCES outbox_events (id) ON DELETE CASCADE,
        channel text NOT NULL,
        recipient_user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        status text NOT NULL DEFAULT 'pending',
        subject text NOT NULL,
        body text NOT NULL,
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL,
        lease_until timestamptz,
        last_error text,
        sent_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_notification_deliveries_event_channel_recipient UNIQUE (outbox_event_id, channel, recipient_user_id),
        CONSTRAINT ck_notification_deliveries_channel CHECK (channel IN ('inbox', 'email', 'sms')),
        CONSTRAINT ck_notification_deliveries_status CHECK (status IN ('pending', 'sending', 'sent', 'dead')),
        CONSTRAINT ck_notification_deliveries_attempts CHECK (attempts >= 0),
        CONSTRAINT ck_notification_deliveries_sent CHECK ((status = 'sent') = (sent_at IS NOT NULL)),
        CONSTRAINT ck_notification_deliveries_lease CHECK ((status = 'sending') = (lease_until IS NOT NULL)),
        CONSTRAINT ck_notification_deliveries_text CHECK (btrim(subject) <> '' AND btrim(body) <> '' AND length(body) <= 4000),
        CONSTRAINT ck_notification_deliveries_error CHECK (last_error IS NULL OR length(last_error) <= 500)
      )`);
    await queryRunner.query(`
      CREATE INDEX ix_notification_deliveries_due ON notification_deliveries (next_attempt_at, id)
      WHERE status IN ('pending', 'sending')`);
    await queryRunner.query(`CREATE INDEX ix_notification_deliveries_recipient ON notification_deliveries (recipient_user_id)`);

    // The texts are rendered once, for this recipient: what they may see and nothing more.
    await queryRunner.query(`
      CREATE TABLE inbox_notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        outbox_event_id bigint NOT NULL REFERENCES outbox_events (id) ON DELETE CASCADE,
        event_type text NOT NULL,
        subject text NOT NULL,
        body text NOT NULL,
        created_at timestamptz NOT NULL,
        read_at timestamptz,
        CONSTRAINT uq_inbox_notifications_user_event UNIQUE (user_id, outbox_event_id),
        CONSTRAINT ck_inbox_notifications_subject CHECK (btrim(subject) <> '' AND length(subject) <= 200),
        CONSTRAINT ck_inbox_notifications_body CHECK (btrim(body) <> '' AND length(body) <= 2000)
      )`);
    await queryRunner.query(`CREATE INDEX ix_inbox_notifications_user ON inbox_notifications (user_id, created_at DESC, outbox_event_id DESC)`);
    await queryRunner.query(`CREATE INDEX ix_inbox_notifications_unread ON inbox_notifications (user_id) WHERE read_at IS NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE inbox_notifications`);
    await queryRunner.query(`DROP TABLE notification_deliveries`);
    await queryRunner.query(`
      ALTER TABLE outbox_events
        DROP CONSTRAINT ck_outbox_events_publish_error,
        DROP CONSTRAINT ck_outbox_events_publish_attempts,
        DROP COLUMN publish_error,
        DROP COLUMN publish_attempts`);
  }
}
