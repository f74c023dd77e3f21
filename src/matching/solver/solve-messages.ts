import type { MatchOptions } from '../core/match';
import type { Instance, MatchResult } from '../core/types';

export interface SolveRequest {
  readonly id: number;
  readonly instance: Instance;
  readonly options: MatchOptions;
}

export type SolveReply = { readonly id: number; readonly result: MatchResult } | { readonly id: number; readonly error: string };
