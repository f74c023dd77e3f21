import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** The firm or the seeker said no: no later run proposes this seeker for this gap. */
@Entity('rejected_pairs')
export class RejectedPair {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'leave_gap_id' })
  leaveGapId: string;

  @Column('uuid', { name: 'seeker_id' })
  seekerId: string;

  @Column('uuid', { name: 'proposal_id', nullable: true })
  proposalId: string | null;

  @Column('text')
  reason: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
