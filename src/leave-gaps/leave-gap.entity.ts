import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Firm } from '../firms/firm.entity';
import { ExtendedParentalReason, LeaveGapStatus, LeaveType } from './leave-types';
import { SkillLevel } from './skill';

@Entity('leave_gaps')
export class LeaveGap {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'firm_id' })
  firmId: string;

  @ManyToOne(() => Firm, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'firm_id' })
  firm?: Firm;

  @Column('text', { name: 'leave_type' })
  leaveType: LeaveType;

  @Column('date', { name: 'leave_start' })
  leaveStart: string;

  @Column('date', { name: 'leave_end' })
  leaveEnd: string;

  @Column('integer', { name: 'handover_days', default: 0 })
  handoverDays: number;

  @Column('boolean', { name: 'multiple_birth', default: false })
  multipleBirth: boolean;

  @Column('boolean', { name: 'premature_birth', default: false })
  prematureBirth: boolean;

  /** maternity and spouse maternity: the day of the birth, once known. */
  @Column('date', { name: 'birth_date', nullable: true })
  birthDate: string | null;

  /** reduced_hours only: parental-leave months not used (null: all 12). */
  @Column('integer', { name: 'unused_parental_months', nullable: true })
  unusedParentalMonths: number | null;

  /** parental only: days the substitute stays after the employee's return. */
  @Column('integer', { name: 'after_return_days', default: 0 })
  afterReturnDays: number;

  @Column('text', { name: 'extended_parental_reason', nullable: true })
  extendedParentalReason: ExtendedParentalReason | null;

  @Column('text', { name: 'role_title' })
  roleTitle: string;

  @Column('jsonb', { name: 'required_skills', default: [] })
  requiredSkills: SkillLevel[];

  @Column('jsonb', { name: 'preferred_skills', default: [] })
  preferredSkills: SkillLevel[];

  @Column('text', { name: 'required_certifications', array: true, default: [] })
  requiredCertifications: string[];

  /** The full-time job's hours a week. */
  @Column('integer', { name: 'weekly_hours' })
  weeklyHours: number;

  /** reduced_hours only: the hours a week the employee keeps working. */
  @Column('integer', { name: 'reduced_weekly_hours', nullable: true })
  reducedWeeklyHours: number | null;

  @Column('integer', { name: 'hourly_wage' })
  hourlyWage: number;

  @Column('double precision', { name: 'site_lat' })
  siteLat: number;

  @Column('double precision', { name: 'site_lng' })
  siteLng: number;

  @Column('integer', { name: 'max_commute_minutes', nullable: true })
  maxCommuteMinutes: number | null;

  @Column('text', { default: 'open' })
  status: LeaveGapStatus;

  /** Derived at write time (deriveVacancy) and stored so that match runs can filter on it. */
  @Column('date', { name: 'placement_start' })
  placementStart: string;

  @Column('date', { name: 'placement_end' })
  placementEnd: string;

  @Column('integer', { name: 'vacancy_weekly_hours' })
  vacancyWeeklyHours: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
