import { OptimizationProblem } from './optimization-problem';
import { FeasibleSelection } from './selection';

/**
 * A quick feasible selection for when no time is left: vacancies with the fewest candidates
 * first (they are the hardest to fill), each to its best seeker still free over its period.
 * `start` (a feasible selection, e.g. what a solver stopped by the deadline had) is kept and
 * only extended.
 */
export function greedySelection(problem: OptimizationProblem, start: readonly number[] = []): number[] {
  const vacancyCount = problem.vacancyPeriods.length;
  const candidateCount = new Int32Array(vacancyCount);
  for (const pair of problem.pairs) candidateCount[pair.vacancy]++;
  const pairsStart = new Int32Array(vacancyCount + 1);
  for (let v = 0; v < vacancyCount; v++) pairsStart[v + 1] = pairsStart[v] + candidateCount[v];
  const fill = pairsStart.slice(0, vacancyCount);
  const pairsOfVacancy = new Int32Array(problem.pairs.length);
  problem.pairs.forEach((pair, index) => (pairsOfVacancy[fill[pair.vacancy]++] = index));
  const vacancies = Array.from({ length: vacancyCount }, (_, index) => index).sort((a, b) => candidateCount[a] - candidateCount[b] || a - b);
  const selection = new FeasibleSelection(problem);
  for (const pairIndex of start) selection.tryAdd(pairIndex);
  // The best addable candidate by one scan (highest score, then lowest index): no sort, since
  // this runs when time is short and a vacancy may have thousands of candidates.
  for (const vacancy of vacancies) {
    let best = -1;
    for (let slot = pairsStart[vacancy]; slot < pairsStart[vacancy + 1]; slot++) {
      const pairIndex = pairsOfVacancy[slot];
      if (best >= 0 && problem.pairs[pairIndex].score <= problem.pairs[best].score) continue;
      if (selection.canAdd(pairIndex)) best = pairIndex;
    }
    if (best >= 0) selection.tryAdd(best);
  }
  return selection.chosen.sort((a, b) => a - b);
}
