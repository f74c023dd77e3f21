import type { MatchOptions } from '../core/match';
import type { MatchResult } from '../core/types';

export interface SolveRequest {
  readonly id: number;
  /**
   * The instance as JSON text, or as its UTF-8 bytes in shared memory (the service's way: the
   * thread reads them where they are, where copying a national instance's 23 MB string to it
   * held the event loop ~30 ms). Far cheaper either way than cloning the object graph.
   */
  readonly instanceJson: string | Uint8Array;
  readonly options: MatchOptions;
  /** Validate before solving (the service skips the pass on its event loop; the command line has validated already). */
  readonly validate?: boolean;
}

export type SolveReply =
  | { readonly id: number; readonly result: MatchResult }
  /** The instance broke the contract: the builder has a bug, a retry would only repeat it. */
  | { readonly id: number; readonly invalid: string[] }
  | { readonly id: number; readonly error: string };

/** Sent once when the thread has loaded the engine; replies to requests carry their id. */
export interface SolverReady {
  readonly ready: true;
  /** The thread's own id (Linux) and the nice value it runs at; undefined where /proc/thread-self is absent. */
  readonly threadId?: number;
  readonly nice?: number;
}

/** What a solver thread is started with (workerData). */
export interface SolverWorkerData {
  /** Nice value for this thread alone (Linux); 0 leaves it at the process's. */
  readonly nice: number;
}
