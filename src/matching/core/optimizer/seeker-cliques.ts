import { OptimizationProblem } from './optimization-problem';

/**
 * For every seeker, the maximal sets of its candidate pairs whose vacancy periods all share a
 * day. Intervals have the Helly property, so "at most one pair per clique" is exactly "no two
 * chosen periods overlap", and the constraint matrix of one seeker is an interval matrix
 * (totally unimodular). Cliques of size one are left out (the vacancy constraint implies them).
 */
export function seekerCliques(problem: OptimizationProblem): number[][] {
  const pairsBySeeker: number[][] = Array.from({ length: problem.seekerCount }, () => []);
  problem.pairs.forEach((pair, index) => pairsBySeeker[pair.seeker].push(index));
  const cliques: number[][] = [];
  for (const pairIndices of pairsBySeeker) {
    if (pairIndices.length < 2) continue;
    const periodOf = (pairIndex: number) => problem.vacancyPeriods[problem.pairs[pairIndex].vacancy];
    const starts = [...new Set(pairIndices.map((p) => periodOf(p).start))].sort((a, b) => a - b);
    for (let i = 0; i < starts.length; i++) {
      const day = starts[i];
      const clique = pairIndices.filter((p) => periodOf(p).start <= day && day <= periodOf(p).end);
      const next = starts[i + 1];
      // The clique at this start is contained in the next one when nothing ends before it.
      const containedInNext = next !== undefined && clique.every((p) => periodOf(p).end >= next);
      if (!containedInNext && clique.length >= 2) cliques.push(clique.sort((a, b) => a - b));
    }
  }
  return cliques;
}
