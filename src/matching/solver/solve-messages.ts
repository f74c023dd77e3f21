import type { MatchOptions } from '../core/match';
import type { MatchResult } from '../core/types';

export interface SolveRequest {
  readonly id: number;
  /**
   * The instance as JSON text: the service serialises it once (it stores the same text), and
   * copying a string to the thread is far cheaper than cloning the object graph on the event loop.
   */
  readonly instanceJson: string;
  readonly options: MatchOptions;
}

export type SolveReply = { readonly id: number; readonly result: MatchResult } | { readonly id: number; readonly error: string };

/** Sent once when the thread has loaded the engine; replies to requests carry their id. */
export interface SolverReady {
  readonly ready: true;
}
