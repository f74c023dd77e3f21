import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A state change for a notifier to deliver later; written in the transaction that made it. */
@Entity('outbox_events')
export class OutboxEvent {
  /** bigint identity: delivery order. The driver returns it as a string. */
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column('text')
  type: string;

  @Column('text', { name: 'aggregate_type' })
  aggregateType: string;

  @Column('uuid', { name: 'aggregate_id' })
  aggregateId: string;

  /** Ids and facts only, never personal data. */
  @Column('jsonb', { default: {} })
  payload: Record<string, unknown>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column('timestamptz', { name: 'published_at', nullable: true })
  publishedAt: Date | null;
}
