import solver from 'javascript-lp-solver';
import { ComponentSolution } from './component-solution';
import { Deadline } from './deadline';
import { OptimizationProblem } from './optimization-problem';
import { seekerCliques } from './seeker-cliques';
import { FeasibleSelection, scoreOf } from './selection';

/**
 * Exact integer program with javascript-lp-solver. Its tableau is dense (8 bytes × variables ×
 * constraints), so this is only for small components.
 *
 * Lexicographic objective as one weight per pair: fillWeight + score, where fillWeight exceeds
 * any achievable score sum (100 per vacancy), so one more filled vacancy always outweighs any
 * score difference.
 */
export function solveSmallMip(problem: OptimizationProblem, deadline: Deadline): ComponentSolution {
  const fillWeight = fillWeightFor(problem);
  const variables: Record<string, Record<string, number>> = {};
  const ints: Record<string, 1> = {};
  const constraints: Record<string, { max: number }> = {};
  problem.pairs.forEach((pair, index) => {
    const name = `p${index}`;
    variables[name] = { objective: fillWeight + pair.score, [`v${pair.vacancy}`]: 1 };
    ints[name] = 1;
    constraints[`v${pair.vacancy}`] = { max: 1 };
  });
  seekerCliques(problem).forEach((clique, cliqueIndex) => {
    constraints[`c${cliqueIndex}`] = { max: 1 };
    for (const pairIndex of clique) variables[`p${pairIndex}`][`c${cliqueIndex}`] = 1;
  });
  const remaining = deadline.remainingMs();
  const result = solver.Solve({
    optimize: 'objective',
    opType: 'max',
    constraints,
    variables,
    ints,
    options: { tolerance: 0, ...(Number.isFinite(remaining) ? { timeout: Math.max(1, Math.floor(remaining)) } : {}) },
  }) as Record<string, unknown>;
  const timedOut = deadline.expired();

  const selection = new FeasibleSelection(problem);
  const valueOf = (index: number) => Number(result[`p${index}`] ?? 0);
  // A timed-out solve may hand back a fractional point: keep a feasible part of it.
  problem.pairs
    .map((_, index) => index)
    .filter((index) => valueOf(index) > 0.5)
    .sort((a, b) => valueOf(b) - valueOf(a) || problem.pairs[b].score - problem.pairs[a].score || a - b)
    .forEach((index) => selection.tryAdd(index));
  const chosen = selection.chosen.sort((a, b) => a - b);
  const score = scoreOf(problem, chosen);
  const proven = result.feasible === true && result.isIntegral !== false && !timedOut && chosen.length === countAboveHalf(problem, valueOf);
  return { chosen, filled: chosen.length, score, fillProven: proven, scoreUpperBound: proven ? score : Infinity };
}

function countAboveHalf(problem: OptimizationProblem, valueOf: (index: number) => number): number {
  return problem.pairs.filter((_, index) => valueOf(index) > 0.5).length;
}

export function fillWeightFor(problem: OptimizationProblem): number {
  return 100 * problem.vacancyPeriods.length + 1;
}
