import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { EmailChannel } from './channels/email.channel';
import { InboxChannel } from './channels/inbox.channel';
import type { ChannelName, NotificationChannel } from './channels/notification-channel';
import { SmsChannel } from './channels/sms.channel';

/**
 * The channels this instance delivers through: the inbox always; e-mail when SMTP_URL is set;
 * SMS when SMS_API_URL is. Nothing configured (the embedded default): the inbox only.
 */
@Injectable()
export class NotificationChannels implements OnModuleDestroy {
  readonly all: readonly NotificationChannel[];

  constructor(config: AppConfig) {
    const { sendTimeoutMs } = config.notificationDelivery;
    const smtp = config.smtp;
    const sms = config.sms;
    this.all = [
      new InboxChannel(),
      ...(smtp ? [new EmailChannel({ ...smtp, timeoutMs: sendTimeoutMs })] : []),
      ...(sms ? [new SmsChannel({ ...sms, timeoutMs: sendTimeoutMs })] : []),
    ];
  }

  get remoteNames(): ChannelName[] {
    return this.all.filter((channel) => channel.delivery === 'remote').map((channel) => channel.name);
  }

  byName(name: string): NotificationChannel | undefined {
    return this.all.find((channel) => channel.name === name);
  }

  onModuleDestroy(): void {
    for (const channel of this.all) if (channel instanceof EmailChannel) channel.close();
  }
}
