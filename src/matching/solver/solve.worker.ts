import { parentPort } from 'node:worker_threads';
import { match } from '../core/match';
import type { Instance } from '../core/types';
import type { SolveReply, SolveRequest, SolverReady } from './solve-messages';

/** Runs in a worker thread: the engine's CPU time never blocks the HTTP event loop. */
parentPort?.on('message', (request: SolveRequest) => {
  let reply: SolveReply;
  try {
    reply = { id: request.id, result: match(JSON.parse(request.instanceJson) as Instance, request.options) };
  } catch (error) {
    reply = { id: request.id, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
  parentPort?.postMessage(reply);
});

// Loaded and listening: time limits count from here, not from the thread's (ts-node) start-up.
parentPort?.postMessage({ ready: true } satisfies SolverReady);
