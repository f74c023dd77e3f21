import type { QueryRunner } from 'typeorm';

/**
 * Resolves once another session waits for a lock that `blocker`'s open transaction holds
 * (pg_locks, through pg_blocking_pids): a race test then knows its request reached the lock,
 * on any machine, instead of hoping a sleep was long enough. Asked through the blocker itself:
 * the embedded database would queue any other connection's query behind its transaction; there
 * (one session serves all) every request waits for the transaction anyway. `settledEarly`
 * names a request that answered without waiting, so the test fails at once with its answer.
 */
export async function waitUntilBlockedBy(blocker: QueryRunner, timeoutMs = 30_000, settledEarly: () => string | undefined = () => undefined): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const [{ sessions }] = await blocker.query(`SELECT count(DISTINCT pid)::int AS sessions FROM pg_stat_activity WHERE backend_type = 'client backend'`);
  if (sessions <= 1) return;
  for (;;) {
    const [row] = await blocker.query(`SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE pg_backend_pid() = ANY(pg_blocking_pids(pid))`);
    if (row.waiting > 0) return;
    const early = settledEarly();
    if (early !== undefined) throw new Error(`the request answered before it ever waited for the blocker's lock: ${early}`);
    if (Date.now() > deadline) {
      throw new Error(`no session waited for the blocker's lock within ${timeoutMs} ms; the database's other sessions: ${await otherSessions(blocker)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** What every other session of the database is doing: a race test that times out says where its request was. */
async function otherSessions(blocker: QueryRunner): Promise<string> {
  const sessions: unknown[] = await blocker.query(
    `SELECT pid, application_name, state, wait_event_type, wait_event, pg_blocking_pids(pid) AS blocked_by, left(query, 160) AS query
     FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() ORDER BY pid`,
  );
  return JSON.stringify(sessions);
}
