import { int32Column, float64Column } from './typed-columns';
import { solveAssignment } from './assignment';
import { ComponentProblem, splitComponents } from './components';
import { ComponentSolution, isProvenOptimal, withCheapBounds } from './component-solution';
import { Deadline } from './deadline';
import { greedySelection } from './greedy';
import { solveChaining } from './lagrangian';
import { isBetter, provingSlack, scoreGrid } from './lexicographic';
import { OptimizationOptions, OptimizationProblem, OptimizationResult } from './optimization-problem';
import { prunePairs } from './prune';
import { scoreOf } from './selection';
import { solveSmallMip } from './small-mip';
import { solveBySearch } from './small-search';

/** Components with chaining up to this many pairs go to the dense MIP solver (its tableau is dense). */
const SMALL_MIP_PAIRS = 150;
/** After fixing, what is left is near-integral: the dense MIP solver copes with more there. */
const RESTRICTED_MIP_PAIRS = 2500;

/**
 * Chooses pairs for the lexicographic objective (most vacancies filled, then highest total
 * score): drops pairs no optimum needs, splits the candidate graph into independent
 * components and solves each with the cheapest exact method that fits it.
 */
export function optimize(problem: OptimizationProblem, options: OptimizationOptions = {}): OptimizationResult {
  const deadline = new Deadline(options.timeLimitMs);
  const grid = scoreGrid(problem.pairs.map((pair) => pair.score));
  const { components, solutions } = solveByComponents(problem, deadline, grid);
  const chosenPairs = solutions
    .flatMap((solution, index) => solution.chosen.map((local) => components[index].pairIds[local]))
    .sort((a, b) => a - b);
  const totalScore = scoreOf(problem, chosenPairs);
  const fillProven = solutions.every((solution) => solution.fillProven);
  const optimal = fillProven && solutions.every((solution) => isProvenOptimal(solution, provingSlack(grid, solution.score)));
  const scoreUpperBound = solutions.reduce((sum, solution) => sum + Math.max(solution.scoreUpperBound, solution.score), 0);
  return {
    chosenPairs,
    filled: chosenPairs.length,
    totalScore,
    optimal,
    gap: optimal ? 0 : fillProven ? relativeGap(totalScore, scoreUpperBound) : null,
    components: components.length,
    largestComponent: components.reduce((largest, component) => Math.max(largest, component.vacancyIds.length), 0),
  };
}

function solveByComponents(
  problem: OptimizationProblem,
  deadline: Deadline,
  grid: number | null,
): { components: ComponentProblem[]; solutions: ComponentSolution[] } {
  const components = splitComponents(problem, prunePairs(problem, undefined, deadline));
  const solutions: ComponentSolution[] = new Array(components.length);
  // Cheap exact components first; then chaining ones, smallest first, each with a share of the
  // time left in proportion to its pairs, so that one huge component cannot starve the others.
  const needsRelaxation = components.map((component) => component.pairIds.length > SMALL_MIP_PAIRS && hasChaining(component.problem));
  const order = components
    .map((_, index) => index)
    .sort((a, b) => Number(needsRelaxation[a]) - Number(needsRelaxation[b]) || components[a].pairIds.length - components[b].pairIds.length || a - b);
  let pairsLeft = components.reduce((sum, component, index) => sum + (needsRelaxation[index] ? component.pairIds.length : 0), 0);
  for (const index of order) {
    const component = components[index];
    const share = needsRelaxation[index] ? deadline.share((deadline.remainingMs() * component.pairIds.length) / pairsLeft) : deadline;
    if (needsRelaxation[index]) pairsLeft -= component.pairIds.length;
    solutions[index] = solveComponent(component.problem, share, grid);
  }
  // Time left by components that finished early goes to those their share left unproven.
  for (const index of order) {
    if (!needsRelaxation[index] || !Number.isFinite(deadline.remainingMs()) || deadline.expired()) continue;
    const current = solutions[index];
    if (isProvenOptimal(current, provingSlack(grid, current.score))) continue;
    const retry = solveComponent(components[index].problem, deadline, grid);
    if (openGap(retry) < openGap(current) || (openGap(retry) === openGap(current) && isBetter(retry, current))) solutions[index] = retry;
  }
  return { components, solutions };
}

function solveComponent(problem: OptimizationProblem, deadline: Deadline, grid: number | null): ComponentSolution {
  if (deadline.expired()) return unproven(problem, greedySelection(problem));
  if (!hasChaining(problem)) return solveAsAssignment(problem, deadline);
  if (problem.pairs.length <= SMALL_MIP_PAIRS) return solveSmallExactly(problem, deadline) ?? unproven(problem, greedySelection(problem));
  return solveChaining(problem, deadline, grid, (restricted) => solveExactlyWithoutRelaxation(restricted, deadline));
}

/**
 * Exact solve of what is left after fixing: every component must be chain-free or small
 * enough for the MIP solver in the time left; null when it cannot be solved exactly.
 */
function solveExactlyWithoutRelaxation(problem: OptimizationProblem, deadline: Deadline): ComponentSolution | null {
  const components = splitComponents(problem, prunePairs(problem, undefined, deadline));
  if (components.some((component) => component.pairIds.length > RESTRICTED_MIP_PAIRS && hasChaining(component.problem))) return null;
  const solutions: ComponentSolution[] = [];
  for (const component of components) {
    if (deadline.expired()) return null;
    const solution = hasChaining(component.problem) ? solveSmallExactly(component.problem, deadline) : solveAsAssignment(component.problem, deadline);
    if (!solution || !solution.fillProven) return null;
    solutions.push(solution);
  }
  const chosen = solutions.flatMap((solution, index) => solution.chosen.map((local) => components[index].pairIds[local]));
  return {
    chosen,
    filled: chosen.length,
    score: scoreOf(problem, chosen),
    fillProven: solutions.every((solution) => solution.fillProven),
    scoreUpperBound: solutions.reduce((sum, solution) => sum + solution.scoreUpperBound, 0),
  };
}

/** The search where its node budget suffices (most small components), else the MIP solver. */
function solveSmallExactly(problem: OptimizationProblem, deadline: Deadline): ComponentSolution | null {
  return (problem.pairs.length <= SMALL_MIP_PAIRS ? solveBySearch(problem, deadline) : null) ?? solveSmallMip(problem, deadline);
}

/** No seeker has two candidate vacancies with disjoint periods, so each seeker takes at most one. */
export function hasChaining(problem: OptimizationProblem): boolean {
  const earliestEnd = new Float64Array(problem.seekerCount).fill(Infinity);
  const latestStart = new Float64Array(problem.seekerCount).fill(-Infinity);
  for (const pair of problem.pairs) {
    const period = problem.vacancyPeriods[pair.vacancy];
    earliestEnd[pair.seeker] = Math.min(earliestEnd[pair.seeker], period.end);
    latestStart[pair.seeker] = Math.max(latestStart[pair.seeker], period.start);
  }
  return earliestEnd.some((end, seeker) => end < latestStart[seeker]);
}

function solveAsAssignment(problem: OptimizationProblem, deadline: Deadline): ComponentSolution {
  if (problem.vacancyPeriods.length === 1) return bestSinglePair(problem);
  const solution = solveAssignment(
    {
      rowCount: problem.vacancyPeriods.length,
      columnCount: problem.seekerCount,
      edgeRow: int32Column(problem.pairs, (pair) => pair.vacancy),
      edgeColumn: int32Column(problem.pairs, (pair) => pair.seeker),
      edgeScore: float64Column(problem.pairs, (pair) => pair.score),
    },
    deadline,
  );
  const chosen = [...solution.edgeOfRow].filter((edge) => edge >= 0).sort((a, b) => a - b);
  if (!solution.complete) return unproven(problem, greedySelection(problem, chosen));
  const score = scoreOf(problem, chosen);
  return { chosen, filled: chosen.length, score, fillProven: true, scoreUpperBound: score };
}

/**
 * One vacancy (most components of a sparse instance): its best pair, the first of equal ones,
 * as the assignment solver would choose, without setting it up.
 */
function bestSinglePair(problem: OptimizationProblem): ComponentSolution {
  let best = -1;
  problem.pairs.forEach((pair, index) => {
    if (best < 0 || pair.score > problem.pairs[best].score) best = index;
  });
  const chosen = best < 0 ? [] : [best];
  const score = scoreOf(problem, chosen);
  return { chosen, filled: chosen.length, score, fillProven: true, scoreUpperBound: score };
}

/** A selection no exact method finished: proven only as far as the cheap bounds go. */
export function unproven(problem: OptimizationProblem, chosen: number[]): ComponentSolution {
  return withCheapBounds(problem, chosen, scoreOf(problem, chosen));
}

/** What is left to prove: Infinity while the fill is unproven. */
function openGap(solution: ComponentSolution): number {
  return solution.fillProven ? solution.scoreUpperBound - solution.score : Infinity;
}

function relativeGap(score: number, upperBound: number): number | null {
  if (!Number.isFinite(upperBound)) return null;
  if (upperBound <= 0) return 0;
  return Math.max(0, (upperBound - score) / upperBound);
}
