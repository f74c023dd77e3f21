import { timingSafeEqual } from 'node:crypto';
import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { parse as parseCookies } from 'cookie';
import type { Request, Response } from 'express';
import { PUBLIC_KEY, ROLES_KEY } from './auth.decorators';
import { CsrfFailedError, MissingTokenError, RoleNotAllowedError } from './auth.errors';
import type { Principal, Role } from './principal';
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE } from './session-cookies';
import { TokenService } from './token.service';

/** A handler without @Roles is for coordinators only: a forgotten decorator fails closed. */
export const DEFAULT_ROLES: readonly Role[] = ['coordinator'];

const BEARER = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*)$/;
/** Methods that change nothing: a cross-site page may trigger them, but cannot read the answer. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The global guard (APP_GUARD): authenticates the bearer token or, without one, the session
 * cookie (whose changes must echo the CSRF cookie in X-CSRF-Token), and authorizes by role.
 * Which objects a principal may touch is decided in the services' queries, not here.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;

    const http = context.switchToHttp();
    const request = http.getRequest<Request & { principal?: Principal }>();
    const principal = this.authenticate(request, http.getResponse<Response>());
    request.principal = principal;

    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets) ?? DEFAULT_ROLES;
    if (!allowed.includes(principal.role)) throw new RoleNotAllowedError();
    return true;
  }

  private authenticate(request: Request, response: Response): Principal {
    const header = request.headers.authorization;
    try {
      if (header === undefined || header === '') return this.authenticateSession(request);
      const match = BEARER.exec(header);
      if (!match) return this.tokens.verify('');
      return this.tokens.verify(match[1]);
    } catch (error) {
      if (error instanceof CsrfFailedError) throw error;
      // RFC 6750: tell the client which scheme is expected.
      const reason = error instanceof MissingTokenError ? '' : ', error="invalid_token"';
      response.setHeader('WWW-Authenticate', `Bearer realm="chaeum"${reason}`);
      throw error;
    }
  }

  private authenticateSession(request: Request): Principal {
    const cookies = parseCookies(request.headers.cookie ?? '');
    const session = cookies[SESSION_COOKIE];
    if (session === undefined || session === '') throw new MissingTokenError();
    const principal = this.tokens.verify(session);
    if (!SAFE_METHODS.has(request.method) && !echoesCsrfCookie(request.headers[CSRF_HEADER], cookies[CSRF_COOKIE])) {
      throw new CsrfFailedError();
    }
    return principal;
  }
}

function echoesCsrfCookie(header: string | string[] | undefined, cookie: string | undefined): boolean {
  if (typeof header !== 'string' || cookie === undefined || cookie.length < 16) return false;
  const [sent, expected] = [Buffer.from(header), Buffer.from(cookie)];
  return sent.length === expected.length && timingSafeEqual(sent, expected);
}
