/**
 * Fills a running chaeum with a realistic demo over its HTTP API: 30 firms in the two pilot
 * complexes, 60 leave gaps of every type and 400 job seekers living around the complexes.
 *
 *   npm start            # in one terminal (embedded database or DATABASE_URL)
 *   npm run seed:demo    # in another
 *
 * It goes through the API rather than the database so that it works on the embedded
 * database too (only the service may open its files) and every row passes the same checks.
 * The data is generated from a fixed seed per batch: the first run creates batch 1; each
 * further run finds the first batch whose firms are not registered yet (by business
 * registration number) and adds that one, so re-running never duplicates a firm.
 * The service's rate limit may make it pause (it waits for Retry-After on 429).
 *
 * It also creates demo accounts to sign in to the console with (one coordinator, one per
 * demo firm, three seekers) and prints them. Accounts are written like `npm run user:create`
 * does, straight into the service's database (DATABASE_URL, or the running service's embedded
 * database at EMBEDDED_DB_PORT): the API has no way to create a coordinator once one exists.
 */
import type { Role } from '../src/auth/principal';
import { TokenService } from '../src/auth/token.service';
import { EmailTakenError, SeekerHasAccountError, insertAccount } from '../src/users/accounts';
import { withScriptDatabase } from './support/script-database';
import { addDays } from '../src/common/calendar-date';
import { jwtSecretOf, loadEnvironment } from '../src/config/environment';
import { completeBusinessNumber } from '../src/firms/business-number';
import { lastDayOfMonthsFrom } from '../src/leave-gaps/leave-law';
import { LeaveType } from '../src/leave-gaps/leave-types';
import { MINIMUM_WAGE_RATES } from '../src/leave-gaps/minimum-wage';
import { DEMO_FIRMS, GUMI_COMPLEX, SEOUL_DIGITAL_COMPLEX } from './demo-data/firms';
import { FAMILY_WEIGHTS_BY_COMPLEX, OCCUPATIONS, Occupation } from './demo-data/occupations';
import { GIVEN_NAMES, SURNAMES } from './demo-data/people';

// The only configuration this script reads (it is a script, not the service).
const API_URL = process.env.CHAEUM_API_URL ?? `http://127.0.0.1:${process.env.PORT ?? 3000}/api/v1`;
/**
 * A coordinator's bearer token: CHAEUM_TOKEN, or one signed like `npm run token -- --role
 * coordinator` does, with the key of the service's own configuration (JWT_SECRET or the
 * development default).
 */
const API_TOKEN = process.env.CHAEUM_TOKEN ?? coordinatorToken();

function coordinatorToken(): string {
  const environment = loadEnvironment();
  const tokens = new TokenService({ secret: jwtSecretOf(environment), ttlSeconds: environment.JWT_TTL_SECONDS });
  return tokens.sign({ role: 'coordinator', subject: 'seed-demo' });
}
const TODAY = new Date().toISOString().slice(0, 10);

const SEEKERS_BY_COMPLEX: Record<string, number> = { [SEOUL_DIGITAL_COMPLEX]: 240, [GUMI_COMPLEX]: 160 };
/** Where seekers live: within this many km of their complex's centroid. */
const HOME_RADIUS_KM: Record<string, number> = { [SEOUL_DIGITAL_COMPLEX]: 14, [GUMI_COMPLEX]: 12 };
const GAP_TYPES: Record<LeaveType, number> = {
  maternity: 14,
  parental: 16,
  reduced_hours: 10,
  spouse_maternity: 6,
  infertility_treatment: 5,
  other: 9,
};

interface Location {
  lat: number;
  lng: number;
}
interface Complex {
  id: string;
  name: string;
  centroid: Location;
}
type Json = Record<string, unknown>;

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
function randomSource(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const chance = (p: number) => next() < p;
  const weighted = (weights: Record<string, number>): string => {
    const entries = Object.entries(weights);
    let roll = next() * entries.reduce((sum, [, weight]) => sum + weight, 0);
    for (const [key, weight] of entries) {
      roll -= weight;
      if (roll < 0) return key;
    }
    return entries[entries.length - 1][0];
  };
  const sample = <T>(items: readonly T[], count: number): T[] => {
    const pool = [...items];
    const chosen: T[] = [];
    while (chosen.length < count && pool.length > 0) chosen.push(pool.splice(Math.floor(next() * pool.length), 1)[0]);
    return chosen;
  };
  const shuffle = <T>(items: readonly T[]): T[] => sample(items, items.length);
  return { next, int, pick, chance, weighted, sample, shuffle };
}
type Random = ReturnType<typeof randomSource>;

/** A point `km` away from `center` in a random direction (flat-earth approximation, fine at this scale). */
function nearby(random: Random, center: Location, maxKm: number, minKm = 0): Location {
  const km = minKm + Math.sqrt(random.next()) * (maxKm - minKm);
  const bearing = random.next() * 2 * Math.PI;
  const lat = center.lat + (km / 111.32) * Math.cos(bearing);
  const lng = center.lng + (km / (111.32 * Math.cos((center.lat * Math.PI) / 180))) * Math.sin(bearing);
  return { lat: Number(lat.toFixed(5)), lng: Number(lng.toFixed(5)) };
}

function occupation(family: string): Occupation {
  return OCCUPATIONS.find((candidate) => candidate.family === family)!;
}

const MAX_RATE_LIMIT_WAITS = 30;

async function call(method: string, path: string, body?: unknown): Promise<{ status: number; body: Json }> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  headers.authorization = `Bearer ${API_TOKEN}`;
  for (let attempt = 0; ; attempt += 1) {
    let response: Response;
    try {
      response = await fetch(`${API_URL}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (error) {
      throw new Error(`cannot reach chaeum at ${API_URL} (is it running? npm start): ${(error as Error).message}`);
    }
    // A rate-limited service says when to come back; the seed waits rather than failing half-way.
    if (response.status === 429 && attempt < MAX_RATE_LIMIT_WAITS) {
      const seconds = Number(response.headers.get('retry-after')) || 5;
      await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
      continue;
    }
    const text = await response.text();
    if (response.status === 401) {
      throw new Error(`${method} ${path} answered 401: set CHAEUM_TOKEN to a coordinator's token (npm run token)`);
    }
    return { status: response.status, body: text ? JSON.parse(text) : {} };
  }
}

async function post(path: string, body: unknown): Promise<Json & { id: string }> {
  const response = await call('POST', path, body);
  if (response.status !== 201) {
    throw new Error(`POST ${path} answered ${response.status}: ${JSON.stringify(response.body)}`);
  }
  return response.body as Json & { id: string };
}

/**
 * One request at a time: the embedded database runs queries one by one anyway, and its
 * socket server mixes up concurrent clients' extended-protocol messages (seen as wrong
 * answers and error 26000 under parallel requests), so the seed does not provoke it.
 */
async function inSequence<T, R>(items: readonly T[], work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (const [index, item] of items.entries()) results.push(await work(item, index));
  return results;
}

function firmPlans(batch: number, complexes: Complex[]) {
  const random = randomSource(batch * 7919);
  return complexes.flatMap((complex) =>
    DEMO_FIRMS[complex.name].map((firm, index) => {
      const taxOffice = String(random.int(101, 899));
      const kind = random.pick(['81', '86', '87']);
      const serial = String(random.int(0, 9999)).padStart(4, '0');
      return {
        complex,
        body: {
          name: batch === 1 ? firm.name : `${firm.name} 제${batch}공장`,
          businessNumber: completeBusinessNumber(`${taxOffice}${kind}${serial}`),
          employeeCount: random.int(12, 280),
          prioritySupport: random.chance(0.9),
          complexId: complex.id,
          address: firm.address,
          site: nearby(random, complex.centroid, 1.8, 0.2),
        },
        index,
      };
    }),
  );
}

/** The leave's dates, lawful for its type (see src/leave-gaps/leave-law.ts). */
function leaveDates(random: Random, leaveType: LeaveType) {
  const leaveStart = addDays(TODAY, random.int(20, 240));
  const daysLong = (days: number) => addDays(leaveStart, days - 1);
  switch (leaveType) {
    case 'maternity': {
      const multipleBirth = random.chance(0.15);
      return { leaveStart, leaveEnd: daysLong(multipleBirth ? 120 : 90), handoverDays: random.int(7, 30), multipleBirth };
    }
    case 'parental': {
      const extended = random.chance(0.15);
      return {
        leaveStart,
        leaveEnd: lastDayOfMonthsFrom(leaveStart, extended ? random.int(13, 18) : random.int(3, 12)),
        handoverDays: random.int(7, 30),
        ...(extended && { extendedParentalReason: random.pick(['both_parents', 'single_parent', 'disabled_child']) }),
      };
    }
    case 'reduced_hours':
      return {
        leaveStart,
        leaveEnd: lastDayOfMonthsFrom(leaveStart, random.int(3, 12)),
        handoverDays: random.int(0, 7),
        reducedWeeklyHours: random.pick([15, 20, 25, 30]),
      };
    case 'spouse_maternity':
      return { leaveStart, leaveEnd: daysLong(random.int(10, 20)), handoverDays: 0 };
    case 'infertility_treatment':
      return { leaveStart, leaveEnd: daysLong(random.int(3, 6)), handoverDays: 0 };
    case 'other':
      return { leaveStart, leaveEnd: daysLong(random.int(30, 120)), handoverDays: random.int(0, 14) };
  }
}

function leaveGapBody(random: Random, complexName: string, leaveType: LeaveType) {
  const job = occupation(random.weighted(FAMILY_WEIGHTS_BY_COMPLEX[complexName]));
  const roleTitle = random.pick(job.roles);
  const [required, ...others] = random.sample(job.skills, random.int(2, 3));
  const requiredSkills = [{ code: required, level: random.int(1, 3) }];
  if (others.length > 1) requiredSkills.push({ code: others.pop()!, level: random.int(1, 2) });
  const dates = leaveDates(random, leaveType);
  // The highest published rate covers every year a demo placement may touch.
  const wage = Math.max(random.int(job.wage.min, job.wage.max), ...MINIMUM_WAGE_RATES.map((rate) => rate.hourlyWage));
  const needsCertification =
    job.certification !== undefined && (roleTitle === '지게차 운전원' || job.family === 'welding' || random.chance(0.25));
  return {
    leaveType,
    ...dates,
    roleTitle,
    requiredSkills,
    preferredSkills: others.map((code) => ({ code, level: 2 })),
    requiredCertifications: needsCertification ? [job.certification] : [],
    weeklyHours: 40,
    hourlyWage: Math.ceil(wage / 10) * 10,
    ...(random.chance(0.3) && { maxCommuteMinutes: random.pick([60, 90]) }),
  };
}

const COMMUTE_CHOICES = [
  { mode: 'transit', weight: 50, minutes: [45, 60, 75, 90] },
  { mode: 'car', weight: 25, minutes: [30, 40, 50, 60] },
  { mode: 'bicycle', weight: 15, minutes: [20, 30, 40] },
  { mode: 'walk', weight: 10, minutes: [15, 20, 30] },
];

function seekerBody(random: Random, batch: number, index: number, complex: Complex, firmIds: string[]) {
  const job = occupation(random.weighted(FAMILY_WEIGHTS_BY_COMPLEX[complex.name]));
  const skills = random.sample(job.skills, random.int(2, 4)).map((code) => ({ code, level: random.int(2, 4) }));
  if (random.chance(0.3)) {
    const second = occupation(random.pick(Object.keys(FAMILY_WEIGHTS_BY_COMPLEX[complex.name])));
    for (const code of random.sample(second.skills, random.int(1, 2))) {
      if (!skills.some((skill) => skill.code === code)) skills.push({ code, level: random.int(1, 3) });
    }
  }
  const certifications = new Set<string>();
  if (job.certification && random.chance(0.55)) certifications.add(job.certification);
  if (random.chance(0.1)) certifications.add('forklift');

  const mode = random.weighted(Object.fromEntries(COMMUTE_CHOICES.map((choice) => [choice.mode, choice.weight])));
  const commute = COMMUTE_CHOICES.find((choice) => choice.mode === mode)!;
  const roll = random.next();
  const weeklyHours =
    roll < 0.55
      ? { min: random.pick([30, 35, 40]), max: 40 }
      : roll < 0.8
        ? { min: 15, max: random.pick([25, 30]) }
        : { min: random.pick([10, 20]), max: 40 };

  const firstFree = addDays(TODAY, -random.int(0, 60));
  const availability = [{ start: firstFree, end: addDays(firstFree, random.int(150, 450)) }];
  if (random.chance(0.25)) {
    const later = addDays(availability[0].end, random.int(20, 90));
    availability.push({ start: later, end: addDays(later, random.int(60, 240)) });
  }
  const radius = HOME_RADIUS_KM[complex.name];
  const maxKm = commute.mode === 'walk' ? 2.5 : commute.mode === 'bicycle' ? 7 : radius;
  return {
    displayName: `${random.pick(SURNAMES)}${random.pick(GIVEN_NAMES)}`,
    phone: `010-${random.int(2000, 9999)}-${String(random.int(0, 9999)).padStart(4, '0')}`,
    ...(random.chance(0.6) && { email: `demo${batch}-${index}@example.com` }),
    home: nearby(random, complex.centroid, maxKm, 0.3),
    commuteMode: commute.mode,
    maxCommuteMinutes: random.pick(commute.minutes),
    skills,
    certifications: [...certifications],
    weeklyHours,
    ...(random.chance(0.55) && { minHourlyWage: Math.round(random.int(10_400, 13_500) / 100) * 100 }),
    ...(random.chance(0.03) && { blockedFirmIds: [random.pick(firmIds)] }),
    availability,
    waitingSince: addDays(TODAY, -random.int(0, 400)),
    consent: true,
  };
}

async function pilotComplexes(): Promise<Complex[]> {
  const response = await call('GET', '/complexes?pageSize=100');
  if (response.status !== 200) throw new Error(`GET /complexes answered ${response.status}`);
  const items = response.body.items as Complex[];
  return [SEOUL_DIGITAL_COMPLEX, GUMI_COMPLEX].map((name) => {
    const complex = items.find((candidate) => candidate.name === name);
    if (!complex) throw new Error(`pilot complex ${name} is missing: were the migrations run?`);
    return complex;
  });
}

async function isRegistered(businessNumber: string): Promise<boolean> {
  const response = await call('GET', `/firms?businessNumber=${businessNumber}`);
  return (response.body.total as number) > 0;
}

async function main(): Promise<void> {
  const complexes = await pilotComplexes();
  let batch = 1;
  while (await isRegistered(firmPlans(batch, complexes)[0].body.businessNumber)) batch += 1;
  console.log(`Seeding demo batch ${batch} into ${API_URL}`);

  const plans = firmPlans(batch, complexes);
  const firms = await inSequence(plans, async (plan) => ({ ...plan, id: (await post('/firms', plan.body)).id }));
  console.log(`  firms:        ${firms.length} (${complexes.map((c) => `${c.name} ${firms.filter((f) => f.complex === c).length}`).join(', ')})`);

  const random = randomSource(batch * 104_729);
  const gapTypes = random.shuffle(
    Object.entries(GAP_TYPES).flatMap(([type, count]) => Array<LeaveType>(count).fill(type as LeaveType)),
  );
  const gapJobs = gapTypes.map((leaveType, i) => {
    const firm = firms[i % firms.length];
    return { firm, body: leaveGapBody(random, firm.complex.name, leaveType) };
  });
  const gaps = await inSequence(gapJobs, (job) => post(`/firms/${job.firm.id}/leave-gaps`, job.body));
  const byType = Object.keys(GAP_TYPES)
    .map((type) => `${type} ${gaps.filter((gap) => gap.leaveType === type).length}`)
    .join(', ');
  console.log(`  leave gaps:   ${gaps.length} (${byType})`);

  const firmIds = firms.map((firm) => firm.id);
  const seekerJobs = complexes.flatMap((complex) =>
    Array.from({ length: SEEKERS_BY_COMPLEX[complex.name] }, () => complex),
  );
  const seekers = await inSequence(seekerJobs, (complex, index) =>
    post('/seekers', seekerBody(random, batch, index, complex, firmIds)),
  );
  const windows = seekers.reduce((sum, seeker) => sum + (seeker.availability as unknown[]).length, 0);
  console.log(
    `  seekers:      ${seekers.length} (${complexes.map((c) => `around ${c.name} ${SEEKERS_BY_COMPLEX[c.name]}`).join(', ')}), ${windows} availability windows`,
  );
  const logins = await createDemoAccounts(batch, firms, seekers.slice(0, DEMO_SEEKER_ACCOUNTS));
  console.log(`\nSign in to the console (${API_URL.replace(/\/api\/v1$/, '/')}) with password ${DEMO_PASSWORD}:`);
  for (const login of logins) console.log(`  ${login.role.padEnd(11)} ${login.email.padEnd(36)} ${login.label}${login.existed ? ' (existed)' : ''}`);

  const example = gaps[0];
  console.log(`\nTry (with AUTH="Authorization: Bearer $(npm run --silent token -- --role coordinator)"):`);
  console.log(`  curl -s -H "$AUTH" ${API_URL}/leave-gaps/${example.id}`);
  console.log(`  curl -s -H "$AUTH" '${API_URL}/leave-gaps?status=open&pageSize=5'`);
}

/** Public on purpose: demo data only. */
const DEMO_PASSWORD = 'chaeum-demo-2027';
const DEMO_SEEKER_ACCOUNTS = 3;

interface DemoLogin {
  role: Role;
  email: string;
  label: string;
  existed: boolean;
}

async function createDemoAccounts(
  batch: number,
  firms: readonly { id: string; body: Json }[],
  seekers: readonly Json[],
): Promise<DemoLogin[]> {
  const wanted = [
    { role: 'coordinator' as const, email: 'coordinator@demo.chaeum.kr', displayName: '데모 코디네이터', label: 'Talent Bank' },
    ...firms.map((firm, index) => ({
      role: 'firm' as const,
      email: `firm-b${batch}-${String(index + 1).padStart(2, '0')}@demo.chaeum.kr`,
      displayName: `${firm.body.name as string} 인사담당`,
      label: firm.body.name as string,
      firmId: firm.id,
    })),
    ...seekers.map((seeker, index) => ({
      role: 'seeker' as const,
      email: `seeker-b${batch}-${index + 1}@demo.chaeum.kr`,
      displayName: seeker.displayName as string,
      label: seeker.displayName as string,
      seekerId: seeker.id as string,
    })),
  ];
  return withScriptDatabase(loadEnvironment(), (dataSource) =>
    inSequence(wanted, async (account) => {
      try {
        await insertAccount(dataSource.manager, { ...account, password: DEMO_PASSWORD });
        return { ...account, existed: false };
      } catch (error) {
        if (error instanceof EmailTakenError || error instanceof SeekerHasAccountError) return { ...account, existed: true };
        throw error;
      }
    }),
  );
}

main().catch((error: Error) => {
  console.error(`seed:demo failed: ${error.message}`);
  process.exit(1);
});
