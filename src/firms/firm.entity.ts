import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { IndustrialComplex } from '../complexes/industrial-complex.entity';

export const FIRM_STATUSES = ['active', 'cancelled'] as const;
export type FirmStatus = (typeof FIRM_STATUSES)[number];

@Entity('firms')
export class Firm {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  name: string;

  /** 사업자등록번호: ten digits, no dashes. */
  @Column('text', { name: 'business_number' })
  businessNumber: string;

  @Column('integer', { name: 'employee_count' })
  employeeCount: number;

  /** 우선지원대상기업: an SME eligible for priority support. */
  @Column('boolean', { name: 'priority_support', default: false })
  prioritySupport: boolean;

  @Column('uuid', { name: 'complex_id' })
  complexId: string;

  @ManyToOne(() => IndustrialComplex, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'complex_id' })
  complex?: IndustrialComplex;

  @Column('text')
  address: string;

  @Column('double precision', { name: 'site_lat' })
  siteLat: number;

  @Column('double precision', { name: 'site_lng' })
  siteLng: number;

  @Column('text', { default: 'active' })
  status: FirmStatus;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
