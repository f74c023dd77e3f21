import type { Response } from 'express';
import type { AppConfig } from '../config/app-config';
import { SessionCookies } from './session-cookies';
import type { TokenService } from './token.service';

function cookiesSetIn(nodeEnvironment: 'production' | 'development') {
  const set: Record<string, Record<string, unknown>> = {};
  const response = { cookie: (name: string, _value: string, options: Record<string, unknown>) => (set[name] = options) };
  const cookies = new SessionCookies({ nodeEnvironment } as AppConfig, { maxTtlSeconds: 600 } as TokenService);
  cookies.set(response as unknown as Response, 'a.b.c');
  return set;
}

describe('SessionCookies', () => {
  it('marks both cookies Secure in production, SameSite=Strict, Path=/, living as long as the token', () => {
    const set = cookiesSetIn('production');
    expect(set.chaeum_session).toEqual({ sameSite: 'strict', secure: true, path: '/', maxAge: 600_000, httpOnly: true });
    expect(set.chaeum_csrf).toEqual({ sameSite: 'strict', secure: true, path: '/', maxAge: 600_000, httpOnly: false });
  });

  it('leaves Secure off on a developer machine (plain http://localhost)', () => {
    expect(cookiesSetIn('development').chaeum_session.secure).toBe(false);
  });
});
