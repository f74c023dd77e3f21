import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '../clock/clock';
import { AppConfig } from '../config/app-config';

const DAY_MS = 24 * 3600 * 1000;
/** How often a worker instance applies the policy; a missed sweep only delays it. */
const SWEEP_INTERVAL_MS = 6 * 3600 * 1000;
/** Serialises sweeps of several instances (they would only repeat each other's work). */
const RETENTION_LOCK_KEY = 0x6368_6172; // "char"

export interface RetentionSweep {
  /** Runs whose stored instance was dropped. */
  readonly instances: number;
  /** Superseded proposals deleted. */
  readonly proposals: number;
}

/**
 * Retention of match-run results (docs/operations-scale.md): a finished run older than
 * MATCH_RUN_RETENTION_DAYS that is not among the MATCH_RUN_RETENTION_KEEP_PER_SCOPE newest runs
 * of its scope loses its stored instance and its superseded proposals. Its run row, stats,
 * unfilled diagnostics and decided proposals (confirmed, rejected: the record of what a
 * coordinator did) stay. Ages are read from the injected Clock.
 */
@Injectable()
export class MatchRunRetention implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(MatchRunRetention.name);
  private timer?: NodeJS.Timeout;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.matchWorkerEnabled) return;
    this.timer = setInterval(() => {
      this.sweep().catch((error: unknown) => this.logger.warn(`retention sweep failed: ${error instanceof Error ? error.message : 'unknown'}`));
    }, SWEEP_INTERVAL_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  async sweep(): Promise<RetentionSweep> {
    const cutoff = new Date(this.clock.now().getTime() - this.config.matchRunRetentionDays * DAY_MS);
    const swept = await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [RETENTION_LOCK_KEY]);
      const [row]: { instances: number; proposals: number }[] = await manager.query(
        `WITH ranked AS (
           SELECT id, coalesce(finished_at, queued_at) AS ended,
                  row_number() OVER (PARTITION BY scope ORDER BY queued_at DESC, id) AS newness
           FROM match_runs WHERE status IN ('succeeded', 'failed')),
         expired AS (SELECT id FROM ranked WHERE newness > $1 AND ended < $2),
         instances AS (
           UPDATE match_runs SET instance = NULL, instance_seeker_ids = NULL WHERE id IN (SELECT id FROM expired) AND instance IS NOT NULL RETURNING id),
         proposals AS (
           DELETE FROM proposals WHERE match_run_id IN (SELECT id FROM expired) AND status = 'superseded' RETURNING id)
         SELECT (SELECT count(*) FROM instances)::int AS instances, (SELECT count(*) FROM proposals)::int AS proposals`,
        [this.config.matchRunRetentionKeepPerScope, cutoff],
      );
      return row;
    });
    if (swept.instances > 0 || swept.proposals > 0) {
      this.logger.log(`retention: dropped ${swept.instances} stored instance(s) and ${swept.proposals} superseded proposal(s)`);
    }
    return swept;
  }
}
