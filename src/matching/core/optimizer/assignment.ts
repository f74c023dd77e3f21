import { Deadline } from './deadline';
import { MinHeap } from './min-heap';

/** A bipartite problem: rows (vacancies) to columns (seekers, or parts of a seeker's time). */
export interface AssignmentProblem {
  readonly rowCount: number;
  readonly columnCount: number;
  /** Edge e links row edgeRow[e] to column edgeColumn[e] with score edgeScore[e]. */
  readonly edgeRow: Int32Array;
  readonly edgeColumn: Int32Array;
  readonly edgeScore: Float64Array;
}

export interface AssignmentSolution {
  /** Edge index chosen for each row, -1 when the row stays unfilled. */
  readonly edgeOfRow: Int32Array;
  /**
   * False when the deadline stopped the search; the rows not yet processed stay unfilled (the
   * rows assigned so far are still a valid assignment).
   */
  readonly complete: boolean;
}

/**
 * Maximum-cardinality, then maximum-score assignment: every row gets at most one column and
 * every column at most one row.
 *
 * Method: every row also gets a private "unfilled" column costing UNFILLED, and the edges cost
 * (maxScore - score). A min-cost assignment of all rows then minimises
 *   UNFILLED·unfilled + maxScore·filled - score = maxScore·rows + (UNFILLED - maxScore)·unfilled - score,
 * and UNFILLED - maxScore exceeds any score sum (maxScore per row), so it first minimises the
 * unfilled rows and then maximises the score: exactly the lexicographic objective.
 *
 * The min-cost assignment is found by successive shortest augmenting paths (Hungarian method
 * with Dijkstra on reduced costs, sparse). Duals u (rows) and v (columns, v ≤ 0, v = 0 on free
 * columns) keep every reduced cost c - u - v ≥ 0 and are 0 on assigned edges; when all rows
 * are assigned these are the complementary-slackness conditions of the assignment LP, whose
 * constraint matrix is totally unimodular, so the result is optimal. With integer costs all
 * arithmetic is exact.
 */
export function solveAssignment(problem: AssignmentProblem, deadline: Deadline): AssignmentSolution {
  const { rowCount, columnCount, edgeRow, edgeScore } = problem;
  const edgeCount = edgeRow.length;
  let maxScore = 0;
  for (let e = 0; e < edgeCount; e++) if (edgeScore[e] > maxScore) maxScore = edgeScore[e];
  const unfilledCost = (maxScore + 1) * (rowCount + 1);

  // Rows' edges in CSR form, in edge order; the private unfilled column of row r is columnCount + r.
  const rowStart = new Int32Array(rowCount + 1);
  for (let e = 0; e < edgeCount; e++) rowStart[edgeRow[e] + 1]++;
  for (let row = 0; row < rowCount; row++) rowStart[row + 1] += rowStart[row];
  const fill = rowStart.slice(0, rowCount);
  const edgeColumn = new Int32Array(edgeCount);
  const edgeCost = new Float64Array(edgeCount);
  const edgeId = new Int32Array(edgeCount);
  for (let e = 0; e < edgeCount; e++) {
    const slot = fill[edgeRow[e]]++;
    edgeColumn[slot] = problem.edgeColumn[e];
    edgeCost[slot] = maxScore - edgeScore[e];
    edgeId[slot] = e;
  }

  const totalColumns = columnCount + rowCount;
  const rowDual = new Float64Array(rowCount);
  const columnDual = new Float64Array(totalColumns);
  const rowOfColumn = new Int32Array(totalColumns).fill(-1);
  const slotOfRow = new Int32Array(rowCount).fill(-1); // CSR slot of the assigned edge, or -1 for the unfilled column

  const distance = new Float64Array(totalColumns).fill(Infinity);
  const previousRow = new Int32Array(totalColumns);
  const previousSlot = new Int32Array(totalColumns);
  const finalized = new Uint8Array(totalColumns);
  const touched: number[] = [];
  const finalizedColumns: number[] = [];
  const heap = new MinHeap();

  const relax = (row: number, base: number) => {
    for (let slot = rowStart[row]; slot < rowStart[row + 1]; slot++) {
      const column = edgeColumn[slot];
      if (finalized[column]) continue;
      const reduced = Math.max(0, edgeCost[slot] - rowDual[row] - columnDual[column]);
      const candidate = base + reduced;
      if (candidate < distance[column]) {
        if (distance[column] === Infinity) touched.push(column);
        distance[column] = candidate;
        previousRow[column] = row;
        previousSlot[column] = slot;
        heap.push(candidate, column);
      }
    }
    const unfilled = columnCount + row;
    if (!finalized[unfilled]) {
      const candidate = base + Math.max(0, unfilledCost - rowDual[row] - columnDual[unfilled]);
      if (candidate < distance[unfilled]) {
        if (distance[unfilled] === Infinity) touched.push(unfilled);
        distance[unfilled] = candidate;
        previousRow[unfilled] = row;
        previousSlot[unfilled] = -1;
        heap.push(candidate, unfilled);
      }
    }
  };

  assignCheapestFreeColumns(rowCount, rowStart, edgeColumn, edgeCost, unfilledCost, rowDual, rowOfColumn, slotOfRow);

  let complete = true;
  for (let startRow = 0; startRow < rowCount; startRow++) {
    // Settled at the start and only moved since (to a column or to its unfilled one).
    if (slotOfRow[startRow] >= 0 || rowOfColumn[columnCount + startRow] === startRow) continue;
    // Every row: one augmenting path can scan every edge, so rows are not uniformly cheap.
    if (deadline.expired()) {
      complete = false;
      break;
    }
    heap.clear();
    relax(startRow, 0);
    let sink = -1;
    let sinkDistance = 0;
    while (heap.size > 0) {
      const key = heap.peekKey();
      const column = heap.pop();
      if (finalized[column] || key > distance[column]) continue;
      finalized[column] = 1;
      finalizedColumns.push(column);
      const owner = rowOfColumn[column];
      if (owner === -1) {
        sink = column;
        sinkDistance = key;
        break;
      }
      relax(owner, key);
    }
    // The start row's unfilled column is always reachable, so a sink exists.
    rowDual[startRow] += sinkDistance;
    for (const column of finalizedColumns) {
      const owner = rowOfColumn[column];
      if (owner !== -1) rowDual[owner] += sinkDistance - distance[column];
      columnDual[column] += distance[column] - sinkDistance;
    }
    let column = sink;
    for (;;) {
      const row = previousRow[column];
      const formerColumn = slotOfRow[row] === -1 ? (row === startRow ? -1 : columnCount + row) : edgeColumn[slotOfRow[row]];
      rowOfColumn[column] = row;
      slotOfRow[row] = previousSlot[column];
      if (row === startRow) break;
      column = formerColumn;
    }
    for (const touchedColumn of touched) {
      distance[touchedColumn] = Infinity;
      finalized[touchedColumn] = 0;
    }
    touched.length = 0;
    finalizedColumns.length = 0;
  }

  const edgeOfRow = new Int32Array(rowCount).fill(-1);
  for (let row = 0; row < rowCount; row++) if (slotOfRow[row] >= 0) edgeOfRow[row] = edgeId[slotOfRow[row]];
  return { edgeOfRow, complete };
}

/**
 * Start of the search (row reduction): each row's dual is its cheapest edge, so every reduced
 * cost stays ≥ 0 with all column duals 0, and a row whose cheapest column is still free takes
 * it (reduced cost 0: the invariants hold). Most rows of a sparse problem are settled here
 * without a shortest-path search. Rows in index order, first cheapest slot: deterministic.
 */
function assignCheapestFreeColumns(
  rowCount: number,
  rowStart: Int32Array,
  edgeColumn: Int32Array,
  edgeCost: Float64Array,
  unfilledCost: number,
  rowDual: Float64Array,
  rowOfColumn: Int32Array,
  slotOfRow: Int32Array,
): void {
  for (let row = 0; row < rowCount; row++) {
    let cheapest = -1;
    let cheapestCost = unfilledCost;
    for (let slot = rowStart[row]; slot < rowStart[row + 1]; slot++) {
      if (edgeCost[slot] < cheapestCost) {
        cheapestCost = edgeCost[slot];
        cheapest = slot;
      }
    }
    rowDual[row] = cheapestCost;
    if (cheapest >= 0 && rowOfColumn[edgeColumn[cheapest]] === -1) {
      rowOfColumn[edgeColumn[cheapest]] = row;
      slotOfRow[row] = cheapest;
    }
  }
}
