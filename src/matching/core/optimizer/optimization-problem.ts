/**
 * The optimizer's view of a matching instance: feasibility and scoring are already done,
 * so only indices, periods and scores remain.
 *
 * Objective (matching-contract.md): choose pairs so that every vacancy is used at most once
 * and the vacancies chosen for one seeker share no day; first maximise the number of
 * vacancies filled, then the total score.
 */
export interface OptimizationProblem {
  /** Placement period of vacancy i as inclusive day numbers (days since 1970-01-01). */
  readonly vacancyPeriods: ReadonlyArray<{ readonly start: number; readonly end: number }>;
  readonly seekerCount: number;
  /** Feasible pairs; a (vacancy, seeker) pair appears at most once. Scores are in [0, 100]. */
  readonly pairs: ReadonlyArray<{ readonly vacancy: number; readonly seeker: number; readonly score: number }>;
}

export interface OptimizationOptions {
  /** Stop searching after this many milliseconds and return the best solution found. */
  readonly timeLimitMs?: number;
}

export interface OptimizationResult {
  /** Indices into `problem.pairs` of the chosen pairs. */
  readonly chosenPairs: number[];
  readonly filled: number;
  readonly totalScore: number;
  /** True only when the result is proven optimal for the lexicographic objective. */
  readonly optimal: boolean;
  /**
   * Proven relative distance of totalScore from the best possible, with the number filled
   * proven maximal; null where nothing is proven. 0 when optimal.
   */
  readonly gap: number | null;
  readonly components: number;
  /** Vacancies in the largest component of the candidate graph. */
  readonly largestComponent: number;
}
