/** What a solver proves about one component (indices are the component's local pair indices). */
export interface ComponentSolution {
  readonly chosen: number[];
  readonly filled: number;
  readonly score: number;
  /** The number filled is proven to be the maximum. */
  readonly fillProven: boolean;
  /**
   * Proven upper bound on the score of any solution that fills the maximum number of
   * vacancies; meaningful only when fillProven.
   */
  readonly scoreUpperBound: number;
}

/** `slack`: how far (absolute) the bound may lie above the score and still prove it optimal. */
export function isProvenOptimal(solution: ComponentSolution, slack: number): boolean {
  return solution.fillProven && solution.scoreUpperBound - solution.score <= slack;
}

/**
 * What can still be proven about a selection no exact method finished (a deadline, or a part
 * too big for the exact solvers), at the cost of one pass over the pairs: no selection fills
 * more vacancies than have a candidate, nor scores more than every vacancy with its best
 * candidate. When the selection fills every vacancy that has a candidate, its fill is proven
 * maximal and that sum bounds the score, so the result reports a proven gap instead of none.
 */
export function withCheapBounds(
  problem: { readonly vacancyPeriods: readonly unknown[]; readonly pairs: ReadonlyArray<{ readonly vacancy: number; readonly score: number }> },
  chosen: number[],
  score: number,
): ComponentSolution {
  const best = new Float64Array(problem.vacancyPeriods.length).fill(-1);
  for (const pair of problem.pairs) if (pair.score > best[pair.vacancy]) best[pair.vacancy] = pair.score;
  let fillable = 0;
  let scoreBound = 0;
  for (const value of best) {
    if (value < 0) continue;
    fillable++;
    scoreBound += value;
  }
  const fillProven = chosen.length === fillable;
  return { chosen, filled: chosen.length, score, fillProven, scoreUpperBound: fillProven ? Math.max(score, scoreBound) : Infinity };
}
