import type { EntityManager } from 'typeorm';
import type { Audience } from '../notification-templates';

export type Db = Pick<EntityManager, 'query'>;

export const CHANNEL_NAMES = ['inbox', 'email', 'sms'] as const;
export type ChannelName = (typeof CHANNEL_NAMES)[number];

/** One account an event concerns, and in which role it hears about it. */
export interface Recipient {
  readonly userId: string;
  readonly audience: Audience;
}

/** One delivery's message: its text was rendered for this recipient and channel at fan-out. */
export interface OutgoingMessage {
  /** Unique per event, channel and recipient: the provider's idempotency key, the e-mail's Message-ID. */
  readonly deliveryKey: string;
  readonly outboxEventId: string;
  readonly eventType: string;
  readonly recipientUserId: string;
  readonly subject: string;
  readonly body: string;
  readonly createdAt: Date;
}

/**
 * A way to reach an account. `in_transaction` channels (the inbox) deliver inside the
 * transaction that records the delivery: exactly once. `remote` channels (e-mail, SMS) are
 * claimed with a lease, sent, then recorded (docs/notifications.md says what each guarantees).
 */
export interface NotificationChannel {
  readonly name: ChannelName;
  readonly delivery: 'in_transaction' | 'remote';
  /** The long text (inbox, e-mail) or the short one (SMS/알림톡). */
  readonly form: 'long' | 'short';
  /** Whether this channel is for this kind of recipient at all (SMS: seekers, who are on phones). */
  serves(audience: Audience): boolean;
  /** Delivers; throws NotDeliverable when it must not be tried again, any other error to retry. */
  send(message: OutgoingMessage, db: Db): Promise<void>;
}

/** A delivery that no retry can help (the account is gone, the address was erased). */
export class NotDeliverable extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'NotDeliverable';
  }
}

/** A failure to retry, with a short code that names no person (no address, no provider text). */
export class ChannelFailure extends Error {
  constructor(readonly code: string) {
    super(code);
    this.name = 'ChannelFailure';
  }
}
