/**
 * Prints a bearer token for API clients, signed with the key the service reads from the same
 * validated configuration (JWT_SECRET, or the development default outside production):
 *
 *   npm run --silent token -- --role coordinator
 *   npm run --silent token -- --role firm --firm FIRM_ID
 *   npm run --silent token -- --role seeker --seeker SEEKER_ID
 *
 * A firm or seeker token is only printed for a firm or seeker that exists, so the script
 * connects to the service's database (DATABASE_URL, or the running service's embedded one).
 * --ttl may not exceed JWT_TTL_SECONDS, the longest lifetime the service accepts.
 *
 * Exit 1 with a usage line on stderr for bad options or an unknown firm/seeker, 2 for invalid
 * configuration, 3 when the database is unreachable.
 */
import type { Principal } from '../src/auth/principal';
import { TOKEN_USAGE, TokenUsageError, parseTokenRequest } from '../src/auth/token-request';
import { TokenService } from '../src/auth/token.service';
import { EnvironmentVariables, jwtSecretOf, loadEnvironment } from '../src/config/environment';
import { withScriptDatabase } from './support/script-database';
import { exitOnExpectedError } from './support/script-exit';

async function assertPrincipalExists(environment: EnvironmentVariables, principal: Principal): Promise<void> {
  if (principal.role === 'coordinator') return;
  const [table, id] = principal.role === 'firm' ? ['firms', principal.firmId] : ['seekers', principal.seekerId];
  const exists = await withScriptDatabase(environment, async (dataSource) => {
    const rows = await dataSource.query(`SELECT 1 FROM ${table} WHERE id = $1 AND status NOT IN ('cancelled', 'withdrawn')`, [id]);
    return rows.length > 0;
  });
  if (!exists) throw new TokenUsageError(`${principal.role} ${id} does not exist (or is no longer active)`);
}

async function main(): Promise<void> {
  const environment = loadEnvironment();
  const request = parseTokenRequest(process.argv.slice(2));
  if (request.ttlSeconds !== undefined && request.ttlSeconds > environment.JWT_TTL_SECONDS) {
    throw new TokenUsageError(`--ttl may be at most JWT_TTL_SECONDS (${environment.JWT_TTL_SECONDS}): the service refuses longer-lived tokens`);
  }
  await assertPrincipalExists(environment, request.principal);
  const tokens = new TokenService({ secret: jwtSecretOf(environment), ttlSeconds: environment.JWT_TTL_SECONDS });
  process.stdout.write(`${tokens.sign(request.principal, request.ttlSeconds)}\n`);
}

main().catch((error: unknown) => exitOnExpectedError(error, { error: TokenUsageError, text: TOKEN_USAGE }));
