import fc from 'fast-check';
import { OptimizationProblem } from '../../../../../src/matching/core/optimizer/optimization-problem';

export interface ProblemShape {
  readonly maxVacancies: number;
  readonly maxSeekers: number;
  /** Largest first day of a period; small values make periods overlap often. */
  readonly horizon: number;
  readonly maxLength: number;
  readonly minVacancies?: number;
  readonly minDensity?: number;
}

export const smallShape: ProblemShape = { maxVacancies: 7, maxSeekers: 4, horizon: 30, maxLength: 12 };

/** Random small problems; scores on a 0.1 grid so ties happen, and some exact integers. */
export function problemArbitrary(shape: ProblemShape = smallShape): fc.Arbitrary<OptimizationProblem> {
  return fc
    .record({
      periods: fc.array(
        fc.record({ start: fc.integer({ min: 0, max: shape.horizon }), length: fc.integer({ min: 0, max: shape.maxLength }) }),
        { minLength: shape.minVacancies ?? 1, maxLength: shape.maxVacancies },
      ),
      seekerCount: fc.integer({ min: 1, max: shape.maxSeekers }),
      density: fc.double({ min: shape.minDensity ?? 0.1, max: 0.9, noNaN: true }),
      draws: fc.array(fc.record({ keep: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), tenths: fc.integer({ min: 0, max: 1000 }) }), {
        minLength: shape.maxVacancies * shape.maxSeekers,
        maxLength: shape.maxVacancies * shape.maxSeekers,
      }),
    })
    .map(({ periods, seekerCount, density, draws }) => {
      const pairs: { vacancy: number; seeker: number; score: number }[] = [];
      periods.forEach((_, vacancy) => {
        for (let seeker = 0; seeker < seekerCount; seeker++) {
          const draw = draws[vacancy * shape.maxSeekers + seeker];
          if (draw.keep < density) pairs.push({ vacancy, seeker, score: draw.tenths / 10 });
        }
      });
      return {
        vacancyPeriods: periods.map(({ start, length }) => ({ start, end: start + length })),
        seekerCount,
        pairs,
      };
    });
}
