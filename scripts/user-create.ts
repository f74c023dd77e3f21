/**
 * Creates an account from the shell, also while the service runs (on the embedded database it
 * connects to the service's 127.0.0.1:EMBEDDED_DB_PORT):
 *
 *   npm run user:create -- --role coordinator --email kim@example.kr [--password '…']
 *   npm run user:create -- --role firm --firm FIRM_ID --email hr@example.kr
 *
 * Without --password it prints a generated one (shown once). Exit 1 for bad options or an
 * email that has an account, 2 for invalid configuration, 3 when the database is unreachable.
 */
import { loadEnvironment } from '../src/config/environment';
import { ConflictError } from '../src/common/domain-error';
import { insertAccount } from '../src/users/accounts';
import { generatePassword } from '../src/users/passwords';
import { USER_CREATE_USAGE, UserCreateUsageError, parseUserCreateRequest } from '../src/users/user-create-request';
import { withScriptDatabase } from './support/script-database';
import { exitOnExpectedError } from './support/script-exit';

async function main(): Promise<void> {
  const environment = loadEnvironment();
  const request = parseUserCreateRequest(process.argv.slice(2));
  const password = request.password ?? generatePassword();
  const user = await withScriptDatabase(environment, async (dataSource) => {
    const bound = request.firmId ?? request.seekerId;
    if (bound !== undefined) {
      const table = request.firmId ? 'firms' : 'seekers';
      const [row] = await dataSource.query(`SELECT 1 FROM ${table} WHERE id = $1`, [bound]);
      if (!row) throw new UserCreateUsageError(`${request.firmId ? 'firm' : 'seeker'} ${bound} does not exist`);
    }
    return insertAccount(dataSource.manager, { ...request, password });
  });
  process.stdout.write(`Created ${user.role} account ${user.email} (id ${user.id}).\n`);
  if (request.password === undefined) process.stdout.write(`Password (shown once): ${password}\n`);
}

main().catch((error: unknown) => exitOnExpectedError(error, { error: UserCreateUsageError, text: USER_CREATE_USAGE }, { refused: [ConflictError], failurePrefix: 'user:create failed' }));
