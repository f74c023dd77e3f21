import fc from 'fast-check';
import { buildCandidates } from '../../../src/matching/core/candidates';
import { match } from '../../../src/matching/core/match';
import { Instance, MatchResult } from '../../../src/matching/core/types';
import { randomInstance } from './support/random-instance';

const RUNS = { seed: 20261201, numRuns: 300 };

/** A string hash (FNV-1a) mixed with a seed: shuffles ids without randomness in the test. */
function hashOf(seed: number, text: string): number {
  let hash = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash;
}

/** New names in an order unrelated to the old one (uuid-like, as the service's). */
function renaming(seed: number, ids: readonly string[]): Map<string, string> {
  const shuffled = [...new Set(ids)].sort((a, b) => hashOf(seed, a) - hashOf(seed, b) || (a < b ? -1 : 1));
  return new Map(shuffled.map((id, rank) => [id, `${hashOf(seed + 1, id).toString(16).padStart(8, '0')}-${rank}`]));
}

function renamed(instance: Instance, seed: number) {
  const vacancy = renaming(seed, instance.vacancies.map((v) => v.id));
  const seeker = renaming(seed + 7, instance.seekers.map((s) => s.id));
  const firm = renaming(seed + 13, [...instance.vacancies.map((v) => v.firmId), ...instance.seekers.flatMap((s) => s.blockedFirmIds ?? [])]);
  const copy: Instance = {
    ...instance,
    vacancies: instance.vacancies.map((v) => ({ ...v, id: vacancy.get(v.id)!, firmId: firm.get(v.firmId)! })),
    seekers: instance.seekers.map((s) => ({
      ...s,
      id: seeker.get(s.id)!,
      ...(s.blockedFirmIds ? { blockedFirmIds: s.blockedFirmIds.map((id) => firm.get(id)!) } : {}),
    })),
    blockedPairs: instance.blockedPairs?.map((p) => ({ vacancyId: vacancy.get(p.vacancyId)!, seekerId: seeker.get(p.seekerId)! })),
    commuteMinutes: instance.commuteMinutes?.map((e) => ({ ...e, vacancyId: vacancy.get(e.vacancyId)!, seekerId: seeker.get(e.seekerId)! })),
  };
  return { copy, vacancy, seeker, firm };
}

/** Entities identical in everything but their names: only there may ids decide (documented). */
function hasTwins(instance: Instance): boolean {
  const distinct = (texts: string[]) => new Set(texts).size < texts.length;
  return (
    distinct(instance.vacancies.map(({ id: _id, firmId: _firm, ...rest }) => JSON.stringify(rest))) ||
    distinct(instance.seekers.map(({ id: _id, ...rest }) => JSON.stringify(rest)))
  );
}

/** The result in the original names, in an order that names do not decide. */
function normalised(result: MatchResult, vacancyName: (id: string) => string, seekerName: (id: string) => string, detail = (text: string) => text) {
  const byVacancy = <T extends { vacancyId: string }>(items: T[]) => [...items].sort((a, b) => (a.vacancyId < b.vacancyId ? -1 : 1));
  return {
    assignments: byVacancy(result.assignments.map((a) => ({ ...a, vacancyId: vacancyName(a.vacancyId), seekerId: seekerName(a.seekerId) }))),
    alternativeScores: Object.entries(result.alternatives)
      .map(([id, list]) => [vacancyName(id), list.map((alternative) => alternative.score)] as const)
      .sort((a, b) => (a[0] < b[0] ? -1 : 1)),
    unfilled: byVacancy(
      result.unfilled.map((u) => ({
        ...u,
        vacancyId: vacancyName(u.vacancyId),
        nearMisses: u.nearMisses.map((miss) => ({ ...miss, seekerId: seekerName(miss.seekerId), detail: detail(miss.detail) })).sort((a, b) => (a.seekerId < b.seekerId ? -1 : 1)),
      })),
    ),
    stats: { ...result.stats, solveMs: 0 },
  };
}

describe('renaming ids', () => {
  // Half of them with every score equal (only the neutral waiting part weighs): ties everywhere,
  // so that only the engine's own order can decide between optima.
  const tiedScores = (instance: Instance): Instance => ({ ...instance, asOf: undefined, weights: { skills: 0, preferredSkills: 0, commute: 0, dateFit: 0, wage: 0, waiting: 1 } });
  const instances = fc.tuple(
    randomInstance({ maxVacancies: 8, maxSeekers: 5 }).chain((instance) => fc.constantFrom(instance, tiedScores(instance))),
    fc.integer({ min: 0, max: 2 ** 30 }),
  );

  test('gives identical assignments (and the same alternatives, diagnostics and stats) in the new names', () => {
    fc.assert(
      fc.property(instances, ([instance, seed]) => {
        fc.pre(!hasTwins(instance));
        const { copy, vacancy, seeker, firm } = renamed(instance, seed);
        // Details name the blocked firm: back to the old name.
        const oldFirmNames = (text: string) => [...firm].reduce((result, [from, to]) => result.split(to).join(from), text);
        const oldVacancy = new Map([...vacancy].map(([from, to]) => [to, from]));
        const oldSeeker = new Map([...seeker].map(([from, to]) => [to, from]));
        const original = normalised(match(instance), (id) => id, (id) => id);
        const again = normalised(match(copy), (id) => oldVacancy.get(id)!, (id) => oldSeeker.get(id)!, oldFirmNames);
        expect(again).toEqual(original);
      }),
      RUNS,
    );
  });

  test('hands the optimizer the same problem: the same work whatever the ids', () => {
    fc.assert(
      fc.property(instances, ([instance, seed]) => {
        fc.pre(!hasTwins(instance));
        expect(buildCandidates(renamed(instance, seed).copy).problem).toEqual(buildCandidates(instance).problem);
      }),
      RUNS,
    );
  });
});
