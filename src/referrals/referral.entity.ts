import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ReferralStatus } from './referral-states';

/** A referral's current state (migrations/1795680000000-Referrals.ts); only ReferralLifecycle writes it. */
@Entity('referrals')
export class Referral {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'proposal_id' })
  proposalId: string;

  @Column('uuid', { name: 'leave_gap_id' })
  leaveGapId: string;

  @Column('uuid', { name: 'seeker_id' })
  seekerId: string;

  @Column('uuid', { name: 'firm_id' })
  firmId: string;

  @Column('text')
  status: ReferralStatus;

  @Column('text', { name: 'reason_code', nullable: true })
  reasonCode: string | null;

  @Column('uuid', { name: 'placement_id', nullable: true })
  placementId: string | null;

  @Column('date', { name: 'start_date', nullable: true })
  startDate: string | null;

  @Column('date', { name: 'ended_on', nullable: true })
  endedOn: string | null;

  @Column('timestamptz', { name: 'offered_at' })
  offeredAt: Date;

  @Column('timestamptz', { name: 'status_changed_at' })
  statusChangedAt: Date;

  @Column('uuid', { name: 'created_by_user_id', nullable: true })
  createdByUserId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
