import { cosineOfLatitude, EARTH_RADIUS_KM, greatCircleKmWithCosines } from './commute';
import { explainFailure, failureShortfall } from './feasibility';
import { boundedVerdict, FAILS, reachHaversineByMode, UNDECIDED } from './reach-bounds';
import { compareIds, PreparedInstance, VacancyProfile } from './prepared-instance';
import { SeekerColumns } from './seeker-columns';
import { FEASIBILITY_RULES, FeasibilityRule, NearMiss, Vacancy } from './types';

export const DEFAULT_NEAR_MISS_LIMIT = 5;

const KM_PER_DEGREE_OF_LATITUDE = (EARTH_RADIUS_KM * Math.PI) / 180;
const LOWER_BOUND_MARGIN_KM = 0.01;

export interface VacancyDiagnostics {
  readonly feasibleCandidates: number;
  /** Seekers failing each rule; a seeker failing two rules counts under both. */
  readonly excludedBy: { [rule in FeasibilityRule]: number };
  /** Seekers failing exactly one rule, closest to passing first. */
  readonly nearMisses: NearMiss[];
}

/** Bit i of a seeker's failure byte stands for FEASIBILITY_RULES[i]. */
const BIT = Object.fromEntries(FEASIBILITY_RULES.map((rule, index) => [rule, 1 << index])) as {
  readonly [rule in FeasibilityRule]: number;
};
const BIT_COMMUTE = BIT.commute;
const SHIFT_SKILLS = FEASIBILITY_RULES.indexOf('skills');
const SHIFT_CERTIFICATIONS = FEASIBILITY_RULES.indexOf('certifications');
const SHIFT_DATES = FEASIBILITY_RULES.indexOf('dates');
const SHIFT_HOURS = FEASIBILITY_RULES.indexOf('hours');
const SHIFT_WAGE = FEASIBILITY_RULES.indexOf('wage');

/** A comparison as 0 or 1 (JavaScript's bitwise operators already treat booleans so). */
const bit = (condition: boolean): number => condition as unknown as number;

/**
 * Why a vacancy has few or no candidates: every seeker is checked against every rule. This
 * is a full scan (so it runs only for the vacancies that need it), done rule by rule over
 * typed arrays; skills and certificates start from their holders.
 */
export function diagnoseVacancy(
  prepared: PreparedInstance,
  columns: SeekerColumns,
  vacancyIndex: number,
  nearMissLimit = DEFAULT_NEAR_MISS_LIMIT,
): VacancyDiagnostics {
  const vacancy = prepared.vacancies[vacancyIndex];
  const failed = failureBits(prepared, columns, vacancy);

  // Seekers counted by their set of failed rules: one increment per seeker, rules added up after.
  const seekersByFailures = new Int32Array(1 << FEASIBILITY_RULES.length);
  const closest = new ClosestMisses(nearMissLimit, (seeker) => prepared.seekers[seeker].seeker.id);
  for (let seeker = 0; seeker < columns.count; seeker++) {
    const bits = failed[seeker];
    seekersByFailures[bits]++;
    if (bits !== 0 && (bits & (bits - 1)) === 0) {
      const rule = FEASIBILITY_RULES[31 - Math.clz32(bits)];
      if (rule === 'dates') closest.offer(seeker, rule, datesShortfall(columns, seeker, vacancy));
      else if (rule !== 'commute' || !closest.rejects(commuteShortfallAtLeast(columns, seeker, vacancy))) {
        closest.offer(seeker, rule, failureShortfall(rule, vacancy, prepared.seekers[seeker]));
      }
    }
  }
  const feasibleCandidates = seekersByFailures[0];
  const failures = new Int32Array(FEASIBILITY_RULES.length);
  seekersByFailures.forEach((count, bits) => {
    for (let rule = 0; rule < FEASIBILITY_RULES.length; rule++) if (bits & (1 << rule)) failures[rule] += count;
  });
  const excludedBy = Object.fromEntries(FEASIBILITY_RULES.map((rule, index) => [rule, failures[index]])) as {
    [rule in FeasibilityRule]: number;
  };

  return {
    feasibleCandidates,
    excludedBy,
    nearMisses: closest.misses.map((miss) => {
      const seeker = prepared.seekers[miss.seeker];
      return { seekerId: seeker.seeker.id, failed: miss.rule, detail: explainFailure(miss.rule, vacancy, seeker).detail };
    }),
  };
}

/**
 * One byte per seeker, a bit set for each rule it fails. Mirrors feasibility.ts rule for rule
 * over the typed columns: the holders of each required skill and certificate and the free runs
 * are tallied first, then one pass per seeker sets the skill, certificate, date, hour and wage
 * bits. Seekers are in canonical order, which sorts them by latitude first: those outside the
 * latitude band that the farthest reach of any seeker covers fail the commute rule without a
 * distance (their latitude difference alone exceeds their reach), so the distances are
 * computed only inside the band. The bytes live in the columns' scratch arrays (valid until
 * the next call): a vacancy's scan allocated four arrays of a byte per seeker, and at a
 * hundred unfilled vacancies their allocation and collection cost as much as the scan.
 */
function failureBits(prepared: PreparedInstance, columns: SeekerColumns, v: VacancyProfile): Uint8Array {
  // One loop per function: V8 compiles a long loop on the stack (on-stack replacement) before
  // the calls after it have run, and a loop followed by calls in one function deoptimized
  // there again on every call (hundreds of times per process; --trace-deopt).
  const { failed, skillsHeld, certificationsHeld, free } = columns.scratch;
  tallySkillsHeld(columns, v.vacancy, skillsHeld);
  tallyCertificationsHeld(columns, v.vacancy, certificationsHeld);
  markFreeOverPeriod(columns, v, free);
  markTermFailures(columns, v.vacancy, failed);
  markCommuteFailures(columns, v, failed);
  markBlocked(columns, v, failed);
  return failed;
}

/** How many of the vacancy's required skills (at the level) each seeker has, from the holders. */
function tallySkillsHeld(columns: SeekerColumns, vacancy: Vacancy, skillsHeld: Uint8Array): void {
  skillsHeld.fill(0);
  // Indexed loops, not for-of: the arrays of an instance differ in elements kind (an empty
  // literal is not a string array), and for-of's iterator then deoptimized this over and over.
  const required = vacancy.requiredSkills;
  for (let k = 0; k < required.length; k++) {
    const skill = required[k];
    const holders = columns.holdersBySkill.get(skill.code);
    if (!holders) continue;
    const { seekers, levels } = holders;
    for (let i = 0; i < seekers.length; i++) skillsHeld[seekers[i]] += bit(levels[i] >= skill.level);
  }
}

function tallyCertificationsHeld(columns: SeekerColumns, vacancy: Vacancy, certificationsHeld: Uint8Array): void {
  certificationsHeld.fill(0);
  const required = vacancy.requiredCertifications;
  for (let k = 0; k < required.length; k++) {
    const holders = columns.holdersByCertification.get(required[k]);
    if (holders) for (let i = 0; i < holders.length; i++) certificationsHeld[holders[i]]++;
  }
}

/**
 * 1 for the seekers with a free run holding the period: a seeker's free runs are disjoint, so
 * at most one does. Comparisons as bits, not branches: on real data they are unpredictable.
 */
function markFreeOverPeriod(columns: SeekerColumns, v: VacancyProfile, free: Uint8Array): void {
  const { start, end } = v;
  const { freeSeeker, freeStart, freeEnd } = columns;
  free.fill(0);
  for (let run = 0; run < freeStart.length; run++) free[freeSeeker[run]] |= bit(freeStart[run] <= start) & bit(freeEnd[run] >= end);
}

/** The skill, certificate, date, hour and wage bits, from the tallies in the scratch arrays. */
function markTermFailures(columns: SeekerColumns, vacancy: Vacancy, failed: Uint8Array): void {
  const { skillsHeld, certificationsHeld, free } = columns.scratch;
  const skillsRequired = vacancy.requiredSkills.length;
  const certificationsRequired = vacancy.requiredCertifications.length;
  const { weeklyHours, hourlyWage } = vacancy;
  const { count, minHours, maxHours, minHourlyWage } = columns;
  for (let seeker = 0; seeker < count; seeker++) {
    failed[seeker] =
      (bit(skillsHeld[seeker] !== skillsRequired) << SHIFT_SKILLS) |
      (bit(certificationsHeld[seeker] !== certificationsRequired) << SHIFT_CERTIFICATIONS) |
      ((free[seeker] ^ 1) << SHIFT_DATES) |
      ((bit(weeklyHours < minHours[seeker]) | bit(weeklyHours > maxHours[seeker])) << SHIFT_HOURS) |
      (bit(hourlyWage < minHourlyWage[seeker]) << SHIFT_WAGE);
  }
}

function markBlocked(columns: SeekerColumns, v: VacancyProfile, failed: Uint8Array): void {
  const refusers = columns.refusersByFirm.get(v.vacancy.firmId);
  if (refusers !== undefined) for (let k = 0; k < refusers.length; k++) failed[refusers[k]] |= BIT.blocked;
  if (v.blockedSeekers.size > 0) for (const seeker of v.blockedSeekers) failed[seeker] |= BIT.blocked;
}

/** Keeps the latitude band conservative: outside it the shortfall is at least this much reach. */
const BAND_MARGIN_KM = 1;

function markCommuteFailures(columns: SeekerColumns, v: VacancyProfile, failed: Uint8Array): void {
  const lat = v.vacancy.location.lat;
  const seekerLat = columns.lat;
  const bandDegrees = (columns.maxReachKm + BAND_MARGIN_KM + LOWER_BOUND_MARGIN_KM) / KM_PER_DEGREE_OF_LATITUDE;
  const from = columns.latitudeAscending ? firstAtLeast(seekerLat, lat - bandDegrees) : 0;
  const to = columns.latitudeAscending ? firstAtLeast(seekerLat, lat + bandDegrees) : columns.count;
  markOutsideBand(failed, from, to, columns.count);
  markCommuteInBand(columns, v, failed, from, to);
  applyCommuteOverrides(columns, v, failed);
}

function markOutsideBand(failed: Uint8Array, from: number, to: number, count: number): void {
  for (let seeker = 0; seeker < from; seeker++) failed[seeker] |= BIT_COMMUTE;
  for (let seeker = to; seeker < count; seeker++) failed[seeker] |= BIT_COMMUTE;
}

/** The commute rule for seekers[from .. to - 1], the latitude band. */
function markCommuteInBand(columns: SeekerColumns, v: VacancyProfile, failed: Uint8Array, from: number, to: number): void {
  const { lat, lng } = v.vacancy.location;
  const cosLat = cosineOfLatitude(lat);
  const commuteLimit = v.commuteLimit;
  const { lat: seekerLat, lng: seekerLng, cosLat: seekerCos, overheadMinutes, detour, speedKmPerHour, maxCommuteMinutes } = columns;
  const { modeIndex, ownReachHaversine } = columns;
  // Where the vacancy's limit is the tighter one, the reach is that of the seeker's mode at it.
  const vacancyReach = Number.isFinite(commuteLimit) ? reachHaversineByMode(commuteLimit) : undefined;
  for (let seeker = from; seeker < to; seeker++) {
    const limit = Math.min(maxCommuteMinutes[seeker], commuteLimit);
    const threshold = vacancyReach !== undefined && commuteLimit < maxCommuteMinutes[seeker] ? vacancyReach[modeIndex[seeker]] : ownReachHaversine[seeker];
    const verdict = boundedVerdict(lat - seekerLat[seeker], lng - seekerLng[seeker], cosLat * seekerCos[seeker], threshold);
    if (verdict === FAILS) failed[seeker] |= BIT_COMMUTE;
    if (verdict !== UNDECIDED) continue;
    // The latitude difference alone (a lower bound of the great-circle distance) decides most seekers.
    const lowerBoundKm = Math.abs(lat - seekerLat[seeker]) * KM_PER_DEGREE_OF_LATITUDE - LOWER_BOUND_MARGIN_KM;
    if (overheadMinutes[seeker] + (60 * detour[seeker] * lowerBoundKm) / speedKmPerHour[seeker] > limit) {
      failed[seeker] |= BIT_COMMUTE;
    } else {
      const km = greatCircleKmWithCosines(seekerLat[seeker], seekerLng[seeker], seekerCos[seeker], lat, lng, cosLat);
      if (overheadMinutes[seeker] + (60 * detour[seeker] * km) / speedKmPerHour[seeker] > limit) failed[seeker] |= BIT_COMMUTE;
    }
  }
}

/** Routing-engine minutes replace the model's, whatever the distance. */
function applyCommuteOverrides(columns: SeekerColumns, v: VacancyProfile, failed: Uint8Array): void {
  const { maxCommuteMinutes } = columns;
  const commuteLimit = v.commuteLimit;
  for (const [seeker, minutes] of v.commuteOverrides) {
    if (minutes > Math.min(maxCommuteMinutes[seeker], commuteLimit)) failed[seeker] |= BIT_COMMUTE;
    else failed[seeker] &= ~BIT_COMMUTE;
  }
}

/** The first index whose value is ≥ `value` in an ascending array (its length when none). */
function firstAtLeast(sorted: Float64Array, value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle] < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** failureShortfall's 'dates' from the typed free runs: the days of the period no free run covers, relative. */
function datesShortfall(columns: SeekerColumns, seeker: number, v: VacancyProfile): number {
  const days = v.end - v.start + 1;
  let covered = 0;
  for (let run = columns.freeOffset[seeker]; run < columns.freeOffset[seeker + 1]; run++) {
    covered += Math.max(0, Math.min(v.end, columns.freeEnd[run]) - Math.max(v.start, columns.freeStart[run]) + 1);
  }
  return (days - covered) / days;
}

/** A lower bound of failureShortfall's 'commute' for a pair without routing-engine minutes, from the latitudes alone. */
function commuteShortfallAtLeast(columns: SeekerColumns, seeker: number, v: VacancyProfile): number {
  if (v.commuteOverrides.has(seeker)) return -Infinity;
  const limit = Math.min(v.commuteLimit, columns.maxCommuteMinutes[seeker]);
  const lowerBoundKm = Math.max(0, Math.abs(v.vacancy.location.lat - columns.lat[seeker]) * KM_PER_DEGREE_OF_LATITUDE - LOWER_BOUND_MARGIN_KM);
  const fastest = columns.overheadMinutes[seeker] + (60 * columns.detour[seeker] * lowerBoundKm) / columns.speedKmPerHour[seeker];
  return (fastest - limit) / Math.max(limit, 1) - 1e-9;
}

/**
 * The `limit` smallest shortfalls seen, kept sorted, equal shortfalls by seeker id; thousands
 * of seekers may fail just one rule.
 */
class ClosestMisses {
  readonly misses: { seeker: number; rule: FeasibilityRule; shortfall: number }[] = [];

  constructor(
    private readonly limit: number,
    private readonly idOf: (seeker: number) => string,
  ) {}

  /** True when a miss this far (or farther) could not enter the list. */
  rejects(shortfall: number): boolean {
    return this.limit <= 0 || (this.misses.length === this.limit && shortfall > this.misses[this.misses.length - 1].shortfall);
  }

  offer(seeker: number, rule: FeasibilityRule, shortfall: number): void {
    if (this.rejects(shortfall)) return;
    const misses = this.misses;
    const before = (miss: { seeker: number; shortfall: number }) =>
      miss.shortfall < shortfall || (miss.shortfall === shortfall && compareIds(this.idOf(miss.seeker), this.idOf(seeker)) < 0);
    let position = misses.length;
    while (position > 0 && !before(misses[position - 1])) position--;
    if (position >= this.limit) return;
    misses.splice(position, 0, { seeker, rule, shortfall });
    if (misses.length > this.limit) misses.pop();
  }
}
