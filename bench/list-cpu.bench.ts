/**
 * CPU per list request, against a RUNNING service on real PostgreSQL:
 *
 *   SERVICE_PID=$(cat service.pid) DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_x_test \
 *     BENCH_URL=http://127.0.0.1:3600 npm run bench:list-cpu -- --requests 3000 --connections 50
 *
 * Sends `--requests` GET /leave-gaps?pageSize=20 (or `--path`) from `--connections` loops, after
 * a warm-up of 200, and reads the CPU time (utime + stime in /proc/<pid>/stat) of the service
 * and of its database's client backends before and after. Wall-clock latency on a shared machine
 * says as much about the neighbours as about the service; CPU per request does not, so two
 * builds compare under load by the CPU they spend. Linux only (procfs); run it as a user that may
 * read the database server's /proc entries (same user or root).
 */
import { readFileSync } from 'node:fs';
import { Client } from 'pg';
import { bearer } from '../test/e2e/support/auth';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

function option(name: string, fallback: string): string {
  const argv = process.argv.slice(2);
  const index = argv.indexOf(`--${name}`);
  return index >= 0 && argv[index + 1] !== undefined ? argv[index + 1] : fallback;
}

/** utime + stime of a process in ms, or undefined when it is gone. */
function cpuMs(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may hold spaces: fields are counted after its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

async function backendPids(db: Client): Promise<number[]> {
  const result = await db.query<{ pid: number }>(
    `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend' AND pid <> pg_backend_pid()`,
  );
  return result.rows.map((row) => row.pid);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function main(): Promise<void> {
  const servicePid = Number(process.env.SERVICE_PID);
  if (!Number.isInteger(servicePid) || cpuMs(servicePid) === undefined) throw new Error('SERVICE_PID must name the running service');
  const base = `${process.env.BENCH_URL ?? 'http://127.0.0.1:3600'}/api/v1`;
  const path = option('path', '/leave-gaps?pageSize=20');
  const requests = Number(option('requests', '3000'));
  const connections = Number(option('connections', '50'));
  const authorization = bearer({ role: 'coordinator', subject: 'bench-list-cpu' });
  const db = new Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();

  const statuses = new Map<number, number>();
  const send = async (count: number, ms: number[]) => {
    let sent = 0;
    await Promise.all(
      Array.from({ length: connections }, async () => {
        while (sent < count) {
          sent++;
          const started = performance.now();
          let status = 0;
          try {
            const response = await fetch(`${base}${path}`, { headers: { authorization } });
            await response.arrayBuffer();
            status = response.status;
          } catch {
            status = 0;
          }
          ms.push(performance.now() - started);
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
        }
      }),
    );
  };

  await send(200, []); // warm-up: JIT, the pool's connections
  statuses.clear();
  const before = new Map((await backendPids(db)).map((pid) => [pid, cpuMs(pid) ?? 0]));
  const serviceBefore = cpuMs(servicePid)!;
  const generatorBefore = process.cpuUsage();
  const started = performance.now();
  const ms: number[] = [];
  await send(requests, ms);
  const wallMs = performance.now() - started;
  const serviceMs = cpuMs(servicePid)! - serviceBefore;
  const generator = process.cpuUsage(generatorBefore);
  let databaseMs = 0;
  const after = await backendPids(db);
  for (const pid of new Set([...before.keys(), ...after])) databaseMs += (cpuMs(pid) ?? before.get(pid) ?? 0) - (before.get(pid) ?? 0);
  await db.end();

  const sorted = ms.sort((a, b) => a - b);
  const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  console.log(
    JSON.stringify({
      path,
      requests: ms.length,
      connections,
      'req/s': Math.round((ms.length / wallMs) * 1000),
      'p50 ms': Math.round(percentile(sorted, 50)),
      'p99 ms': Math.round(percentile(sorted, 99)),
      'service CPU ms/req': +(serviceMs / ms.length).toFixed(2),
      'PostgreSQL CPU ms/req': +(databaseMs / ms.length).toFixed(2),
      // This process's own (fetch): on the same cores, it is part of what the closed loop waits for.
      'load generator CPU ms/req': +((generator.user + generator.system) / 1000 / ms.length).toFixed(2),
      backends: after.length,
      statuses: Object.fromEntries(statuses),
      loadavg: load,
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
