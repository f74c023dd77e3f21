import type { Audience } from '../notification-templates';
import { ChannelFailure, type Db, NotDeliverable, type NotificationChannel, type OutgoingMessage } from './notification-channel';

export interface SmsSettings {
  readonly url: string;
  readonly apiKey: string;
  readonly sender: string;
  readonly timeoutMs: number;
}

/** The header a provider dedupes on: one delivery key, one message, however often it is posted. */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';

/**
 * SMS/알림톡 through a provider's HTTP API: `POST {url}` with `{ to, from, text }`, the API key as
 * a bearer token and the delivery key as `Idempotency-Key`. Only seekers get SMS (they answer
 * offers on their phones); firm clerks and coordinators read e-mail and the console.
 */
export class SmsChannel implements NotificationChannel {
  readonly name = 'sms';
  readonly delivery = 'remote';
  readonly form = 'short';

  constructor(private readonly settings: SmsSettings) {}

  serves(audience: Audience): boolean {
    return audience === 'seeker';
  }

  async send(message: OutgoingMessage, db: Db): Promise<void> {
    const [seeker]: { phone: string | null }[] = await db.query(
      `SELECT s.phone FROM users u JOIN seekers s ON s.id = u.seeker_id WHERE u.id = $1 AND u.status = 'active'`,
      [message.recipientUserId],
    );
    if (!seeker?.phone) throw new NotDeliverable('no_phone');
    let response: Response;
    try {
      response = await fetch(this.settings.url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Authorization: `Bearer ${this.settings.apiKey}`,
          [IDEMPOTENCY_KEY_HEADER]: message.deliveryKey,
        },
        body: JSON.stringify({ to: seeker.phone.replace(/-/g, ''), from: this.settings.sender.replace(/-/g, ''), text: message.body }),
        signal: AbortSignal.timeout(this.settings.timeoutMs),
      });
    } catch (error) {
      throw new ChannelFailure(error instanceof Error && error.name === 'TimeoutError' ? 'sms_timeout' : 'sms_unreachable');
    }
    await response.body?.cancel();
    if (response.ok) return;
    // 4xx other than throttling: the request itself is wrong (a number the provider refuses); retrying cannot help.
    if (response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429) {
      throw new NotDeliverable(`sms_http_${response.status}`);
    }
    throw new ChannelFailure(`sms_http_${response.status}`);
  }
}
