import { JwtService } from '@nestjs/jwt';
import { TOKEN_ISSUER, TokenService } from './token.service';
import type { Principal } from './principal';

const SECRET = 'unit-test-secret-of-at-least-32-characters';
const FIRM_ID = '5b1f9a2e-8c1d-4f3e-9a7b-2c4d6e8f0a1b';
const tokens = new TokenService({ secret: SECRET, ttlSeconds: 600 });
const raw = new JwtService({ secret: SECRET });
const now = () => Math.floor(Date.now() / 1000);
const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

function codeOf(token: string): string | undefined {
  try {
    tokens.verify(token);
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  }
}

describe('TokenService', () => {
  it.each<Principal>([
    { role: 'coordinator', subject: 'kim' },
    { role: 'firm', subject: 'firm-user', firmId: FIRM_ID },
    { role: 'seeker', subject: 'seeker', seekerId: FIRM_ID },
    { role: 'firm', subject: 'account', firmId: FIRM_ID, userId: FIRM_ID },
  ])('round-trips %p', (principal) => {
    expect(tokens.verify(tokens.sign(principal))).toEqual(principal);
  });

  it('puts an expiry and the issuer into every token', () => {
    const claims = raw.decode(tokens.sign({ role: 'coordinator', subject: 'kim' }));
    expect(claims).toMatchObject({ iss: TOKEN_ISSUER, exp: expect.any(Number) });
    expect(claims.exp - claims.iat).toBe(600);
  });

  it.each([
    ['no expiry', { sub: 'kim', role: 'coordinator', iss: TOKEN_ISSUER }],
    ['an expiry of 1e308', { sub: 'kim', role: 'coordinator', iss: TOKEN_ISSUER, iat: now(), exp: 1e308 }],
    ['a lifetime one second beyond the maximum', { sub: 'kim', role: 'coordinator', iss: TOKEN_ISSUER, iat: now(), exp: now() + 601 }],
    ['an account id that is no uuid', { sub: 'kim', role: 'coordinator', uid: '7', iss: TOKEN_ISSUER, iat: now(), exp: now() + 60 }],
    ['an expiry in the past', { sub: 'kim', role: 'coordinator', iss: TOKEN_ISSUER, exp: now() - 1 }],
    ['a firm role without firmId', { sub: 'x', role: 'firm', iss: TOKEN_ISSUER, exp: now() + 60 }],
    ['a firm role with a non-uuid firmId', { sub: 'x', role: 'firm', firmId: '42', iss: TOKEN_ISSUER, exp: now() + 60 }],
    ['a seeker role without seekerId', { sub: 'x', role: 'seeker', iss: TOKEN_ISSUER, exp: now() + 60 }],
    ['a coordinator naming a firm', { sub: 'x', role: 'coordinator', firmId: FIRM_ID, iss: TOKEN_ISSUER, exp: now() + 60 }],
    ['an unknown role', { sub: 'x', role: 'admin', iss: TOKEN_ISSUER, exp: now() + 60 }],
    ['no subject', { role: 'coordinator', iss: TOKEN_ISSUER, exp: now() + 60 }],
    ['another issuer', { sub: 'x', role: 'coordinator', iss: 'elsewhere', exp: now() + 60 }],
  ])('refuses a token with %s', (_name, claims) => {
    expect(codeOf(raw.sign(claims))).toBe('auth.invalid_token');
  });

  it('accepts a token of exactly the maximum lifetime and carries the account id', () => {
    const token = raw.sign({ sub: 'kim', role: 'coordinator', uid: FIRM_ID, iss: TOKEN_ISSUER, iat: now(), exp: now() + 600 });
    expect(tokens.verify(token)).toEqual({ role: 'coordinator', subject: 'kim', userId: FIRM_ID });
  });

  it('refuses a token without an issued-at time (its lifetime cannot be bounded)', () => {
    const claims = { sub: 'kim', role: 'coordinator', iss: TOKEN_ISSUER, exp: now() + 60 };
    expect(codeOf(raw.sign(claims, { noTimestamp: true }))).toBe('auth.invalid_token');
    expect(codeOf(raw.sign(claims))).toBeUndefined();
  });

  it('does not sign a token longer-lived than the maximum', () => {
    expect(() => tokens.sign({ role: 'coordinator', subject: 'kim' }, 601)).toThrow(RangeError);
  });

  it('refuses a token signed with another key', () => {
    const foreign = new TokenService({ secret: 'another-secret-of-at-least-32-characters', ttlSeconds: 600 });
    expect(codeOf(foreign.sign({ role: 'coordinator', subject: 'kim' }))).toBe('auth.invalid_token');
  });

  it('refuses alg none and tampered claims', () => {
    const claims = { sub: 'kim', role: 'coordinator', iss: TOKEN_ISSUER, exp: now() + 60 };
    expect(codeOf(`${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(claims)}.`)).toBe('auth.invalid_token');
    const [header, , signature] = tokens.sign({ role: 'firm', subject: 'f', firmId: FIRM_ID }).split('.');
    const promoted = base64url({ sub: 'f', role: 'coordinator', iss: TOKEN_ISSUER, exp: now() + 60 });
    expect(codeOf(`${header}.${promoted}.${signature}`)).toBe('auth.invalid_token');
  });

  it('refuses an HS512 token even with the right key', () => {
    const token = raw.sign({ sub: 'kim', role: 'coordinator', iss: TOKEN_ISSUER }, { algorithm: 'HS512', expiresIn: 60 });
    expect(codeOf(token)).toBe('auth.invalid_token');
  });

  describe('a token verified before', () => {
    const issuedAt = new Date('2030-01-01T00:00:00Z');
    beforeEach(() => jest.useFakeTimers({ now: issuedAt, doNotFake: ['nextTick', 'setImmediate'] }));
    afterEach(() => jest.useRealTimers());

    it('is still refused from its expiry on, and a changed copy of its principal changes nothing', () => {
      const fresh = new TokenService({ secret: SECRET, ttlSeconds: 600 });
      const token = fresh.sign({ role: 'firm', subject: 'f', firmId: FIRM_ID }, 60);
      const first = fresh.verify(token) as { firmId: string };
      first.firmId = 'tampered';
      expect(fresh.verify(token)).toEqual({ role: 'firm', subject: 'f', firmId: FIRM_ID });
      jest.setSystemTime(issuedAt.getTime() + 59_999);
      expect(fresh.verify(token)).toEqual({ role: 'firm', subject: 'f', firmId: FIRM_ID });
      jest.setSystemTime(issuedAt.getTime() + 60_000);
      expect(() => fresh.verify(token)).toThrow('The bearer token is invalid or has expired.');
    });
  });
});
