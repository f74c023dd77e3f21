import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Role } from '../auth/principal';

export type UserStatus = 'active' | 'disabled';

/**
 * An account that signs in. Nothing of it is ever logged (see common/logging.ts) and it never
 * leaves the service as it is: UserResponse lists what is sent.
 */
@Entity('users')
export class User {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored lower-case; unique whatever its case (ux_users_email on lower(email)). */
  @Column('text')
  email: string;

  /** argon2id, PHC string format. */
  @Column('text', { name: 'password_hash' })
  passwordHash: string;

  @Column('text')
  role: Role;

  @Column('text', { name: 'display_name' })
  displayName: string;

  @Column('uuid', { name: 'firm_id', nullable: true })
  firmId: string | null;

  @Column('uuid', { name: 'seeker_id', nullable: true })
  seekerId: string | null;

  @Column('text')
  status: UserStatus;

  @Column('timestamptz', { name: 'last_sign_in_at', nullable: true })
  lastSignInAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
