import 'reflect-metadata';
import { DataSource } from 'typeorm';
import type { EnvironmentVariables } from '../../src/config/environment';
import { embeddedDatabaseUrl } from '../../src/database/embedded-database';
import { SafeTypeOrmLogger } from '../../src/database/safe-typeorm-logger';
import { describeDatabaseUrl, postgresOptions } from '../../src/database/typeorm-options';
import { Invitation } from '../../src/users/invitation.entity';
import { User } from '../../src/users/user.entity';

export class DatabaseUnreachableError extends Error {}

/** Scripts say themselves what went wrong (a taken email); TypeORM's lines would only add noise. */
const QUIET = { debug: () => undefined, log: () => undefined, warn: () => undefined, error: (message: unknown) => console.error(message) };

/**
 * The service's database for a script: DATABASE_URL, or else the embedded database the running
 * service serves at 127.0.0.1:EMBEDDED_DB_PORT (only the service may open its files, so the
 * service must be running).
 */
export async function withScriptDatabase<T>(environment: EnvironmentVariables, work: (dataSource: DataSource) => Promise<T>): Promise<T> {
  const url = environment.DATABASE_URL ?? embeddedDatabaseUrl(environment.EMBEDDED_DB_PORT);
  const dataSource = new DataSource({
    ...postgresOptions({ url, poolSize: 1, logger: new SafeTypeOrmLogger(QUIET) }),
    migrations: [],
    entities: [User, Invitation],
  });
  try {
    await dataSource.initialize();
  } catch {
    const where = describeDatabaseUrl(url);
    throw new DatabaseUnreachableError(
      environment.DATABASE_URL
        ? `Cannot connect to PostgreSQL at ${where}.`
        : `Nothing answers at ${where}: the embedded database runs inside the service, so start it first (npm start).`,
    );
  }
  try {
    return await work(dataSource);
  } finally {
    await dataSource.destroy();
  }
}
