import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { isDatabaseUnavailable } from '../common/database-unavailable';
import { AppConfig } from '../config/app-config';
import { DeliverySender } from './delivery-sender';
import { OutboxFanOut } from './outbox-fan-out';

/** How long shutting down waits for the round in hand before the pool closes under it. */
const STOP_WAIT_MS = 10_000;

export interface PublishRound {
  readonly published: number;
  readonly claimed: number;
  readonly sent: number;
}

/**
 * The outbox publisher (docs/notifications.md): on instances with NOTIFICATION_WORKER=true, a
 * loop that fans out unpublished outbox events into deliveries and sends the due ones, until
 * both are empty; then it waits NOTIFICATION_POLL_MS. Any failure, a database outage included,
 * is logged and the loop carries on at its next poll: the publisher never takes the process down.
 */
@Injectable()
export class OutboxPublisher implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(OutboxPublisher.name);
  private stopping = false;
  private loop?: Promise<void>;
  private wakeUp?: () => void;

  constructor(
    private readonly fanOut: OutboxFanOut,
    private readonly sender: DeliverySender,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.notificationWorkerEnabled) this.loop = this.run();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    this.wakeUp?.();
    if (this.loop) await Promise.race([this.loop, new Promise((resolve) => setTimeout(resolve, STOP_WAIT_MS).unref())]);
  }

  /** One round: a batch of events fanned out, a batch of due deliveries sent. */
  async publishOnce(): Promise<PublishRound> {
    const published = await this.fanOut.publishBatch();
    const { claimed, sent } = await this.sender.sendDue();
    return { published, claimed, sent };
  }

  /** Rounds until there is nothing left to publish or send now (tests and the CLI). */
  async drain(): Promise<void> {
    for (;;) {
      const round = await this.publishOnce();
      if (round.published === 0 && round.claimed === 0) return;
    }
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      let busy = false;
      try {
        const round = await this.publishOnce();
        busy = round.published > 0 || round.claimed > 0;
      } catch (error) {
        const what = isDatabaseUnavailable(error) ? 'the database is unavailable' : error instanceof Error ? error.name : 'failure';
        this.logger.warn(`outbox publishing paused (${what}); retrying in ${this.config.notificationDelivery.pollMs} ms`);
      }
      if (!busy && !this.stopping) await this.idle();
    }
  }

  private idle(): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(), this.config.notificationDelivery.pollMs);
      this.wakeUp = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}
