import { ComponentProblem, splitComponents } from './components';
import { ComponentSolution, isProvenOptimal } from './component-solution';
import { Deadline } from './deadline';
import { OptimizationOptions, OptimizationProblem, OptimizationResult } from './optimization-problem';
import { solveSmallMip } from './small-mip';

/**
 * Chooses pairs for the lexicographic objective (most vacancies filled, then highest total
 * score), component by component.
 */
export function optimize(problem: OptimizationProblem, options: OptimizationOptions = {}): OptimizationResult {
  const deadline = new Deadline(options.timeLimitMs);
  const components = splitComponents(problem);
  const solutions = components.map((component) => solveComponent(component, deadline));
  return combine(problem, components, solutions);
}

function solveComponent(component: ComponentProblem, deadline: Deadline): ComponentSolution {
  return solveSmallMip(component.problem, deadline);
}

function combine(
  problem: OptimizationProblem,
  components: ComponentProblem[],
  solutions: ComponentSolution[],
): OptimizationResult {
  const chosenPairs = solutions
    .flatMap((solution, index) => solution.chosen.map((local) => components[index].pairIds[local]))
    .sort((a, b) => a - b);
  const totalScore = chosenPairs.reduce((sum, index) => sum + problem.pairs[index].score, 0);
  const fillProven = solutions.every((solution) => solution.fillProven);
  const optimal = fillProven && solutions.every((solution) => isProvenOptimal(solution));
  const scoreUpperBound = solutions.reduce((sum, solution) => sum + Math.max(solution.scoreUpperBound, solution.score), 0);
  const gap = optimal ? 0 : fillProven ? relativeGap(totalScore, scoreUpperBound) : null;
  return {
    chosenPairs,
    filled: chosenPairs.length,
    totalScore,
    optimal,
    gap,
    components: components.length,
    largestComponent: components.reduce((largest, component) => Math.max(largest, component.vacancyIds.length), 0),
  };
}

function relativeGap(score: number, upperBound: number): number | null {
  if (!Number.isFinite(upperBound)) return null;
  if (upperBound <= 0) return 0;
  return Math.max(0, (upperBound - score) / upperBound);
}
