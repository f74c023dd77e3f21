import { randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { MIGRATION_LOCK_KEY, runMigrationsExclusively } from '../../src/database/exclusive-migrations';
import { postgresOptions } from '../../src/database/typeorm-options';

/** Waits (on pg_locks, not on a clock) until `sessions` sessions wait for an advisory lock. */
async function waitUntilWaiting(dataSource: DataSource, sessions: number): Promise<void> {
  for (let polls = 0; polls < 600; polls += 1) {
    const [row] = await dataSource.query(`SELECT count(*)::int AS waiting FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`);
    if (row.waiting >= sessions) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`fewer than ${sessions} sessions waited for the migration lock`);
}

const MIGRATION_FILES = readdirSync(join(__dirname, '..', '..', 'migrations')).filter((name) => name.endsWith('.ts'));

/** Two instances starting at once on an empty database both come up, and every migration runs once. */
describe('migrations at start-up', () => {
  const url = new URL(process.env.DATABASE_URL as string);
  const fresh = `${url.pathname.slice(1)}_migrate_${randomUUID().slice(0, 8)}`;
  const freshUrl = Object.assign(new URL(url.href), { pathname: `/${fresh}` }).href;
  const admin = new DataSource(postgresOptions({ url: url.href, poolSize: 1 }));

  beforeAll(async () => {
    await admin.initialize();
    await admin.query(`CREATE DATABASE "${fresh}"`);
  });
  afterAll(async () => {
    await admin.query(`DROP DATABASE IF EXISTS "${fresh}" WITH (FORCE)`);
    await admin.destroy();
  });

  it('run once when two instances start together on an empty database', async () => {
    const instances = [1, 2].map(() => new DataSource(postgresOptions({ url: freshUrl, poolSize: 3 })));
    const holder = new DataSource(postgresOptions({ url: freshUrl, poolSize: 1 }));
    await Promise.all([holder, ...instances].map((dataSource) => dataSource.initialize()));
    try {
      const [[held], [other]] = await Promise.all([holder, instances[0]].map((dataSource) => dataSource.query(`SELECT pg_backend_pid() AS pid`)));
      if (held.pid === other.pid) {
        console.warn('SKIPPED the migration race: the embedded database serves every connection in one session');
        return;
      }
      // Both start while a third session holds the migration lock, so they really start together.
      await holder.query(`SELECT pg_advisory_lock($1)`, [MIGRATION_LOCK_KEY]);
      const running = Promise.allSettled(instances.map((instance) => runMigrationsExclusively(instance)));
      await waitUntilWaiting(holder, 2);
      await holder.query(`SELECT pg_advisory_unlock($1)`, [MIGRATION_LOCK_KEY]);
      const outcomes = await running;
      expect(outcomes.map((outcome) => (outcome.status === 'rejected' ? String(outcome.reason) : 'ok'))).toEqual(['ok', 'ok']);
      const [row] = await instances[0].query(`SELECT count(*)::int AS ran, count(DISTINCT name)::int AS distinct_names FROM migrations`);
      expect(row).toEqual({ ran: MIGRATION_FILES.length, distinct_names: MIGRATION_FILES.length });
    } finally {
      await Promise.all([holder, ...instances].map((dataSource) => dataSource.destroy()));
    }
  });
});
