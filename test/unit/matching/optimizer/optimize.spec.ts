import fc from 'fast-check';
import { optimize } from '../../../../src/matching/core/optimizer/optimize';
import { isFeasibleSelection, scoreOf } from '../../../../src/matching/core/optimizer/selection';
import { problemArbitrary } from './support/arbitraries';
import { bruteForceOptimum } from './support/brute-force';

const seed = 20260302;

describe('optimize', () => {
  it('matches an exhaustive search on small problems: same number filled, same score, feasible choice', () => {
    fc.assert(
      fc.property(problemArbitrary(), (problem) => {
        const result = optimize(problem);
        const expected = bruteForceOptimum(problem);
        expect(isFeasibleSelection(problem, result.chosenPairs)).toBe(true);
        expect(result.filled).toBe(result.chosenPairs.length);
        expect(result.totalScore).toBeCloseTo(scoreOf(problem, result.chosenPairs), 9);
        expect(result.filled).toBe(expected.filled);
        expect(result.totalScore).toBeCloseTo(expected.score, 6);
        expect(result.optimal).toBe(true);
        expect(result.gap).toBe(0);
      }),
      { seed, numRuns: 300 },
    );
  });

  it('prefers filling one more vacancy over a higher total score', () => {
    // Seeker 0 could take vacancy 0 alone (score 100) or vacancies 1 and 2 (score 1 each).
    const problem = {
      vacancyPeriods: [
        { start: 0, end: 20 },
        { start: 0, end: 9 },
        { start: 10, end: 20 },
      ],
      seekerCount: 1,
      pairs: [
        { vacancy: 0, seeker: 0, score: 100 },
        { vacancy: 1, seeker: 0, score: 1 },
        { vacancy: 2, seeker: 0, score: 1 },
      ],
    };
    const result = optimize(problem);
    expect(result.chosenPairs).toEqual([1, 2]);
    expect(result.totalScore).toBe(2);
  });

  it('gives the same answer for the same input', () => {
    fc.assert(
      fc.property(problemArbitrary(), (problem) => {
        expect(optimize(problem)).toEqual(optimize(problem));
      }),
      { seed, numRuns: 50 },
    );
  });
});
