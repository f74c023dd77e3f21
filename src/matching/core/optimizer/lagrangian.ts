import { int32Column, float64Column } from './typed-columns';
import { sortRangeByScore } from '../sort-range';
import { ComponentSolution, withCheapBounds } from './component-solution';
import { Deadline } from './deadline';
import { greedySelection } from './greedy';
import { isBetter, provingSlack, Value } from './lexicographic';
import { OptimizationProblem } from './optimization-problem';
import { cutsForSchedule, solveRestrictedAssignment } from './restricted-assignment';
import { SeekerSchedules } from './seeker-schedules';
import { scoreOf } from './selection';

/** Before the bound has settled, fixing is worth trying only if it leaves this little. */
const EARLY_FIXING_PAIRS = 1200;
/** Fixing is tried early once a sweep lowers the bound by less than this share of the gap. */
const CREEP = 0.05;
/** Set-up cost before the first deadline check, per pair (~1 µs measured on 2M pairs, ×2). */
const SETUP_MS_PER_PAIR = 2e-3;

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
 * bounds every feasible selection's Σ weight from above. One seeker's constraint matrix is an
 * interval matrix (totally unimodular), so the best Φ equals the LP bound.
 *
 *  - Phase A proves the number filled: weights 1, so Φ < F + 1 proves no selection fills F + 1.
 *  - Phase B bounds the score among selections filling F: weights μ + score (μ ≥ 0 prices the
 *    constraint "fill at least F"), bound Φ − μF.
 * Prices are lowered by exact coordinate descent (one vacancy at a time, see coordinateSweep);
 * μ by a step search. The incumbent comes from an exact assignment on a neighbourhood cut out
 * of the seekers' relaxed schedules. When the bound settles above the incumbent, pairs that
 * cannot be in any strictly better selection (the bound with the pair forced in is already too
 * low) are dropped, and what is left is solved exactly when it is small or has no chaining;
 * any strictly better selection lies in what is left, so that proves optimality.
 */
export function solveChaining(
  problem: OptimizationProblem,
  deadline: Deadline,
  grid: number | null,
  solveExactly: ExactSolver,
): ComponentSolution {
  const vacancyCount = problem.vacancyPeriods.length;
  const pairCount = problem.pairs.length;
  // Setting up (schedules, indexes, a first assignment) cannot be interrupted: start only with time for it.
  if (deadline.remainingMs() < SETUP_MS_PER_PAIR * pairCount) {
    const chosen = greedySelection(problem);
    return withCheapBounds(problem, chosen, scoreOf(problem, chosen));
  }
  const schedules = new SeekerSchedules(problem);
  const pairsBySeeker: number[][] = Array.from({ length: problem.seekerCount }, () => []);
  problem.pairs.forEach((pair, index) => pairsBySeeker[pair.seeker].push(index));
  const pairVacancy = int32Column(problem.pairs, (pair) => pair.vacancy);
  const pairSeeker = int32Column(problem.pairs, (pair) => pair.seeker);
  const pairScore = float64Column(problem.pairs, (pair) => pair.score);

  let incumbent: Incumbent = { chosen: [], filled: 0, score: 0 };
  const offer = (chosen: number[] | null) => {
    if (!chosen) return;
    const candidate = { chosen, filled: chosen.length, score: scoreOf(problem, chosen) };
    if (isBetter(candidate, incumbent)) incumbent = candidate;
  };
  const offerNeighbourhood = (cuts: number[][] | null) => {
    if (cuts) offer(solveRestrictedAssignment(problem, pairsBySeeker, cuts, deadline).chosen);
  };
  const noCuts = pairsBySeeker.map(() => [] as number[]);
  offer(solveRestrictedAssignment(problem, pairsBySeeker, noCuts, deadline).chosen);
  /**
   * What the deadline leaves: the better of the incumbent extended greedily (a stopped solver
   * may have left it partial) and a greedy selection from scratch (which chains seekers).
   */
  const stoppedByDeadline = (): ComponentSolution => {
    offer(greedySelection(problem, incumbent.chosen));
    offer(greedySelection(problem));
    return withCheapBounds(problem, incumbent.chosen, incumbent.score);
  };
  if (deadline.expired()) return stoppedByDeadline();

  const weight = new Float64Array(pairCount);
  const picks: number[] = [];
  const pairsByVacancy: number[][] = Array.from({ length: vacancyCount }, () => []);
  problem.pairs.forEach((pair, index) => pairsByVacancy[pair.vacancy].push(index));
  const sequentialWeight = new Float64Array(pairCount);
  let sequentialCalls = 0;
  /**
   * Seekers one after another (alternating direction) take their best schedule under the
   * current weights among vacancies nobody took yet; the cuts around those schedules define the
   * neighbourhood, which therefore contains this greedy selection and improves on it.
   * Null when the deadline stopped it.
   */
  const relaxedCuts = (): number[][] | null => {
    sequentialWeight.set(weight);
    const cuts: number[][] = new Array(problem.seekerCount);
    const forward = sequentialCalls++ % 2 === 0;
    for (let k = 0; k < problem.seekerCount; k++) {
      if ((k & 15) === 0 && deadline.expired()) return null;
      const seeker = forward ? k : problem.seekerCount - 1 - k;
      picks.length = 0;
      schedules.best(seeker, sequentialWeight, picks);
      for (const pairIndex of picks) for (const other of pairsByVacancy[pairVacancy[pairIndex]]) sequentialWeight[other] = -1;
      cuts[seeker] = cutsForSchedule(problem, picks, pairsBySeeker[seeker]);
    }
    return cuts;
  };
  /** Σ_s best_s(weight). */
  const relax = (): number => {
    let value = 0;
    for (let seeker = 0; seeker < problem.seekerCount; seeker++) value += schedules.best(seeker, weight, null);
    return value;
  };

  // A first selection that already chains: seekers in turn take their best fill-first schedules.
  for (let p = 0; p < pairCount; p++) weight[p] = 1000 + pairScore[p];
  offerNeighbourhood(relaxedCuts());

  const setWeights = (fillWeight: number, scoreWeight: number, price: Float64Array) => {
    for (let p = 0; p < pairCount; p++) weight[p] = fillWeight + scoreWeight * pairScore[p] - price[pairVacancy[p]];
  };
  /** Φ(λ) − fillWeight·filled for the weights fillWeight + scoreWeight·score − λ. */
  const dualBound = (fillWeight: number, scoreWeight: number, price: Float64Array, filled: number) => {
    setWeights(fillWeight, scoreWeight, price);
    let bound = relax() - fillWeight * filled;
    for (let v = 0; v < vacancyCount; v++) bound += price[v];
    return bound;
  };
  /**
   * One Gauss–Seidel pass over the vacancy prices, each set to a minimiser of Φ with the
   * others fixed. Seeker s values vacancy v at bid_s = (its best schedule through v's pair at
   * price 0) − (its best schedule without it); Φ(λ_v) = λ_v + Σ_s max(0, bid_s − λ_v) + const
   * is lowest anywhere between the second-highest bid and the highest: take the middle.
   * Returns false when the deadline stopped it.
   */
  // Vacancies sharing a seeker with v: only their bids move when v's price moves.
  const neighbours: Int32Array[] = new Array(vacancyCount);
  const seenBy = new Int32Array(vacancyCount).fill(-1);
  const found: number[] = [];
  for (let v = 0; v < vacancyCount; v++) {
    if (deadline.expired()) return stoppedByDeadline();
    found.length = 0;
    seenBy[v] = v;
    for (const pairIndex of pairsByVacancy[v]) {
      for (const other of pairsBySeeker[pairSeeker[pairIndex]]) {
        const u = pairVacancy[other];
        if (seenBy[u] !== v) {
          seenBy[u] = v;
          found.push(u);
        }
      }
    }
    neighbours[v] = Int32Array.from(found).sort();
  }
  let dirty = new Uint8Array(vacancyCount).fill(1);
  // Each vacancy's pairs by score, best first: the order in which bids can be cut short.
  // The tie column is the pair's vacancy, the same for all of them: equal scores by pair index.
  const scratch = new Int32Array(pairsByVacancy.reduce((largest, pairs) => Math.max(largest, pairs.length), 0));
  const rankedByVacancy = pairsByVacancy.map((pairs) => {
    const ranked = Int32Array.from(pairs);
    sortRangeByScore(ranked, 0, ranked.length, pairScore, pairVacancy, scratch);
    return ranked;
  });
  const maxScore = pairScore.reduce((max, score) => Math.max(max, score), 0);
  const coordinateSweep = (fillWeight: number, scoreWeight: number, price: Float64Array): boolean => {
    setWeights(fillWeight, scoreWeight, price);
    const next = new Uint8Array(vacancyCount);
    const tolerance = 1e-9 * Math.max(1, fillWeight);
    const bidTolerance = 1e-9 * Math.max(1, fillWeight + scoreWeight * maxScore);
    for (let v = 0; v < vacancyCount; v++) {
      if (!dirty[v]) continue;
      // Every vacancy: one costs two DPs per candidate, on a dense component milliseconds.
      if (deadline.expired()) return false;
      let first = 0;
      let second = 0;
      for (const pairIndex of rankedByVacancy[v]) {
        // A bid never exceeds the pair's own weight (forced ≤ without): below the second bid, no later pair counts.
        if (fillWeight + scoreWeight * pairScore[pairIndex] < second - bidTolerance) break;
        const forced = schedules.forcedAndWithout(pairSeeker[pairIndex], pairIndex, weight);
        const bid = forced + fillWeight + scoreWeight * pairScore[pairIndex] - schedules.withoutValue;
        if (bid > first) {
          second = first;
          first = bid;
        } else if (bid > second) {
          second = bid;
        }
      }
      const updated = (first + second) / 2;
      if (Math.abs(updated - price[v]) > tolerance) for (const other of neighbours[v]) next[other] = 1;
      price[v] = updated;
      for (const pairIndex of pairsByVacancy[v]) weight[pairIndex] = fillWeight + scoreWeight * pairScore[pairIndex] - price[v];
    }
    dirty = next;
    return true;
  };
  /** After a change of weights other than through the prices, every bid may move. */
  const markAllDirty = () => dirty.fill(1);
  /** Segments around the incumbent's own schedules: the neighbourhood contains the incumbent. */
  const incumbentCuts = (): number[][] | null => {
    const scheduleOf: number[][] = pairsBySeeker.map(() => []);
    for (const pairIndex of incumbent.chosen) scheduleOf[pairSeeker[pairIndex]].push(pairIndex);
    const cuts: number[][] = new Array(problem.seekerCount);
    for (let seeker = 0; seeker < problem.seekerCount; seeker++) {
      if ((seeker & 15) === 0 && deadline.expired()) return null;
      cuts[seeker] = cutsForSchedule(problem, scheduleOf[seeker], pairsBySeeker[seeker]);
    }
    return cuts;
  };
  let primalInterval = 1;
  let nextPrimal = 1;
  /** The neighbourhood primal every few sweeps, less often while it finds nothing new. */
  const maybePrimal = (sweep: number, fillWeight: number, scoreWeight: number, price: Float64Array) => {
    if (sweep < nextPrimal) return;
    const before = incumbent;
    setWeights(fillWeight, scoreWeight, price);
    offerNeighbourhood(relaxedCuts());
    // Improve the new incumbent inside its own segments until that stops paying.
    for (let round = 0, last = before; round < 8 && incumbent !== last && !deadline.expired(); round++) {
      last = incumbent;
      offerNeighbourhood(incumbentCuts());
    }
    primalInterval = incumbent === before ? Math.min(2 * primalInterval, 16) : 1;
    nextPrimal = sweep + primalInterval;
  };
  const stalled = (previous: number, bound: number, gap: number) => previous - bound <= Math.max(1e-7, 1e-3 * gap);

  // Phase A: is the number filled the maximum?
  let fillProven = incumbent.filled === vacancyCount;
  if (!fillProven) {
    const price = new Float64Array(vacancyCount).fill(0.5);
    let bestBound = Infinity;
    let bestPrices = price.slice();
    let stalls = 0;
    for (let sweep = 0; !deadline.expired(); sweep++) {
      if (!coordinateSweep(1, 0, price)) break;
      const bound = dualBound(1, 0, price, 0);
      if (bound < bestBound) {
        stalls = stalled(bestBound, bound, bound - incumbent.filled) ? stalls + 1 : 0;
        bestBound = bound;
        bestPrices = price.slice();
      } else {
        stalls++;
      }
      if (bestBound < incumbent.filled + 1 - 1e-9 || incumbent.filled === vacancyCount) {
        fillProven = true;
        break;
      }
      maybePrimal(sweep, 1, 0, price);
      if (stalls >= 2) break;
    }
    if (!fillProven && !deadline.expired()) {
      // Pairs through which no relaxed schedule reaches filled + 1 are in no selection that fills more.
      const rest = restrictTo(problem, throughValues(problem, bestPrices, 1, 0, schedules), incumbent.filled + 1);
      const exact = solveExactly(rest.problem);
      if (exact && exact.fillProven) {
        fillProven = true;
        if (exact.filled > incumbent.filled) {
          const chosen = exact.chosen.map((local) => rest.pairIds[local]);
          return { chosen, filled: chosen.length, score: scoreOf(problem, chosen), fillProven: true, scoreUpperBound: exact.scoreUpperBound };
        }
      }
    }
  }
  if (!fillProven) return stoppedByDeadline();

  // Phase B: bound the score of selections that fill `filled`.
  const filled = incumbent.filled;
  let fillPrice = pairScore.reduce((max, score) => Math.max(max, score), 0);
  const price = new Float64Array(vacancyCount);
  for (const pairIndex of incumbent.chosen) price[pairVacancy[pairIndex]] = fillPrice + pairScore[pairIndex];
  let upperBound = Infinity;
  let bestPrices = price.slice();
  let bestFillPrice = fillPrice;
  let fillPriceStep = Math.max(1, fillPrice / 4);
  let nextFixing = 0;
  let stalls = 0;
  primalInterval = 1;
  nextPrimal = 0;
  markAllDirty();
  const closed = () => upperBound - incumbent.score <= provingSlack(grid, incumbent.score);
  for (let sweep = 0; !closed() && !deadline.expired(); sweep++) {
    if (!coordinateSweep(fillPrice, 1, price)) break;
    let bound = dualBound(fillPrice, 1, price, filled);
    // μ prices "fill at least `filled`": a step search along it (Φ is convex in μ).
    for (const direction of [1, -1]) {
      const trial = Math.max(0, fillPrice + direction * fillPriceStep);
      const trialBound = dualBound(trial, 1, price, filled);
      if (trialBound < bound - 1e-9) {
        fillPrice = trial;
        bound = trialBound;
        markAllDirty();
        break;
      }
      if (direction === -1) fillPriceStep /= 2;
    }
    const previousBound = upperBound;
    if (bound < upperBound) {
      stalls = stalled(upperBound, bound, bound - incumbent.score) ? stalls + 1 : 0;
      upperBound = bound;
      bestPrices = price.slice();
      bestFillPrice = fillPrice;
    } else {
      stalls++;
    }
    maybePrimal(sweep, fillPrice, 1, price);
    if (closed() || stalls >= 2) break;
    // Once the bound creeps, fixing may already leave little enough to solve exactly.
    if (sweep >= nextFixing && previousBound - upperBound < CREEP * (upperBound - incumbent.score)) {
      nextFixing = sweep + 4;
      const fixed = closeByFixing(problem, schedules, bestPrices, bestFillPrice, incumbent, grid, solveExactly, EARLY_FIXING_PAIRS);
      if (fixed.solution) return fixed.solution;
      offer(fixed.incumbent.chosen);
    }
  }
  if (closed()) return { ...incumbent, fillProven: true, scoreUpperBound: incumbent.score };
  if (deadline.expired()) offer(greedySelection(problem));
  const unclosed = { ...incumbent, fillProven: true, scoreUpperBound: upperBound };
  if (deadline.expired()) return unclosed;
  const fixed = closeByFixing(problem, schedules, bestPrices, bestFillPrice, incumbent, grid, solveExactly);
  if (fixed.solution) return fixed.solution;
  return { chosen: fixed.incumbent.chosen, filled, score: fixed.incumbent.score, fillProven: true, scoreUpperBound: Math.min(upperBound, fixed.bound) };
}

/**
 * Φ through every pair: the Lagrangian bound with that pair forced into its seeker's schedule
 * (prices λ, weights fillWeight + scoreWeight·score − λ, minus fillWeight·filled). A selection
 * using a pair is worth at most its Φ-through value, so pairs below the value a better
 * selection needs are in no better selection.
 */
function throughValues(
  problem: OptimizationProblem,
  price: Float64Array,
  fillWeight: number,
  scoreWeight: number,
  schedules: SeekerSchedules,
  filled = 0,
): Float64Array {
  const weight = float64Column(problem.pairs, (pair) => fillWeight + scoreWeight * pair.score - price[pair.vacancy]);
  let total = -fillWeight * filled;
  for (const value of price) total += value;
  const bestOf = new Float64Array(problem.seekerCount);
  for (let seeker = 0; seeker < problem.seekerCount; seeker++) {
    bestOf[seeker] = schedules.best(seeker, weight, null);
    total += bestOf[seeker];
  }
  const through = new Float64Array(problem.pairs.length);
  for (let seeker = 0; seeker < problem.seekerCount; seeker++) schedules.bestThrough(seeker, weight, through);
  for (let index = 0; index < through.length; index++) through[index] += total - bestOf[problem.pairs[index].seeker];
  return through;
}

/** The pairs whose Φ-through value reaches `target` (less a rounding tolerance), as a problem of their own. */
function restrictTo(problem: OptimizationProblem, through: Float64Array, target: number): { problem: OptimizationProblem; pairIds: number[] } {
  const pairIds: number[] = [];
  for (let index = 0; index < through.length; index++) if (through[index] >= target - 1e-7) pairIds.push(index);
  return {
    pairIds,
    problem: { vacancyPeriods: problem.vacancyPeriods, seekerCount: problem.seekerCount, pairs: pairIds.map((index) => problem.pairs[index]) },
  };
}

/**
 * Residual sizes tried first, in pairs per vacancy, before the residual of every strictly
 * better selection. The relaxed schedules alone hold about one pair per vacancy, all at the
 * bound, so residuals smaller than twice that rarely hold a selection that fills as many.
 */
const TARGET_PAIRS_PER_VACANCY = [2, 4];
/**
 * Targets only where the bound is within this share of the incumbent (plentiful components,
 * near-integral): on scarce ones the residuals are far from integral and javascript-lp-solver
 * spent the time limit and more on them (national-scarce, 30 s limit, 12.9 s over); and
 * never larger than the early fixing's residuals, whose LP solves the cost model predicts.
 */
const TARGET_MAX_RELATIVE_GAP = 1.5e-3;

/**
 * Proves the incumbent optimal, or finds the optimum, by exact solves of residuals. Every
 * selection filling `filled` with score ≥ T uses only pairs whose Φ through them reaches T,
 * so if the exact optimum S of that residual reaches T, no selection beats S: S is optimal.
 * If it does not, no selection reaches T, and T is a bound. Targets start just below the
 * bound (small residuals, cheap exact solves: the incumbent is often a few points short of an
 * optimum that lies near the bound) and end at one grid step above the incumbent, whose
 * residual holds every strictly better selection. Null when no exact solve closed the gap;
 * `bound` then is the lowest bound reached.
 */
function closeByFixing(
  problem: OptimizationProblem,
  schedules: SeekerSchedules,
  price: Float64Array,
  fillPrice: number,
  incumbent: Incumbent,
  grid: number | null,
  solveExactly: ExactSolver,
  maxPairsLeft = Infinity,
): { solution: ComponentSolution | null; bound: number; incumbent: Incumbent } {
  const filled = incumbent.filled;
  const through = throughValues(problem, price, fillPrice, 1, schedules, filled);
  const sorted = Float64Array.from(through).sort().reverse();
  let best = incumbent;
  let bound = Infinity;
  const finalTarget = () => best.score + provingSlack(grid, best.score);
  const vacancyCount = problem.vacancyPeriods.length;
  const nearIntegral = sorted.length > 0 && sorted[0] - incumbent.score <= TARGET_MAX_RELATIVE_GAP * Math.max(1, Math.abs(incumbent.score));
  const targetSizes = nearIntegral ? TARGET_PAIRS_PER_VACANCY.map((perVacancy) => perVacancy * vacancyCount) : [];
  const sizes = [...targetSizes.filter((size) => size < Math.min(maxPairsLeft, EARLY_FIXING_PAIRS, sorted.length)), Infinity];
  for (const size of sizes) {
    const strictlyBetter = finalTarget();
    const target = size === Infinity ? strictlyBetter : Math.max(strictlyBetter, sorted[size - 1]);
    if (target >= bound) continue;
    const rest = restrictTo(problem, through, target);
    if (rest.pairIds.length > maxPairsLeft) break;
    const exact = solveExactly(rest.problem);
    if (!exact || !exact.fillProven || exact.scoreUpperBound - exact.score > provingSlack(grid, exact.score)) break;
    if (exact.filled === filled && exact.score > best.score) {
      const chosen = exact.chosen.map((local) => rest.pairIds[local]);
      best = { chosen, filled, score: scoreOf(problem, chosen) };
    }
    // Reaching the target proves the residual's optimum; at one grid step above the incumbent, so does missing it.
    if ((exact.filled === filled && exact.score >= target) || target <= strictlyBetter) {
      return { solution: { chosen: best.chosen, filled, score: best.score, fillProven: true, scoreUpperBound: best.score }, bound: best.score, incumbent: best };
    }
    bound = target;
  }
  return { solution: null, bound, incumbent: best };
}
