import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { CookieOptions, Response } from 'express';
import { AppConfig } from '../config/app-config';
import { TokenService } from './token.service';

/** The browser's session: the same JWT API clients send as a bearer token. */
export const SESSION_COOKIE = 'chaeum_session';
/** Double-submit CSRF token: readable by the console's script, which echoes it in CSRF_HEADER. */
export const CSRF_COOKIE = 'chaeum_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/** Sets and clears the session cookies; the guard reads them (auth.guard.ts). */
@Injectable()
export class SessionCookies {
  constructor(
    private readonly config: AppConfig,
    private readonly tokens: TokenService,
  ) {}

  set(response: Response, token: string): void {
    const options = { ...this.options(), maxAge: this.tokens.maxTtlSeconds * 1000 };
    response.cookie(SESSION_COOKIE, token, { ...options, httpOnly: true });
    response.cookie(CSRF_COOKIE, randomBytes(32).toString('base64url'), { ...options, httpOnly: false });
  }

  clear(response: Response): void {
    response.clearCookie(SESSION_COOKIE, { ...this.options(), httpOnly: true });
    response.clearCookie(CSRF_COOKIE, { ...this.options(), httpOnly: false });
  }

  private options(): CookieOptions {
    return { sameSite: 'strict', secure: this.config.nodeEnvironment === 'production', path: '/' };
  }
}
