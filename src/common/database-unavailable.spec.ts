import { QueryFailedError } from 'typeorm';
import { isDatabaseUnavailable } from './database-unavailable';

const driverError = (fields: Record<string, unknown>) => Object.assign(new Error(String(fields.message ?? 'driver error')), fields);

describe('isDatabaseUnavailable', () => {
  it.each([
    ['a refused connection', driverError({ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:5432' })],
    ['an exhausted pool', new Error('timeout exceeded when trying to connect')],
    ['a connection cut mid-query', new Error('Connection terminated unexpectedly')],
    ['an administrator shutdown (57P01)', new QueryFailedError('SELECT 1', [], driverError({ code: '57P01', message: 'terminating connection due to administrator command' }))],
    ['a server starting up (57P03)', driverError({ code: '57P03', message: 'the database system is starting up' })],
    ['a connection failure (08006)', driverError({ code: '08006' })],
    ['a refusal wrapped as a cause', new Error('could not start', { cause: driverError({ code: 'ECONNRESET' }) })],
  ])('is true for %s', (_what, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a unique violation', new QueryFailedError('INSERT', [], driverError({ code: '23505', message: 'duplicate key value violates unique constraint' }))],
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['a non-error', 'nope'],
    ['nothing', undefined],
  ])('is false for %s', (_what, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
