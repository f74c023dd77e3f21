import { cosineOfLatitude, greatCircleKmWithCosines, modelMinutes } from './commute';
import { explainFailure, failureShortfall } from './feasibility';
import { PreparedInstance, VacancyProfile } from './prepared-instance';
import { SeekerColumns } from './seeker-columns';
import { FEASIBILITY_RULES, FeasibilityRule, NearMiss } from './types';

export const DEFAULT_NEAR_MISS_LIMIT = 5;

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

  const failures = new Int32Array(FEASIBILITY_RULES.length);
  let feasibleCandidates = 0;
  const closest = new ClosestMisses(nearMissLimit);
  for (let seeker = 0; seeker < columns.count; seeker++) {
    const bits = failed[seeker];
    if (bits === 0) {
      feasibleCandidates++;
      continue;
    }
    for (let rule = 0; rule < FEASIBILITY_RULES.length; rule++) if (bits & (1 << rule)) failures[rule]++;
    if ((bits & (bits - 1)) === 0) {
      const rule = FEASIBILITY_RULES[31 - Math.clz32(bits)];
      closest.offer(seeker, rule, failureShortfall(rule, vacancy, prepared.seekers[seeker]));
    }
  }
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
  const modelOf = (seeker: number) => ({
    overheadMinutes: columns.overheadMinutes[seeker],
    detour: columns.detour[seeker],
    speedKmPerHour: columns.speedKmPerHour[seeker],
  });
  for (let seeker = 0; seeker < columns.count; seeker++) {
    let bits = failed[seeker];
    let free = false;
    for (let run = columns.freeOffset[seeker]; run < columns.freeOffset[seeker + 1]; run++) {
      if (columns.freeStart[run] <= v.start && columns.freeEnd[run] >= v.end) free = true;
    }
    if (!free) bits |= BIT.dates;
    if (vacancy.weeklyHours < columns.minHours[seeker] || vacancy.weeklyHours > columns.maxHours[seeker]) bits |= BIT.hours;
    if (vacancy.hourlyWage < columns.minHourlyWage[seeker]) bits |= BIT.wage;
    const minutes =
      v.commuteOverrides.get(seeker) ??
      modelMinutes(
        modelOf(seeker),
        greatCircleKmWithCosines(columns.lat[seeker], columns.lng[seeker], columns.cosLat[seeker], lat, lng, cosLat),
      );
    if (minutes > columns.maxCommuteMinutes[seeker] || minutes > v.commuteLimit) bits |= BIT.commute;
    failed[seeker] = bits;
  }

  for (const seeker of columns.refusersByFirm.get(vacancy.firmId) ?? []) failed[seeker] |= BIT.blocked;
  for (const seeker of v.blockedSeekers) failed[seeker] |= BIT.blocked;
  return failed;
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
 * The `limit` smallest shortfalls seen, kept sorted; thousands of seekers may fail just one
 * rule. Seekers are offered in index (= id) order, so keeping the earlier of equal
 * shortfalls breaks ties by id.
 */
class ClosestMisses {
  readonly misses: { seeker: number; rule: FeasibilityRule; shortfall: number }[] = [];

  constructor(private readonly limit: number) {}

  offer(seeker: number, rule: FeasibilityRule, shortfall: number): void {
    if (this.limit <= 0) return;
    const misses = this.misses;
    if (misses.length === this.limit && shortfall >= misses[misses.length - 1].shortfall) return;
    let position = misses.length;
    while (position > 0 && misses[position - 1].shortfall > shortfall) position--;
    misses.splice(position, 0, { seeker, rule, shortfall });
    if (misses.length > this.limit) misses.pop();
  }
}
