import { OptimizationProblem } from './optimization-problem';

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
 */
export function prunePairs(problem: OptimizationProblem, maxRounds = 4): number[] {
  const vacancyCount = problem.vacancyPeriods.length;
  const periods = problem.vacancyPeriods;
  let active = problem.pairs.map((_, index) => index);
  const seen = new Int32Array(vacancyCount).fill(-1);

  for (let round = 0; round < maxRounds; round++) {
    const byVacancy: number[][] = Array.from({ length: vacancyCount }, () => []);
    const vacanciesBySeeker: number[][] = Array.from({ length: problem.seekerCount }, () => []);
    for (const pairIndex of active) {
      const pair = problem.pairs[pairIndex];
      byVacancy[pair.vacancy].push(pairIndex);
      vacanciesBySeeker[pair.seeker].push(pair.vacancy);
    }
    const kept: number[] = [];
    for (let vacancy = 0; vacancy < vacancyCount; vacancy++) {
      const candidates = byVacancy[vacancy].sort(
        (a, b) => problem.pairs[b].score - problem.pairs[a].score || problem.pairs[a].seeker - problem.pairs[b].seeker,
      );
      const { start, end } = periods[vacancy];
      let blocking = 0;
      let keep = candidates.length;
      for (let k = 1; k <= candidates.length; k++) {
        for (const other of vacanciesBySeeker[problem.pairs[candidates[k - 1]].seeker]) {
          if (other === vacancy || seen[other] === vacancy) continue;
          if (periods[other].end < start || end < periods[other].start) continue;
          seen[other] = vacancy;
          blocking++;
        }
        if (blocking < k) {
          keep = k;
          break;
        }
      }
      for (let k = 0; k < keep; k++) kept.push(candidates[k]);
    }
    const changed = kept.length !== active.length;
    active = kept.sort((a, b) => a - b);
    seen.fill(-1);
    if (!changed) break;
  }
  return active;
}
