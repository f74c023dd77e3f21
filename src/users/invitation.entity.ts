import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type InvitedRole = 'firm' | 'seeker';

/** A one-time link for firm staff (of one firm) or a registered seeker to set their password. */
@Entity('invitations')
export class Invitation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  email: string;

  @Column('text')
  role: InvitedRole;

  @Column('uuid', { name: 'firm_id', nullable: true })
  firmId: string | null;

  @Column('uuid', { name: 'seeker_id', nullable: true })
  seekerId: string | null;

  /** SHA-256 of the token, hex: a copy of the table does not let anyone accept. */
  @Column('text', { name: 'token_hash' })
  tokenHash: string;

  @Column('timestamptz', { name: 'expires_at' })
  expiresAt: Date;

  @Column('timestamptz', { name: 'accepted_at', nullable: true })
  acceptedAt: Date | null;

  @Column('uuid', { name: 'invited_by', nullable: true })
  invitedBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
