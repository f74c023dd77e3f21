/**
 * Prints a bearer token for local use, signed with the key the service reads from the same
 * validated configuration (JWT_SECRET, or the development default outside production):
 *
 *   npm run --silent token -- --role coordinator
 *   npm run --silent token -- --role firm --firm FIRM_ID
 *   npm run --silent token -- --role seeker --seeker SEEKER_ID
 *
 * Exit 1 with a usage line on stderr for bad options, 2 for invalid configuration.
 */
import { TOKEN_USAGE, TokenUsageError, parseTokenRequest } from '../src/auth/token-request';
import { TokenService } from '../src/auth/token.service';
import { InvalidEnvironmentError, jwtSecretOf, loadEnvironment } from '../src/config/environment';

try {
  const environment = loadEnvironment();
  const request = parseTokenRequest(process.argv.slice(2));
  const tokens = new TokenService({ secret: jwtSecretOf(environment), ttlSeconds: environment.JWT_TTL_SECONDS });
  process.stdout.write(`${tokens.sign(request.principal, request.ttlSeconds)}\n`);
} catch (error) {
  if (error instanceof TokenUsageError) {
    process.stderr.write(`${error.message}\n${TOKEN_USAGE}\n`);
    process.exit(1);
  }
  if (error instanceof InvalidEnvironmentError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  throw error;
}
