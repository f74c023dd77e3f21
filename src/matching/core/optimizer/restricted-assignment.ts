import { int32Column, float64Column } from './typed-columns';
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
  // Each pair is at most one edge: buffers of that size, filled in the order the solver's ties
  // follow, reused from call to call (the solver copies the edges before it starts).
  const { pairVacancy, pairStart, pairEnd, pairScore, edgeRow, edgeColumn, edgeScore, pairOfEdge } = pairColumns(problem);
  let edgeCount = 0;
  let columnCount = 0;
  for (let seeker = 0; seeker < problem.seekerCount; seeker++) {
    const cuts = cutsBySeeker[seeker];
    const firstColumn = columnCount;
    columnCount += cuts.length + 1;
    for (const pairIndex of pairsBySeeker[seeker]) {
      // Segment k covers [cuts[k-1], cuts[k] - 1]; the pair fits if start and end fall in the same one.
      let segment = 0;
      if (cuts.length > 0) {
        segment = segmentOf(cuts, pairStart[pairIndex]);
        if (segment !== segmentOf(cuts, pairEnd[pairIndex])) continue;
      }
      edgeRow[edgeCount] = pairVacancy[pairIndex];
      edgeColumn[edgeCount] = firstColumn + segment;
      edgeScore[edgeCount] = pairScore[pairIndex];
      pairOfEdge[edgeCount] = pairIndex;
      edgeCount++;
    }
  }
  const solution = solveAssignment(
    {
      rowCount: problem.vacancyPeriods.length,
      columnCount,
      edgeRow: edgeRow.subarray(0, edgeCount),
      edgeColumn: edgeColumn.subarray(0, edgeCount),
      edgeScore: edgeScore.subarray(0, edgeCount),
    },
    deadline,
  );
  const chosen: number[] = [];
  for (const edge of solution.edgeOfRow) if (edge >= 0) chosen.push(pairOfEdge[edge]);
  chosen.sort((a, b) => a - b);
  return { chosen, complete: solution.complete };
}

interface PairColumns {
  readonly pairVacancy: Int32Array;
  readonly pairStart: Int32Array;
  readonly pairEnd: Int32Array;
  readonly pairScore: Float64Array;
  readonly edgeRow: Int32Array;
  readonly edgeColumn: Int32Array;
  readonly edgeScore: Float64Array;
  readonly pairOfEdge: Int32Array;
}

/** The pairs as typed columns and edge buffers, built once per problem: the heuristic runs many times on one component. */
const columnsOf = new WeakMap<OptimizationProblem, PairColumns>();

function pairColumns(problem: OptimizationProblem): PairColumns {
  let columns = columnsOf.get(problem);
  if (!columns) {
    const periods = problem.vacancyPeriods;
    columns = {
      pairVacancy: int32Column(problem.pairs, (pair) => pair.vacancy),
      pairStart: int32Column(problem.pairs, (pair) => periods[pair.vacancy].start),
      pairEnd: int32Column(problem.pairs, (pair) => periods[pair.vacancy].end),
      pairScore: float64Column(problem.pairs, (pair) => pair.score),
      edgeRow: new Int32Array(problem.pairs.length),
      edgeColumn: new Int32Array(problem.pairs.length),
      edgeScore: new Float64Array(problem.pairs.length),
      pairOfEdge: new Int32Array(problem.pairs.length),
    };
    columnsOf.set(problem, columns);
  }
  return columns;
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
