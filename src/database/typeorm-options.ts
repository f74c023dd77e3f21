import { join } from 'node:path';
import { types as pgTypes } from 'pg';
import type { DataSourceOptions, Logger as TypeOrmLogger } from 'typeorm';
import { describeDriverError } from '../common/driver-error';
import { SafeTypeOrmLogger } from './safe-typeorm-logger';

const DATE_OID = 1082;

/**
 * `date` columns stay `YYYY-MM-DD` strings (calendar dates); the driver's default turns them
 * into JavaScript Dates at local midnight, which shift by a day across time zones.
 * Scoped to our pool rather than patched into the global `pg.types`.
 */
const calendarDateTypes = {
  getTypeParser: (oid: number, format?: 'text' | 'binary') =>
    oid === DATE_OID && format !== 'binary' ? (value: string) => value : pgTypes.getTypeParser(oid, format ?? 'text'),
};

/** `dist/migrations/*.js` when compiled, `migrations/*.ts` under ts-jest / ts-node. */
export const MIGRATIONS_GLOB = join(__dirname, '..', '..', 'migrations', '*.{ts,js}');

export interface PostgresOptionsInput {
  url: string;
  poolSize: number;
  logger?: TypeOrmLogger;
}

/** The one description of how we connect; used by the service, the CLI and the tests. */
export function postgresOptions({ url, poolSize, logger = new SafeTypeOrmLogger() }: PostgresOptionsInput) {
  return {
    type: 'postgres',
    url,
    poolSize,
    synchronize: false,
    migrationsRun: false,
    migrations: [MIGRATIONS_GLOB],
    migrationsTransactionMode: 'each',
    uuidExtension: 'pgcrypto',
    applicationName: 'chaeum',
    connectTimeoutMS: 10_000,
    maxQueryExecutionTime: 2_000,
    logger,
    logging: ['error', 'warn', 'migration'],
    // Without a handler an idle client's socket error (e.g. the embedded server stopping)
    // would be an unhandled 'error' event and crash the process.
    poolErrorHandler: (error: unknown) => logger.log('warn', `database pool error (${describeDriverError(error)})`),
    extra: { types: calendarDateTypes },
  } satisfies DataSourceOptions;
}

/** Host, port and database of a connection string, without user or password, for logs. */
export function describeDatabaseUrl(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
}
