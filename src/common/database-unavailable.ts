import { QueryFailedError } from 'typeorm';
import type { Problem } from './problem-details';

/** Seconds a client should wait before retrying while the database is unreachable. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/** Socket-level failures of the connection to PostgreSQL. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
/**
 * SQLSTATEs of a server going away or refusing sessions: class 08 (connection exception),
 * 57P01..57P03 (admin/crash shutdown, cannot connect now), 53300 (too many connections).
 */
const SERVER_GONE = /^(08...|57P0[123]|53300)$/;
/** node-postgres and TypeORM say these in words only; the first is a pool with no free client. */
const UNAVAILABLE_MESSAGES =
  /timeout exceeded when trying to connect|connection terminated|client has encountered a connection error|terminating connection|connection is not established|the database system is (starting up|shutting down)/i;

/**
 * Whether an error means "the database cannot be reached right now" (an outage or an
 * exhausted pool) rather than a bug: the client is told to retry (503), not that we failed (500).
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 3) return false;
  const { code, message, cause } = error as { code?: unknown; message?: unknown; cause?: unknown };
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || SERVER_GONE.test(code))) return true;
  if (typeof message === 'string' && UNAVAILABLE_MESSAGES.test(message)) return true;
  if (error instanceof QueryFailedError && isDatabaseUnavailable(error.driverError, depth + 1)) return true;
  return isDatabaseUnavailable(cause, depth + 1);
}

export const DATABASE_UNAVAILABLE: Problem = {
  status: 503,
  code: 'service.unavailable',
  detail: 'The database is unavailable; retry later.',
  retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS,
};
