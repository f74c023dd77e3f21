import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import PgBoss from 'pg-boss';
import type { EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { DatabaseConnection } from '../database/database-connection';

export const MATCH_RUN_QUEUE = 'match-run';
const POLLING_INTERVAL_SECONDS = 1;
const RETRY_DELAY_SECONDS = 5;

export interface MatchRunJob {
  readonly matchRunId: string;
}

export interface MatchRunJobContext {
  readonly jobId: string;
  readonly retryCount: number;
  readonly retryLimit: number;
}

/**
 * The PostgreSQL-backed job queue (pg-boss) for match runs, on the same database as the
 * service (embedded included), so that any instance's worker can take a run and a crashed
 * one is retried. Jobs are inserted through the caller's transaction: a run and its job
 * exist together or not at all.
 */
@Injectable()
export class MatchQueue implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(MatchQueue.name);
  private readonly boss: PgBoss;
  private readonly workerIds: string[] = [];

  constructor(
    private readonly config: AppConfig,
    connection: DatabaseConnection,
  ) {
    this.boss = new PgBoss({
      connectionString: connection.url,
      max: config.matchQueuePoolSize,
      application_name: 'chaeum-queue',
      schedule: false,
    });
    // Without a listener an 'error' event (e.g. a lost connection while polling) would crash the process.
    this.boss.on('error', (error) => this.logger.warn(`queue error: ${error.message}`));
  }

  async onModuleInit(): Promise<void> {
    await this.boss.start();
    await this.boss.createQueue(MATCH_RUN_QUEUE, {
      name: MATCH_RUN_QUEUE,
      retryLimit: this.config.matchRunRetryLimit,
      retryDelay: RETRY_DELAY_SECONDS,
      expireInSeconds: this.config.matchRunExpireSeconds,
    });
  }

  /** Lets in-flight work finish (bounded) before the database pool closes. */
  async onModuleDestroy(): Promise<void> {
    await this.boss.stop({ graceful: true, timeout: 10_000, wait: true });
  }

  /** Enqueues a run through the caller's transaction; returns the job id. */
  async send(job: MatchRunJob, manager: EntityManager): Promise<string> {
    const queryRunner = manager.queryRunner;
    if (!queryRunner?.isTransactionActive) throw new Error('MatchQueue.send needs a transaction');
    const jobId = await this.boss.send(MATCH_RUN_QUEUE, job, {
      db: { executeSql: async (text: string, values: unknown[]) => ({ rows: (await queryRunner.query(text, values, true)).records }) },
    });
    if (!jobId) throw new Error(`the ${MATCH_RUN_QUEUE} queue refused the job`);
    return jobId;
  }

  /** Wakes this instance's worker now rather than at its next poll. */
  wakeWorker(): void {
    for (const workerId of this.workerIds) this.boss.notifyWorker(workerId);
  }

  /**
   * MATCH_CONCURRENCY pollers, each taking one job at a time: this instance runs that many at
   * once, and instances that poll the same queue share the runs between them.
   */
  async work(handler: (job: MatchRunJob, context: MatchRunJobContext) => Promise<void>): Promise<void> {
    for (let poller = 0; poller < this.config.matchConcurrency; poller++) {
      const workerId = await this.boss.work<MatchRunJob>(
        MATCH_RUN_QUEUE,
        { batchSize: 1, includeMetadata: true, pollingIntervalSeconds: POLLING_INTERVAL_SECONDS },
        async ([job]) => handler(job.data, { jobId: job.id, retryCount: job.retryCount, retryLimit: job.retryLimit }),
      );
      this.workerIds.push(workerId);
    }
  }
}
