import { Instance, Seeker, Vacancy } from '../../../../src/matching/core/types';

/** A vacancy that every `aSeeker()` fits; override what a test is about. */
export function aVacancy(overrides: Partial<Vacancy> = {}): Vacancy {
  return {
    id: 'v-1',
    firmId: 'f-1',
    location: { lat: 37.5, lng: 127.0 },
    start: '2026-03-02',
    end: '2026-03-31',
    weeklyHours: 40,
    hourlyWage: 12000,
    requiredSkills: [],
    preferredSkills: [],
    requiredCertifications: [],
    ...overrides,
  };
}

export function aSeeker(overrides: Partial<Seeker> = {}): Seeker {
  return {
    id: 's-1',
    location: { lat: 37.5, lng: 127.0 },
    commuteMode: 'walk',
    maxCommuteMinutes: 60,
    skills: [],
    certifications: [],
    availability: [{ start: '2026-03-02', end: '2026-03-31' }],
    busy: [],
    weeklyHours: { min: 20, max: 40 },
    ...overrides,
  };
}

export function anInstance(overrides: Partial<Instance> = {}): Instance {
  return { vacancies: [aVacancy()], seekers: [aSeeker()], ...overrides };
}
