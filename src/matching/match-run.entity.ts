import { Column, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { MatchStats, ScoreWeights } from './core/types';

export const MATCH_RUN_STATUSES = ['queued', 'running', 'succeeded', 'failed'] as const;
export type MatchRunStatus = (typeof MATCH_RUN_STATUSES)[number];

/** What a coordinator asked to match: named complexes and/or gaps, within a horizon. */
export interface MatchScope {
  complexIds?: string[];
  leaveGapIds?: string[];
  horizon?: { from: string; to: string };
}

/** One optimisation over a scope: a pg-boss job whose result is written in one transaction. */
@Entity('match_runs')
export class MatchRun {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text', { default: 'queued' })
  status: MatchRunStatus;

  @Column('jsonb')
  scope: MatchScope;

  /** Complexes the scope reaches; null: all of them. Used to refuse overlapping active runs. */
  @Column('uuid', { name: 'scope_complex_ids', array: true, nullable: true })
  scopeComplexIds: string[] | null;

  @Column('daterange', { name: 'scope_period' })
  scopePeriod: string;

  @Column('jsonb', { nullable: true })
  weights: ScoreWeights | null;

  @Column('integer', { name: 'time_limit_ms' })
  timeLimitMs: number;

  /** The day the run is for (Asia/Seoul): the engine's asOf. */
  @Column('date', { name: 'as_of' })
  asOf: string;

  /** The pg-boss job currently responsible for the run; older jobs leave it alone. */
  @Column('uuid', { name: 'job_id', nullable: true })
  jobId: string | null;

  @Column('integer', { default: 0 })
  attempts: number;

  @Column('jsonb', { nullable: true })
  stats: MatchStats | null;

  /** The exact JSON text given to the engine; large, so loaded only when downloaded. */
  @Column('text', { nullable: true, select: false })
  instance?: string | null;

  /** The seekers the stored instance names: for the access log of a download, and for erasure. */
  @Column('uuid', { name: 'instance_seeker_ids', array: true, nullable: true, select: false })
  instanceSeekerIds?: string[] | null;

  /** Never personal data: it is shown to every coordinator and logged. */
  @Column('text', { name: 'error_message', nullable: true })
  errorMessage: string | null;

  @Column('timestamptz', { name: 'queued_at', default: () => 'now()' })
  queuedAt: Date;

  @Column('timestamptz', { name: 'started_at', nullable: true })
  startedAt: Date | null;

  /** The attempt's instance built (its solve began); with solvedAt it splits the run into phases. */
  @Column('timestamptz', { name: 'built_at', nullable: true })
  builtAt: Date | null;

  /** The attempt's solve ended: its results began to be written. */
  @Column('timestamptz', { name: 'solved_at', nullable: true })
  solvedAt: Date | null;

  @Column('timestamptz', { name: 'finished_at', nullable: true })
  finishedAt: Date | null;

  @Column('integer', { name: 'solve_ms', nullable: true })
  solveMs: number | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
