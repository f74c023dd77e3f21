import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ReferralStatus } from './referral-states';

export const REFERRAL_ACTOR_ROLES = ['coordinator', 'firm', 'seeker', 'system'] as const;
export type ReferralActorRole = (typeof REFERRAL_ACTOR_ROLES)[number];

/** One move of a referral, append-only: the coordinator's timeline. */
@Entity('referral_steps')
export class ReferralStep {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @Column('uuid', { name: 'referral_id' })
  referralId: string;

  @Column('text')
  status: ReferralStatus;

  @Column('text', { name: 'reason_code', nullable: true })
  reasonCode: string | null;

  /** The coordinator's own note: never shown to the firm or the seeker, never in the outbox. */
  @Column('text', { name: 'coordinator_note', nullable: true })
  coordinatorNote: string | null;

  /** The start date of a hire, the last day of a placement that ended early. */
  @Column('date', { name: 'effective_date', nullable: true })
  effectiveDate: string | null;

  @Column('text', { name: 'actor_role' })
  actorRole: ReferralActorRole;

  @Column('uuid', { name: 'actor_user_id', nullable: true })
  actorUserId: string | null;

  @Column('timestamptz', { name: 'occurred_at' })
  occurredAt: Date;
}
