import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { AlreadySetUpError, InvalidCredentialsError, NoAccountError } from '../auth/auth.errors';
import type { Principal } from '../auth/principal';
import { TokenService } from '../auth/token.service';
import { Clock } from '../clock/clock';
import { insertAccount } from './accounts';
import { FirstCoordinatorDto, UserResponse, toUserResponse } from './dto/user.dto';
import { normaliseEmail, verifyPassword } from './passwords';
import { SignInLockout } from './sign-in-lockout';
import { User } from './user.entity';

/** A signed-in account and the token of its session (set as cookie, never sent in a body). */
export interface Session {
  user: UserResponse;
  token: string;
}

/** Serialises first-run set-ups (any constant key of our own). */
const FIRST_COORDINATOR_LOCK = 0x63686165; // "chae"

/** The one writer of the users table: sign-in, the signed-in account, first-run set-up. */
@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly lockout: SignInLockout,
    private readonly tokens: TokenService,
    private readonly clock: Clock,
  ) {}

  async signIn(email: string, password: string): Promise<Session> {
    const attempt = await this.lockout.begin(email);
    const user = await this.users
      .createQueryBuilder('user')
      .where('lower(user.email) = :email', { email: normaliseEmail(email) })
      .getOne();
    const active = user?.status === 'active' ? user : undefined;
    if (!(await verifyPassword(active?.passwordHash, password)) || !active) {
      await attempt.failed();
      throw new InvalidCredentialsError();
    }
    await attempt.succeeded();
    await this.users.update({ id: active.id }, { lastSignInAt: this.clock.now() });
    return this.sessionOf(active);
  }

  /** The account behind a session; tokens of API clients name none. */
  async current(principal: Principal): Promise<UserResponse> {
    if (principal.userId === undefined) throw new NoAccountError();
    const user = await this.users.findOneBy({ id: principal.userId, status: 'active' });
    if (!user) throw new NoAccountError();
    return toUserResponse(user);
  }

  async needsFirstCoordinator(): Promise<boolean> {
    return !(await this.users.existsBy({ role: 'coordinator' }));
  }

  /** First run: creates the first coordinator and signs them in; refused once any coordinator exists. */
  async setUpFirstCoordinator(dto: FirstCoordinatorDto): Promise<Session> {
    const user = await this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock($1)`, [FIRST_COORDINATOR_LOCK]);
      if (await manager.existsBy(User, { role: 'coordinator' })) throw new AlreadySetUpError();
      return insertAccount(manager, { ...dto, role: 'coordinator' });
    });
    return this.sessionOf(user);
  }

  sessionOf(user: User): Session {
    return { user: toUserResponse(user), token: this.tokens.sign(principalOfUser(user)) };
  }
}

export function principalOfUser(user: User): Principal {
  const signedIn = { subject: user.id, userId: user.id };
  if (user.role === 'firm') return { ...signedIn, role: 'firm', firmId: user.firmId as string };
  if (user.role === 'seeker') return { ...signedIn, role: 'seeker', seekerId: user.seekerId as string };
  return { ...signedIn, role: 'coordinator' };
}
