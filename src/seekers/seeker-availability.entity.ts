import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Seeker } from './seeker.entity';

/** A window of days (inclusive) in which the seeker can take a placement. */
@Entity('seeker_availability')
export class SeekerAvailability {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'seeker_id' })
  seekerId: string;

  @ManyToOne(() => Seeker, (seeker) => seeker.availability, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'seeker_id' })
  seeker?: Seeker;

  @Column('date', { name: 'start_date' })
  startDate: string;

  @Column('date', { name: 'end_date' })
  endDate: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
