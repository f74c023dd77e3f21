import { toDay } from './calendar-days';
import { DEFAULT_NEAR_MISS_LIMIT } from './diagnostics';
import { failedRules, failureShortfall } from './feasibility';
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
 * `blocked(i)` says whether the vacancy's rejected pairs name seeker i; `vacancy` must carry
 * no blocked seekers and no routing-engine minutes of its own (the profiles' indices are not
 * positions here).
 */
export function screenSeekers(
  vacancy: VacancyProfile,
  seekers: readonly SeekerProfile[],
  blocked: (position: number) => boolean,
  nearMissLimit = DEFAULT_NEAR_MISS_LIMIT,
): Screening {
  const counts = Object.fromEntries(FEASIBILITY_RULES.map((rule) => [rule, 0])) as RuleCounts;
  const kept: number[] = [];
  const single: { position: number; rule: FeasibilityRule; shortfall: number }[] = [];
  for (let position = 0; position < seekers.length; position++) {
    const seeker = seekers[position];
    const failed = failedRules(vacancy, seeker);
    if (blocked(position) && !failed.includes('blocked')) failed.push('blocked');
    if (failed.length === 0) kept.push(position);
    else if (failed.length === 1) single.push({ position, rule: failed[0], shortfall: failureShortfall(failed[0], vacancy, seeker) });
    else for (const rule of failed) counts[rule]++;
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
