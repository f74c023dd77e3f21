import { HttpException } from '@nestjs/common';
import { DATABASE_UNAVAILABLE, isDatabaseUnavailable } from './database-unavailable';
import { DomainError, DomainErrorKind } from './domain-error';
import { postgresProblem } from './postgres-problems';
import type { Problem } from './problem-details';

const STATUS_OF_KIND: Record<DomainErrorKind, number> = {
  validation: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unavailable: 503,
  gone: 410,
  too_many_requests: 429,
};

const CODE_OF_HTTP_STATUS: Record<number, string> = {
  400: 'request.invalid',
  401: 'auth.unauthorized',
  403: 'auth.forbidden',
  404: 'route.not_found',
  405: 'route.method_not_allowed',
  406: 'request.not_acceptable',
  413: 'request.too_large',
  415: 'request.unsupported_media_type',
  429: 'request.rate_limited',
  503: 'service.unavailable',
};

/** Errors raised by body-parser before any route runs; they carry `type` and `status`. */
interface BodyParserError {
  type: string;
  status: number;
  expose: boolean;
}

function isBodyParserError(error: unknown): error is BodyParserError {
  const candidate = error as Partial<BodyParserError> | null;
  return typeof candidate?.type === 'string' && typeof candidate.status === 'number' && typeof candidate.expose === 'boolean';
}

/** What the client is told about an error; undefined means an unexpected (500) error. */
export function problemFor(error: unknown): Problem | undefined {
  if (error instanceof DomainError) {
    return {
      status: STATUS_OF_KIND[error.kind],
      code: error.code,
      detail: error.message,
      errors: error.fields,
      details: error.details,
      retryAfterSeconds: error.retryAfterSeconds,
    };
  }
  if (error instanceof HttpException) return httpProblem(error);
  if (isBodyParserError(error)) return bodyParserProblem(error);
  if (isDatabaseUnavailable(error)) return DATABASE_UNAVAILABLE;
  return postgresProblem(error);
}

function httpProblem(error: HttpException): Problem | undefined {
  const status = error.getStatus();
  if (status === 503) return { ...DATABASE_UNAVAILABLE, detail: 'A service dependency is unavailable; retry later.' };
  if (status >= 500) return undefined;
  // Body-parser failures reach Nest wrapped in an HttpException with the original as cause.
  if (isBodyParserError(error.cause)) return bodyParserProblem(error.cause);
  return { status, code: CODE_OF_HTTP_STATUS[status] ?? `http.${status}`, detail: httpMessage(error) };
}

function httpMessage(error: HttpException): string {
  const response = error.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  return typeof message === 'string' ? message : error.message;
}

function bodyParserProblem(error: BodyParserError): Problem {
  switch (error.type) {
    case 'entity.parse.failed':
      return { status: 400, code: 'request.malformed_json', detail: 'The request body is not valid JSON.' };
    case 'entity.too.large':
      return { status: 413, code: 'request.too_large', detail: 'The request body is too large.' };
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return { status: 415, code: 'request.unsupported_media_type', detail: 'The request body encoding is not supported.' };
    default:
      return { status: error.status, code: CODE_OF_HTTP_STATUS[error.status] ?? 'request.invalid', detail: 'The request body could not be read.' };
  }
}
