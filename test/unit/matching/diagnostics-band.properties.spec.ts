import fc from 'fast-check';
import { match } from '../../../src/matching/core/match';
import { FEASIBILITY_RULES, Instance } from '../../../src/matching/core/types';
import { naiveFailedRules } from './support/naive-feasibility';
import { randomInstance } from './support/random-instance';

/**
 * Diagnostics decide the commute rule without a distance for seekers outside the latitude
 * band of the farthest reach. Here seekers are spread over ±1° of latitude (~110 km, beyond
 * every reach) and a few pairs carry routing-engine minutes, so that the band excludes
 * seekers and overrides cross it; the counts must still be those of a rule-by-rule check.
 */
const RUNS = { seed: 20261202, numRuns: 200 };

const spreadInstance: fc.Arbitrary<Instance> = fc
  .tuple(
    randomInstance({ maxVacancies: 4, maxSeekers: 8 }),
    fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 8, maxLength: 8 }),
    fc.array(fc.double({ min: 0, max: 120, noNaN: true }), { minLength: 8, maxLength: 8 }),
  )
  .map(([instance, shifts, minutes]) => {
    const seekers = instance.seekers.map((seeker, index) =>
      index % 2 === 0 ? seeker : { ...seeker, location: { ...seeker.location, lat: seeker.location.lat + shifts[index] } },
    );
    const vacancy = instance.vacancies[0];
    // Routing-engine minutes for the far seekers of the first vacancy: they decide, whatever the distance.
    const commuteMinutes = vacancy
      ? seekers
          .filter((_, index) => index % 4 === 1)
          .map((seeker, index) => ({ vacancyId: vacancy.id, seekerId: seeker.id, minutes: minutes[index] }))
      : [];
    const blockedPairs = (instance.blockedPairs ?? []).filter(
      (pair) => !commuteMinutes.some((entry) => entry.vacancyId === pair.vacancyId && entry.seekerId === pair.seekerId),
    );
    const existing = (instance.commuteMinutes ?? []).filter(
      (entry) => !commuteMinutes.some((added) => added.vacancyId === entry.vacancyId && added.seekerId === entry.seekerId),
    );
    return { ...instance, seekers, blockedPairs, commuteMinutes: [...existing, ...commuteMinutes] };
  });

describe('diagnostics with seekers far apart in latitude', () => {
  test('count every seeker under every rule it fails, and name only one-rule misses', () => {
    let bandExcluded = 0;
    fc.assert(
      fc.property(spreadInstance, (instance) => {
        const result = match(instance);
        for (const unfilled of result.unfilled) {
          const vacancy = instance.vacancies.find((candidate) => candidate.id === unfilled.vacancyId)!;
          const failures = instance.seekers.map((seeker) => naiveFailedRules(instance, vacancy, seeker));
          bandExcluded += failures.filter((failed) => failed.includes('commute')).length;
          expect(unfilled.feasibleCandidates).toBe(failures.filter((failed) => failed.length === 0).length);
          for (const rule of FEASIBILITY_RULES) {
            expect(unfilled.excludedBy[rule]).toBe(failures.filter((failed) => failed.includes(rule)).length);
          }
          expect(unfilled.nearMisses).toHaveLength(Math.min(5, failures.filter((failed) => failed.length === 1).length));
          for (const miss of unfilled.nearMisses) {
            expect(failures[instance.seekers.findIndex((seeker) => seeker.id === miss.seekerId)]).toEqual([miss.failed]);
          }
        }
      }),
      RUNS,
    );
    // The spread does put seekers out of reach (else the band would not be exercised).
    expect(bandExcluded).toBeGreaterThan(100);
  });
});
