import fc from 'fast-check';
import { SeekerSchedules } from '../../../../src/matching/core/optimizer/seeker-schedules';
import { problemArbitrary } from './support/arbitraries';

describe('SeekerSchedules.forcedAndWithout', () => {
  it('equals two full DPs: the pair excluded, and the pair forced in (its own weight left out)', () => {
    const shape = { maxVacancies: 12, maxSeekers: 3, horizon: 60, maxLength: 15, minDensity: 0.5 };
    fc.assert(
      fc.property(problemArbitrary(shape), fc.array(fc.integer({ min: -50, max: 100 }), { minLength: 36, maxLength: 36 }), (problem, draws) => {
        const schedules = new SeekerSchedules(problem);
        const weight = Float64Array.from(problem.pairs, (_, index) => draws[index % draws.length]);
        problem.pairs.forEach((pair, index) => {
          const forced = schedules.forcedAndWithout(pair.seeker, index, weight);
          const without = schedules.withoutValue;
          const own = weight[index];
          weight[index] = -1;
          expect(without).toBe(schedules.best(pair.seeker, weight, null));
          weight[index] = 1e6;
          expect(forced).toBe(schedules.best(pair.seeker, weight, null) - 1e6);
          weight[index] = own;
        });
      }),
      { seed: 4242, numRuns: 200 },
    );
  });
});
