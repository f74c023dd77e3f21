import type { MatchOptions } from '../core/match';
import type { MatchResult } from '../core/types';
import type { ResultRows } from '../result-rows';
import type { Collected } from './full-collection';

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
  /** Nice value of the thread during this solve (Linux, that thread alone; see solveNice); never below the process's. */
  readonly nice?: number;
  /**
   * Reply with what the results writer stores (ResultRows) instead of the result: the service's
   * way: the event loop would only take the result apart to serialise most of it again (a
   * national result's structured clone held it ~45 ms, its JSON text ~15 ms, and writing the
   * rows from it ~15 ms more).
   */
  readonly replyAsRows?: boolean;
}

/** The thread's nice value during the solve and after it (back at `base` unless lowering it was refused). */
export interface SolvePriority {
  readonly during: number;
  readonly after: number;
  readonly base: number;
}

export type SolveReply = (
  | { readonly id: number; readonly result: MatchResult }
  /** What the results writer stores, when the request asked for replyAsRows. */
  | { readonly id: number; readonly rows: ResultRows }
  /** The instance broke the contract: the builder has a bug, a retry would only repeat it. */
  | { readonly id: number; readonly invalid: string[] }
  | { readonly id: number; readonly error: string }
) & { readonly priority?: SolvePriority; readonly timings?: SolveTimings };

/** Where one solve's time went on the thread: wall, CPU and waiting for a core (Linux), in ms. */
export interface SolveTimings {
  /** The thread's how-manieth solve (1: its first, with the engine's code not yet compiled). */
  readonly solve: number;
  readonly wallMs: number;
  readonly cpuMs?: number;
  /** Runnable but not running: the machine's other work. */
  readonly waitMs?: number;
  /** The engine's own stats.solveMs (pairs, optimization, assembling the result). */
  readonly engineMs?: number;
  readonly phases: { readonly [phase: string]: { readonly wallMs: number; readonly cpuMs?: number } };
  /** performance.timeOrigin + now() just before the reply was posted: the main thread's receipt minus this is the transfer. */
  readonly postedAt: number;
}

/** Sent once when the thread has loaded the engine; replies to requests carry their id. */
export interface SolverReady {
  readonly ready: true;
  /** The thread's own id (Linux) and the nice value it started at (the process's); undefined where /proc/thread-self is absent. */
  readonly threadId?: number;
  readonly nice?: number;
}

/** Sent after each reply, once the thread has collected the solve's garbage (full-collection.ts). */
export interface SolverCollected {
  readonly collected: Collected;
}
