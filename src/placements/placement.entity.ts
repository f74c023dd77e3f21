import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { LeaveGap } from '../leave-gaps/leave-gap.entity';
import { Seeker } from '../seekers/seeker.entity';

export const PLACEMENT_STATUSES = ['confirmed', 'cancelled'] as const;
export type PlacementStatus = (typeof PLACEMENT_STATUSES)[number];

/** Why a placement was cancelled, as the firm and the seeker are told (the coordinator's note stays internal). */
export const CANCELLATION_CODES = ['firm_request', 'seeker_request', 'leave_changed', 'other'] as const;
export type CancellationCode = (typeof CANCELLATION_CODES)[number];

/**
 * A seeker placed in a leave gap. `period` is a PostgreSQL daterange; an exclusion constraint
 * refuses two confirmed placements of one seeker sharing a day (see placement-period.ts).
 */
@Entity('placements')
export class Placement {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'seeker_id' })
  seekerId: string;

  @ManyToOne(() => Seeker, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'seeker_id' })
  seeker?: Seeker;

  @Column('uuid', { name: 'leave_gap_id' })
  leaveGapId: string;

  @ManyToOne(() => LeaveGap, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'leave_gap_id' })
  leaveGap?: LeaveGap;

  /** As PostgreSQL prints it, canonical half-open: `[2026-03-02,2026-07-01)`. */
  @Column('daterange')
  period: string;

  @Column('text', { default: 'confirmed' })
  status: PlacementStatus;

  /** The coordinator's internal note: never shown to the firm or the seeker. */
  @Column('text', { name: 'cancelled_reason', nullable: true })
  cancelledReason: string | null;

  @Column('text', { name: 'cancellation_code', nullable: true })
  cancellationCode: CancellationCode | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
