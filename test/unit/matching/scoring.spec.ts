import fc from 'fast-check';
import { match } from '../../../src/matching/core/match';
import { rankCandidates } from '../../../src/matching/core/rank-candidates';
import { apportionHundredths, DEFAULT_WEIGHTS } from '../../../src/matching/core/scoring';
import { Instance, Seeker, Vacancy } from '../../../src/matching/core/types';
import { aSeeker, aVacancy, anInstance } from './support/instance-builders';
import { randomInstance } from './support/random-instance';

const RUNS = { seed: 20260302, numRuns: 200 };

function scoreOf(vacancy: Partial<Vacancy>, seeker: Partial<Seeker>, extra: Partial<Instance> = {}) {
  const ranking = rankCandidates(anInstance({ vacancies: [aVacancy(vacancy)], seekers: [aSeeker(seeker)], ...extra }), 'v-1', 1);
  const [candidate] = ranking!.candidates;
  if (!candidate) throw new Error('the pair is not feasible');
  return candidate;
}

const minutes = (value: number) => ({ commuteMinutes: [{ vacancyId: 'v-1', seekerId: 's-1', minutes: value }] });
const ordered = (a: number, b: number) => [Math.min(a, b), Math.max(a, b)];

describe('score', () => {
  test('a perfect pair without asOf scores 100 minus half the waiting weight', () => {
    const { score, breakdown } = scoreOf({}, {});
    expect(score).toBe(100 - DEFAULT_WEIGHTS.waiting / 2);
    expect(breakdown).toEqual({ skills: 25, preferredSkills: 15, commute: 25, dateFit: 10, wage: 10, waiting: 7.5 });
  });

  test('each part is its weight times its factor: commute 1 - minutes/limit, waiting days/365', () => {
    const { breakdown } = scoreOf({}, { waitingSince: '2025-09-01' }, { ...minutes(45), asOf: '2026-03-01' });
    expect(breakdown.commute).toBe(6.25);
    expect(breakdown.waiting).toBe(Math.round(1500 * (181 / 365)) / 100);
  });

  test('weights rescale the parts; a zero weight removes a part', () => {
    const { score, breakdown } = scoreOf({}, {}, { ...minutes(30), weights: { skills: 0, preferredSkills: 0, dateFit: 0, wage: 0, waiting: 0 } });
    expect(score).toBe(50);
    expect(breakdown.commute).toBe(50);
  });

  test('parts always add up exactly to the score', () => {
    expect(apportionHundredths([1000 / 3, 1000 / 3, 1000 / 3])).toEqual({ score: 1000, parts: [334, 333, 333] });
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 2000, noNaN: true }), { minLength: 1, maxLength: 6 }), (exact) => {
        const { score, parts } = apportionHundredths(exact);
        expect(parts.reduce((sum, part) => sum + part, 0)).toBe(score);
        expect(Math.abs(score - exact.reduce((sum, value) => sum + value, 0))).toBeLessThanOrEqual(0.5 + 1e-6);
        parts.forEach((part, index) => expect(Math.abs(part - exact[index])).toBeLessThan(1 + 1e-6));
      }),
      RUNS,
    );
  });

  test('a shorter commute never lowers the score', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 60, noNaN: true }), fc.double({ min: 0, max: 60, noNaN: true }), (a, b) => {
        const [shorter, longer] = ordered(a, b);
        expect(scoreOf({}, {}, minutes(shorter)).score).toBeGreaterThanOrEqual(scoreOf({}, {}, minutes(longer)).score);
      }),
      RUNS,
    );
  });

  test('waiting longer never lowers the score', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 800 }), fc.integer({ min: 0, max: 800 }), (a, b) => {
        const [fewer, more] = ordered(a, b);
        const since = (days: number) => new Date(Date.UTC(2026, 2, 1) - days * 86_400_000).toISOString().slice(0, 10);
        const asOf = { asOf: '2026-03-01' };
        expect(scoreOf({}, { waitingSince: since(more) }, asOf).score).toBeGreaterThanOrEqual(
          scoreOf({}, { waitingSince: since(fewer) }, asOf).score,
        );
      }),
      RUNS,
    );
  });

  test('a higher wage or a higher skill level never lowers the score', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 10000, max: 20000 }),
        fc.integer({ min: 10000, max: 20000 }),
        fc.integer({ min: 2, max: 5 }),
        fc.integer({ min: 2, max: 5 }),
        (wageA, wageB, levelA, levelB) => {
          const [lowWage, highWage] = ordered(wageA, wageB);
          const [lowLevel, highLevel] = ordered(levelA, levelB);
          const seeker = (level: number) => ({ minHourlyWage: 10000, skills: [{ code: 'cnc', level }, { code: 'cad', level }] });
          const vacancy = (wage: number) => ({
            hourlyWage: wage,
            requiredSkills: [{ code: 'cnc', level: 2 }],
            preferredSkills: [{ code: 'cad', level: 4 }],
          });
          expect(scoreOf(vacancy(highWage), seeker(lowLevel)).score).toBeGreaterThanOrEqual(scoreOf(vacancy(lowWage), seeker(lowLevel)).score);
          expect(scoreOf(vacancy(lowWage), seeker(highLevel)).score).toBeGreaterThanOrEqual(scoreOf(vacancy(lowWage), seeker(lowLevel)).score);
        },
      ),
      RUNS,
    );
  });

  test('asOf, waitingSince and weights change scores only, never which pairs are feasible', () => {
    fc.assert(
      fc.property(randomInstance({ maxVacancies: 4, maxSeekers: 4 }), (instance) => {
        const { asOf: _asOf, weights: _weights, ...rest } = instance;
        const stripped = { ...rest, seekers: instance.seekers.map(({ waitingSince: _since, ...seeker }) => seeker) };
        const pairsOf = (input: Instance) =>
          match(input, { candidates: true }).candidates!.map((pair) => `${pair.vacancyId}/${pair.seekerId}`).sort();
        expect(pairsOf(instance)).toEqual(pairsOf(stripped));
      }),
      RUNS,
    );
  });
});
