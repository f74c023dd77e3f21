import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { FeasibilityRule, NearMiss } from './core/types';

/** Why a run left a gap unfilled: the engine's diagnostics, as computed for that run. */
@Entity('match_run_unfilled')
export class UnfilledGap {
  @PrimaryColumn('uuid', { name: 'match_run_id' })
  matchRunId: string;

  @PrimaryColumn('uuid', { name: 'leave_gap_id' })
  leaveGapId: string;

  @Column('integer', { name: 'feasible_candidates' })
  feasibleCandidates: number;

  @Column('jsonb', { name: 'excluded_by' })
  excludedBy: { [rule in FeasibilityRule]: number };

  @Column('jsonb', { name: 'near_misses' })
  nearMisses: NearMiss[];
}
