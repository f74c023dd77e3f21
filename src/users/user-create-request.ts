import { parseArgs } from 'node:util';
import { isEmail, isUUID } from 'class-validator';
import type { Role } from '../auth/principal';
import type { NewAccount } from './accounts';
import { MIN_PASSWORD_LENGTH } from './passwords';

export const USER_CREATE_USAGE =
  'usage: npm run user:create -- --role coordinator|firm|seeker --email EMAIL [--password PASSWORD] [--name NAME] [--firm FIRM_ID] [--seeker SEEKER_ID]';

export class UserCreateUsageError extends Error {}

/** The account `npm run user:create` is asked for; without --password, `password` is undefined (one is generated). */
export type UserCreateRequest = Omit<NewAccount, 'password'> & { password?: string };

export function parseUserCreateRequest(argv: readonly string[]): UserCreateRequest {
  let values: Record<string, string | undefined>;
  try {
    values = parseArgs({
      args: [...argv],
      options: {
        role: { type: 'string' },
        email: { type: 'string' },
        password: { type: 'string' },
        name: { type: 'string' },
        firm: { type: 'string' },
        seeker: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }).values as Record<string, string | undefined>;
  } catch (error) {
    throw new UserCreateUsageError((error as Error).message);
  }
  const { role, email, password, name, firm, seeker } = values;
  if (!['coordinator', 'firm', 'seeker'].includes(role ?? '')) throw new UserCreateUsageError('--role must be coordinator, firm or seeker');
  if (email === undefined || !isEmail(email)) throw new UserCreateUsageError('--email needs an email address');
  if (password !== undefined && password.length < MIN_PASSWORD_LENGTH) {
    throw new UserCreateUsageError(`--password must be at least ${MIN_PASSWORD_LENGTH} characters`);
  }
  if ((role === 'firm') !== (firm !== undefined) || (firm !== undefined && !isUUID(firm))) {
    throw new UserCreateUsageError('--firm FIRM_ID (a uuid) goes with --role firm, and only with it');
  }
  if ((role === 'seeker') !== (seeker !== undefined) || (seeker !== undefined && !isUUID(seeker))) {
    throw new UserCreateUsageError('--seeker SEEKER_ID (a uuid) goes with --role seeker, and only with it');
  }
  return { role: role as Role, email, password, displayName: name ?? email.split('@')[0], firmId: firm, seekerId: seeker };
}
