import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Alternative, ScoreBreakdown } from '../matching/core/types';

export const PROPOSAL_STATUSES = ['proposed', 'referred', 'confirmed', 'rejected', 'superseded'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

/** A seeker the engine proposes for a leave gap in one match run, until a coordinator decides. */
@Entity('proposals')
export class Proposal {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'match_run_id' })
  matchRunId: string;

  @Column('uuid', { name: 'leave_gap_id' })
  leaveGapId: string;

  @Column('uuid', { name: 'seeker_id' })
  seekerId: string;

  @Column('double precision')
  score: number;

  @Column('jsonb')
  breakdown: ScoreBreakdown;

  @Column('double precision', { name: 'commute_minutes' })
  commuteMinutes: number;

  /** Other feasible seekers for the gap, best first. */
  @Column('jsonb', { default: [] })
  alternatives: Alternative[];

  @Column('text', { default: 'proposed' })
  status: ProposalStatus;

  @Column('uuid', { name: 'placement_id', nullable: true })
  placementId: string | null;

  @Column('timestamptz', { name: 'decided_at', nullable: true })
  decidedAt: Date | null;

  /** Why it was rejected or superseded (a referred proposal: its referral's outcome). */
  @Column('text', { nullable: true })
  reason: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
