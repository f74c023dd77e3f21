import { STATUS_CODES } from 'node:http';
import type { FieldProblem } from './domain-error';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

/** RFC 9457 problem details, extended with a stable `code`, the failing fields and the request id. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  code: string;
  errors?: FieldProblem[];
  details?: Record<string, unknown>;
  requestId: string;
}

/** What an error means for the client, before the request context is added. */
export interface Problem {
  status: number;
  code: string;
  detail: string;
  errors?: readonly FieldProblem[];
  details?: Readonly<Record<string, unknown>>;
  /** Sent as the `Retry-After` header, not in the body. */
  retryAfterSeconds?: number;
}

export function problemDetails(problem: Problem, context: { instance: string; requestId: string }): ProblemDetails {
  return {
    type: `urn:chaeum:problem:${problem.code}`,
    title: STATUS_CODES[problem.status] ?? 'Error',
    status: problem.status,
    detail: problem.detail,
    instance: context.instance,
    code: problem.code,
    ...(problem.errors && problem.errors.length > 0 ? { errors: [...problem.errors] } : {}),
    ...(problem.details ? { details: { ...problem.details } } : {}),
    requestId: context.requestId,
  };
}
