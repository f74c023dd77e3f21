import { Column, CreateDateColumn, Entity, OneToMany, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { SkillLevel } from '../leave-gaps/skill';
import { CommuteMode, SeekerStatus } from './seeker-enums';
import { SeekerAvailability } from './seeker-availability.entity';

@Entity('seekers')
export class Seeker {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Personal data, like phone, email, home, skills: null once the seeker has withdrawn. */
  @Column('text', { name: 'display_name', nullable: true })
  displayName: string | null;

  /** The name's initial consonants (ㅂㅅㅇ for 백승우), kept by the service for list search. */
  @Column('text', { name: 'name_initials', nullable: true })
  nameInitials: string | null;

  /** Personal data: sent only to those entitled to see it. */
  @Column('text', { nullable: true })
  phone: string | null;

  @Column('text', { nullable: true })
  email: string | null;

  @Column('double precision', { name: 'home_lat', nullable: true })
  homeLat: number | null;

  @Column('double precision', { name: 'home_lng', nullable: true })
  homeLng: number | null;

  @Column('text', { name: 'commute_mode' })
  commuteMode: CommuteMode;

  @Column('integer', { name: 'max_commute_minutes' })
  maxCommuteMinutes: number;

  @Column('jsonb', { default: [] })
  skills: SkillLevel[];

  @Column('text', { array: true, default: [] })
  certifications: string[];

  @Column('integer', { name: 'weekly_hours_min' })
  weeklyHoursMin: number;

  @Column('integer', { name: 'weekly_hours_max' })
  weeklyHoursMax: number;

  @Column('integer', { name: 'min_hourly_wage', nullable: true })
  minHourlyWage: number | null;

  @Column('uuid', { name: 'blocked_firm_ids', array: true, default: [] })
  blockedFirmIds: string[];

  /** When the seeker consented to the processing of their data; no consent, no record. */
  @Column('timestamptz', { name: 'consent_at' })
  consentAt: Date;

  @Column('text', { default: 'active' })
  status: SeekerStatus;

  /** Set when the seeker withdrew (PIPA): the personal fields are erased, the row stays for history. */
  @Column('timestamptz', { name: 'withdrawn_at', nullable: true })
  withdrawnAt: Date | null;

  /** Registered, or last placement ended: matching favours those waiting longest. */
  @Column('date', { name: 'waiting_since' })
  waitingSince: string;

  @OneToMany(() => SeekerAvailability, (window) => window.seeker)
  availability?: SeekerAvailability[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
