import fc from 'fast-check';
import { formatDay, toDay } from '../../../../src/matching/core/calendar-days';
import { COMMUTE_MODES, CommuteMode, Instance, SCORE_PARTS, Seeker, Vacancy } from '../../../../src/matching/core/types';

/**
 * Small random instances that stay valid but crowd the edge cases: a few seekers within a few
 * kilometres and a month of days, so windows touch, periods overlap and limits bind.
 */

const BASE_DAY = toDay('2026-03-01');
const SKILL_CODES = ['cnc', 'weld'];
const CERTIFICATIONS = ['forklift', 'crane'];
const FIRM_IDS = ['f-1', 'f-2', 'f-3'];

const dayRange = (maxOffset: number, maxLength: number, minLength = 1) =>
  fc.record({ offset: fc.integer({ min: 0, max: maxOffset }), length: fc.integer({ min: minLength, max: maxLength }) }).map(
    ({ offset, length }) => ({ start: formatDay(BASE_DAY + offset), end: formatDay(BASE_DAY + offset + length - 1) }),
  );

const location = fc.record({
  lat: fc.double({ min: 37.47, max: 37.53, noNaN: true }),
  lng: fc.double({ min: 126.97, max: 127.03, noNaN: true }),
});

const skills = (maxLength: number, maxLevel: number) =>
  fc.uniqueArray(fc.record({ code: fc.constantFrom(...SKILL_CODES), level: fc.integer({ min: 1, max: maxLevel }) }), {
    maxLength,
    selector: (skill) => skill.code,
  });

const certifications = fc.subarray(CERTIFICATIONS);

/** Usually the easy value, so that enough pairs are feasible to make seekers contested. */
const mostly = <T, U>(usual: fc.Arbitrary<T>, unusual: fc.Arbitrary<U>) =>
  fc.oneof({ arbitrary: usual, weight: 4 }, { arbitrary: unusual, weight: 1 });

const vacancy = fc.record({
  firmId: fc.constantFrom(...FIRM_IDS),
  location,
  period: dayRange(20, 10),
  weeklyHours: fc.integer({ min: 10, max: 45 }),
  hourlyWage: fc.integer({ min: 20, max: 26 }).map((steps) => steps * 500),
  requiredSkills: skills(1, 4),
  preferredSkills: skills(1, 5),
  requiredCertifications: fc.subarray(CERTIFICATIONS, { maxLength: 1 }),
  maxCommuteMinutes: fc.option(fc.integer({ min: 10, max: 90 }), { nil: undefined }),
});

const seeker = fc.record({
  location,
  commuteMode: fc.oneof(fc.constantFrom<CommuteMode>('car', 'transit'), fc.constantFrom(...COMMUTE_MODES)),
  maxCommuteMinutes: mostly(fc.integer({ min: 30, max: 90 }), fc.integer({ min: 0, max: 90 })),
  skills: mostly(fc.tuple(fc.integer({ min: 3, max: 5 }), fc.integer({ min: 3, max: 5 })).map(([cnc, weld]) => [
    { code: 'cnc', level: cnc },
    { code: 'weld', level: weld },
  ]), skills(2, 5)),
  certifications: mostly(fc.constant(CERTIFICATIONS), certifications),
  // Mostly one long window, sometimes pieces that touch or leave holes.
  availability: mostly(
    fc.tuple(dayRange(3, 40, 25)),
    fc.oneof(fc.array(dayRange(30, 25), { maxLength: 3 }), fc.tuple(dayRange(0, 12), dayRange(12, 25))),
  ),
  busy: mostly(fc.constant([]), fc.array(dayRange(30, 5), { maxLength: 2 })),
  hours: mostly(
    fc.tuple(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 40, max: 52 })),
    fc.tuple(fc.integer({ min: 1, max: 52 }), fc.integer({ min: 1, max: 52 })),
  ),
  minHourlyWage: fc.option(fc.integer({ min: 16, max: 25 }).map((steps) => steps * 500), { nil: undefined }),
  blockedFirmIds: mostly(fc.constant(undefined), fc.subarray(FIRM_IDS, { maxLength: 1 })),
  waitingSince: fc.option(dayRange(400, 1).map((range) => formatDay(toDay(range.start) - 400)), { nil: undefined }),
});

const pairReference = (vacancyCount: number, seekerCount: number) =>
  fc.record({ vacancy: fc.nat(vacancyCount - 1), seeker: fc.nat(seekerCount - 1) });

export function randomInstance(limits: { maxVacancies: number; maxSeekers: number }): fc.Arbitrary<Instance> {
  return fc
    .record({
      vacancies: fc.array(vacancy, { minLength: 1, maxLength: limits.maxVacancies }),
      seekers: fc.array(seeker, { minLength: 1, maxLength: limits.maxSeekers }),
      asOf: fc.option(fc.constant('2026-03-01'), { nil: undefined }),
      weights: fc.option(
        fc.dictionary(fc.constantFrom(...SCORE_PARTS), fc.integer({ min: 1, max: 5 }), { maxKeys: 3 }),
        { nil: undefined },
      ),
    })
    .chain((base) =>
      fc.record({
        base: fc.constant(base),
        blocked: fc.uniqueArray(pairReference(base.vacancies.length, base.seekers.length), {
          maxLength: 2,
          selector: (pair) => `${pair.vacancy}/${pair.seeker}`,
        }),
        overrides: fc.uniqueArray(
          fc.record({ pair: pairReference(base.vacancies.length, base.seekers.length), minutes: fc.integer({ min: 0, max: 100 }) }),
          { maxLength: 3, selector: (entry) => `${entry.pair.vacancy}/${entry.pair.seeker}` },
        ),
      }),
    )
    .map(({ base, blocked, overrides }) => {
      const vacancies: Vacancy[] = base.vacancies.map(({ period, maxCommuteMinutes, ...rest }, index) => ({
        id: `v-${index}`,
        ...rest,
        ...period,
        ...(maxCommuteMinutes === undefined ? {} : { maxCommuteMinutes }),
      }));
      const seekers: Seeker[] = base.seekers.map(({ hours, minHourlyWage, blockedFirmIds, waitingSince, ...rest }, index) => ({
        id: `s-${index}`,
        ...rest,
        weeklyHours: { min: Math.min(...hours), max: Math.max(...hours) },
        ...(minHourlyWage === undefined ? {} : { minHourlyWage }),
        ...(blockedFirmIds === undefined ? {} : { blockedFirmIds }),
        ...(waitingSince === undefined ? {} : { waitingSince }),
      }));
      return {
        vacancies,
        seekers,
        blockedPairs: blocked.map((pair) => ({ vacancyId: `v-${pair.vacancy}`, seekerId: `s-${pair.seeker}` })),
        commuteMinutes: overrides.map((entry) => ({
          vacancyId: `v-${entry.pair.vacancy}`,
          seekerId: `s-${entry.pair.seeker}`,
          minutes: entry.minutes,
        })),
        ...(base.asOf === undefined ? {} : { asOf: base.asOf }),
        ...(base.weights === undefined ? {} : { weights: base.weights }),
      };
    });
}
