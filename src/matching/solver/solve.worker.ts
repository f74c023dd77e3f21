import { getPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { match } from '../core/match';
import type { Instance } from '../core/types';
import { validateInstance } from '../core/validate-instance';
import type { SolveReply, SolveRequest, SolverReady } from './solve-messages';
import { setThisThreadNice, thisThreadId } from './thread-priority';

const threadId = thisThreadId();
/** The nice value the thread was started with (the process's): where it returns after a niced solve. */
const baseNice = threadId === undefined ? undefined : getPriority(threadId);

/** Runs in a worker thread: the engine's CPU time never blocks the HTTP event loop. */
parentPort?.on('message', (request: SolveRequest) => {
  let reply: SolveReply;
  // Behind the event loop and the database for a core when asked: a long solve must not slow every API answer.
  const during = baseNice === undefined ? undefined : setThisThreadNice(Math.max(baseNice, request.nice ?? 0))?.nice;
  try {
    // Validated here rather than on the event loop: at national size the pass takes seconds.
    const instance: unknown = JSON.parse(textOf(request.instanceJson));
    const validation = request.validate ? validateInstance(instance) : ({ ok: true } as const);
    reply = validation.ok
      ? { id: request.id, result: match(instance as Instance, request.options) }
      : { id: request.id, invalid: validation.problems };
  } catch (error) {
    reply = { id: request.id, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
  const after = baseNice === undefined ? undefined : setThisThreadNice(baseNice)?.nice;
  parentPort?.postMessage({ ...reply, ...(during !== undefined && after !== undefined ? { priority: { during, after, base: baseNice! } } : {}) });
});

function textOf(json: string | Uint8Array): string {
  return typeof json === 'string' ? json : Buffer.from(json.buffer, json.byteOffset, json.byteLength).toString('utf8');
}

// Loaded and listening: time limits count from here, not from the thread's (ts-node) start-up.
parentPort?.postMessage({ ready: true, threadId, nice: baseNice } satisfies SolverReady);
