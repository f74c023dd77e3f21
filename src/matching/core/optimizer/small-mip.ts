import solver from 'javascript-lp-solver';
import { ComponentSolution, withCheapBounds } from './component-solution';
import { Deadline } from './deadline';
import { greedySelection } from './greedy';
import { OptimizationProblem } from './optimization-problem';
import { seekerCliques } from './seeker-cliques';
import { FeasibleSelection, scoreOf } from './selection';

/**
 * What one LP solve of javascript-lp-solver costs, in ms per tableau cell (constraint rows ×
 * variables), with a margin: measured ~3e-5 ms per cell on this machine under load for
 * 50–2,500 pairs (`bench/lp-solver-cost.ts`); ×3 for harder structure and busier cores.
 */
const LP_MS_PER_CELL = 1e-4;

/**
 * Exact integer program with javascript-lp-solver. Its tableau is dense (8 bytes × variables ×
 * constraints), so this is only for small components.
 *
 * Lexicographic objective as one weight per pair: fillWeight + score, where fillWeight exceeds
 * any achievable score sum (100 per vacancy), so one more filled vacancy always outweighs any
 * score difference.
 *
 * javascript-lp-solver cannot be interrupted inside an LP solve and checks its `timeout` only
 * between branch-and-bound nodes, each of which costs about one LP solve. So it is called only
 * when the predicted cost of one LP solve fits in the time left (null otherwise), with a
 * timeout that leaves room for the node running when it expires.
 */
export function solveSmallMip(problem: OptimizationProblem, deadline: Deadline): ComponentSolution | null {
  const cliques = seekerCliques(problem);
  const predictedLpMs = LP_MS_PER_CELL * (problem.vacancyPeriods.length + cliques.length) * problem.pairs.length;
  const remaining = deadline.remainingMs();
  if (predictedLpMs > remaining) return null;
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
  cliques.forEach((clique, cliqueIndex) => {
    constraints[`c${cliqueIndex}`] = { max: 1 };
    for (const pairIndex of clique) variables[`p${pairIndex}`][`c${cliqueIndex}`] = 1;
  });
  const timeoutMs = Number.isFinite(remaining) ? Math.max(1, Math.floor(remaining - predictedLpMs)) : undefined;
  const started = performance.now();
  const result = solver.Solve({
    optimize: 'objective',
    opType: 'max',
    constraints,
    variables,
    ints,
    options: { tolerance: 0, ...(timeoutMs === undefined ? {} : { timeout: timeoutMs }) },
  }) as Record<string, unknown>;
  // Finished before its own timeout: the search was complete, whatever the clock says now.
  const timedOut = timeoutMs !== undefined && performance.now() - started >= timeoutMs;

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
  if (proven) return { chosen, filled: chosen.length, score, fillProven: true, scoreUpperBound: score };
  // Stopped early, the point may hold few pairs or none: extend it as the other solvers do.
  const extended = greedySelection(problem, chosen);
  return withCheapBounds(problem, extended, scoreOf(problem, extended));
}

function countAboveHalf(problem: OptimizationProblem, valueOf: (index: number) => number): number {
  return problem.pairs.filter((_, index) => valueOf(index) > 0.5).length;
}

export function fillWeightFor(problem: OptimizationProblem): number {
  return 100 * problem.vacancyPeriods.length + 1;
}
