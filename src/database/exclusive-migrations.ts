import type { DataSource } from 'typeorm';

/** One key for "chaeum is migrating this database" (an arbitrary constant, fixed forever). */
export const MIGRATION_LOCK_KEY = 7_406_011_795;

/**
 * Runs pending migrations while holding a PostgreSQL advisory lock, so that instances starting
 * together on an empty database migrate one after the other: the second finds nothing to do,
 * instead of both creating the same tables and one of them failing to start.
 */
export async function runMigrationsExclusively(dataSource: DataSource): Promise<void> {
  const lockHolder = dataSource.createQueryRunner();
  await lockHolder.connect();
  try {
    await lockHolder.query(`SELECT pg_advisory_lock($1)`, [MIGRATION_LOCK_KEY]);
    try {
      await dataSource.runMigrations();
    } finally {
      await lockHolder.query(`SELECT pg_advisory_unlock($1)`, [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await lockHolder.release();
  }
}
