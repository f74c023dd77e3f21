import fc from 'fast-check';
import { Deadline } from '../../../../src/matching/core/optimizer/deadline';
import { solveChaining } from '../../../../src/matching/core/optimizer/lagrangian';
import { isFeasibleSelection, scoreOf } from '../../../../src/matching/core/optimizer/selection';
import { solveSmallMip } from '../../../../src/matching/core/optimizer/small-mip';
import { problemArbitrary } from './support/arbitraries';
import { bruteForceOptimum } from './support/brute-force';

const seed = 777;
const shape = { maxVacancies: 8, maxSeekers: 3, horizon: 40, maxLength: 10 };

describe('solveChaining (Lagrangian bound, assignment neighbourhoods, fixing)', () => {
  it('claims only what holds: a feasible choice, a proven fill equal to the maximum, a bound above the optimum', () => {
    fc.assert(
      fc.property(problemArbitrary(shape), (problem) => {
        const solution = solveChaining(problem, new Deadline(), 0.1, () => null);
        const expected = bruteForceOptimum(problem);
        expect(isFeasibleSelection(problem, solution.chosen)).toBe(true);
        expect(solution.score).toBeCloseTo(scoreOf(problem, solution.chosen), 9);
        expect(solution.filled).toBeLessThanOrEqual(expected.filled);
        if (solution.fillProven) {
          expect(solution.filled).toBe(expected.filled);
          expect(solution.scoreUpperBound).toBeGreaterThanOrEqual(expected.score - 1e-6);
        }
      }),
      { seed, numRuns: 300 },
    );
  });

  it('reaches the optimum when what is left after fixing can be solved exactly', () => {
    fc.assert(
      fc.property(problemArbitrary(shape), (problem) => {
        const solution = solveChaining(problem, new Deadline(), 0.1, (rest) => solveSmallMip(rest, new Deadline()));
        const expected = bruteForceOptimum(problem);
        expect(solution.fillProven).toBe(true);
        expect(solution.filled).toBe(expected.filled);
        expect(solution.score).toBeCloseTo(expected.score, 6);
        expect(solution.scoreUpperBound).toBeCloseTo(expected.score, 6);
      }),
      { seed, numRuns: 300 },
    );
  });
});
