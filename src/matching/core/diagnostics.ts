import { cosineOfLatitude, EARTH_RADIUS_KM, greatCircleKmWithCosines } from './commute';
import { explainFailure, failureShortfall } from './feasibility';
import { compareIds, PreparedInstance, VacancyProfile } from './prepared-instance';
import { SeekerColumns } from './seeker-columns';
import { FEASIBILITY_RULES, FeasibilityRule, NearMiss } from './types';

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
const BIT_SKILLS = BIT.skills;
const BIT_CERTIFICATIONS = BIT.certifications;
const BIT_DATES = BIT.dates;
const BIT_HOURS = BIT.hours;
const BIT_WAGE = BIT.wage;
const BIT_COMMUTE = BIT.commute;

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

/** One byte per seeker, a bit set for each rule it fails. Mirrors feasibility.ts rule for rule. */
function failureBits(prepared: PreparedInstance, columns: SeekerColumns, v: VacancyProfile): Uint8Array {
  const failed = new Uint8Array(columns.count);
  const vacancy = v.vacancy;

  // How many required skills (at the level) and certificates each seeker has, from the holders.
  const skillsHeld = new Uint8Array(columns.count);
  for (const skill of vacancy.requiredSkills) {
    const holders = columns.holdersBySkill.get(skill.code);
    if (!holders) continue;
    const { seekers, levels } = holders;
    for (let i = 0; i < seekers.length; i++) if (levels[i] >= skill.level) skillsHeld[seekers[i]]++;
  }
  const certificationsHeld = new Uint8Array(columns.count);
  for (const code of vacancy.requiredCertifications) {
    const holders = columns.holdersByCertification.get(code);
    if (holders) for (let i = 0; i < holders.length; i++) certificationsHeld[holders[i]]++;
  }
  const skillsRequired = vacancy.requiredSkills.length;
  const certificationsRequired = vacancy.requiredCertifications.length;

  const { lat, lng } = vacancy.location;
  const cosLat = cosineOfLatitude(lat);
  const overrides = v.commuteOverrides.size > 0 ? v.commuteOverrides : undefined;
  // Locals, not property loads, in the loop that runs once per seeker and unfilled vacancy.
  const { start, end, commuteLimit } = v;
  const { weeklyHours, hourlyWage } = vacancy;
  const { freeOffset, freeStart, freeEnd, minHours, maxHours, minHourlyWage, maxCommuteMinutes } = columns;
  const { lat: seekerLat, lng: seekerLng, cosLat: seekerCos, overheadMinutes, detour, speedKmPerHour } = columns;
  for (let seeker = 0; seeker < columns.count; seeker++) {
    let bits = 0;
    if (skillsHeld[seeker] !== skillsRequired) bits |= BIT_SKILLS;
    if (certificationsHeld[seeker] !== certificationsRequired) bits |= BIT_CERTIFICATIONS;
    let free = false;
    for (let run = freeOffset[seeker]; run < freeOffset[seeker + 1]; run++) {
      if (freeStart[run] <= start && freeEnd[run] >= end) free = true;
    }
    if (!free) bits |= BIT_DATES;
    if (weeklyHours < minHours[seeker] || weeklyHours > maxHours[seeker]) bits |= BIT_HOURS;
    if (hourlyWage < minHourlyWage[seeker]) bits |= BIT_WAGE;
    const limit = Math.min(maxCommuteMinutes[seeker], commuteLimit);
    const override = overrides === undefined ? undefined : overrides.get(seeker);
    if (override !== undefined) {
      if (override > limit) bits |= BIT_COMMUTE;
    } else {
      // The latitude difference alone (a lower bound of the great-circle distance) decides most seekers.
      const lowerBoundKm = Math.abs(lat - seekerLat[seeker]) * KM_PER_DEGREE_OF_LATITUDE - LOWER_BOUND_MARGIN_KM;
      if (overheadMinutes[seeker] + (60 * detour[seeker] * lowerBoundKm) / speedKmPerHour[seeker] > limit) {
        bits |= BIT_COMMUTE;
      } else {
        const km = greatCircleKmWithCosines(seekerLat[seeker], seekerLng[seeker], seekerCos[seeker], lat, lng, cosLat);
        if (overheadMinutes[seeker] + (60 * detour[seeker] * km) / speedKmPerHour[seeker] > limit) bits |= BIT_COMMUTE;
      }
    }
    failed[seeker] = bits;
  }

  for (const seeker of columns.refusersByFirm.get(vacancy.firmId) ?? []) failed[seeker] |= BIT.blocked;
  for (const seeker of v.blockedSeekers) failed[seeker] |= BIT.blocked;
  return failed;
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
