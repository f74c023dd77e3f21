import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { containsResidentNumber } from './resident-registration-number';

export const REQUEST_ID_HEADER = 'X-Request-Id';
/** A caller's id is echoed only if it cannot smuggle anything into logs or headers. */
const ACCEPTABLE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

type WithRequestId = IncomingMessage & { id?: unknown };

/**
 * The request's correlation id: the caller's `X-Request-Id` when acceptable, else a new UUID.
 * Assigned once, echoed in the response header, and reused by the logger and problem details.
 */
export function requestIdOf(request: WithRequestId, response?: ServerResponse): string {
  if (typeof request.id === 'string') return request.id;
  const incoming = request.headers[REQUEST_ID_HEADER.toLowerCase()];
  // The id goes into every log line: a resident number must not ride in on it.
  const acceptable = typeof incoming === 'string' && ACCEPTABLE_REQUEST_ID.test(incoming) && !containsResidentNumber(incoming);
  const id = acceptable ? incoming : randomUUID();
  request.id = id;
  if (response && !response.headersSent) response.setHeader(REQUEST_ID_HEADER, id);
  return id;
}

/** Express middleware; installed first so even body-parser failures carry the id. */
export function assignRequestId(request: WithRequestId, response: ServerResponse, next: () => void): void {
  requestIdOf(request, response);
  next();
}
