import { formatDay, toDay } from '../src/matching/core/calendar-days';
import { CommuteMode, DateRange, Instance, Seeker, SkillLevel, Vacancy } from '../src/matching/core/types';

/**
 * Seeded, realistic matching instances: firms and seekers clustered around Korean national
 * industrial complexes, skills by occupation family, leave gaps by leave type with a handover
 * before the leave.
 */

export interface Complex {
  readonly name: string;
  readonly lat: number;
  readonly lng: number;
  /** Relative share of firms and seekers. */
  readonly share: number;
}

export const COMPLEXES: readonly Complex[] = [
  { name: '서울디지털국가산업단지', lat: 37.4813, lng: 126.8827, share: 3 },
  { name: '구미국가산업단지', lat: 36.1136, lng: 128.3446, share: 2 },
  { name: '반월·시화국가산업단지', lat: 37.3196, lng: 126.7595, share: 3 },
  { name: '남동국가산업단지', lat: 37.4030, lng: 126.7090, share: 2 },
  { name: '창원국가산업단지', lat: 35.2070, lng: 128.6510, share: 2 },
  { name: '울산미포국가산업단지', lat: 35.5200, lng: 129.3700, share: 2 },
  { name: '여수국가산업단지', lat: 34.8370, lng: 127.6880, share: 1 },
  { name: '광주첨단과학산업단지', lat: 35.2230, lng: 126.8460, share: 1 },
  { name: '오송생명과학단지', lat: 36.6330, lng: 127.3250, share: 1 },
  { name: '대덕연구개발특구', lat: 36.4250, lng: 127.3900, share: 1 },
];

interface OccupationFamily {
  readonly skills: readonly string[];
  readonly certifications: readonly string[];
  readonly preferred: readonly string[];
}

const FAMILIES: readonly OccupationFamily[] = [
  { skills: ['cnc-milling', 'cnc-turning', 'machining-setup'], certifications: ['machining-craftsman'], preferred: ['autocad'] },
  { skills: ['welding-gmaw', 'welding-tig', 'sheet-metal'], certifications: ['welding-craftsman'], preferred: ['blueprint-reading'] },
  { skills: ['smt-operation', 'soldering', 'pcb-testing'], certifications: ['electronics-craftsman'], preferred: ['ipc-a-610'] },
  { skills: ['chemical-process', 'lab-analysis', 'quality-inspection'], certifications: ['hazardous-materials'], preferred: ['gmp'] },
  { skills: ['forklift-operation', 'warehouse-management', 'shipping'], certifications: ['forklift'], preferred: ['wms'] },
  { skills: ['accounting', 'erp', 'payroll'], certifications: ['computerized-accounting'], preferred: ['excel'] },
  { skills: ['plc-programming', 'electrical-maintenance', 'automation'], certifications: ['electrician'], preferred: ['autocad'] },
  { skills: ['injection-molding', 'press-operation', 'quality-inspection'], certifications: [], preferred: ['sixsigma'] },
];

type LeaveType = 'maternity' | 'parental' | 'reduced-hours' | 'spouse-maternity' | 'sick';

/** Share of gaps by leave type, and their length in days. */
const LEAVE_TYPES: readonly { type: LeaveType; share: number; days: (random: Random) => number }[] = [
  { type: 'maternity', share: 0.25, days: () => 90 },
  { type: 'parental', share: 0.35, days: (random) => 30 * random.integer(3, 12) },
  { type: 'reduced-hours', share: 0.15, days: (random) => 30 * random.integer(3, 12) },
  { type: 'spouse-maternity', share: 0.15, days: () => 20 },
  { type: 'sick', share: 0.1, days: (random) => random.integer(14, 60) },
];

/** A version-4-shaped uuid from a seeded stream: ids in no relation to the data's order. */
export function seededUuid(random: Random): string {
  const hex = (digits: number) => Array.from({ length: digits }, () => Math.floor(random.next() * 16).toString(16)).join('');
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[Math.floor(random.next() * 4)]}${hex(3)}-${hex(12)}`;
}

/** Mulberry32: small, fast, seeded. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  integer(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  weighted<T>(items: readonly T[], weight: (item: T) => number): T {
    const total = items.reduce((sum, item) => sum + weight(item), 0);
    let draw = this.next() * total;
    for (const item of items) {
      draw -= weight(item);
      if (draw < 0) return item;
    }
    return items[items.length - 1];
  }

  /** Standard normal (Box–Muller). */
  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}

export interface GeneratorOptions {
  readonly seed: number;
  readonly vacancies: number;
  readonly seekers: number;
  /** Complexes in play (a region uses a few, the country all of them). */
  readonly complexes: readonly Complex[];
  /** Occupation families per seeker: more makes each seeker a candidate for more gaps. */
  readonly familiesPerSeeker: number;
  readonly firmsPerVacancy: number;
  /** Chance that a seeker has each skill of its families: lower makes fewer candidates per gap. */
  readonly skillProbability: number;
  /**
   * 'uuid' (default): uuid-shaped ids like the service's, drawn from a stream of their own so
   * that the data is the same as with 'sequential' (v-00001, s-000001 in generation order).
   */
  readonly ids?: 'uuid' | 'sequential';
}

const AS_OF = toDay('2026-01-05');
const HORIZON_DAYS = 540;

function around(random: Random, complex: Complex, spreadKm: number): { lat: number; lng: number } {
  const kmPerDegreeLat = 111.2;
  const kmPerDegreeLng = 111.2 * Math.cos((complex.lat * Math.PI) / 180);
  return {
    lat: Number((complex.lat + (random.normal() * spreadKm) / kmPerDegreeLat).toFixed(5)),
    lng: Number((complex.lng + (random.normal() * spreadKm) / kmPerDegreeLng).toFixed(5)),
  };
}

function range(start: number, end: number): DateRange {
  return { start: formatDay(start), end: formatDay(end) };
}

export function generateInstance(options: GeneratorOptions): Instance {
  const random = new Random(options.seed);
  const idStream = new Random(options.seed ^ 0x5eed5eed);
  const idOf = (prefix: string, index: number, digits: number) =>
    options.ids === 'sequential' ? `${prefix}-${String(index + 1).padStart(digits, '0')}` : seededUuid(idStream);
  const firmCount = Math.max(1, Math.round(options.vacancies * options.firmsPerVacancy));
  const firms = Array.from({ length: firmCount }, (_, index) => {
    const complex = random.weighted(options.complexes, (c) => c.share);
    return { id: options.ids === 'sequential' ? `f-${index + 1}` : seededUuid(idStream), location: around(random, complex, 1.5), family: random.integer(0, FAMILIES.length - 1) };
  });

  const vacancies: Vacancy[] = Array.from({ length: options.vacancies }, (_, index) => {
    const firm = random.pick(firms);
    const family = FAMILIES[random.next() < 0.8 ? firm.family : random.integer(0, FAMILIES.length - 1)];
    const leave = random.weighted(LEAVE_TYPES, (type) => type.share);
    const handover = leave.type === 'spouse-maternity' ? random.integer(0, 2) : random.integer(3, 14);
    const leaveStart = AS_OF + random.integer(14, HORIZON_DAYS - 60);
    const start = leaveStart - handover;
    const end = leaveStart + leave.days(random) - 1;
    const requiredCount = random.next() < 0.6 ? 1 : 2;
    const requiredSkills = pickDistinct(random, family.skills, requiredCount).map((code) => ({ code, level: random.integer(1, 3) }));
    return {
      id: idOf('v', index, 5),
      firmId: firm.id,
      location: firm.location,
      start: formatDay(start),
      end: formatDay(end),
      weeklyHours: leave.type === 'reduced-hours' ? random.pick([15, 20, 25, 30]) : random.pick([40, 40, 40, 35]),
      hourlyWage: 10030 + 10 * random.integer(0, 900),
      requiredSkills,
      preferredSkills: random.next() < 0.5 ? [{ code: random.pick(family.preferred), level: random.integer(1, 3) }] : [],
      requiredCertifications: family.certifications.length > 0 && random.next() < 0.25 ? [family.certifications[0]] : [],
      ...(random.next() < 0.2 ? { maxCommuteMinutes: random.pick([45, 60, 75]) } : {}),
    };
  });

  const seekers: Seeker[] = Array.from({ length: options.seekers }, (_, index) => {
    const complex = random.weighted(options.complexes, (c) => c.share);
    const families = pickDistinct(random, FAMILIES, options.familiesPerSeeker);
    const skills: SkillLevel[] = [];
    const certifications = new Set<string>();
    for (const family of families) {
      for (const code of family.skills) if (random.next() < options.skillProbability) skills.push({ code, level: random.integer(1, 5) });
      if (random.next() < 0.5) skills.push({ code: random.pick(family.preferred), level: random.integer(1, 5) });
      for (const certification of family.certifications) if (random.next() < 0.5) certifications.add(certification);
    }
    const commuteMode: CommuteMode = random.weighted(
      [
        { mode: 'transit' as const, share: 0.5 },
        { mode: 'car' as const, share: 0.38 },
        { mode: 'bicycle' as const, share: 0.08 },
        { mode: 'walk' as const, share: 0.04 },
      ],
      (item) => item.share,
    ).mode;
    const availableFrom = AS_OF + (random.next() < 0.6 ? 0 : random.integer(0, 180));
    const availableTo = random.next() < 0.7 ? AS_OF + HORIZON_DAYS + 400 : availableFrom + random.integer(120, 400);
    const busyStart = availableFrom + random.integer(0, 300);
    const busy = random.next() < 0.15 ? [range(busyStart, busyStart + random.integer(20, 90))] : [];
    const minHours = random.pick([15, 20, 30, 35, 40]);
    return {
      id: idOf('s', index, 6),
      location: around(random, complex, 8),
      commuteMode,
      maxCommuteMinutes: commuteMode === 'walk' ? 40 : random.pick([30, 45, 60, 60, 75, 90]),
      skills: uniqueSkills(skills),
      certifications: [...certifications],
      availability: [range(availableFrom, availableTo)],
      busy,
      weeklyHours: { min: minHours, max: Math.max(minHours, random.pick([30, 40, 40, 52])) },
      ...(random.next() < 0.5 ? { minHourlyWage: 10030 + 10 * random.integer(0, 400) } : {}),
      ...(random.next() < 0.7 ? { waitingSince: formatDay(AS_OF - random.integer(0, 500)) } : {}),
    };
  });

  return { vacancies, seekers, asOf: formatDay(AS_OF) };
}

function pickDistinct<T>(random: Random, items: readonly T[], count: number): T[] {
  const pool = [...items];
  const picked: T[] = [];
  while (picked.length < count && pool.length > 0) picked.push(pool.splice(Math.floor(random.next() * pool.length), 1)[0]);
  return picked;
}

function uniqueSkills(skills: SkillLevel[]): SkillLevel[] {
  const best = new Map<string, number>();
  for (const skill of skills) best.set(skill.code, Math.max(best.get(skill.code) ?? 0, skill.level));
  return [...best.entries()].map(([code, level]) => ({ code, level }));
}

export interface BenchSize {
  readonly name: string;
  readonly options: GeneratorOptions;
}

const capitalRegion = COMPLEXES.filter((complex) => ['서울디지털국가산업단지', '반월·시화국가산업단지', '남동국가산업단지'].includes(complex.name));

export const BENCH_SIZES: readonly BenchSize[] = [
  { name: 'small', options: { seed: 11, vacancies: 50, seekers: 500, complexes: [COMPLEXES[1]], familiesPerSeeker: 1, firmsPerVacancy: 0.5, skillProbability: 0.7 } },
  { name: 'regional', options: { seed: 22, vacancies: 500, seekers: 5000, complexes: capitalRegion, familiesPerSeeker: 1, firmsPerVacancy: 0.4, skillProbability: 0.7 } },
  { name: 'national', options: { seed: 33, vacancies: 5000, seekers: 50000, complexes: COMPLEXES, familiesPerSeeker: 1, firmsPerVacancy: 0.4, skillProbability: 0.3 } },
  { name: 'national-scarce', options: { seed: 44, vacancies: 5000, seekers: 5000, complexes: COMPLEXES, familiesPerSeeker: 3, firmsPerVacancy: 0.4, skillProbability: 0.7 } },
];
