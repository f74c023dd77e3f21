import { formatDay, toDay } from '../src/matching/core/calendar-days';
import { CommuteMode, Instance, Seeker, SkillLevel, Vacancy } from '../src/matching/core/types';
import { OCCUPATIONS } from '../scripts/demo-data/occupations';
import { COMPLEXES, Complex, Random, seededUuid } from './instance-generator';

/**
 * Service-shaped instances: what the instance builder hands the engine, without a database.
 * Ids are uuids (as the service's), gaps follow the real mix of leave types with their lawful
 * lengths and handovers (the demo seed's shares, scripts/seed-demo.ts), seekers are drawn
 * like the demo's (occupation skills at levels 2–4, a second family for some, one or two
 * availability windows, confirmed placements as busy time) and some pairs were rejected
 * before (blockedPairs). Few candidates per gap: the sparse shape the service sees.
 */

export interface RealisticOptions {
  readonly seed: number;
  readonly vacancies: number;
  readonly seekers: number;
  readonly complexes: readonly Complex[];
}

type LeaveType = 'maternity' | 'parental' | 'reduced_hours' | 'spouse_maternity' | 'infertility_treatment' | 'other';

/** Shares as in scripts/seed-demo.ts; days of leave and handover days before it. */
const LEAVE_TYPES: readonly { type: LeaveType; share: number; days: (r: Random) => number; handover: (r: Random) => number }[] = [
  { type: 'maternity', share: 14, days: (r) => (r.next() < 0.15 ? 120 : 90), handover: (r) => r.integer(7, 30) },
  { type: 'parental', share: 16, days: (r) => 30 * (r.next() < 0.15 ? r.integer(13, 18) : r.integer(3, 12)), handover: (r) => r.integer(7, 30) },
  { type: 'reduced_hours', share: 10, days: (r) => 30 * r.integer(3, 12), handover: (r) => r.integer(0, 7) },
  { type: 'spouse_maternity', share: 6, days: (r) => r.integer(10, 20), handover: () => 0 },
  { type: 'infertility_treatment', share: 5, days: (r) => r.integer(3, 6), handover: () => 0 },
  { type: 'other', share: 9, days: (r) => r.integer(30, 120), handover: (r) => r.integer(0, 14) },
];

const COMMUTE_CHOICES: readonly { mode: CommuteMode; share: number; minutes: readonly number[]; homeKm: number }[] = [
  { mode: 'transit', share: 50, minutes: [45, 60, 75, 90], homeKm: 14 },
  { mode: 'car', share: 25, minutes: [30, 40, 50, 60], homeKm: 14 },
  { mode: 'bicycle', share: 15, minutes: [20, 30, 40], homeKm: 7 },
  { mode: 'walk', share: 10, minutes: [15, 20, 30], homeKm: 2.5 },
];

const AS_OF = toDay('2027-03-02');

function nearby(random: Random, center: { lat: number; lng: number }, maxKm: number, minKm = 0) {
  const km = minKm + Math.sqrt(random.next()) * (maxKm - minKm);
  const bearing = random.next() * 2 * Math.PI;
  return {
    lat: Number((center.lat + (km / 111.32) * Math.cos(bearing)).toFixed(5)),
    lng: Number((center.lng + (km / (111.32 * Math.cos((center.lat * Math.PI) / 180))) * Math.sin(bearing)).toFixed(5)),
  };
}

function sample<T>(random: Random, items: readonly T[], count: number): T[] {
  const pool = [...items];
  const chosen: T[] = [];
  while (chosen.length < count && pool.length > 0) chosen.push(pool.splice(Math.floor(random.next() * pool.length), 1)[0]);
  return chosen;
}

export function generateRealisticInstance(options: RealisticOptions): Instance {
  const random = new Random(options.seed);
  const firmCount = Math.max(1, Math.round(options.vacancies / 4));
  const firms = Array.from({ length: firmCount }, () => {
    const complex = random.weighted(options.complexes, (c) => c.share);
    return { id: seededUuid(random), complex, site: nearby(random, complex, 1.8, 0.2) };
  });

  const vacancies: Vacancy[] = Array.from({ length: options.vacancies }, () => {
    const firm = random.pick(firms);
    const job = random.pick(OCCUPATIONS);
    const leave = random.weighted(LEAVE_TYPES, (type) => type.share);
    const leaveStart = AS_OF + random.integer(0, 240);
    const start = leaveStart - leave.handover(random);
    const end = leaveStart + leave.days(random) - 1;
    const [required, ...others] = sample(random, job.skills, random.integer(2, 3));
    const requiredSkills: SkillLevel[] = [{ code: required, level: random.integer(1, 3) }];
    if (others.length > 1) requiredSkills.push({ code: others.pop()!, level: random.integer(1, 2) });
    const needsCertification = job.certification !== undefined && random.next() < 0.35;
    return {
      id: seededUuid(random),
      firmId: firm.id,
      location: firm.site,
      // A gap that has already started keeps only the days that remain (the service's rule).
      start: formatDay(Math.max(start, AS_OF)),
      end: formatDay(end),
      weeklyHours: leave.type === 'reduced_hours' ? random.pick([10, 15, 20, 25]) : 40,
      hourlyWage: Math.ceil(random.integer(job.wage.min, job.wage.max) / 10) * 10,
      requiredSkills,
      preferredSkills: others.map((code) => ({ code, level: 2 })),
      requiredCertifications: needsCertification ? [job.certification!] : [],
      ...(random.next() < 0.3 ? { maxCommuteMinutes: random.pick([60, 90]) } : {}),
    };
  });

  const seekers: Seeker[] = Array.from({ length: options.seekers }, () => {
    const complex = random.weighted(options.complexes, (c) => c.share);
    const job = random.pick(OCCUPATIONS);
    const skills = sample(random, job.skills, random.integer(2, 4)).map((code) => ({ code, level: random.integer(2, 4) }));
    if (random.next() < 0.3) {
      for (const code of sample(random, random.pick(OCCUPATIONS).skills, random.integer(1, 2))) {
        if (!skills.some((skill) => skill.code === code)) skills.push({ code, level: random.integer(1, 3) });
      }
    }
    const certifications = new Set<string>();
    if (job.certification && random.next() < 0.55) certifications.add(job.certification);
    if (random.next() < 0.1) certifications.add('forklift');
    const commute = random.weighted(COMMUTE_CHOICES, (choice) => choice.share);
    const roll = random.next();
    const weeklyHours =
      roll < 0.55
        ? { min: random.pick([30, 35, 40]), max: 40 }
        : roll < 0.8
          ? { min: 15, max: random.pick([25, 30]) }
          : { min: random.pick([10, 20]), max: 40 };
    const firstFree = AS_OF - random.integer(0, 60);
    const firstEnd = firstFree + random.integer(150, 450);
    const availability = [{ start: formatDay(firstFree), end: formatDay(firstEnd) }];
    if (random.next() < 0.25) {
      const later = firstEnd + random.integer(20, 90);
      availability.push({ start: formatDay(later), end: formatDay(later + random.integer(60, 240)) });
    }
    const busyStart = AS_OF + random.integer(0, 200);
    const busy = random.next() < 0.1 ? [{ start: formatDay(busyStart), end: formatDay(busyStart + random.integer(20, 120)) }] : [];
    return {
      id: seededUuid(random),
      location: nearby(random, complex, commute.homeKm, 0.3),
      commuteMode: commute.mode,
      maxCommuteMinutes: random.pick(commute.minutes),
      skills,
      certifications: [...certifications],
      availability,
      busy,
      weeklyHours,
      ...(random.next() < 0.55 ? { minHourlyWage: Math.round(random.integer(10_400, 13_500) / 100) * 100 } : {}),
      ...(random.next() < 0.03 ? { blockedFirmIds: [random.pick(firms).id] } : {}),
      waitingSince: formatDay(AS_OF - random.integer(0, 400)),
    };
  });

  // Proposals rejected in earlier runs: a few hundred pairs, never proposed again.
  const blocked = new Map<string, { vacancyId: string; seekerId: string }>();
  for (let i = 0; i < Math.round(options.vacancies * 0.1); i++) {
    const pair = { vacancyId: random.pick(vacancies).id, seekerId: random.pick(seekers).id };
    blocked.set(`${pair.vacancyId}/${pair.seekerId}`, pair);
  }
  return { vacancies, seekers, blockedPairs: [...blocked.values()], asOf: formatDay(AS_OF) };
}


/** Run by default beside the generator's sizes. */
export const REALISTIC_SIZES = [
  { name: 'realistic-500', options: { seed: 77, vacancies: 500, seekers: 5_000, complexes: COMPLEXES } },
  { name: 'realistic-2k', options: { seed: 88, vacancies: 2_000, seekers: 20_000, complexes: COMPLEXES } },
] as const;
