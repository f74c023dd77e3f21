import fc from 'fast-check';
import { DayRun, forEachRunLeft, MergedRunScratch, mergeRuns, subtractRuns } from '../../../src/matching/core/day-runs';

/** The typed scratch runs must give mergeRuns' and subtractRuns' days, one scratch reused across cases. */
const RUNS = { seed: 20261208, numRuns: 500 };

/** Mostly runs that overlap and touch; some at the ends of what a date can write (years 0000 and 9999). */
const run: fc.Arbitrary<DayRun> = fc
  .tuple(
    fc.oneof({ arbitrary: fc.integer({ min: 0, max: 60 }), weight: 6 }, { arbitrary: fc.constantFrom(-719_528, 2_932_876), weight: 1 }),
    fc.integer({ min: 0, max: 20 }),
  )
  .map(([start, length]) => ({ start, end: start + length }));

const available = new MergedRunScratch();
const busy = new MergedRunScratch();

function mergedInScratch(scratch: MergedRunScratch, runs: readonly DayRun[]): DayRun[] {
  scratch.clear();
  for (const { start, end } of runs) scratch.add(start, end);
  scratch.merge();
  return Array.from({ length: scratch.length }, (_, at) => ({ start: scratch.start[at], end: scratch.end[at] }));
}

describe('merged run scratch', () => {
  it('merges like mergeRuns and subtracts like subtractRuns', () => {
    fc.assert(
      fc.property(fc.array(run, { maxLength: 40, size: 'max' }), fc.array(run, { maxLength: 40, size: 'max' }), (availability, busyDays) => {
        expect(mergedInScratch(available, availability)).toEqual(mergeRuns(availability));
        expect(mergedInScratch(busy, busyDays)).toEqual(mergeRuns(busyDays));
        const left: DayRun[] = [];
        forEachRunLeft(available, busy, (start, end) => left.push({ start, end }));
        expect(left).toEqual(subtractRuns(mergeRuns(availability), mergeRuns(busyDays)));
      }),
      RUNS,
    );
  });
});
