import { applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiResponse } from '@nestjs/swagger';
import { SESSION_COOKIE } from './session-cookies';

/** Security scheme names in the OpenAPI document (registered in app.setup.ts). */
export const BEARER_SCHEME = 'bearer';
export const COOKIE_SCHEME = SESSION_COOKIE;

/**
 * The operation needs a signed-in caller: a bearer token, or the session cookie (whose
 * changes also send X-CSRF-Token). Swagger's "Try it out" then sends the token.
 */
export const ApiSignedIn = () =>
  applyDecorators(
    ApiBearerAuth(BEARER_SCHEME),
    ApiCookieAuth(COOKIE_SCHEME),
    ApiResponse({ status: 401, description: 'auth.missing_token, auth.invalid_token: no valid bearer token or session' }),
    ApiResponse({ status: 403, description: 'auth.role_not_allowed, or auth.csrf_failed for a cookie request without X-CSRF-Token' }),
  );
