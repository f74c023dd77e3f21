import { parentPort, workerData } from 'node:worker_threads';
import { match } from '../core/match';
import type { Instance } from '../core/types';
import { validateInstance } from '../core/validate-instance';
import type { SolveReply, SolveRequest, SolverReady, SolverWorkerData } from './solve-messages';
import { niceThisThread } from './thread-priority';

/** Runs in a worker thread: the engine's CPU time never blocks the HTTP event loop. */
parentPort?.on('message', (request: SolveRequest) => {
  let reply: SolveReply;
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
  parentPort?.postMessage(reply);
});

function textOf(json: string | Uint8Array): string {
  return typeof json === 'string' ? json : Buffer.from(json.buffer, json.byteOffset, json.byteLength).toString('utf8');
}

// Behind the event loop and the database for a core: a solve must not slow every API answer.
const priority = niceThisThread((workerData as SolverWorkerData | undefined)?.nice ?? 0);

// Loaded and listening: time limits count from here, not from the thread's (ts-node) start-up.
parentPort?.postMessage({ ready: true, threadId: priority?.threadId, nice: priority?.nice } satisfies SolverReady);
