/**
 * The service's solve phase without the service: the executor's way of handing an instance to
 * the solver thread (its UTF-8 in shared memory, validate: true), repeated on one thread, so
 * that the thread's first solve (engine code not yet compiled) shows beside later ones. Uses
 * the COMPILED worker (npm run build first), like the service. Per solve: the thread's own
 * phases (wall and CPU ms, and ms spent waiting for a core: the machine's other work), the
 * engine's stats.solveMs, the transfer back (posted → received on this thread), and this
 * thread's CPU while receiving.
 *
 *   psql -At -h 127.0.0.1 -U postgres bench_x -c "SELECT instance FROM match_runs WHERE id = '<run>'" > /tmp/regional.json
 *   node -r ts-node/register/transpile-only bench/solve-phase.bench.ts /tmp/regional.json [REPEATS] [NICE] [--rows-reply] [--warm <instance file>] [--dist <dir>]
 *
 * `--rows-reply` asks for the rows the results writer stores (the service's way); `--warm` solves that
 * instance first; `--dist` runs another checkout's compiled worker (e.g. a worktree of main).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadavg } from 'node:os';
import type { Worker } from 'node:worker_threads';

const args = process.argv.slice(2);
const distAt = args.indexOf('--dist');
const dist = resolve(distAt >= 0 ? args.splice(distAt, 2)[1] : join(__dirname, '..', 'dist'));
const warmAt = args.indexOf('--warm');
const warmFile = warmAt >= 0 ? args.splice(warmAt, 2)[1] : undefined;
const rowsAt = args.indexOf('--rows-reply');
const replyAsRows = rowsAt >= 0 && args.splice(rowsAt, 1).length > 0;
const [file, repeats = '4', nice = '0'] = args;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startSolverWorker } = require(join(dist, 'src/matching/solver/solver-thread.js')) as { startSolverWorker(): Worker };

function threadSchedule(): { cpuMs: number; waitMs: number } {
  const [cpuNs, waitNs] = readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ').map(Number);
  return { cpuMs: cpuNs / 1e6, waitMs: waitNs / 1e6 };
}

function sharedUtf8(text: string): Uint8Array {
  const bytes = new Uint8Array(new SharedArrayBuffer(Buffer.byteLength(text)));
  Buffer.from(bytes.buffer, 0, bytes.byteLength).write(text);
  return bytes;
}

/** Calls `handle` with the thread's next reply, passing over its reports of collecting garbage. */
function onReply(worker: Worker, handle: (reply: unknown) => void): void {
  const listener = (message: object) => {
    if ('collected' in message) return;
    worker.off('message', listener);
    handle(message);
  };
  worker.on('message', listener);
}

async function main(): Promise<void> {
  const text = readFileSync(file, 'utf8');
  const bytes = sharedUtf8(text);
  const startedAt = performance.now();
  const worker = startSolverWorker();
  const ready: any = await new Promise((ok) => worker.once('message', ok));
  // The solver thread's CPU read from outside it (/proc/<pid>/task/<tid>/schedstat): the same figure for any version of the worker.
  const solverCpuMs = () => Number(readFileSync(`/proc/${process.pid}/task/${ready.threadId}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
  console.log(`${file}: ${(bytes.byteLength / 1e6).toFixed(1)} MB; thread ready in ${Math.round(performance.now() - startedAt)} ms; load ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  if (warmFile) {
    const warmBefore = process.cpuUsage();
    const warmAt = performance.now();
    const reply: any = await new Promise((ok) => {
      onReply(worker, ok);
      worker.postMessage({ id: 0, instanceJson: readFileSync(warmFile, 'utf8'), options: {}, validate: true });
    });
    const cpu = process.cpuUsage(warmBefore);
    console.log(`warmed on ${warmFile} (${reply.result.stats.candidatePairs} pairs, ${reply.result.unfilled.length} unfilled) in ${Math.round(performance.now() - warmAt)} ms, thread ${reply.timings.cpuMs} ms CPU, process ${Math.round((cpu.user + cpu.system) / 1000)} ms CPU`);
    await new Promise((ok) => setTimeout(ok, Number(process.env.WARM_PAUSE_MS ?? 500)));
  }
  const rows: Record<string, unknown>[] = [];
  for (let run = 0; run < Number(repeats); run++) {
    const before = threadSchedule();
    const processBefore = process.cpuUsage();
    const solverBefore = solverCpuMs();
    const sentAt = performance.now();
    const reply: any = await new Promise((ok) => {
      onReply(worker, ok);
      worker.postMessage({ id: run + 1, instanceJson: bytes, options: { timeLimitMs: 20_000 }, validate: true, nice: Number(nice), replyAsRows });
    });
    const receivedAt = performance.timeOrigin + performance.now();
    const decodedAt = performance.timeOrigin + performance.now();
    // The rows as the writer binds them; only the figures printed below are read back here.
    if (reply.rows !== undefined) reply.result = { stats: reply.rows.stats, unfilled: JSON.parse(reply.rows.unfilled) };
    const wall = performance.now() - sentAt;
    const after = threadSchedule();
    const processCpu = process.cpuUsage(processBefore);
    const solverCpu = solverCpuMs() - solverBefore;
    const t = reply.timings ?? { phases: {}, postedAt: NaN };
    if (!reply.result) throw new Error(JSON.stringify(reply).slice(0, 500));
    const phase = (name: string) => (t.phases[name] ? `${t.phases[name].wallMs} (${t.phases[name].cpuMs})` : '—');
    rows.push({
      solve: t.solve,
      'wall ms': Math.round(wall),
      'thread wall (cpu, wait)': `${t.wallMs} (${t.cpuMs}, ${t.waitMs})`,
      decode: phase('decode'),
      parse: phase('parse'),
      validate: phase('validate'),
      match: phase('match'),
      encode: phase('encode'),
      'engine solveMs': t.engineMs,
      'posted→decoded ms': Math.round(decodedAt - t.postedAt),
      'decode here ms': Math.round(decodedAt - receivedAt),
      'main cpu ms': Math.round(after.cpuMs - before.cpuMs),
      'solver thread cpu ms': Math.round(solverCpu),
      'process cpu ms': Math.round((processCpu.user + processCpu.system) / 1000),
      optimal: reply.result.stats.optimal,
      pairs: reply.result.stats.candidatePairs,
      unfilled: reply.result.unfilled.length,
    });
    if (run === 0) {
      const cloneAt = performance.now();
      structuredClone(reply.result);
      const json = JSON.stringify(reply.result);
      console.log(`result: structuredClone ${Math.round(performance.now() - cloneAt)} ms on this thread; JSON ${(json.length / 1e6).toFixed(1)} MB`);
    }
  }
  console.table(rows);
  console.log(`load ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  await worker.terminate();
}

void main();
