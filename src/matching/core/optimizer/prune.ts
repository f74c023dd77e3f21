import { int32Column, float64Column } from './typed-columns';
import { Deadline } from './deadline';
import { OptimizationProblem } from './optimization-problem';
import { sortRangeByScore } from '../sort-range';

/**
 * Drops pairs that no optimum needs, so components get smaller and sparser.
 *
 * Rule. Order the candidates of vacancy v by score, best first (ties by seeker index). For the
 * top k of them, T_k, let N(T_k) be the other vacancies that overlap v in time and have a
 * candidate in T_k. At the first k with |N(T_k)| < k, only the pairs of v to T_k are kept.
 * (N(T_k) never exceeds the number of other vacancies that overlap v and share a candidate
 * with it, so this keeps at most that number plus one: the rule of the issue, sharpened.)
 *
 * Proof that an optimum survives. Take an optimal selection X that uses a dropped pair (v, s).
 * A seeker t in T_k cannot take v instead of s only if X gives t a vacancy u ≠ v whose period
 * overlaps v's; then u is in N(T_k) (it overlaps v and has candidate t). Each u is given to one
 * seeker, so at most |N(T_k)| < k = |T_k| seekers of T_k are blocked: some t in T_k is free
 * over v's period. Giving v to t instead of s keeps X feasible (v is still used once; t's
 * periods stay disjoint; s only loses one), keeps the number filled, and does not lower the
 * score (t ranks at least as high as s for v). The number of dropped pairs in X falls by one,
 * so repeating this ends in an optimal selection that uses only kept pairs.
 *
 * The rule is applied again to the kept pairs until nothing changes: the same argument holds
 * with "an optimum using only the pairs kept so far" in place of X.
 *
 * Past the deadline it stops where it is: every cut made so far stands (a round counts the
 * blocking vacancies among the pairs kept at its start, a superset, so a cut decided in a
 * round is valid whatever else that round cuts), and keeping more pairs is always safe.
 */
/** Time to sort the candidates before the first round (~0.5 µs per pair measured, ×2). */
const PREPARATION_MS_PER_PAIR = 1e-3;

export function prunePairs(problem: OptimizationProblem, maxRounds = 4, deadline = new Deadline()): number[] {
  // Sorting every vacancy's candidates cannot be interrupted: without time for it, keep all.
  if (deadline.remainingMs() < PREPARATION_MS_PER_PAIR * problem.pairs.length) return problem.pairs.map((_, index) => index);
  const vacancyCount = problem.vacancyPeriods.length;
  const seekerCount = problem.seekerCount;
  const starts = int32Column(problem.vacancyPeriods, (period) => period.start);
  const ends = int32Column(problem.vacancyPeriods, (period) => period.end);
  const pairSeeker = int32Column(problem.pairs, (pair) => pair.seeker);
  const pairScore = float64Column(problem.pairs, (pair) => pair.score);

  // Candidates of each vacancy, best first, flat (vacancy v's are candidates[candidateStart[v] ..]);
  // what is kept is always a prefix of this order.
  const candidateStart = new Int32Array(vacancyCount + 1);
  for (const pair of problem.pairs) candidateStart[pair.vacancy + 1]++;
  for (let v = 0; v < vacancyCount; v++) candidateStart[v + 1] += candidateStart[v];
  const candidates = new Int32Array(problem.pairs.length);
  const slotOf = candidateStart.slice(0, vacancyCount);
  problem.pairs.forEach((pair, index) => (candidates[slotOf[pair.vacancy]++] = index));
  let largest = 0;
  for (let v = 0; v < vacancyCount; v++) largest = Math.max(largest, candidateStart[v + 1] - candidateStart[v]);
  const scratch = new Int32Array(largest);
  for (let v = 0; v < vacancyCount; v++) sortRangeByScore(candidates, candidateStart[v], candidateStart[v + 1], pairScore, pairSeeker, scratch);
  const candidateSeeker = new Int32Array(candidates.length);
  for (let at = 0; at < candidates.length; at++) candidateSeeker[at] = pairSeeker[candidates[at]];
  const keptCount = Int32Array.from({ length: vacancyCount }, (_, v) => candidateStart[v + 1] - candidateStart[v]);
  const seen = new Int32Array(vacancyCount).fill(-1);
  const seekerStart = new Int32Array(seekerCount + 1);
  const fill = new Int32Array(seekerCount);
  // Each round's lists hold at most the pairs kept at its start, never more than the first's.
  const seekerVacancies = new Int32Array(candidates.length);

  for (let round = 0; round < maxRounds; round++) {
    // Vacancies of each seeker among the kept pairs (CSR).
    seekerStart.fill(0);
    for (let v = 0; v < vacancyCount; v++) for (let k = 0; k < keptCount[v]; k++) seekerStart[candidateSeeker[candidateStart[v] + k] + 1]++;
    for (let s = 0; s < seekerCount; s++) seekerStart[s + 1] += seekerStart[s];
    fill.set(seekerStart.subarray(0, seekerCount));
    for (let v = 0; v < vacancyCount; v++) for (let k = 0; k < keptCount[v]; k++) seekerVacancies[fill[candidateSeeker[candidateStart[v] + k]]++] = v;

    let changed = false;
    let stopped = false;
    for (let v = 0; v < vacancyCount; v++) {
      if ((v & 7) === 0 && deadline.expired()) {
        stopped = true;
        break;
      }
      const first = candidateStart[v];
      const start = starts[v];
      const end = ends[v];
      let blocking = 0;
      for (let k = 1; k <= keptCount[v]; k++) {
        const seeker = candidateSeeker[first + k - 1];
        const slotEnd = seekerStart[seeker + 1];
        for (let slot = seekerStart[seeker]; slot < slotEnd; slot++) {
          const other = seekerVacancies[slot];
          if (other === v || seen[other] === v) continue;
          if (ends[other] < start || end < starts[other]) continue;
          seen[other] = v;
          blocking++;
        }
        if (blocking < k) {
          if (k < keptCount[v]) {
            keptCount[v] = k;
            changed = true;
          }
          break;
        }
        // Blocking only grows and k never passes the kept count: no later k can cut.
        if (blocking >= keptCount[v]) break;
      }
    }
    seen.fill(-1);
    if (!changed || stopped) break;
  }

  // Ascending pair indices: a flag per pair, read in order, instead of sorting what is kept.
  const isKept = new Uint8Array(problem.pairs.length);
  let keptTotal = 0;
  for (let v = 0; v < vacancyCount; v++) {
    for (let k = 0; k < keptCount[v]; k++) isKept[candidates[candidateStart[v] + k]] = 1;
    keptTotal += keptCount[v];
  }
  const kept: number[] = new Array(keptTotal);
  let next = 0;
  for (let pair = 0; pair < isKept.length; pair++) if (isKept[pair] === 1) kept[next++] = pair;
  return kept;
}

