import fc from 'fast-check';
import { prunePairs } from '../../../../src/matching/core/optimizer/prune';
import { problemArbitrary } from './support/arbitraries';
import { bruteForceOptimum } from './support/brute-force';

describe('prunePairs', () => {
  it('never changes the optimum (number filled and total score)', () => {
    fc.assert(
      fc.property(problemArbitrary({ maxVacancies: 7, maxSeekers: 5, horizon: 60, maxLength: 15 }), (problem) => {
        const kept = prunePairs(problem);
        const pruned = { ...problem, pairs: kept.map((index) => problem.pairs[index]) };
        const before = bruteForceOptimum(problem);
        const after = bruteForceOptimum(pruned);
        expect(after.filled).toBe(before.filled);
        expect(after.score).toBeCloseTo(before.score, 9);
      }),
      { seed: 99, numRuns: 400 },
    );
  });

  it('keeps only the best candidate of a vacancy that overlaps no other', () => {
    const problem = {
      vacancyPeriods: [
        { start: 0, end: 9 },
        { start: 20, end: 29 },
      ],
      seekerCount: 3,
      pairs: [
        { vacancy: 0, seeker: 0, score: 50 },
        { vacancy: 0, seeker: 1, score: 70 },
        { vacancy: 0, seeker: 2, score: 60 },
        { vacancy: 1, seeker: 1, score: 10 },
      ],
    };
    expect(prunePairs(problem)).toEqual([1, 3]);
  });

  it('keeps one more candidate for each overlapping vacancy that could take one of them', () => {
    // v1 overlaps v0 and also wants seeker 1 (v0's best): v0 must keep its second best too.
    const problem = {
      vacancyPeriods: [
        { start: 0, end: 9 },
        { start: 5, end: 14 },
      ],
      seekerCount: 3,
      pairs: [
        { vacancy: 0, seeker: 0, score: 50 },
        { vacancy: 0, seeker: 1, score: 70 },
        { vacancy: 0, seeker: 2, score: 60 },
        { vacancy: 1, seeker: 1, score: 10 },
      ],
    };
    expect(prunePairs(problem)).toEqual([1, 2, 3]);
  });
});
