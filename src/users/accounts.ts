import { EntityManager, QueryFailedError } from 'typeorm';
import type { Role } from '../auth/principal';
import { ConflictError } from '../common/domain-error';
import { hashPassword, normaliseEmail } from './passwords';
import { User } from './user.entity';

export interface NewAccount {
  email: string;
  password: string;
  role: Role;
  displayName: string;
  firmId?: string;
  seekerId?: string;
}

export class EmailTakenError extends ConflictError {
  constructor() {
    super('user.email_taken', 'An account with this email already exists.');
  }
}

export class SeekerHasAccountError extends ConflictError {
  constructor() {
    super('user.seeker_has_account', 'This seeker already has an account.');
  }
}

/**
 * The one way an account row is written: by the service (setup, invitations, sign-up) and by
 * `npm run user:create` / `seed:demo`, which connect to the database directly. Uniqueness is
 * left to PostgreSQL, so two concurrent sign-ups with one email cannot both succeed.
 */
export async function insertAccount(manager: EntityManager, account: NewAccount): Promise<User> {
  const passwordHash = await hashPassword(account.password);
  try {
    return await manager.save(
      manager.create(User, {
        email: normaliseEmail(account.email),
        passwordHash,
        role: account.role,
        displayName: account.displayName.trim(),
        firmId: account.firmId ?? null,
        seekerId: account.seekerId ?? null,
        status: 'active',
      }),
    );
  } catch (error) {
    throw uniquenessError(error) ?? error;
  }
}

function uniquenessError(error: unknown): ConflictError | undefined {
  if (!(error instanceof QueryFailedError)) return undefined;
  const { code, constraint } = error.driverError as { code?: string; constraint?: string };
  if (code !== '23505') return undefined;
  if (constraint === 'ux_users_email') return new EmailTakenError();
  if (constraint === 'ux_users_seeker_id') return new SeekerHasAccountError();
  return undefined;
}
