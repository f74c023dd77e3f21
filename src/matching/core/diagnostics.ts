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

  if (vacancy.requiredSkills.length > 0) {
    failed.fill(BIT.skills);
    const rarest = rarestHolders(vacancy.requiredSkills.map((skill) => skill.code), columns.holdersBySkill);
    for (const seeker of rarest) {
      const levels = prepared.seekers[seeker].skillLevels;
      if (vacancy.requiredSkills.every((skill) => (levels.get(skill.code) ?? 0) >= skill.level)) failed[seeker] &= ~BIT.skills;
    }
  }
  if (vacancy.requiredCertifications.length > 0) {
    for (let seeker = 0; seeker < columns.count; seeker++) failed[seeker] |= BIT.certifications;
    for (const seeker of rarestHolders(vacancy.requiredCertifications, columns.holdersByCertification)) {
      const held = prepared.seekers[seeker].certifications;
      if (vacancy.requiredCertifications.every((code) => held.has(code))) failed[seeker] &= ~BIT.certifications;
    }
  }

  const { lat, lng } = vacancy.location;
  const cosLat = cosineOfLatitude(lat);
  const overrides = v.commuteOverrides.size > 0 ? v.commuteOverrides : undefined;
  for (let seeker = 0; seeker < columns.count; seeker++) {
    let bits = failed[seeker];
    let free = false;
    for (let run = columns.freeOffset[seeker]; run < columns.freeOffset[seeker + 1]; run++) {
      if (columns.freeStart[run] <= v.start && columns.freeEnd[run] >= v.end) free = true;
    }
    if (!free) bits |= BIT.dates;
    if (vacancy.weeklyHours < columns.minHours[seeker] || vacancy.weeklyHours > columns.maxHours[seeker]) bits |= BIT.hours;
    if (vacancy.hourlyWage < columns.minHourlyWage[seeker]) bits |= BIT.wage;
    const limit = Math.min(columns.maxCommuteMinutes[seeker], v.commuteLimit);
    const override = overrides?.get(seeker);
    if (override !== undefined) {
      if (override > limit) bits |= BIT.commute;
    } else if (tooFarForCertain(columns, seeker, lat, limit)) {
      bits |= BIT.commute;
    } else {
      const km = greatCircleKmWithCosines(columns.lat[seeker], columns.lng[seeker], columns.cosLat[seeker], lat, lng, cosLat);
      const minutes = columns.overheadMinutes[seeker] + (60 * columns.detour[seeker] * km) / columns.speedKmPerHour[seeker];
      if (minutes > limit) bits |= BIT.commute;
    }
    failed[seeker] = bits;
  }

  for (const seeker of columns.refusersByFirm.get(vacancy.firmId) ?? []) failed[seeker] |= BIT.blocked;
  for (const seeker of v.blockedSeekers) failed[seeker] |= BIT.blocked;
  return failed;
}

/**
 * The latitude difference alone (a lower bound of the great-circle distance) already puts
 * the vacancy beyond the seeker's limit, with a margin against rounding: most seekers of a
 * national pool, decided without the haversine.
 */
function tooFarForCertain(columns: SeekerColumns, seeker: number, vacancyLat: number, limitMinutes: number): boolean {
  const lowerBoundKm = Math.abs(vacancyLat - columns.lat[seeker]) * KM_PER_DEGREE_OF_LATITUDE - LOWER_BOUND_MARGIN_KM;
  const fastest = columns.overheadMinutes[seeker] + (60 * columns.detour[seeker] * lowerBoundKm) / columns.speedKmPerHour[seeker];
  return fastest > limitMinutes;
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

/** The holders of the code that the fewest seekers hold: only they can have all the codes. */
function rarestHolders(codes: readonly string[], holders: ReadonlyMap<string, number[]>): readonly number[] {
  let rarest: readonly number[] | undefined;
  for (const code of codes) {
    const list = holders.get(code) ?? [];
    if (!rarest || list.length < rarest.length) rarest = list;
  }
  return rarest ?? [];
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
