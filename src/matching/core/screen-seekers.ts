import { toDay } from './calendar-days';
import { DEFAULT_NEAR_MISS_LIMIT } from './diagnostics';
import { COMMUTE_MODEL, cosineOfLatitude, greatCircleKmWithCosines, modelMinutes } from './commute';
import { runContaining } from './day-runs';
import { failureShortfall } from './feasibility';
import { SeekerProfile, VacancyProfile } from './prepared-instance';
import { FEASIBILITY_RULES, FeasibilityRule, Vacancy } from './types';

export type RuleCounts = { [rule in FeasibilityRule]: number };

export interface Screening {
  /** Positions (in the given seekers) of every feasible seeker and every one that can be among the closest near misses. */
  readonly kept: number[];
  /** Rule failures of the seekers not kept, counted as diagnoseVacancy counts them. */
  readonly excludedElsewhere: RuleCounts;
}

/**
 * Which seekers a one-vacancy ranking (rankCandidates) needs to see, so that it can be run on
 * those alone: the feasible ones and, among those failing exactly one rule, every one whose
 * shortfall is at most the `nearMissLimit`-th smallest (ties kept: the ranking breaks them by
 * id). The others only add to `excludedBy`. Scores do not depend on the other seekers of an
 * instance, so the ranking over the kept seekers plus these counts is the ranking over all.
 * Uses feasibility.ts's own rules and shortfalls (diagnostics.ts agrees with them to the bit).
 * `blocked(i)` says whether the vacancy's rejected pairs name seeker i; `seekerCosines[i]` is
 * cosineOfLatitude of seeker i's home (precomputed by a caller that screens often); `vacancy` must carry
 * no blocked seekers and no routing-engine minutes of its own (the profiles' indices are not
 * positions here).
 */
export function screenSeekers(
  vacancy: VacancyProfile,
  seekers: readonly SeekerProfile[],
  blocked: (position: number) => boolean,
  seekerCosines: ArrayLike<number> = seekers.map((seeker) => cosineOfLatitude(seeker.seeker.location.lat)),
  nearMissLimit = DEFAULT_NEAR_MISS_LIMIT,
): Screening {
  const counts = Object.fromEntries(FEASIBILITY_RULES.map((rule) => [rule, 0])) as RuleCounts;
  const kept: number[] = [];
  const single: { position: number; rule: FeasibilityRule; shortfall: number }[] = [];
  const terms = new VacancyTerms(vacancy);
  for (let position = 0; position < seekers.length; position++) {
    const seeker = seekers[position];
    const bits = failureBits(terms, seeker, seekerCosines[position]) | (blocked(position) ? BLOCKED : 0);
    if (bits === 0) kept.push(position);
    else if ((bits & (bits - 1)) === 0) {
      const rule = FEASIBILITY_RULES[31 - Math.clz32(bits)];
      single.push({ position, rule, shortfall: failureShortfall(rule, vacancy, seeker) });
    } else {
      for (let rule = 0; rule < FEASIBILITY_RULES.length; rule++) if (bits & (1 << rule)) counts[FEASIBILITY_RULES[rule]]++;
    }
  }
  let cut = Infinity;
  if (single.length > nearMissLimit) {
    const sorted = single.map((miss) => miss.shortfall).sort((a, b) => a - b);
    cut = nearMissLimit > 0 ? sorted[nearMissLimit - 1] : -Infinity;
  }
  for (const miss of single) {
    if (miss.shortfall <= cut) kept.push(miss.position);
    else counts[miss.rule]++;
  }
  kept.sort((a, b) => a - b);
  return { kept, excludedElsewhere: counts };
}

const bit = (rule: FeasibilityRule) => 1 << FEASIBILITY_RULES.indexOf(rule);
const SKILLS = bit('skills');
const CERTIFICATIONS = bit('certifications');
const DATES = bit('dates');
const HOURS = bit('hours');
const WAGE = bit('wage');
const COMMUTE = bit('commute');
const BLOCKED = bit('blocked');

/**
 * feasibility.ts's failedRules as a bit set (bit i: FEASIBILITY_RULES[i]), without allocating:
 * the same comparisons, and the commute from the same arithmetic as estimatedCommuteMinutes
 * (greatCircleKm's, with the vacancy's cosine computed once).
 */
/** The vacancy's numbers read once per screening: the vacancy object may be slow to read (spread-built). */
class VacancyTerms {
  readonly skills: { readonly code: string; readonly level: number }[];
  readonly certifications: readonly string[];
  readonly start: number;
  readonly end: number;
  readonly weeklyHours: number;
  readonly hourlyWage: number;
  readonly firmId: string;
  readonly lat: number;
  readonly lng: number;
  readonly cos: number;
  readonly commuteLimit: number;

  constructor(v: VacancyProfile) {
    const vacancy = v.vacancy;
    this.skills = vacancy.requiredSkills.map((skill) => ({ code: skill.code, level: skill.level }));
    this.certifications = [...vacancy.requiredCertifications];
    this.start = v.start;
    this.end = v.end;
    this.weeklyHours = vacancy.weeklyHours;
    this.hourlyWage = vacancy.hourlyWage;
    this.firmId = vacancy.firmId;
    this.lat = vacancy.location.lat;
    this.lng = vacancy.location.lng;
    this.cos = cosineOfLatitude(vacancy.location.lat);
    this.commuteLimit = v.commuteLimit;
  }
}

/**
 * feasibility.ts's failedRules as a bit set (bit i: FEASIBILITY_RULES[i]), without allocating:
 * the same comparisons, and the commute from the same arithmetic as estimatedCommuteMinutes
 * (greatCircleKm's, with the cosines computed beforehand).
 */
function failureBits(v: VacancyTerms, s: SeekerProfile, seekerCos: number): number {
  const seeker = s.seeker;
  let bits = 0;
  for (let i = 0; i < v.skills.length; i++) {
    if ((s.skillLevels.get(v.skills[i].code) ?? 0) < v.skills[i].level) {
      bits |= SKILLS;
      break;
    }
  }
  for (let i = 0; i < v.certifications.length; i++) {
    if (!s.certifications.has(v.certifications[i])) {
      bits |= CERTIFICATIONS;
      break;
    }
  }
  if (runContaining(s.free, v.start, v.end) === undefined) bits |= DATES;
  if (!(seeker.weeklyHours.min <= v.weeklyHours && v.weeklyHours <= seeker.weeklyHours.max)) bits |= HOURS;
  if (!(seeker.minHourlyWage === undefined || v.hourlyWage >= seeker.minHourlyWage)) bits |= WAGE;
  const from = seeker.location;
  const minutes = modelMinutes(COMMUTE_MODEL[seeker.commuteMode], greatCircleKmWithCosines(from.lat, from.lng, seekerCos, v.lat, v.lng, v.cos));
  if (!(minutes <= seeker.maxCommuteMinutes && minutes <= v.commuteLimit)) bits |= COMMUTE;
  if (s.blockedFirms.has(v.firmId)) bits |= BLOCKED;
  return bits;
}

const NO_SEEKERS: ReadonlySet<number> = new Set();
const NO_OVERRIDES: ReadonlyMap<number, number> = new Map();

/** The vacancy's profile for screenSeekers: no blocked seekers, no routing-engine minutes. */
export function screeningProfile(vacancy: Vacancy): VacancyProfile {
  return {
    index: 0,
    vacancy,
    start: toDay(vacancy.start),
    end: toDay(vacancy.end),
    commuteLimit: vacancy.maxCommuteMinutes ?? Infinity,
    blockedSeekers: NO_SEEKERS,
    commuteOverrides: NO_OVERRIDES,
  };
}
