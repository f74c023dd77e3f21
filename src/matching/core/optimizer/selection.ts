import { OptimizationProblem } from './optimization-problem';

/**
 * Tracks a growing selection of pairs and accepts a pair only when it keeps the selection
 * feasible: its vacancy is still open and its period shares no day with the seeker's others.
 */
export class FeasibleSelection {
  readonly chosen: number[] = [];
  private readonly vacancyTaken: Uint8Array;
  private readonly periodsBySeeker = new Map<number, { start: number; end: number }[]>();

  constructor(private readonly problem: OptimizationProblem) {
    this.vacancyTaken = new Uint8Array(problem.vacancyPeriods.length);
  }

  canAdd(pairIndex: number): boolean {
    const pair = this.problem.pairs[pairIndex];
    if (this.vacancyTaken[pair.vacancy]) return false;
    const period = this.problem.vacancyPeriods[pair.vacancy];
    const taken = this.periodsBySeeker.get(pair.seeker) ?? [];
    return taken.every((other) => other.end < period.start || period.end < other.start);
  }

  tryAdd(pairIndex: number): boolean {
    if (!this.canAdd(pairIndex)) return false;
    const pair = this.problem.pairs[pairIndex];
    this.vacancyTaken[pair.vacancy] = 1;
    const taken = this.periodsBySeeker.get(pair.seeker);
    const period = this.problem.vacancyPeriods[pair.vacancy];
    if (taken) taken.push(period);
    else this.periodsBySeeker.set(pair.seeker, [period]);
    this.chosen.push(pairIndex);
    return true;
  }
}

/** True when the pairs use every vacancy at most once and no seeker has two overlapping periods. */
export function isFeasibleSelection(problem: OptimizationProblem, pairIndices: readonly number[]): boolean {
  const selection = new FeasibleSelection(problem);
  return pairIndices.every((pairIndex) => selection.tryAdd(pairIndex));
}

export function scoreOf(problem: OptimizationProblem, pairIndices: readonly number[]): number {
  return pairIndices.reduce((sum, index) => sum + problem.pairs[index].score, 0);
}
