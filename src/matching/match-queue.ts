import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import PgBoss from 'pg-boss';
import type { EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { DatabaseConnection } from '../database/database-connection';

export const MATCH_RUN_QUEUE = 'match-run';
const POLLING_INTERVAL_MS = 1_000;
const RETRY_DELAY_SECONDS = 5;
/** How long shutting down waits for the attempt in hand before the pool closes under it. */
const STOP_WAIT_MS = 10_000;

type Handler = (job: MatchRunJob, context: MatchRunJobContext) => Promise<void>;

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
 *
 * The worker loop is ours rather than pg-boss's `work()`: pg-boss 10 settles a job with
 * `complete()`/`fail()` calls nobody awaits, so a database outage as an attempt ends became an
 * unhandled rejection that killed the process. Here every settling call is awaited and a
 * failure only logged: the job then stays active, and the run's missing heartbeat gets it
 * retried (MatchRunExecutor.takeOverStalledRuns).
 */
@Injectable()
export class MatchQueue implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(MatchQueue.name);
  private readonly boss: PgBoss;
  private stopping = false;
  private loop?: Promise<void>;
  private wakeUp?: () => void;

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
    this.stopping = true;
    this.wakeUp?.();
    if (this.loop) await Promise.race([this.loop, new Promise((resolve) => setTimeout(resolve, STOP_WAIT_MS).unref())]);
    await this.boss.stop({ graceful: true, timeout: STOP_WAIT_MS, wait: true });
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

  /** Hands a job back to pg-boss as failed, in the caller's transaction: it is retried while retries remain. */
  async failInTransaction(jobId: string, reason: string, manager: EntityManager): Promise<void> {
    const queryRunner = manager.queryRunner;
    if (!queryRunner?.isTransactionActive) throw new Error('MatchQueue.failInTransaction needs a transaction');
    await this.boss.fail(MATCH_RUN_QUEUE, jobId, { reason }, {
      db: { executeSql: async (text: string, values: unknown[]) => ({ rows: (await queryRunner.query(text, values, true)).records }) },
    });
  }

  /** Wakes this instance's worker now rather than at its next poll. */
  wakeWorker(): void {
    this.wakeUp?.();
  }

  /** Starts taking jobs, one at a time, until the module stops. */
  async work(handler: Handler): Promise<void> {
    this.loop ??= this.takeJobs(handler);
  }

  private async takeJobs(handler: Handler): Promise<void> {
    while (!this.stopping) {
      let took = false;
      try {
        const [job] = await this.boss.fetch<MatchRunJob>(MATCH_RUN_QUEUE, { batchSize: 1, includeMetadata: true });
        if (job) {
          took = true;
          await this.attempt(job, handler);
        }
      } catch (error) {
        this.logger.warn(`could not fetch a match-run job: ${messageOf(error)}`);
      }
      if (!took && !this.stopping) await this.idle();
    }
  }

  private async attempt(job: PgBoss.JobWithMetadata<MatchRunJob>, handler: Handler): Promise<void> {
    let failure: unknown;
    try {
      await handler(job.data, { jobId: job.id, retryCount: job.retryCount, retryLimit: job.retryLimit });
    } catch (error) {
      failure = error ?? new Error('unknown failure');
    }
    try {
      if (failure === undefined) await this.boss.complete(MATCH_RUN_QUEUE, job.id);
      // Only the error's name: driver messages may quote values; the run keeps a safe message.
      else await this.boss.fail(MATCH_RUN_QUEUE, job.id, { reason: failure instanceof Error ? failure.name : 'failure' });
    } catch (error) {
      this.logger.warn(`could not settle match-run job ${job.id} (${messageOf(error)}); its run will be taken over when its heartbeat stops`);
    }
  }

  private idle(): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, POLLING_INTERVAL_MS);
      this.wakeUp = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
