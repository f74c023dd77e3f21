import type { IncomingMessage, ServerResponse } from 'node:http';
import { RequestMethod } from '@nestjs/common';
import type { Params } from 'nestjs-pino';
import pino from 'pino';
import type { AppConfig } from '../config/app-config';
import { requestIdOf } from './request-id';
import { maskResidentNumbers } from './resident-registration-number';

/** Defence in depth: whatever object gets logged, these never reach the log. */
const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.authorization',
  '*.password',
  '*.token',
  // Accounts (users table): nothing of them is logged.
  ...['passwordHash', 'password_hash', 'email_key', 'tokenHash', 'token_hash', 'lastSignInAt', 'last_sign_in_at'].flatMap(
    (field) => [`*.${field}`, `*.*.${field}`],
  ),
  // Personal fields, one and two levels down (pino's redaction has no recursive wildcard).
  ...['phone', 'email', 'displayName', 'home', 'contact', 'residentNumber'].flatMap((field) => [`*.${field}`, `*.*.${field}`]),
];

/** Request logs name the route and outcome only: no query string, headers or bodies (personal data). */
export function loggerParams(config: AppConfig): Params {
  return {
    // nestjs-pino's default route '*' is legacy syntax for Express 5's path-to-regexp.
    forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
    pinoHttp: {
      level: config.logLevel,
      // Asynchronous: lines logged while a write is under way go out in the next write, not one
      // write(2) each on the request's path (pino flushes what is left when the process exits).
      stream: pino.destination({ dest: 1, sync: false }),
      genReqId: (request: IncomingMessage, response: ServerResponse) => requestIdOf(request, response),
      customLogLevel: (_request, response, error) =>
        error || response.statusCode >= 500 ? 'error' : response.statusCode >= 400 ? 'warn' : 'info',
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      serializers: {
        req: (request: { id: unknown; method: string; url: string }) => ({
          id: request.id,
          method: request.method,
          path: maskResidentNumbers(request.url.split('?')[0]),
        }),
        res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
      },
    },
  };
}
