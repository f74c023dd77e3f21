import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One read of a seeker's personal data by someone other than the seeker. Append-only (see the migration). */
@Entity('access_log')
export class AccessLogEntry {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column('timestamptz', { name: 'accessed_at', default: () => 'now()' })
  accessedAt: Date;

  @Column('text', { name: 'actor_role' })
  actorRole: 'coordinator' | 'firm';

  @Column('text', { name: 'actor_subject' })
  actorSubject: string;

  /** The signed-in account; null for tokens of API clients, which name none. */
  @Column('uuid', { name: 'actor_user_id', nullable: true })
  actorUserId: string | null;

  /** The account's email when it read. */
  @Column('text', { name: 'actor_email', nullable: true })
  actorEmail: string | null;

  @Column('uuid', { name: 'actor_firm_id', nullable: true })
  actorFirmId: string | null;

  @Column('uuid', { name: 'seeker_id' })
  seekerId: string;

  /** Which read, e.g. `seekers.get` or `placements.contact`. */
  @Column('text')
  action: string;

  /** The personal fields that were sent. */
  @Column('text', { array: true })
  fields: string[];
}
