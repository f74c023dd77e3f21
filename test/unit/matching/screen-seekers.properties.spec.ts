import fc from 'fast-check';
import { prepareSeeker } from '../../../src/matching/core/prepared-instance';
import { rankCandidates } from '../../../src/matching/core/rank-candidates';
import { screeningProfile, screenSeekers } from '../../../src/matching/core/screen-seekers';
import { FEASIBILITY_RULES, Instance } from '../../../src/matching/core/types';
import { randomInstance } from './support/random-instance';

/**
 * Live candidates rank only the seekers screenSeekers keeps and add the others' rule counts:
 * that must be the ranking over every seeker, with a near-miss limit small enough that the
 * cut, its ties and blocked pairs all happen.
 */
const RUNS = { seed: 20261203, numRuns: 300 };

function rankScreened(instance: Instance, vacancyId: string, nearMissLimit: number) {
  const vacancy = instance.vacancies.find((candidate) => candidate.id === vacancyId)!;
  const blocked = new Set((instance.blockedPairs ?? []).filter((pair) => pair.vacancyId === vacancyId).map((pair) => pair.seekerId));
  const profiles = instance.seekers.map((seeker) => prepareSeeker(seeker, 0));
  const screening = screenSeekers(screeningProfile(vacancy), profiles, (position) => blocked.has(instance.seekers[position].id), undefined, nearMissLimit);
  const kept = screening.kept.map((position) => instance.seekers[position]);
  const present = new Set(kept.map((seeker) => seeker.id));
  const narrowed: Instance = {
    ...instance,
    vacancies: [vacancy],
    seekers: kept,
    blockedPairs: (instance.blockedPairs ?? []).filter((pair) => pair.vacancyId === vacancyId && present.has(pair.seekerId)),
    commuteMinutes: [],
  };
  const ranking = rankCandidates(narrowed, vacancyId, 1_000)!;
  const excludedBy = Object.fromEntries(FEASIBILITY_RULES.map((rule) => [rule, ranking.excludedBy[rule] + screening.excludedElsewhere[rule]]));
  return { ranking: { ...ranking, excludedBy }, kept: kept.length };
}

describe('screenSeekers', () => {
  test('ranking the kept seekers plus the counts of the others is the ranking over all', () => {
    fc.assert(
      fc.property(randomInstance({ maxVacancies: 3, maxSeekers: 12 }), fc.integer({ min: 0, max: 3 }), (generated, nearMissLimit) => {
        fc.pre(generated.vacancies.length > 0);
        // Routing-engine minutes are not the pool's: the screening judges the model's commute.
        const instance: Instance = { ...generated, commuteMinutes: [] };
        for (const vacancy of instance.vacancies) {
          const whole = rankCandidates({ ...instance, vacancies: [vacancy], blockedPairs: (instance.blockedPairs ?? []).filter((pair) => pair.vacancyId === vacancy.id) }, vacancy.id, 1_000)!;
          const expected = { ...whole, nearMisses: whole.nearMisses.slice(0, nearMissLimit) };
          const { ranking } = rankScreened(instance, vacancy.id, nearMissLimit);
          expect({ ...ranking, nearMisses: ranking.nearMisses.slice(0, nearMissLimit) }).toEqual(expected);
        }
      }),
      RUNS,
    );
  });
});
