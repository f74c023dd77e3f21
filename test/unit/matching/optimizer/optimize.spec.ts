import fc from 'fast-check';
import { optimize } from '../../../../src/matching/core/optimizer/optimize';
import { isFeasibleSelection, scoreOf } from '../../../../src/matching/core/optimizer/selection';
import { Deadline } from '../../../../src/matching/core/optimizer/deadline';
import { solveSmallMip } from '../../../../src/matching/core/optimizer/small-mip';
import { problemArbitrary } from './support/arbitraries';
import { bruteForceOptimum } from './support/brute-force';
import { fillOverScoreProblem } from './support/fill-over-score';

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
    const result = optimize(fillOverScoreProblem);
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

describe('optimize on components too large for the dense MIP (Lagrangian path)', () => {
  const shape = { minVacancies: 30, maxVacancies: 36, maxSeekers: 10, horizon: 200, maxLength: 60, minDensity: 0.6 };

  it('claims optimality or a gap only when the exact MIP of the whole problem agrees', () => {
    fc.assert(
      fc.property(problemArbitrary(shape), (problem) => {
        const result = optimize(problem);
        const exact = solveSmallMip(problem, new Deadline())!;
        expect(exact.fillProven).toBe(true);
        expect(isFeasibleSelection(problem, result.chosenPairs)).toBe(true);
        expect(result.filled).toBeLessThanOrEqual(exact.filled);
        if (result.gap !== null) {
          expect(result.filled).toBe(exact.filled);
          // The proven bound totalScore / (1 − gap) lies above the true optimum.
          expect(result.totalScore / (1 - result.gap) + 1e-6).toBeGreaterThanOrEqual(exact.score);
        }
        if (result.optimal) expect(result.totalScore).toBeCloseTo(exact.score, 6);
        expect(optimize(problem)).toEqual(result);
      }),
      { seed, numRuns: 40 },
    );
  });
});

describe('optimize with a time limit', () => {
  it('returns a feasible selection with no time at all, and a gap only as far as the cheap bounds prove one', () => {
    const problem = fc.sample(problemArbitrary({ maxVacancies: 24, maxSeekers: 8, horizon: 120, maxLength: 40 }), { seed, numRuns: 1 })[0];
    const result = optimize(problem, { timeLimitMs: 0 });
    const exact = solveSmallMip(problem, new Deadline())!;
    expect(result.optimal).toBe(false);
    expect(isFeasibleSelection(problem, result.chosenPairs)).toBe(true);
    expect(result.filled).toBe(result.chosenPairs.length);
    expect(result.filled).toBeGreaterThan(0);
    // Every vacancy with a candidate is filled: the fill is proven and so is the gap's bound.
    expect(result.filled).toBe(exact.filled);
    expect(result.gap).not.toBeNull();
    expect(result.totalScore / (1 - result.gap!) + 1e-6).toBeGreaterThanOrEqual(exact.score);
  });

  it('reports a proven gap, never null, when a deadline leaves a plentiful problem to the greedy fallback', () => {
    fc.assert(
      fc.property(problemArbitrary({ maxVacancies: 12, maxSeekers: 30, horizon: 120, maxLength: 40 }), (problem) => {
        const result = optimize(problem, { timeLimitMs: 0 });
        const exact = solveSmallMip(problem, new Deadline())!;
        const fillable = new Set(problem.pairs.map((pair) => pair.vacancy)).size;
        if (result.filled === fillable) {
          expect(result.gap).not.toBeNull();
          expect(result.totalScore / (1 - result.gap!) + 1e-6).toBeGreaterThanOrEqual(exact.score);
        } else {
          expect(result.gap).toBeNull();
        }
      }),
      { seed, numRuns: 40 },
    );
  });

  it('with a tiny limit on chaining problems too large for the MIP: feasible, filled, never claimed optimal without proof', () => {
    const dense = { minVacancies: 30, maxVacancies: 36, maxSeekers: 10, horizon: 200, maxLength: 60, minDensity: 0.6 };
    fc.assert(
      fc.property(problemArbitrary(dense), fc.constantFrom(0, 1), (problem, timeLimitMs) => {
        const result = optimize(problem, { timeLimitMs });
        const exact = solveSmallMip(problem, new Deadline())!;
        expect(isFeasibleSelection(problem, result.chosenPairs)).toBe(true);
        expect(result.totalScore).toBeCloseTo(scoreOf(problem, result.chosenPairs), 9);
        expect(result.filled).toBeGreaterThan(0);
        if (timeLimitMs === 0) expect(result.optimal).toBe(false);
        if (result.optimal) expect(result.totalScore).toBeCloseTo(exact.score, 6);
        if (result.gap !== null) expect(result.filled).toBe(exact.filled);
      }),
      { seed, numRuns: 20 },
    );
  });
});
