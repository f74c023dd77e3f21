import { createSecretKey } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { isUUID } from 'class-validator';
import { DomainError } from '../common/domain-error';
import type { Principal, Role } from './principal';

export const TOKEN_ISSUER = 'chaeum';
const ROLES: readonly Role[] = ['coordinator', 'firm', 'seeker'];
const MAX_SUBJECT_LENGTH = 200;
/** Enough for every client of a busy hour; a bound, so a flood of signed tokens cannot grow it. */
const VERIFIED_TOKENS_KEPT = 10_000;

/** The clock jsonwebtoken checks `exp` against: expired when now >= exp. */
function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

export interface TokenSettings {
  /** HS256 key, at least 32 characters (checked by the configuration). */
  secret: string;
  /** Lifetime of the tokens signed here, and the longest lifetime (exp - iat) a token may claim. */
  ttlSeconds: number;
}

/** The claims chaeum puts in a token, besides iat/exp/iss. */
export interface TokenClaims {
  sub: string;
  role: Role;
  firmId?: string;
  seekerId?: string;
  /** The signed-in account (sessions); absent in tokens for API clients. */
  uid?: string;
}

export class InvalidTokenError extends DomainError {
  constructor() {
    // One message for every cause: telling a caller why a token failed helps forgers, not users.
    super('unauthorized', 'auth.invalid_token', 'The bearer token is invalid or has expired.');
  }
}

/**
 * Signs and verifies bearer tokens: HS256 only (so `alg: none` and key-confusion tricks fail),
 * `iat` and `exp` required and at most the configured lifetime apart (a leaked token with
 * `exp: 1e308` would otherwise never expire), and the claims must describe exactly one principal (a firm token names a
 * firm id, a seeker token a seeker id, a coordinator token neither).
 */
export class TokenService {
  private readonly jwt: JwtService;
  /** Tokens verified before, with what they proved (insertion order: oldest first). */
  private readonly verified = new Map<string, { principal: Principal; exp: number }>();

  constructor(private readonly settings: TokenSettings) {
    this.jwt = new JwtService({
      // A key object, not the string: given a string, jsonwebtoken first tries (and fails) to read
      // it as a public key on every verify, ~2 ms of CPU per request under load.
      secret: createSecretKey(Buffer.from(settings.secret, 'utf8')),
      signOptions: { algorithm: 'HS256', issuer: TOKEN_ISSUER },
      verifyOptions: { algorithms: ['HS256'], issuer: TOKEN_ISSUER },
    });
  }

  /** The longest lifetime a token may have (JWT_TTL_SECONDS). */
  get maxTtlSeconds(): number {
    return this.settings.ttlSeconds;
  }

  sign(principal: Principal, ttlSeconds = this.settings.ttlSeconds): string {
    if (ttlSeconds > this.settings.ttlSeconds) throw new RangeError(`a token may live at most ${this.settings.ttlSeconds} s`);
    return this.jwt.sign(claimsOf(principal), { expiresIn: ttlSeconds });
  }

  /**
   * The principal a token proves; InvalidTokenError (401) for anything else. A token that
   * verified is remembered until its `exp`: verifying depends only on the token, the key and the
   * clock, so the answer is the same, and a client sends the same token with every request
   * (the signature check and claim parsing were ~5 % of a list request's CPU).
   */
  verify(token: string): Principal {
    const known = this.verified.get(token);
    if (known !== undefined && nowSeconds() < known.exp) return { ...known.principal };
    let payload: Record<string, unknown>;
    try {
      payload = this.jwt.verify<Record<string, unknown>>(token);
    } catch {
      throw new InvalidTokenError();
    }
    const principal = this.hasBoundedLifetime(payload) ? principalOf(payload) : undefined;
    if (!principal) throw new InvalidTokenError();
    this.remember(token, payload, principal);
    return { ...principal };
  }

  /** Only tokens whose validity ends at `exp` alone (no `nbf`); the oldest entry goes when full. */
  private remember(token: string, payload: Record<string, unknown>, principal: Principal): void {
    if (payload.nbf !== undefined) return;
    this.verified.delete(token);
    if (this.verified.size >= VERIFIED_TOKENS_KEPT) this.verified.delete(this.verified.keys().next().value as string);
    this.verified.set(token, { principal, exp: payload.exp as number });
  }

  private hasBoundedLifetime({ iat, exp }: Record<string, unknown>): boolean {
    return Number.isSafeInteger(iat) && Number.isSafeInteger(exp) && (exp as number) - (iat as number) <= this.settings.ttlSeconds;
  }
}

export function claimsOf(principal: Principal): TokenClaims {
  const account = principal.userId === undefined ? {} : { uid: principal.userId };
  switch (principal.role) {
    case 'coordinator':
      return { sub: principal.subject, role: 'coordinator', ...account };
    case 'firm':
      return { sub: principal.subject, role: 'firm', firmId: principal.firmId, ...account };
    case 'seeker':
      return { sub: principal.subject, role: 'seeker', seekerId: principal.seekerId, ...account };
  }
}

/** The principal described by verified claims, or undefined when they do not describe exactly one. */
export function principalOf(claims: Record<string, unknown>): Principal | undefined {
  const { sub, role, firmId, seekerId, uid } = claims;
  if (typeof sub !== 'string' || sub.length === 0 || sub.length > MAX_SUBJECT_LENGTH) return undefined;
  if (!ROLES.includes(role as Role)) return undefined;
  if (uid !== undefined && !isUUID(uid)) return undefined;
  const account = uid === undefined ? {} : { userId: uid as string };
  if (role === 'coordinator' && firmId === undefined && seekerId === undefined) {
    return { role, subject: sub, ...account };
  }
  if (role === 'firm' && isUUID(firmId) && seekerId === undefined) {
    return { role, subject: sub, firmId: firmId as string, ...account };
  }
  if (role === 'seeker' && isUUID(seekerId) && firmId === undefined) {
    return { role, subject: sub, seekerId: seekerId as string, ...account };
  }
  return undefined;
}
