import { ComponentSolution } from './component-solution';
import { Deadline } from './deadline';
import { OptimizationProblem } from './optimization-problem';
import { scoreOf } from './selection';

/**
 * Search nodes before giving up: a component the bound cannot cut down to this is left to
 * the MIP solver. Small chaining components (a few vacancies, tens of pairs) need hundreds.
 */
const NODE_BUDGET = 20_000;
const SCORE_TOLERANCE = 1e-9;

/**
 * Exact depth-first branch and bound for small components: vacancies in index order, each
 * given one of its pairs (best score first) or left unfilled, a pair only if its seeker's other
 * chosen periods do not overlap it. A branch is cut when even every remaining vacancy with its
 * best score could not beat the best selection so far (most filled, then highest score).
 * Building javascript-lp-solver's model alone cost more than this on the bench's small
 * components. Null when the node budget or the deadline stops it before the search is complete.
 */
export function solveBySearch(problem: OptimizationProblem, deadline: Deadline): ComponentSolution | null {
  const vacancyCount = problem.vacancyPeriods.length;
  const pairsByVacancy: number[][] = Array.from({ length: vacancyCount }, () => []);
  problem.pairs.forEach((pair, index) => pairsByVacancy[pair.vacancy].push(index));
  for (const pairs of pairsByVacancy) pairs.sort((a, b) => problem.pairs[b].score - problem.pairs[a].score || a - b);
  // Best score and fillable vacancies from vacancy v on: the bound of a branch at depth v.
  const scoreAfter = new Float64Array(vacancyCount + 1);
  const fillableAfter = new Int32Array(vacancyCount + 1);
  for (let v = vacancyCount - 1; v >= 0; v--) {
    const best = pairsByVacancy[v].length > 0 ? problem.pairs[pairsByVacancy[v][0]].score : 0;
    scoreAfter[v] = scoreAfter[v + 1] + best;
    fillableAfter[v] = fillableAfter[v + 1] + (pairsByVacancy[v].length > 0 ? 1 : 0);
  }
  const scheduleOf: number[][] = Array.from({ length: problem.seekerCount }, () => []);
  const current: number[] = [];
  // The empty selection is feasible: only strictly better ones replace it.
  let best: number[] = [];
  let bestFilled = 0;
  let bestScore = 0;
  let nodes = 0;
  let stopped = false;

  const fits = (seeker: number, vacancy: number) => {
    const period = problem.vacancyPeriods[vacancy];
    return scheduleOf[seeker].every((other) => {
      const taken = problem.vacancyPeriods[other];
      return taken.end < period.start || period.end < taken.start;
    });
  };
  const visit = (vacancy: number, filled: number, score: number): void => {
    if (stopped) return;
    if (++nodes > NODE_BUDGET || ((nodes & 1023) === 0 && deadline.expired())) {
      stopped = true;
      return;
    }
    const filledBound = filled + fillableAfter[vacancy];
    if (filledBound < bestFilled) return;
    if (filledBound === bestFilled && score + scoreAfter[vacancy] <= bestScore + SCORE_TOLERANCE) return;
    if (vacancy === vacancyCount) {
      // Past both cuts above, this leaf beats the best so far.
      best = current.slice();
      bestFilled = filled;
      bestScore = score;
      return;
    }
    for (const pairIndex of pairsByVacancy[vacancy]) {
      const pair = problem.pairs[pairIndex];
      if (!fits(pair.seeker, vacancy)) continue;
      scheduleOf[pair.seeker].push(vacancy);
      current.push(pairIndex);
      visit(vacancy + 1, filled + 1, score + pair.score);
      current.pop();
      scheduleOf[pair.seeker].pop();
    }
    visit(vacancy + 1, filled, score);
  };
  visit(0, 0, 0);
  if (stopped) return null;
  const chosen = best.sort((a, b) => a - b);
  const score = scoreOf(problem, chosen);
  return { chosen, filled: chosen.length, score, fillProven: true, scoreUpperBound: score };
}
