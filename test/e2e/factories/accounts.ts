import type { Role } from '../../../src/auth/principal';
import { insertAccount } from '../../../src/users/accounts';
import type { User } from '../../../src/users/user.entity';
import type { TestApp } from '../support/test-app';
import { uniqueSuffix } from './index';

export const TEST_PASSWORD = 'correct horse battery';

export function uniqueEmail(label = 'user'): string {
  return `${label}-${uniqueSuffix()}@Example.KR`;
}

/** An account written straight into the database, as `npm run user:create` does. */
export function createAccount(
  t: TestApp,
  account: { role?: Role; email?: string; password?: string; firmId?: string; seekerId?: string } = {},
): Promise<User> {
  return insertAccount(t.dataSource.manager, {
    role: account.role ?? 'coordinator',
    email: account.email ?? uniqueEmail(account.role),
    password: account.password ?? TEST_PASSWORD,
    displayName: '김채움',
    firmId: account.firmId,
    seekerId: account.seekerId,
  });
}

/** The cookies a response sets, as `name=value` pairs to send back. */
export function cookiesOf(response: { headers: Record<string, unknown> }): Record<string, string> {
  const setCookie = (response.headers['set-cookie'] as string[] | undefined) ?? [];
  return Object.fromEntries(setCookie.map((line) => line.split(';')[0].split('=')).map(([name, ...value]) => [name, value.join('=')]));
}

export function cookieHeader(cookies: Record<string, string>): string {
  return Object.entries(cookies)
    .map(([name, value]) => `${name}=${value}`)
    .join('; ');
}
