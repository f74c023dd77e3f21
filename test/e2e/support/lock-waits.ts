import type { DataSource } from 'typeorm';

/**
 * Waits until `count` sessions on this test database wait for a lock (pg_locks, not granted),
 * or until `settled` resolves first (the request did not wait at all). Races are ordered by
 * what PostgreSQL says is waiting, never by sleeping.
 */
export async function untilWaitingForLocks(
  dataSource: DataSource,
  count: number,
  settled: Promise<unknown> = new Promise(() => undefined),
  timeoutMs = 20_000,
): Promise<void> {
  let done = false;
  void settled.then(
    () => (done = true),
    () => (done = true),
  );
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [{ waiting }]: { waiting: number }[] = await dataSource.query(
      `SELECT count(DISTINCT l.pid)::int AS waiting FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
       WHERE NOT l.granted AND a.datname = current_database()`,
    );
    if (waiting >= count || done) return;
    if (Date.now() > deadline) throw new Error(`${waiting} of ${count} sessions waiting for a lock after ${timeoutMs} ms`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}
