/** A selection's value for the objective: number filled first, then total score. */
export interface Value {
  readonly filled: number;
  readonly score: number;
}

export function isBetter(candidate: Value, incumbent: Value): boolean {
  return candidate.filled > incumbent.filled || (candidate.filled === incumbent.filled && candidate.score > incumbent.score + 1e-9);
}

/**
 * The grid the scores lie on (0.01 when all are hundredths), or null. Sums of grid scores lie
 * on the grid too, so an upper bound less than one grid step above a solution proves it optimal.
 */
export function scoreGrid(scores: Iterable<number>): number | null {
  for (const decimals of [0, 1, 2, 3, 4]) {
    const factor = 10 ** decimals;
    let onGrid = true;
    for (const score of scores) {
      const scaled = score * factor;
      if (Math.abs(scaled - Math.round(scaled)) > 1e-7) {
        onGrid = false;
        break;
      }
    }
    if (onGrid) return 1 / factor;
  }
  return null;
}

/** Slack below which bound − score proves optimality (strictly below one grid step, or float noise). */
export function provingSlack(grid: number | null, score: number): number {
  return grid === null ? 1e-9 * Math.max(1, Math.abs(score)) : grid * (1 - 1e-6);
}
