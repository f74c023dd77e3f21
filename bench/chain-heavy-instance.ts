import { formatDay, toDay } from '../src/matching/core/calendar-days';
import { Instance, Seeker, Vacancy } from '../src/matching/core/types';
import { Random } from './instance-generator';

/**
 * The shape of test/e2e/factories/bulk-matching-data.ts (what api-responsiveness.bench.ts
 * runs through the service), seeded and without a database: every gap and seeker around one
 * spot with one skill, gaps of 45–104 days starting within 240 days, seekers available for
 * most of the year. Nearly every seeker can chain several gaps, so the candidate graph is one
 * huge chaining component: the case where deadlines were overrun.
 */
export function generateChainHeavyInstance(options: { seed: number; vacancies: number; seekers: number }): Instance {
  const random = new Random(options.seed);
  const center = { lat: 35 + random.integer(0, 1_000) / 2_000, lng: 127 + random.integer(0, 1_000) / 1_000 };
  const firmCount = Math.max(1, Math.ceil(options.vacancies / 10));
  const firms = Array.from({ length: firmCount }, (_, index) => ({
    id: `f-${index + 1}`,
    location: { lat: center.lat + (random.next() - 0.5) * 0.1, lng: center.lng + (random.next() - 0.5) * 0.1 },
  }));
  const firstLeave = toDay('2027-02-01');
  const vacancies: Vacancy[] = Array.from({ length: options.vacancies }, (_, index) => {
    const i = index + 1;
    const start = firstLeave + ((i * 7) % 240);
    return {
      id: `v-${String(i).padStart(5, '0')}`,
      firmId: firms[i % firmCount].id,
      location: firms[i % firmCount].location,
      start: formatDay(start),
      end: formatDay(start + 45 + ((i * 13) % 60)),
      weeklyHours: 40,
      hourlyWage: 11000 + (i % 5) * 500,
      requiredSkills: [{ code: 'bulk', level: 1 + (i % 3) }],
      preferredSkills: [],
      requiredCertifications: [],
    };
  });
  const availableFrom = toDay('2027-01-01');
  const seekers: Seeker[] = Array.from({ length: options.seekers }, (_, index) => {
    const i = index + 1;
    return {
      id: `s-${String(i).padStart(6, '0')}`,
      location: { lat: center.lat + (random.next() - 0.5) * 0.4, lng: center.lng + (random.next() - 0.5) * 0.4 },
      commuteMode: 'transit',
      maxCommuteMinutes: 60 + (i % 4) * 10,
      skills: [{ code: 'bulk', level: 1 + (i % 4) }],
      certifications: [],
      availability: [{ start: formatDay(availableFrom + random.integer(0, 119)), end: '2027-12-31' }],
      busy: [],
      weeklyHours: { min: 20, max: 40 },
      minHourlyWage: 10500 + (i % 6) * 300,
      waitingSince: formatDay(toDay('2026-01-01') + (i % 300)),
    };
  });
  return { vacancies, seekers, asOf: '2026-12-01' };
}

/** Sizes run only when asked for by name (`--size chain-1k`): not part of the default run. */
export const CHAIN_HEAVY_SIZES = [
  { name: 'chain-1k', options: { seed: 55, vacancies: 1_000, seekers: 5_000 } },
  { name: 'chain-2k', options: { seed: 66, vacancies: 2_000, seekers: 10_000 } },
] as const;
