import { ComponentSolution } from './component-solution';
import { Deadline } from './deadline';
import { isBetter, provingSlack, Value } from './lexicographic';
import { OptimizationProblem } from './optimization-problem';
import { cutsAfterSchedule, solveRestrictedAssignment } from './restricted-assignment';
import { SeekerSchedules } from './seeker-schedules';
import { scoreOf } from './selection';

/** Solves a problem exactly or says it cannot (used on what is left after fixing). */
export type ExactSolver = (problem: OptimizationProblem) => ComponentSolution | null;

interface Incumbent extends Value {
  readonly chosen: number[];
}

/**
 * Components where seekers can chain vacancies. Lagrangian relaxation of "each vacancy at most
 * once" with prices λ ≥ 0: every seeker then independently takes its best set of
 * non-overlapping pairs (weighted interval scheduling, exact DP), and
 *   Φ(λ) = Σ_v λ_v + Σ_s best_s(weight_p − λ_v(p))
 * bounds every feasible selection's Σ weight from above. Because one seeker's constraint matrix
 * is an interval matrix, the best Φ equals the LP bound.
 *
 *  - Phase A proves the number filled: weights 1, so Φ < F + 1 proves no selection fills F + 1.
 *  - Phase B bounds the score among selections filling F: weights μ + score (μ ≥ 0 prices the
 *    constraint "fill at least F"), bound Φ − μF.
 * Prices follow subgradient steps (Polyak step towards the incumbent). The incumbent comes from
 * an exact assignment on a neighbourhood cut out of the seekers' relaxed schedules.
 * When the bound stalls above the incumbent, pairs that cannot be in any strictly better
 * selection (their best relaxed schedule through them is already too low) are dropped and what
 * is left is solved exactly if it is small or has no chaining.
 */
export function solveChaining(
  problem: OptimizationProblem,
  deadline: Deadline,
  grid: number | null,
  solveExactly: ExactSolver,
): ComponentSolution {
  const vacancyCount = problem.vacancyPeriods.length;
  const pairCount = problem.pairs.length;
  const schedules = new SeekerSchedules(problem);
  const pairsBySeeker: number[][] = Array.from({ length: problem.seekerCount }, () => []);
  problem.pairs.forEach((pair, index) => pairsBySeeker[pair.seeker].push(index));
  const pairVacancy = Int32Array.from(problem.pairs, (pair) => pair.vacancy);
  const pairScore = Float64Array.from(problem.pairs, (pair) => pair.score);

  let incumbent: Incumbent = { chosen: [], filled: 0, score: 0 };
  const offer = (chosen: number[] | null) => {
    if (!chosen) return;
    const candidate = { chosen, filled: chosen.length, score: scoreOf(problem, chosen) };
    if (isBetter(candidate, incumbent)) incumbent = candidate;
  };
  const noCuts = pairsBySeeker.map(() => [] as number[]);
  offer(solveRestrictedAssignment(problem, pairsBySeeker, noCuts, deadline));
  const ownBest = pairsBySeeker.map((_, seeker) => {
    const picks: number[] = [];
    schedules.best(seeker, pairScore.map((score) => score + 1), picks);
    return cutsAfterSchedule(problem, picks);
  });
  offer(solveRestrictedAssignment(problem, pairsBySeeker, ownBest, deadline));

  const weight = new Float64Array(pairCount);
  const count = new Int32Array(vacancyCount);
  const picks: number[] = [];
  const pairsByVacancy: number[][] = Array.from({ length: vacancyCount }, () => []);
  problem.pairs.forEach((pair, index) => pairsByVacancy[pair.vacancy].push(index));
  const sequentialWeight = new Float64Array(pairCount);
  let sequentialCalls = 0;
  /**
   * Seekers one after another (alternating direction) take their best schedule under the
   * current weights among vacancies nobody took yet; the cuts around those schedules define the
   * neighbourhood, which therefore contains this greedy selection and improves on it.
   */
  const relaxedCuts = (): number[][] => {
    sequentialWeight.set(weight);
    const cuts: number[][] = new Array(problem.seekerCount);
    const forward = sequentialCalls++ % 2 === 0;
    for (let k = 0; k < problem.seekerCount; k++) {
      const seeker = forward ? k : problem.seekerCount - 1 - k;
      picks.length = 0;
      schedules.best(seeker, sequentialWeight, picks);
      for (const pairIndex of picks) for (const other of pairsByVacancy[pairVacancy[pairIndex]]) sequentialWeight[other] = -1;
      cuts[seeker] = cutsAfterSchedule(problem, picks);
    }
    return cuts;
  };
  /** Σ_s best_s(weight); fills `count` with how many seekers took each vacancy; returns the total picked. */
  const relax = (): { value: number; picked: number } => {
    count.fill(0);
    let value = 0;
    let picked = 0;
    for (let seeker = 0; seeker < problem.seekerCount; seeker++) {
      picks.length = 0;
      value += schedules.best(seeker, weight, picks);
      for (const pairIndex of picks) count[pairVacancy[pairIndex]]++;
      picked += picks.length;
    }
    return { value, picked };
  };

  // Phase A: is the number filled the maximum?
  let fillProven = incumbent.filled === vacancyCount;
  const fillPrices = new Float64Array(vacancyCount).fill(0.5);
  {
    const price = fillPrices;
    let bestBound = Infinity;
    let bestPrices = price.slice();
    let step = 1;
    let sinceImprovement = 0;
    for (let iteration = 0; !fillProven && !deadline.expired() && step > 1e-4; iteration++) {
      for (let p = 0; p < pairCount; p++) weight[p] = 1 - price[pairVacancy[p]];
      const { value } = relax();
      let bound = value;
      let norm = 0;
      for (let v = 0; v < vacancyCount; v++) {
        bound += price[v];
        norm += (1 - count[v]) ** 2;
      }
      if (bound < incumbent.filled + 1 - 1e-9) {
        fillProven = true;
        break;
      }
      if (bound < bestBound - 1e-9) {
        bestBound = bound;
        bestPrices = price.slice();
        sinceImprovement = 0;
      } else if (++sinceImprovement >= 10) {
        step /= 2;
        sinceImprovement = 0;
      }
      if (iteration % 10 === 9) offer(solveRestrictedAssignment(problem, pairsBySeeker, relaxedCuts(), deadline));
      if (norm === 0) break;
      const t = (step * (bound - incumbent.filled)) / norm;
      for (let v = 0; v < vacancyCount; v++) price[v] = Math.min(1, Math.max(0, price[v] - t * (1 - count[v])));
    }
    fillPrices.set(bestPrices);
  }
  if (!fillProven && !deadline.expired()) {
    // Pairs through which no relaxed schedule reaches filled + 1 are in no selection filling more.
    const rest = restrictTo(problem, (index, through) => through >= incumbent.filled + 1 - 1e-7, fillPrices, 1, 0, schedules);
    const exact = solveExactly(rest.problem);
    if (exact && exact.fillProven) {
      fillProven = true;
      if (exact.filled > incumbent.filled) {
        const chosen = exact.chosen.map((local) => rest.pairIds[local]);
        return { chosen, filled: chosen.length, score: scoreOf(problem, chosen), fillProven: true, scoreUpperBound: exact.scoreUpperBound };
      }
    }
  }
  if (!fillProven) return { ...incumbent, fillProven: false, scoreUpperBound: Infinity };

  // Phase B: bound the score of selections that fill `filled`.
  const filled = incumbent.filled;
  const maxScore = pairScore.reduce((max, score) => Math.max(max, score), 0);
  let fillPrice = maxScore;
  const price = new Float64Array(vacancyCount);
  for (const pairIndex of incumbent.chosen) price[pairVacancy[pairIndex]] = fillPrice + pairScore[pairIndex];
  let upperBound = Infinity;
  let bestPrices = price.slice();
  let bestFillPrice = fillPrice;
  let step = 1;
  let sinceImprovement = 0;
  const closed = () => upperBound - incumbent.score <= provingSlack(grid, incumbent.score);
  for (let iteration = 0; !closed() && !deadline.expired() && step > 1e-5; iteration++) {
    for (let p = 0; p < pairCount; p++) weight[p] = fillPrice + pairScore[p] - price[pairVacancy[p]];
    const { value, picked } = relax();
    let bound = value - fillPrice * filled;
    let norm = (picked - filled) ** 2;
    for (let v = 0; v < vacancyCount; v++) {
      bound += price[v];
      norm += (1 - count[v]) ** 2;
    }
    if (bound < upperBound - 1e-9) {
      if (bound < upperBound - 1e-3 * Math.max(1, upperBound - incumbent.score)) sinceImprovement = 0;
      upperBound = bound;
      bestPrices = price.slice();
      bestFillPrice = fillPrice;
    }
    if (++sinceImprovement >= 15) {
      step /= 2;
      sinceImprovement = 0;
    }
    if (iteration % 10 === 5) offer(solveRestrictedAssignment(problem, pairsBySeeker, relaxedCuts(), deadline));
    if (iteration % 20 === 15) {
      offer(solveRestrictedAssignment(problem, pairsBySeeker, pairsBySeeker.map(() => []), deadline));
    }
    if (closed() || norm === 0) break;
    const t = (step * (bound - incumbent.score)) / norm;
    for (let v = 0; v < vacancyCount; v++) price[v] = Math.max(0, price[v] - t * (1 - count[v]));
    fillPrice = Math.max(0, fillPrice - t * (picked - filled));
  }
  if (closed()) return { ...incumbent, fillProven: true, scoreUpperBound: incumbent.score };
  if (deadline.expired()) return { ...incumbent, fillProven: true, scoreUpperBound: upperBound };

  return closeByFixing(problem, schedules, bestPrices, bestFillPrice, upperBound, incumbent, grid, solveExactly);
}

/**
 * The pairs kept by `keep(pair, Φ through pair)`, where Φ through a pair is the Lagrangian
 * bound with that pair forced into its seeker's schedule (prices λ, weights
 * fillWeight + scoreWeight·score − λ, minus fillWeight·filled). A selection using a pair is
 * worth at most its Φ-through value, so pairs below the value a better selection needs are in
 * no better selection.
 */
function restrictTo(
  problem: OptimizationProblem,
  keep: (pairIndex: number, through: number) => boolean,
  price: Float64Array,
  fillWeight: number,
  scoreWeight: number,
  schedules: SeekerSchedules,
  filled = 0,
): { problem: OptimizationProblem; pairIds: number[] } {
  const weight = Float64Array.from(problem.pairs, (pair) => fillWeight + scoreWeight * pair.score - price[pair.vacancy]);
  let total = -fillWeight * filled;
  for (const value of price) total += value;
  const bestOf = new Float64Array(problem.seekerCount);
  for (let seeker = 0; seeker < problem.seekerCount; seeker++) {
    bestOf[seeker] = schedules.best(seeker, weight, null);
    total += bestOf[seeker];
  }
  const through = new Float64Array(problem.pairs.length);
  for (let seeker = 0; seeker < problem.seekerCount; seeker++) schedules.bestThrough(seeker, weight, through);
  const pairIds = problem.pairs
    .map((_, index) => index)
    .filter((index) => keep(index, total - bestOf[problem.pairs[index].seeker] + through[index]));
  return {
    pairIds,
    problem: { vacancyPeriods: problem.vacancyPeriods, seekerCount: problem.seekerCount, pairs: pairIds.map((index) => problem.pairs[index]) },
  };
}

/**
 * Drops every pair that cannot be in a selection beating the incumbent by a grid step and
 * solves the rest exactly when it can: any strictly better selection lies in the rest.
 */
function closeByFixing(
  problem: OptimizationProblem,
  schedules: SeekerSchedules,
  price: Float64Array,
  fillPrice: number,
  upperBound: number,
  incumbent: Incumbent,
  grid: number | null,
  solveExactly: ExactSolver,
): ComponentSolution {
  const filled = incumbent.filled;
  const threshold = incumbent.score + provingSlack(grid, incumbent.score);
  const rest = restrictTo(problem, (_, through) => through >= threshold - 1e-7, price, fillPrice, 1, schedules, filled);
  const unproven = { ...incumbent, fillProven: true, scoreUpperBound: upperBound };
  const exact = solveExactly(rest.problem);
  if (!exact || !exact.fillProven || exact.scoreUpperBound - exact.score > provingSlack(grid, exact.score)) return unproven;
  const better = exact.filled === filled && exact.score > incumbent.score;
  const chosen = better ? exact.chosen.map((local) => rest.pairIds[local]) : incumbent.chosen;
  const score = better ? exact.score : incumbent.score;
  return { chosen, filled, score, fillProven: true, scoreUpperBound: score };
}
