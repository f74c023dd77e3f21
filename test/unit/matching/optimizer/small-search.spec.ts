import fc from 'fast-check';
import { Deadline } from '../../../../src/matching/core/optimizer/deadline';
import { isFeasibleSelection, scoreOf } from '../../../../src/matching/core/optimizer/selection';
import { solveBySearch } from '../../../../src/matching/core/optimizer/small-search';
import { problemArbitrary } from './support/arbitraries';
import { bruteForceOptimum } from './support/brute-force';
import { fillOverScoreProblem } from './support/fill-over-score';

const seed = 20261202;

describe('solveBySearch', () => {
  it('finds the exhaustive search optimum (most filled, then highest score) with a feasible choice, and proves it', () => {
    fc.assert(
      fc.property(problemArbitrary({ maxVacancies: 8, maxSeekers: 4, horizon: 30, maxLength: 12 }), (problem) => {
        const solution = solveBySearch(problem, new Deadline());
        const expected = bruteForceOptimum(problem);
        expect(solution).not.toBeNull();
        expect(isFeasibleSelection(problem, solution!.chosen)).toBe(true);
        expect(solution!.filled).toBe(solution!.chosen.length);
        expect(solution!.filled).toBe(expected.filled);
        expect(solution!.score).toBeCloseTo(scoreOf(problem, solution!.chosen), 9);
        expect(solution!.score).toBeCloseTo(expected.score, 6);
        expect(solution!.fillProven).toBe(true);
        expect(solution!.scoreUpperBound).toBe(solution!.score);
      }),
      { seed, numRuns: 400 },
    );
  });

  it('prefers filling one more vacancy over a higher total score', () => {
    expect(solveBySearch(fillOverScoreProblem, new Deadline())?.chosen).toEqual([1, 2]);
  });

  it('gives up (null) rather than answer unproven when its node budget cannot cover the search', () => {
    // 40 vacancies on one day and 40 seekers, all scores equal: the bound cuts nothing until a full selection is found, and then little.
    const vacancyPeriods = Array.from({ length: 40 }, () => ({ start: 0, end: 0 }));
    const pairs = vacancyPeriods.flatMap((_, vacancy) => Array.from({ length: 40 }, (__, seeker) => ({ vacancy, seeker, score: (vacancy * seeker) % 7 })));
    expect(solveBySearch({ vacancyPeriods, seekerCount: 40, pairs }, new Deadline())).toBeNull();
  });
});
