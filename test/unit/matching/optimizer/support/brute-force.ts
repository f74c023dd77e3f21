import { OptimizationProblem } from '../../../../../src/matching/core/optimizer/optimization-problem';

export interface BruteForceOptimum {
  readonly filled: number;
  readonly score: number;
}

/** Tries every feasible selection: each vacancy left open or given to one of its candidates. */
export function bruteForceOptimum(problem: OptimizationProblem): BruteForceOptimum {
  const pairsByVacancy: number[][] = problem.vacancyPeriods.map(() => []);
  problem.pairs.forEach((pair, index) => pairsByVacancy[pair.vacancy].push(index));
  const periodsBySeeker: { start: number; end: number }[][] = Array.from({ length: problem.seekerCount }, () => []);
  let best: BruteForceOptimum = { filled: 0, score: 0 };

  const visit = (vacancy: number, filled: number, score: number): void => {
    if (vacancy === problem.vacancyPeriods.length) {
      if (filled > best.filled || (filled === best.filled && score > best.score + 1e-9)) best = { filled, score };
      return;
    }
    visit(vacancy + 1, filled, score);
    const period = problem.vacancyPeriods[vacancy];
    for (const pairIndex of pairsByVacancy[vacancy]) {
      const pair = problem.pairs[pairIndex];
      const taken = periodsBySeeker[pair.seeker];
      if (taken.some((other) => !(other.end < period.start || period.end < other.start))) continue;
      taken.push(period);
      visit(vacancy + 1, filled + 1, score + pair.score);
      taken.pop();
    }
  };
  visit(0, 0, 0);
  return best;
}
