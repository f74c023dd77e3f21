import fc from 'fast-check';
import { AssignmentProblem, solveAssignment } from '../../../../src/matching/core/optimizer/assignment';

interface Edge {
  readonly row: number;
  readonly column: number;
  readonly score: number;
}

interface Bipartite {
  readonly rowCount: number;
  readonly columnCount: number;
  readonly edges: readonly Edge[];
}

function toAssignmentProblem({ rowCount, columnCount, edges }: Bipartite): AssignmentProblem {
  return {
    rowCount,
    columnCount,
    edgeRow: Int32Array.from(edges, (edge) => edge.row),
    edgeColumn: Int32Array.from(edges, (edge) => edge.column),
    edgeScore: Float64Array.from(edges, (edge) => edge.score),
  };
}
import { Deadline } from '../../../../src/matching/core/optimizer/deadline';

const seed = 4242;

function bruteForce(problem: Bipartite): { filled: number; score: number } {
  const columnTaken = new Uint8Array(problem.columnCount);
  let best = { filled: 0, score: 0 };
  const visit = (row: number, filled: number, score: number): void => {
    if (row === problem.rowCount) {
      if (filled > best.filled || (filled === best.filled && score > best.score + 1e-9)) best = { filled, score };
      return;
    }
    visit(row + 1, filled, score);
    for (const edge of problem.edges) {
      if (edge.row !== row || columnTaken[edge.column]) continue;
      columnTaken[edge.column] = 1;
      visit(row + 1, filled + 1, score + edge.score);
      columnTaken[edge.column] = 0;
    }
  };
  visit(0, 0, 0);
  return best;
}

const assignmentArbitrary: fc.Arbitrary<Bipartite> = fc
  .record({ rowCount: fc.integer({ min: 1, max: 6 }), columnCount: fc.integer({ min: 1, max: 6 }) })
  .chain(({ rowCount, columnCount }) =>
    fc
      .uniqueArray(
        fc.record({
          row: fc.integer({ min: 0, max: rowCount - 1 }),
          column: fc.integer({ min: 0, max: columnCount - 1 }),
          score: fc.integer({ min: 0, max: 1000 }).map((tenths) => tenths / 10),
        }),
        { selector: (edge) => `${edge.row}:${edge.column}`, maxLength: rowCount * columnCount },
      )
      .map((edges) => ({ rowCount, columnCount, edges })),
  );

describe('solveAssignment', () => {
  it('fills as many rows as possible, then maximises the score, like an exhaustive search', () => {
    fc.assert(
      fc.property(assignmentArbitrary, (problem) => {
        const solution = solveAssignment(toAssignmentProblem(problem), new Deadline());
        const chosen = [...solution.edgeOfRow].filter((edge) => edge >= 0);
        const columns = chosen.map((edge) => problem.edges[edge].column);
        expect(new Set(columns).size).toBe(columns.length);
        solution.edgeOfRow.forEach((edge, row) => {
          if (edge >= 0) expect(problem.edges[edge].row).toBe(row);
        });
        const expected = bruteForce(problem);
        expect(chosen.length).toBe(expected.filled);
        expect(chosen.reduce((sum, edge) => sum + problem.edges[edge].score, 0)).toBeCloseTo(expected.score, 6);
        expect(solution.complete).toBe(true);
      }),
      { seed, numRuns: 500 },
    );
  });

  it('leaves the high-score row unfilled when that is the only way to fill two', () => {
    const problem = {
      rowCount: 2,
      columnCount: 2,
      edges: [
        { row: 0, column: 0, score: 100 },
        { row: 0, column: 1, score: 0 },
        { row: 1, column: 0, score: 0 },
      ],
    };
    const solution = solveAssignment(toAssignmentProblem(problem), new Deadline());
    expect([...solution.edgeOfRow]).toEqual([1, 2]);
  });
});
