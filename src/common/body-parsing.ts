import { HttpException } from '@nestjs/common';
import { RuleViolation } from './domain-error';
import { json } from 'express';
import type { NextFunction, Request, RequestHandler, Response } from 'express';

/**
 * JSON body parsing whose failures reach the exception filter with body-parser's error as
 * `cause` (Nest would otherwise reduce a malformed body to a bare 400 message), so the filter
 * can answer `request.malformed_json` or `request.too_large`.
 */
export function jsonBodyParser(limit: string): RequestHandler {
  const parse = json({ limit });
  return (request: Request, response: Response, next: NextFunction) =>
    parse(request, response, (error?: unknown) => {
      if (!error) return next(hostileBodyProblem(request.body));
      const status = typeof (error as { status?: unknown }).status === 'number' ? (error as { status: number }).status : 400;
      next(new HttpException('The request body could not be read.', status, { cause: error }));
    });
}

/** Deeper than any request of ours; recursive code further on (validation, mapping) would overflow. */
export const MAX_BODY_DEPTH = 32;

/**
 * What PostgreSQL or a recursive walker would choke on, refused as a clear 400 before any of
 * them sees it: nesting beyond MAX_BODY_DEPTH, and the NUL character (text columns cannot hold
 * it: PostgreSQL error 22021). Walks iteratively, so a deep body cannot overflow the walk itself.
 */
function hostileBodyProblem(body: unknown): RuleViolation | undefined {
  const pending: { value: unknown; path: string; depth: number }[] = [{ value: body, path: '', depth: 0 }];
  while (pending.length > 0) {
    const { value, path, depth } = pending.pop() as (typeof pending)[number];
    if (typeof value === 'string' && value.includes('\u0000')) {
      return new RuleViolation('request.nul_character', path || '(body)', 'must not contain the NUL character (U+0000)');
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_BODY_DEPTH) {
      return new RuleViolation('request.too_deep', path || '(body)', `is nested deeper than ${MAX_BODY_DEPTH} levels`);
    }
    for (const [key, child] of Object.entries(value)) {
      if (key.includes('\u0000')) return new RuleViolation('request.nul_character', path || '(body)', 'a property name contains the NUL character (U+0000)');
      pending.push({ value: child, path: Array.isArray(value) ? `${path}[${key}]` : path ? `${path}.${key}` : key, depth: depth + 1 });
    }
  }
  return undefined;
}
