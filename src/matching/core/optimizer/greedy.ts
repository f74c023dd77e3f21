import { OptimizationProblem } from './optimization-problem';
import { FeasibleSelection } from './selection';

/**
 * A quick feasible selection for when no time is left: vacancies with the fewest candidates
 * first (they are the hardest to fill), each to its best seeker still free over its period.
 * `start` (a feasible selection, e.g. what a solver stopped by the deadline had) is kept and
 * only extended.
 */
export function greedySelection(problem: OptimizationProblem, start: readonly number[] = []): number[] {
  const byVacancy: number[][] = problem.vacancyPeriods.map(() => []);
  problem.pairs.forEach((pair, index) => byVacancy[pair.vacancy].push(index));
  const vacancies = byVacancy.map((_, index) => index).sort((a, b) => byVacancy[a].length - byVacancy[b].length || a - b);
  const selection = new FeasibleSelection(problem);
  for (const pairIndex of start) selection.tryAdd(pairIndex);
  for (const vacancy of vacancies) {
    const candidates = byVacancy[vacancy].sort((a, b) => problem.pairs[b].score - problem.pairs[a].score || a - b);
    for (const pairIndex of candidates) if (selection.tryAdd(pairIndex)) break;
  }
  return selection.chosen.sort((a, b) => a - b);
}
