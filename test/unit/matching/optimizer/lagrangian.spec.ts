import fc from 'fast-check';
import { Deadline } from '../../../../src/matching/core/optimizer/deadline';
import { greedySelection } from '../../../../src/matching/core/optimizer/greedy';
import { solveChaining } from '../../../../src/matching/core/optimizer/lagrangian';
import { isFeasibleSelection, scoreOf } from '../../../../src/matching/core/optimizer/selection';
import { solveSmallMip } from '../../../../src/matching/core/optimizer/small-mip';
import { problemArbitrary } from './support/arbitraries';
import { bruteForceOptimum } from './support/brute-force';
import { CountdownDeadline } from './support/countdown-deadline';

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

  it('stopped by the deadline at any point: still a feasible choice, and only true claims', () => {
    const dense = { minVacancies: 30, maxVacancies: 36, maxSeekers: 10, horizon: 200, maxLength: 60, minDensity: 0.6 };
    fc.assert(
      fc.property(problemArbitrary(dense), fc.integer({ min: 0, max: 400 }), (problem, checksAllowed) => {
        const deadline = new CountdownDeadline(checksAllowed);
        const solution = solveChaining(problem, deadline, 0.1, (rest) => solveSmallMip(rest, deadline));
        const exact = solveSmallMip(problem, new Deadline())!;
        expect(isFeasibleSelection(problem, solution.chosen)).toBe(true);
        expect(solution.score).toBeCloseTo(scoreOf(problem, solution.chosen), 9);
        expect(solution.filled).toBeLessThanOrEqual(exact.filled);
        // Wherever it stops, it is never worse than the greedy fallback.
        expect(solution.filled).toBeGreaterThanOrEqual(greedySelection(problem).length);
        if (solution.fillProven) {
          expect(solution.filled).toBe(exact.filled);
          expect(solution.scoreUpperBound).toBeGreaterThanOrEqual(exact.score - 1e-6);
        }
      }),
      { seed, numRuns: 40 },
    );
  });
});
