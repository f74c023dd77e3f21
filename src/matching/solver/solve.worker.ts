import { readFileSync } from 'node:fs';
import { getPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { match } from '../core/match';
import type { Instance, MatchResult } from '../core/types';
import { validateInstance } from '../core/validate-instance';
import { resultRows } from '../result-rows';
import { collectFully } from './full-collection';
import type { SolveReply, SolveRequest, SolverCollected, SolverReady, SolveTimings } from './solve-messages';
import { setThisThreadNice, thisThreadId } from './thread-priority';

const threadId = thisThreadId();
/** The nice value the thread was started with (the process's): where it returns after a niced solve. */
const baseNice = threadId === undefined ? undefined : getPriority(threadId);
let solves = 0;

/** Runs in a worker thread: the engine's CPU time never blocks the HTTP event loop. */
parentPort?.on('message', (request: SolveRequest) => {
  let reply: SolveReply;
  const clock = new PhaseClock();
  // Behind the event loop and the database for a core when asked: a long solve must not slow every API answer.
  const during = baseNice === undefined ? undefined : setThisThreadNice(Math.max(baseNice, request.nice ?? 0))?.nice;
  let engineMs: number | undefined;
  try {
    const text = textOf(request.instanceJson);
    clock.lap('decode');
    // Validated here rather than on the event loop: at national size the pass takes seconds.
    const instance: unknown = JSON.parse(text);
    clock.lap('parse');
    const validation = request.validate ? validateInstance(instance) : ({ ok: true } as const);
    clock.lap('validate');
    if (validation.ok) {
      const result = match(instance as Instance, request.options);
      engineMs = result.stats.solveMs;
      clock.lap('match');
      reply = replyOf(request, result);
      if (request.replyAsRows) clock.lap('encode');
    } else {
      reply = { id: request.id, invalid: validation.problems };
    }
  } catch (error) {
    reply = { id: request.id, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
  const after = baseNice === undefined ? undefined : setThisThreadNice(baseNice)?.nice;
  solves++;
  const timings: SolveTimings = { solve: solves, engineMs, ...clock.total(), phases: clock.phases, postedAt: performance.timeOrigin + performance.now() };
  parentPort?.postMessage({ ...reply, timings, ...(during !== undefined && after !== undefined ? { priority: { during, after, base: baseNice! } } : {}) });
  // After the reply, so that the run's result does not wait for it.
  setImmediate(() => parentPort?.postMessage({ collected: collectFully() } satisfies SolverCollected));
});

function replyOf(request: SolveRequest, result: MatchResult): SolveReply {
  return request.replyAsRows ? { id: request.id, rows: resultRows(result) } : { id: request.id, result };
}

function textOf(json: string | Uint8Array): string {
  return typeof json === 'string' ? json : Buffer.from(json.buffer, json.byteOffset, json.byteLength).toString('utf8');
}

/** This thread's CPU time and time spent waiting for a core, in ms (Linux schedstat; undefined elsewhere). */
function threadSchedule(): { cpuMs: number; waitMs: number } | undefined {
  try {
    const [cpuNs, waitNs] = readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ').map(Number);
    return { cpuMs: cpuNs / 1e6, waitMs: waitNs / 1e6 };
  } catch {
    return undefined;
  }
}

/** Wall and CPU milliseconds of each step of one solve. */
class PhaseClock {
  readonly phases: Record<string, { wallMs: number; cpuMs?: number }> = {};
  private readonly startedAt = performance.now();
  private readonly scheduleAtStart = threadSchedule();
  private lastAt = this.startedAt;
  private lastSchedule = this.scheduleAtStart;

  lap(phase: string): void {
    const now = performance.now();
    const schedule = threadSchedule();
    this.phases[phase] = {
      wallMs: Math.round(now - this.lastAt),
      ...(schedule && this.lastSchedule ? { cpuMs: Math.round(schedule.cpuMs - this.lastSchedule.cpuMs) } : {}),
    };
    this.lastAt = now;
    this.lastSchedule = schedule;
  }

  total(): { wallMs: number; cpuMs?: number; waitMs?: number } {
    const schedule = threadSchedule();
    const start = this.scheduleAtStart;
    return {
      wallMs: Math.round(performance.now() - this.startedAt),
      ...(schedule && start ? { cpuMs: Math.round(schedule.cpuMs - start.cpuMs), waitMs: Math.round(schedule.waitMs - start.waitMs) } : {}),
    };
  }
}

// Loaded and listening: time limits count from here, not from the thread's (ts-node) start-up.
parentPort?.postMessage({ ready: true, threadId, nice: baseNice } satisfies SolverReady);
