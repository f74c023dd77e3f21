import fc from 'fast-check';
import { prepareSeeker } from '../../../src/matching/core/prepared-instance';
import { rankCandidates } from '../../../src/matching/core/rank-candidates';
import { buildScreeningColumns, kthSmallest, screenColumns, screeningProfile, screenSeekers } from '../../../src/matching/core/screen-seekers';
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

  test('the seekers split into blocks of different sizes screen as one block: no block reads another block’s rule bits', () => {
    fc.assert(
      fc.property(randomInstance({ maxVacancies: 1, maxSeekers: 12 }), fc.integer({ min: 1, max: 5 }), (generated, split) => {
        fc.pre(generated.vacancies.length > 0 && generated.seekers.length > 1);
        const columns = buildScreeningColumns(generated.seekers.map((seeker) => prepareSeeker(seeker, 0)));
        const all = Int32Array.from(generated.seekers.keys());
        // Large block first, then small ones: a reused scratch array still holds the first block's bits.
        const cuts = [0, Math.max(1, all.length - split), all.length].filter((cut, i, list) => i === 0 || cut > list[i - 1]);
        const blocks = cuts.slice(1).map((end, i) => ({ columns, positions: all.slice(cuts[i], end), blocked: [] }));
        const profile = screeningProfile(generated.vacancies[0]);
        expect(screenColumns(profile, blocks, 2)).toEqual(screenColumns(profile, [{ columns, positions: all, blocked: [] }], 2));
      }),
      RUNS,
    );
  });
});

describe('kthSmallest', () => {
  test('is what an ascending sort puts at k - 1, duplicates counted', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -5, max: 5 }).map((n) => n / 4), { minLength: 1, maxLength: 30 }), fc.nat(), (values, pick) => {
        const k = 1 + (pick % values.length);
        expect(kthSmallest(values, k)).toBe([...values].sort((a, b) => a - b)[k - 1]);
      }),
      RUNS,
    );
  });
});
