import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { describeDriverError } from '../common/driver-error';
import { ThreadedStatements } from '../database/threaded-statements';
import { AppConfig } from '../config/app-config';
import { recordEvent } from '../outbox/outbox';
import { InstanceBuilder, InvalidInstanceError } from './instance-builder';
import { MatchQueue, MatchRunJob, MatchRunJobContext } from './match-queue';
import { MatchRun } from './match-run.entity';
import { MatchRunResultsWriter } from './match-run-results.writer';
import { SeekerPool } from './seeker-pool';
import { SolveOutcome, SolverThread } from './solver/solver-thread';

const MAX_ERROR_LENGTH = 500;
const KEEP_INSTANCE_SQL = `UPDATE match_runs SET instance = $3, instance_seeker_ids = string_to_array($4, ',')::uuid[], built_at = now() WHERE id = $1 AND job_id = $2`;
/** A queued run whose job has been gone this long will never start. */
const LOST_JOB_GRACE_SECONDS = 60;

/**
 * Takes match-run jobs from the queue: marks the run running, builds the instance from the
 * database, solves it in the worker thread and writes the result in one transaction.
 */
@Injectable()
export class MatchRunExecutor implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(MatchRunExecutor.name);
  private sweepTimer?: NodeJS.Timeout;
  private readonly heartbeatTimeoutSeconds: number;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly queue: MatchQueue,
    private readonly builder: InstanceBuilder,
    private readonly solver: SolverThread,
    private readonly results: MatchRunResultsWriter,
    private readonly pool: SeekerPool,
    private readonly statements: ThreadedStatements,
  ) {
    this.heartbeatTimeoutSeconds = config.matchRunHeartbeatTimeoutSeconds;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.matchWorkerEnabled) return;
    // The engine loads on its thread while the service starts, not during the first run.
    this.solver.start();
    // Runs that read their seekers from the pool find it built now, in the background, rather than by the first run.
    if (this.config.matchRunSeekersFromPool) {
      this.pool.refresh().catch((error: unknown) => this.logger.warn(`building the seeker pool failed: ${describeError(error)}`));
    }
    await this.settleAbandonedRuns();
    await this.queue.work((job, context) => this.execute(job, context));
    this.sweepTimer = setInterval(() => {
      this.settleAbandonedRuns().catch((error: unknown) => this.logger.warn(`sweep failed: ${describeError(error)}`));
    }, (this.heartbeatTimeoutSeconds * 1000) / 3);
    this.sweepTimer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.sweepTimer);
  }

  /** One attempt at a run. Throwing hands the job back to pg-boss for a retry. */
  async execute({ matchRunId }: MatchRunJob, context: MatchRunJobContext): Promise<void> {
    const run = await this.claim(matchRunId, context.jobId);
    if (!run) return; // an older job of a retried run, or a run already finished
    const heartbeat = setInterval(() => void this.beat(run), (this.heartbeatTimeoutSeconds * 1000) / 6);
    try {
      const startedAt = performance.now();
      // The database (or the pool, at the run's snapshot) serialises the seekers; the solver thread parses and validates the text.
      const source = this.config.matchRunSeekersFromPool ? this.pool : undefined;
      const instance = await this.builder.buildText(run.scope, { asOf: run.asOf, weights: run.weights }, source);
      const builtAt = performance.now();
      // Stored while the thread solves (the database's work, not the loop's); awaited before the
      // results, so that even a run whose solve failed can be downloaded and reproduced.
      const solving = this.solver.solve(instance.bytes, { timeLimitMs: run.timeLimitMs }, { vacancies: instance.vacancyCount, seekers: instance.seekerIds.length });
      solving.catch(() => undefined); // settled below; not an unhandled rejection meanwhile
      const [kept, solved] = await Promise.allSettled([this.keepInstance(run, context.jobId, instance.bytes, instance.seekerIds), solving]);
      if (kept.status === 'rejected') throw kept.reason;
      if (solved.status === 'rejected') throw solved.reason;
      const { rows } = solved.value;
      const solvedAt = performance.now();
      await this.results.write(run, context.jobId, rows);
      this.logger.log(
        `match run ${run.id}: ${instance.vacancyCount} vacancies, ${instance.seekerIds.length} seekers; ` +
          `built in ${Math.round(builtAt - startedAt)} ms, solved (and stored) in ${Math.round(solvedAt - builtAt)} ms${describeSolve(solved.value)}, ` +
          `written in ${Math.round(performance.now() - solvedAt)} ms; filled ${rows.stats.filled}, optimal ${rows.stats.optimal}`,
      );
    } catch (error) {
      // A bad instance is a bug that a retry would only repeat.
      const final = error instanceof InvalidInstanceError || context.retryCount >= context.retryLimit;
      await this.recordFailure(run, context, describeError(error), final);
      if (!final) throw error;
    } finally {
      clearInterval(heartbeat);
    }
  }

  /** Tells the other instances this attempt's worker is alive; a missed beat is harmless. */
  private async beat(run: MatchRun): Promise<void> {
    try {
      await this.dataSource.query(`UPDATE match_runs SET heartbeat_at = now() WHERE id = $1 AND status = 'running' AND attempts = $2`, [
        run.id,
        run.attempts,
      ]);
    } catch (error) {
      this.logger.warn(`match run ${run.id}: heartbeat failed (${describeError(error)})`);
    }
  }

  /**
   * A running attempt without a heartbeat for MATCH_RUN_HEARTBEAT_TIMEOUT_SECONDS lost its
   * worker (a crash, a kill, an outage as it ended): its job is handed back to the queue, which
   * retries it on any instance while retries remain; otherwise the run is marked failed so that
   * a coordinator can retry it. A queued run whose job no longer waits will never start: failed too.
   * Returns the runs marked failed.
   */
  async settleAbandonedRuns(): Promise<string[]> {
    return this.dataSource.transaction(async (manager) => {
      const stalled: { id: string; job_id: string | null; attempts: number }[] = await manager.query(
        `SELECT id, job_id, attempts FROM match_runs
          WHERE status = 'running' AND coalesce(heartbeat_at, started_at) < now() - make_interval(secs => $1::int)
          FOR UPDATE SKIP LOCKED`,
        [this.heartbeatTimeoutSeconds],
      );
      const failed: string[] = [];
      for (const run of stalled) {
        if (await this.retryStalled(manager, run)) continue;
        await manager.query(
          `UPDATE match_runs SET status = 'failed', finished_at = now(), updated_at = now(),
             error_message = 'the worker stopped before finishing (no heartbeat for ' || $2::int || ' s); retry the run'
           WHERE id = $1`,
          [run.id, this.heartbeatTimeoutSeconds],
        );
        failed.push(run.id);
      }
      // A queued run whose job is gone or finished will never start (e.g. the job was deleted).
      const [lost]: [{ id: string }[], number] = await manager.query(
        `UPDATE match_runs r SET status = 'failed', finished_at = now(), updated_at = now(),
           error_message = 'the queued job was lost before it started; retry the run'
         WHERE r.status = 'queued' AND r.queued_at < now() - make_interval(secs => $1::int)
           AND NOT EXISTS (SELECT 1 FROM pgboss.job j WHERE j.id = r.job_id AND j.state IN ('created', 'retry', 'active'))
         RETURNING r.id`,
        [LOST_JOB_GRACE_SECONDS],
      );
      failed.push(...lost.map((row) => row.id));
      for (const id of failed) {
        await recordEvent(manager, { type: 'match_run.failed', aggregateType: 'match_run', aggregateId: id, payload: { abandoned: true } });
      }
      if (stalled.length > 0 || failed.length > 0) {
        this.logger.warn(`took over ${stalled.length} stalled match run(s); marked ${failed.length} abandoned run(s) failed`);
      }
      return failed;
    });
  }

  /** Fails the stalled attempt's job in the queue; true when the queue will retry it. */
  private async retryStalled(manager: EntityManager, run: { id: string; job_id: string | null; attempts: number }): Promise<boolean> {
    if (!run.job_id) return false;
    await this.queue.failInTransaction(run.job_id, 'the worker stopped sending heartbeats', manager);
    const [job]: { state: string }[] = await manager.query(`SELECT state FROM pgboss.job WHERE id = $1`, [run.job_id]);
    if (job?.state !== 'retry') return false;
    await manager.query(
      `UPDATE match_runs SET status = 'queued', updated_at = now(),
         error_message = 'attempt ' || $2::int || ' lost its worker (no heartbeat for ' || $3::int || ' s); retrying'
       WHERE id = $1`,
      [run.id, run.attempts, this.heartbeatTimeoutSeconds],
    );
    return true;
  }

  private async claim(runId: string, jobId: string): Promise<MatchRun | undefined> {
    return this.dataSource.transaction(async (manager) => {
      const [rows]: [{ id: string; attempts: number }[], number] = await manager.query(
        `UPDATE match_runs SET status = 'running', started_at = now(), heartbeat_at = now(), built_at = NULL, solved_at = NULL, finished_at = NULL, attempts = attempts + 1, updated_at = now()
         WHERE id = $1 AND job_id = $2 AND status IN ('queued', 'running')
         RETURNING id, attempts`,
        [runId, jobId],
      );
      if (rows.length === 0) return undefined;
      await recordEvent(manager, {
        type: 'match_run.started',
        aggregateType: 'match_run',
        aggregateId: runId,
        payload: { attempt: rows[0].attempts },
      });
      return manager.findOneByOrFail(MatchRun, { id: runId });
    });
  }

  /**
   * Stored before solving, so that even a run that failed can be downloaded and reproduced; from
   * the statement thread, where the driver's copy of the 21 MB parameter does not hold the loop.
   */
  private async keepInstance(run: MatchRun, jobId: string, json: Uint8Array, seekerIds: readonly string[]): Promise<void> {
    // Bytes go to PostgreSQL as a binary parameter (text's binary form is its UTF-8): not encoded again;
    // the ids as one text, which the database splits (the driver's array literal of 50,000 held the loop).
    await this.statements.run(KEEP_INSTANCE_SQL, [run.id, jobId, json, seekerIds.join(',')]);
  }

  private async recordFailure(run: MatchRun, context: MatchRunJobContext, message: string, final: boolean): Promise<void> {
    this.logger.warn(`match run ${run.id} attempt ${context.retryCount + 1} failed${final ? '' : ', will retry'}: ${message}`);
    await this.dataSource.transaction(async (manager) => {
      const [rows]: [{ id: string }[], number] = await manager.query(
        `UPDATE match_runs SET status = $3, error_message = $4, finished_at = CASE WHEN $3 = 'failed' THEN now() END, updated_at = now()
         WHERE id = $1 AND job_id = $2 AND status = 'running' AND attempts = $5 RETURNING id`,
        [
          run.id,
          context.jobId,
          final ? 'failed' : 'queued',
          final ? message : `attempt ${context.retryCount + 1} failed, retrying: ${message}`,
          // A later attempt of the same job (pg-boss retried one it considered expired) owns the run now.
          run.attempts,
        ],
      );
      if (rows.length > 0 && final) {
        await recordEvent(manager, { type: 'match_run.failed', aggregateType: 'match_run', aggregateId: run.id, payload: { attempts: run.attempts } });
      }
    });
  }
}

/**
 * Where the solve's time went, for the log line: the thread's steps (wall ms, CPU ms in
 * parentheses where Linux reports a thread's CPU), the ms it waited for a core, and the reply.
 */
function describeSolve({ timings, replyMs }: SolveOutcome): string {
  if (!timings) return '';
  const steps = Object.entries(timings.phases).map(([step, time]) => `${step} ${time.wallMs}${time.cpuMs === undefined ? '' : ` (${time.cpuMs})`}`);
  const waited = timings.waitMs === undefined ? '' : `, waited for a core ${timings.waitMs}`;
  return ` (thread's solve #${timings.solve}: ${steps.join(', ')}${waited}; reply ${replyMs} ms)`;
}

/** For the run's error message and the logs: never driver details (they quote values). */
function describeError(error: unknown): string {
  const text =
    error instanceof QueryFailedError
      ? `database error (${describeDriverError(error.driverError)})`
      : error instanceof Error
        ? error.message
        : 'unknown error';
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH - 1)}…` : text;
}
