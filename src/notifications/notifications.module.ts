import { Module } from '@nestjs/common';
import { DeliverySender } from './delivery-sender';
import { InboxController } from './inbox.controller';
import { InboxService } from './inbox.service';
import { NotificationChannels } from './notification-channels';
import { OutboxFanOut } from './outbox-fan-out';
import { OutboxPublisher } from './outbox-publisher';

/** The outbox's reader: publisher (fan-out + sender), channels, and the in-app inbox. */
@Module({
  controllers: [InboxController],
  providers: [NotificationChannels, OutboxFanOut, DeliverySender, OutboxPublisher, InboxService],
  exports: [OutboxPublisher],
})
export class NotificationsModule {}
