import { solveAssignment } from './assignment';
import { Deadline } from './deadline';
import { OptimizationProblem } from './optimization-problem';

/**
 * A primal heuristic that is exact on a neighbourhood: each seeker's time line is cut into
 * segments, and each segment becomes a separate "column" that takes at most one vacancy lying
 * wholly inside it. Segments of one seeker never overlap, so every assignment of the restricted
 * problem is feasible; the assignment solver finds the best one exactly.
 *
 * `cutsBySeeker[s]` lists the days at which a new segment starts (sorted); with no cuts the
 * seeker is one column and takes at most one vacancy. When the deadline stops the solver,
 * `chosen` is the feasible part it had (complete: false).
 */
export function solveRestrictedAssignment(
  problem: OptimizationProblem,
  pairsBySeeker: readonly (readonly number[])[],
  cutsBySeeker: readonly (readonly number[])[],
  deadline: Deadline,
): { chosen: number[]; complete: boolean } {
  const edgeRow: number[] = [];
  const edgeColumn: number[] = [];
  const edgeScore: number[] = [];
  const pairOfEdge: number[] = [];
  let columnCount = 0;
  for (let seeker = 0; seeker < problem.seekerCount; seeker++) {
    const cuts = cutsBySeeker[seeker];
    const firstColumn = columnCount;
    columnCount += cuts.length + 1;
    for (const pairIndex of pairsBySeeker[seeker]) {
      const pair = problem.pairs[pairIndex];
      const period = problem.vacancyPeriods[pair.vacancy];
      // Segment k covers [cuts[k-1], cuts[k] - 1]; the pair fits if start and end fall in the same one.
      const segment = segmentOf(cuts, period.start);
      if (segment !== segmentOf(cuts, period.end)) continue;
      edgeRow.push(pair.vacancy);
      edgeColumn.push(firstColumn + segment);
      edgeScore.push(pair.score);
      pairOfEdge.push(pairIndex);
    }
  }
  const solution = solveAssignment(
    {
      rowCount: problem.vacancyPeriods.length,
      columnCount,
      edgeRow: Int32Array.from(edgeRow),
      edgeColumn: Int32Array.from(edgeColumn),
      edgeScore: Float64Array.from(edgeScore),
    },
    deadline,
  );
  const chosen: number[] = [];
  for (const edge of solution.edgeOfRow) if (edge >= 0) chosen.push(pairOfEdge[edge]);
  chosen.sort((a, b) => a - b);
  return { chosen, complete: solution.complete };
}

function segmentOf(cuts: readonly number[], day: number): number {
  let low = 0;
  let high = cuts.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (cuts[middle] <= day) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Cuts between consecutive periods of a schedule, so that each period gets a segment of its
 * own. Inside each gap the cut goes where it splits the fewest of the seeker's other candidate
 * periods (ties: earliest), so the segments keep as many alternatives as possible.
 */
export function cutsForSchedule(problem: OptimizationProblem, schedulePairs: readonly number[], seekerPairs: readonly number[]): number[] {
  if (schedulePairs.length < 2) return [];
  const periodOf = (pairIndex: number) => problem.vacancyPeriods[problem.pairs[pairIndex].vacancy];
  const scheduled = schedulePairs.map(periodOf).sort((a, b) => a.start - b.start);
  const candidates = seekerPairs.map(periodOf);
  const cuts: number[] = [];
  for (let k = 0; k + 1 < scheduled.length; k++) {
    const earliest = scheduled[k].end + 1;
    const latest = scheduled[k + 1].start;
    const options = new Set<number>([earliest, latest]);
    for (const period of candidates) {
      if (period.end + 1 > earliest && period.end + 1 < latest) options.add(period.end + 1);
      if (period.start > earliest && period.start < latest) options.add(period.start);
    }
    let best = earliest;
    let bestSplit = Infinity;
    for (const cut of [...options].sort((a, b) => a - b)) {
      let split = 0;
      for (const period of candidates) if (period.start < cut && cut <= period.end) split++;
      if (split < bestSplit) {
        bestSplit = split;
        best = cut;
      }
    }
    cuts.push(best);
  }
  return cuts;
}
