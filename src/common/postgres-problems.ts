import { QueryFailedError } from 'typeorm';
import type { Problem } from './problem-details';

/**
 * Turns a PostgreSQL error into what the client may know. The server's message and detail
 * quote column values (personal data) and schema names, so only fixed texts go out;
 * services that know which field a constraint guards should catch and rethrow a DomainError.
 */
export function postgresProblem(error: unknown): Problem | undefined {
  if (!(error instanceof QueryFailedError)) return undefined;
  const driverError = error.driverError as { code?: unknown; message?: unknown };
  const message = typeof driverError.message === 'string' ? driverError.message : '';
  switch (driverError.code) {
    case '23505':
      return { status: 409, code: 'conflict.duplicate', detail: 'A record with the same unique value already exists.' };
    case '23P01':
      return { status: 409, code: 'conflict.overlap', detail: 'The period overlaps an existing one.' };
    case '23503':
      return message.startsWith('update or delete')
        ? { status: 409, code: 'conflict.still_referenced', detail: 'The record is still referenced by other records.' }
        : { status: 400, code: 'validation.unknown_reference', detail: 'The request refers to a record that does not exist.' };
    case '23514':
      return { status: 400, code: 'validation.check_failed', detail: 'A value breaks a rule of the data model.' };
    case '23502':
      return { status: 400, code: 'validation.missing_value', detail: 'A required value is missing.' };
    case '22P02':
    case '22007':
    case '22008':
    case '22003':
    case '22001':
      return { status: 400, code: 'validation.invalid_value', detail: 'A value has the wrong format or is out of range.' };
    case '40001':
    case '40P01':
      return { status: 409, code: 'conflict.concurrent_update', detail: 'Another request changed the same data; retry.' };
    default:
      return undefined;
  }
}
