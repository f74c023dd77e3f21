import { createTransport, type Transporter } from 'nodemailer';
import type { Audience } from '../notification-templates';
import { ChannelFailure, type Db, NotDeliverable, type NotificationChannel, type OutgoingMessage } from './notification-channel';

export interface EmailSettings {
  readonly url: string;
  readonly from: string;
  readonly timeoutMs: number;
}

/**
 * E-mail through SMTP (nodemailer). The Message-ID is derived from the delivery key, so a
 * message resent after a crash between the server's "250 OK" and our record carries the same id
 * (receivers may collapse it); see docs/notifications.md for that window.
 */
export class EmailChannel implements NotificationChannel {
  readonly name = 'email';
  readonly delivery = 'remote';
  readonly form = 'long';
  private readonly transport: Transporter;

  constructor(private readonly settings: EmailSettings) {
    const url = new URL(settings.url);
    this.transport = createTransport({
      host: url.hostname,
      port: url.port === '' ? undefined : Number(url.port),
      secure: url.protocol === 'smtps:',
      auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
      connectionTimeout: settings.timeoutMs,
      greetingTimeout: settings.timeoutMs,
      socketTimeout: settings.timeoutMs,
    });
  }

  serves(_audience: Audience): boolean {
    return true;
  }

  async send(message: OutgoingMessage, db: Db): Promise<void> {
    const [account]: { email: string }[] = await db.query(`SELECT email FROM users WHERE id = $1 AND status = 'active'`, [message.recipientUserId]);
    if (!account) throw new NotDeliverable('no_active_account');
    try {
      await this.transport.sendMail({
        from: this.settings.from,
        to: account.email,
        subject: message.subject,
        text: message.body,
        messageId: `<${message.deliveryKey}@chaeum.notifications>`,
        headers: { 'X-Chaeum-Delivery': message.deliveryKey },
      });
    } catch (error) {
      throw smtpFailure(error);
    }
  }

  close(): void {
    this.transport.close();
  }
}

/** The SMTP reply code or the socket error code only: server texts quote the address. */
function smtpFailure(error: unknown): Error {
  const { responseCode, code } = (error ?? {}) as { responseCode?: unknown; code?: unknown };
  if (typeof responseCode === 'number' && responseCode >= 500 && responseCode < 600 && responseCode !== 552) {
    return new NotDeliverable(`smtp_${responseCode}`);
  }
  if (typeof responseCode === 'number') return new ChannelFailure(`smtp_${responseCode}`);
  return new ChannelFailure(typeof code === 'string' ? `smtp_${code}` : 'smtp_failure');
}
