import { randomUUID } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import type { Principal } from '../../../src/auth/principal';
import { TOKEN_ISSUER, TokenService, claimsOf } from '../../../src/auth/token.service';
import { jwtSecretOf, loadEnvironment } from '../../../src/config/environment';

/**
 * Tokens for the e2e tests, signed with the key the app under test reads from the same
 * validated configuration.
 */
const environment = loadEnvironment();
const tokens = new TokenService({ secret: jwtSecretOf(environment), ttlSeconds: environment.JWT_TTL_SECONDS });

export function tokenFor(principal: Principal): string {
  return tokens.sign(principal);
}

/** `Authorization` header value: `.set('Authorization', bearer(principal))`. */
export function bearer(principal: Principal): string {
  return `Bearer ${tokenFor(principal)}`;
}

export const coordinator = (subject = 'test-coordinator'): Principal => ({ role: 'coordinator', subject });
export const firmUser = (firmId: string, subject = `firm-user-${firmId}`): Principal => ({ role: 'firm', subject, firmId });
export const seekerUser = (seekerId: string, subject = `seeker-${seekerId}`): Principal => ({ role: 'seeker', subject, seekerId });

export const coordinatorToken = () => bearer(coordinator());
export const firmToken = (firmId: string) => bearer(firmUser(firmId));
export const seekerToken = (seekerId: string) => bearer(seekerUser(seekerId));

/** A token that expired a minute ago (correct key and claims). */
export function expiredToken(principal: Principal = coordinator()): string {
  const now = Math.floor(Date.now() / 1000);
  const claims = { ...claimsOf(principal), iss: TOKEN_ISSUER, iat: now - 3600, exp: now - 60 };
  return `Bearer ${new JwtService({ secret: jwtSecretOf(environment) }).sign(claims)}`;
}

/** Correct claims, signed with a key the app does not know. */
export function wrongKeyToken(principal: Principal = coordinator()): string {
  return `Bearer ${new TokenService({ secret: `wrong-${randomUUID()}-${randomUUID()}`, ttlSeconds: 600 }).sign(principal)}`;
}
