import { pairFailures } from '../../../src/matching/core/feasibility';
import { prepareInstance } from '../../../src/matching/core/prepared-instance';
import { Instance, Seeker, Vacancy } from '../../../src/matching/core/types';
import { aSeeker, aVacancy, anInstance } from './support/instance-builders';

function failuresOf(vacancy: Partial<Vacancy>, seeker: Partial<Seeker>, extra: Partial<Instance> = {}) {
  const prepared = prepareInstance(anInstance({ vacancies: [aVacancy(vacancy)], seekers: [aSeeker(seeker)], ...extra }));
  return pairFailures(prepared.vacancies[0], prepared.seekers[0]).map(({ rule, detail }) => ({ rule, detail }));
}

describe('pair feasibility', () => {
  test('a pair meeting every rule has no failures', () => {
    expect(failuresOf({}, {})).toEqual([]);
  });

  test('skills: each missing or short skill, by how much', () => {
    const vacancy = { requiredSkills: [{ code: 'cnc-milling', level: 3 }, { code: 'welding', level: 2 }, { code: 'cad', level: 1 }] };
    const seeker = { skills: [{ code: 'cnc-milling', level: 2 }, { code: 'cad', level: 5 }] };
    expect(failuresOf(vacancy, seeker)).toEqual([
      { rule: 'skills', detail: 'cnc-milling level 2 < 3 required; welding missing (level 2 required)' },
    ]);
  });

  test('certifications: the missing ones', () => {
    expect(failuresOf({ requiredCertifications: ['forklift', 'crane'] }, { certifications: ['crane'] })).toEqual([
      { rule: 'certifications', detail: 'forklift missing' },
    ]);
  });

  test('dates: unavailable days and busy days inside the period', () => {
    const seeker = {
      availability: [{ start: '2026-03-02', end: '2026-03-09' }, { start: '2026-03-12', end: '2026-03-31' }],
      busy: [{ start: '2026-02-20', end: '2026-03-02' }, { start: '2026-03-20', end: '2026-03-20' }],
    };
    expect(failuresOf({}, seeker)).toEqual([
      { rule: 'dates', detail: 'unavailable 2026-03-10..2026-03-11; busy 2026-03-02; busy 2026-03-20' },
    ]);
  });

  test('dates: no availability at all', () => {
    expect(failuresOf({}, { availability: [] })).toEqual([{ rule: 'dates', detail: 'unavailable 2026-03-02..2026-03-31' }]);
  });

  test('hours, wage: which bound and by how much', () => {
    expect(failuresOf({ weeklyHours: 15 }, { minHourlyWage: 12500 })).toEqual([
      { rule: 'hours', detail: '15 h/week < 20 h/week minimum' },
      { rule: 'wage', detail: '12000 KRW/h < 12500 KRW/h minimum' },
    ]);
  });

  test("commute: the seeker's or the vacancy's limit, whichever is stricter", () => {
    const far = { location: { lat: 37.6, lng: 127.0 }, commuteMode: 'transit' as const };
    // 11.12 km by transit: 10 + 78 × 11.12 / 25 = 44.7 min.
    expect(failuresOf({}, { ...far, maxCommuteMinutes: 40 })).toEqual([{ rule: 'commute', detail: '44.7 min > 40 min' }]);
    expect(failuresOf({ maxCommuteMinutes: 30 }, far)).toEqual([{ rule: 'commute', detail: '44.7 min > 30 min (vacancy limit)' }]);
  });

  test('commute: a routing-engine value replaces the model, and is shown precisely when barely over', () => {
    const overrides = (minutes: number) => ({ commuteMinutes: [{ vacancyId: 'v-1', seekerId: 's-1', minutes }] });
    expect(failuresOf({}, {}, overrides(72))).toEqual([{ rule: 'commute', detail: '72 min > 60 min' }]);
    expect(failuresOf({}, {}, overrides(60.04))).toEqual([{ rule: 'commute', detail: '60.04 min > 60 min' }]);
    expect(failuresOf({}, {}, overrides(60))).toEqual([]);
  });

  test('blocked: the pair, the firm, or both', () => {
    const blockedPairs = [{ vacancyId: 'v-1', seekerId: 's-1' }];
    expect(failuresOf({}, { blockedFirmIds: ['f-1'] }, { blockedPairs })).toEqual([
      { rule: 'blocked', detail: 'pair blocked; firm f-1 blocked by seeker' },
    ]);
    expect(failuresOf({ firmId: 'f-2' }, { blockedFirmIds: ['f-1'] })).toEqual([]);
  });

  test('every failed rule is reported, in contract order', () => {
    const failures = failuresOf(
      { requiredSkills: [{ code: 'x', level: 1 }], requiredCertifications: ['y'], weeklyHours: 50, hourlyWage: 1 },
      { availability: [], minHourlyWage: 2, maxCommuteMinutes: 0, location: { lat: 37.6, lng: 127 }, blockedFirmIds: ['f-1'] },
    );
    expect(failures.map((failure) => failure.rule)).toEqual(['skills', 'certifications', 'dates', 'hours', 'wage', 'commute', 'blocked']);
  });
});
