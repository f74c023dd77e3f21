import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** The first answer to a request sent with an Idempotency-Key, replayed for retries. */
@Entity('idempotency_records')
export class IdempotencyRecord {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The operation the key belongs to, e.g. `proposals.confirm`. */
  @Column('text')
  scope: string;

  @Column('text')
  key: string;

  /** Hash of what the request asked for: the same key with another request is refused. */
  @Column('text')
  fingerprint: string;

  @Column('integer', { name: 'response_status', nullable: true })
  responseStatus: number | null;

  @Column('text', { name: 'response_body', nullable: true })
  responseBody: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
