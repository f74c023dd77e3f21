import { existsSync, readFileSync } from 'node:fs';
import { getPriority } from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { SolverReady } from './solve-messages';
import { startSolverWorker } from './solver-thread';

/** The nice value of one thread of this process, from /proc/<pid>/task/<tid>/stat (field 19). */
function niceOfThread(threadId: number): number {
  const afterName = readFileSync(`/proc/${process.pid}/task/${threadId}/stat`, 'utf8').split(') ')[1];
  return Number(afterName.split(' ')[16]);
}

function readyOf(worker: Worker): Promise<SolverReady> {
  return new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

const linux = existsSync('/proc/thread-self');

describe('solver thread priority', () => {
  let worker: Worker | undefined;

  afterEach(async () => {
    await worker?.terminate();
    worker = undefined;
  });

  (linux ? it : it.skip)('runs the solver thread alone at the nice value asked for, the event loop keeps its own', async () => {
    const before = getPriority();
    worker = startSolverWorker(7);
    const ready = await readyOf(worker);

    expect(ready).toMatchObject({ ready: true, nice: 7 });
    expect(ready.threadId).not.toBe(process.pid);
    expect(niceOfThread(ready.threadId!)).toBe(7);
    expect(niceOfThread(process.pid)).toBe(before);
  });

  (linux ? it : it.skip)('leaves the thread at the process nice value with 0', async () => {
    worker = startSolverWorker(0);
    const ready = await readyOf(worker);

    expect(niceOfThread(ready.threadId!)).toBe(getPriority());
  });
});
