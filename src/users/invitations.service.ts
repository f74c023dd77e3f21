import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal';
import { Clock } from '../clock/clock';
import { DomainError, NotFoundError } from '../common/domain-error';
import { EmailTakenError, SeekerHasAccountError, insertAccount } from './accounts';
import { AcceptInvitationDto, CreateInvitationDto, InvitationPreviewResponse, InvitationResponse } from './dto/invitation.dto';
import { Invitation } from './invitation.entity';
import { normaliseEmail } from './passwords';
import { Session, UsersService } from './users.service';

export const INVITATION_VALIDITY_HOURS = 72;

class InvitationNotFoundError extends DomainError {
  constructor() {
    super('not_found', 'invitation.not_found', 'There is no such invitation.');
  }
}

class InvitationGoneError extends DomainError {
  constructor(reason: 'used' | 'expired') {
    super('gone', `invitation.${reason}`, reason === 'used' ? 'This invitation has been used already.' : 'This invitation has expired; ask for a new one.');
  }
}

/** SHA-256 suffices for a 256-bit random token (no dictionary to guess from); argon2 would only cost time. */
function hashOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Coordinators invite firm staff (for a firm) and registered seekers; the link sets the
 * password once, within INVITATION_VALIDITY_HOURS. Only the token's hash is stored.
 */
@Injectable()
export class InvitationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly clock: Clock,
  ) {}

  async create(dto: CreateInvitationDto, inviter: Principal): Promise<InvitationResponse> {
    const email = normaliseEmail(dto.email);
    await this.assertInvitable(dto, email);
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(this.clock.now().getTime() + INVITATION_VALIDITY_HOURS * 3600_000);
    const invitation = await this.dataSource.manager.save(
      this.dataSource.manager.create(Invitation, {
        email,
        role: dto.role,
        firmId: dto.role === 'firm' ? dto.firmId : null,
        seekerId: dto.role === 'seeker' ? dto.seekerId : null,
        tokenHash: hashOf(token),
        expiresAt,
        invitedBy: inviter.userId ?? null,
      }),
    );
    return { id: invitation.id, email, role: invitation.role, expiresAt, acceptPath: `/invite/${token}` };
  }

  async preview(token: string): Promise<InvitationPreviewResponse> {
    const invitation = await this.usable(this.dataSource.manager, token);
    const [firm] = invitation.firmId ? await this.dataSource.query(`SELECT name FROM firms WHERE id = $1`, [invitation.firmId]) : [];
    return { email: invitation.email, role: invitation.role, firmName: firm?.name ?? null, expiresAt: invitation.expiresAt };
  }

  /** Creates the account and uses up the invitation, in one transaction: a second accept finds it used. */
  async accept(token: string, dto: AcceptInvitationDto): Promise<Session> {
    const user = await this.dataSource.transaction(async (manager) => {
      const invitation = await this.usable(manager, token, { lock: true });
      await manager.update(Invitation, { id: invitation.id }, { acceptedAt: this.clock.now() });
      return insertAccount(manager, {
        email: invitation.email,
        password: dto.password,
        role: invitation.role,
        displayName: dto.displayName ?? (await this.defaultDisplayName(manager, invitation)),
        firmId: invitation.firmId ?? undefined,
        seekerId: invitation.seekerId ?? undefined,
      });
    });
    return this.users.sessionOf(user);
  }

  private async usable(manager: EntityManager, token: string, options: { lock?: boolean } = {}): Promise<Invitation> {
    const invitation = await manager.findOne(Invitation, {
      where: { tokenHash: hashOf(token) },
      ...(options.lock && { lock: { mode: 'pessimistic_write' as const } }),
    });
    if (!invitation) throw new InvitationNotFoundError();
    if (invitation.acceptedAt !== null) throw new InvitationGoneError('used');
    if (invitation.expiresAt.getTime() <= this.clock.now().getTime()) throw new InvitationGoneError('expired');
    return invitation;
  }

  private async assertInvitable(dto: CreateInvitationDto, email: string): Promise<void> {
    const [taken] = await this.dataSource.query(`SELECT 1 FROM users WHERE lower(email) = $1`, [email]);
    if (taken) throw new EmailTakenError();
    if (dto.role === 'firm') {
      const [firm] = await this.dataSource.query(`SELECT 1 FROM firms WHERE id = $1`, [dto.firmId]);
      if (!firm) throw new NotFoundError('firm', dto.firmId as string);
      return;
    }
    const [seeker] = await this.dataSource.query(`SELECT 1 FROM seekers WHERE id = $1 AND status <> 'withdrawn'`, [dto.seekerId]);
    if (!seeker) throw new NotFoundError('seeker', dto.seekerId as string);
    const [account] = await this.dataSource.query(`SELECT 1 FROM users WHERE seeker_id = $1`, [dto.seekerId]);
    if (account) throw new SeekerHasAccountError();
  }

  private async defaultDisplayName(manager: EntityManager, invitation: Invitation): Promise<string> {
    if (invitation.seekerId) {
      const [seeker] = await manager.query(`SELECT display_name FROM seekers WHERE id = $1`, [invitation.seekerId]);
      if (seeker?.display_name) return seeker.display_name;
    }
    return invitation.email.split('@')[0];
  }
}
