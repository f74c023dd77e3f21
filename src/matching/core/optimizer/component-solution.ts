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
