import { validateInstance } from '../../../src/matching/core/validate-instance';
import { aSeeker, aVacancy, anInstance } from './support/instance-builders';

function problemsOf(raw: unknown): string[] {
  const validation = validateInstance(raw);
  return validation.ok ? [] : validation.problems;
}

/** The instance as plain JSON that a test can break in ways the types would not allow. */
const json = (value: unknown): any => JSON.parse(JSON.stringify(value));

describe('validateInstance', () => {
  test('accepts a valid instance and returns it', () => {
    const instance = anInstance({
      blockedPairs: [{ vacancyId: 'v-1', seekerId: 's-1' }],
      commuteMinutes: [{ vacancyId: 'v-1', seekerId: 's-1', minutes: 12.5 }],
      asOf: '2026-02-28',
      weights: { commute: 2, waiting: 0 },
    });
    expect(validateInstance(instance)).toEqual({ ok: true, instance });
  });

  test('rejects what is not an object', () => {
    expect(problemsOf(null)).toEqual(['instance: must be an object']);
    expect(problemsOf([])).toEqual(['instance: must be an object']);
  });

  test('names missing top-level lists', () => {
    expect(problemsOf({})).toEqual(['vacancies: required', 'seekers: required']);
  });

  test('rejects unknown fields at every level', () => {
    const raw = json(anInstance());
    raw.colour = 'red';
    raw.vacancies[0].colour = 'red';
    raw.vacancies[0].location.alt = 10;
    raw.seekers[0].availability[0].note = 'x';
    raw.seekers[0].weeklyHours.typical = 30;
    raw.seekers[0].skills = [{ code: 'cnc', level: 2, since: 2010 }];
    expect(problemsOf(raw)).toEqual([
      'colour: unknown field',
      'vacancies[0].colour: unknown field',
      'vacancies[0].location.alt: unknown field',
      'seekers[0].skills[0].since: unknown field',
      'seekers[0].availability[0].note: unknown field',
      'seekers[0].weeklyHours.typical: unknown field',
    ]);
  });

  test('names each missing required field', () => {
    const raw = json(anInstance());
    delete raw.vacancies[0].preferredSkills;
    delete raw.seekers[0].busy;
    expect(problemsOf(raw)).toEqual(['vacancies[0].preferredSkills: required', 'seekers[0].busy: required']);
  });

  test('dates must be real calendar dates written YYYY-MM-DD, and periods must not run backwards', () => {
    const vacancies = [
      aVacancy({ id: 'v-1', start: '2026-02-30' }),
      aVacancy({ id: 'v-2', end: '2026-3-31' }),
      aVacancy({ id: 'v-3', start: '2026-03-02T00:00:00Z' }),
      aVacancy({ id: 'v-4', start: '2026-04-01', end: '2026-03-31' }),
    ];
    const seekers = [aSeeker({ availability: [{ start: '2026-03-10', end: '2026-03-09' }], waitingSince: '2025-13-01' })];
    expect(problemsOf(anInstance({ vacancies, seekers, asOf: '24.11.2026' }))).toEqual([
      'vacancies[0].start: must be a calendar date YYYY-MM-DD',
      'vacancies[1].end: must be a calendar date YYYY-MM-DD',
      'vacancies[2].start: must be a calendar date YYYY-MM-DD',
      'vacancies[3].end: must not be before start',
      'seekers[0].availability[0].end: must not be before start',
      'seekers[0].waitingSince: must be a calendar date YYYY-MM-DD',
      'asOf: must be a calendar date YYYY-MM-DD',
    ]);
  });

  test('accepts 29 February only in leap years', () => {
    expect(problemsOf(anInstance({ asOf: '2028-02-29' }))).toEqual([]);
    expect(problemsOf(anInstance({ asOf: '2100-02-29' }))).toEqual(['asOf: must be a calendar date YYYY-MM-DD']);
  });

  test('checks numeric ranges: hours, wages, levels, coordinates, commute limits', () => {
    const vacancy = aVacancy({
      weeklyHours: 53,
      hourlyWage: 12000.5,
      location: { lat: 91, lng: -181 },
      requiredSkills: [{ code: 'cnc', level: 0 }],
      preferredSkills: [{ code: 'cad', level: 2.5 }],
      maxCommuteMinutes: -1,
    });
    const seeker = aSeeker({
      weeklyHours: { min: 0, max: 40 },
      minHourlyWage: -1,
      maxCommuteMinutes: Number.NaN,
    });
    expect(problemsOf(json(anInstance({ vacancies: [vacancy], seekers: [seeker] })))).toEqual([
      'vacancies[0].location.lat: must be a number from -90 to 90',
      'vacancies[0].location.lng: must be a number from -180 to 180',
      'vacancies[0].weeklyHours: must be a number from 1 to 52',
      'vacancies[0].hourlyWage: must be an integer ≥ 0',
      'vacancies[0].requiredSkills[0].level: must be an integer from 1 to 5',
      'vacancies[0].preferredSkills[0].level: must be an integer from 1 to 5',
      'vacancies[0].maxCommuteMinutes: must be a number ≥ 0',
      // NaN becomes null in JSON: still not a number.
      'seekers[0].maxCommuteMinutes: must be a number ≥ 0',
      'seekers[0].weeklyHours.min: must be a number from 1 to 52',
      'seekers[0].minHourlyWage: must be an integer ≥ 0',
    ]);
  });

  test('weekly hours: max must not be below min', () => {
    const seekers = [aSeeker({ weeklyHours: { min: 40, max: 20 } })];
    expect(problemsOf(anInstance({ seekers }))).toEqual(['seekers[0].weeklyHours.max: must not be less than min']);
  });

  test('commute mode must be one of the modelled modes', () => {
    const raw = json(anInstance());
    raw.seekers[0].commuteMode = 'scooter';
    expect(problemsOf(raw)).toEqual(['seekers[0].commuteMode: must be one of transit, car, bicycle, walk']);
  });

  test('reports duplicate ids, skills, certifications and blocked firms', () => {
    const vacancies = [
      aVacancy({ id: 'v-1', requiredSkills: [{ code: 'cnc', level: 1 }, { code: 'cnc', level: 2 }] }),
      aVacancy({ id: 'v-1', requiredCertifications: ['forklift', 'forklift'] }),
    ];
    const seekers = [aSeeker({ id: 's-1', blockedFirmIds: ['f-1', 'f-1'] }), aSeeker({ id: 's-1' })];
    expect(problemsOf(anInstance({ vacancies, seekers }))).toEqual([
      'vacancies[0].requiredSkills[1].code: duplicate skill "cnc" (also vacancies[0].requiredSkills[0].code)',
      'vacancies[1].id: duplicate vacancy id "v-1" (also vacancies[0].id)',
      'vacancies[1].requiredCertifications[1]: duplicate certification "forklift" (also vacancies[1].requiredCertifications[0])',
      'seekers[0].blockedFirmIds[1]: duplicate firm id "f-1" (also seekers[0].blockedFirmIds[0])',
      'seekers[1].id: duplicate seeker id "s-1" (also seekers[0].id)',
    ]);
  });

  test('ids and codes must be non-empty strings', () => {
    const raw = json(anInstance());
    raw.vacancies[0].id = '';
    raw.vacancies[0].firmId = 7;
    raw.seekers[0].certifications = [''];
    expect(problemsOf(raw)).toEqual([
      'vacancies[0].id: must be a non-empty string',
      'vacancies[0].firmId: must be a non-empty string',
      'seekers[0].certifications[0]: must be a non-empty string',
    ]);
  });

  test('blocked pairs and commute minutes must name existing ids, once per pair', () => {
    const instance = anInstance({
      blockedPairs: [
        { vacancyId: 'v-9', seekerId: 's-1' },
        { vacancyId: 'v-1', seekerId: 's-1' },
        { vacancyId: 'v-1', seekerId: 's-1' },
      ],
      commuteMinutes: [
        { vacancyId: 'v-1', seekerId: 's-9', minutes: 10 },
        { vacancyId: 'v-1', seekerId: 's-1', minutes: -5 },
        { vacancyId: 'v-1', seekerId: 's-1', minutes: 10 },
      ],
    });
    expect(problemsOf(instance)).toEqual([
      'blockedPairs[0].vacancyId: no vacancy with id "v-9"',
      'blockedPairs[2]: duplicate pair (also blockedPairs[1])',
      'commuteMinutes[0].seekerId: no seeker with id "s-9"',
      'commuteMinutes[1].minutes: must be a number ≥ 0',
      'commuteMinutes[2]: duplicate pair (also commuteMinutes[1])',
    ]);
  });

  test('weights: only breakdown parts, finite and non-negative, not all zero', () => {
    expect(problemsOf(json(anInstance({ weights: { colour: 1, commute: -1 } as never })))).toEqual([
      'weights.colour: unknown field',
      'weights.commute: must be a number ≥ 0',
    ]);
    const allZero = { skills: 0, preferredSkills: 0, commute: 0, dateFit: 0, wage: 0, waiting: 0 };
    expect(problemsOf(anInstance({ weights: allZero }))).toEqual(['weights: must not all be zero']);
    expect(problemsOf(anInstance({ weights: { ...allZero, wage: 1 } }))).toEqual([]);
  });

  test('collects every problem instead of stopping at the first', () => {
    const raw = json(anInstance());
    raw.vacancies[0].weeklyHours = 0;
    raw.vacancies[0].end = '2026-01-01';
    raw.seekers[0].location = 'Seoul';
    raw.weights = 3;
    expect(problemsOf(raw)).toEqual([
      'vacancies[0].end: must not be before start',
      'vacancies[0].weeklyHours: must be a number from 1 to 52',
      'seekers[0].location: must be an object',
      'weights: must be an object',
    ]);
  });
});
