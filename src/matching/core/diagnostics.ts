import { explainFailure, failedRules } from './feasibility';
import { PreparedInstance } from './prepared-instance';
import { FEASIBILITY_RULES, FeasibilityRule, NearMiss } from './types';

export const DEFAULT_NEAR_MISS_LIMIT = 5;

export interface VacancyDiagnostics {
  readonly feasibleCandidates: number;
  /** Seekers failing each rule; a seeker failing two rules counts under both. */
  readonly excludedBy: { [rule in FeasibilityRule]: number };
  /** Seekers failing exactly one rule, closest to passing first. */
  readonly nearMisses: NearMiss[];
}

/**
 * Why a vacancy has few or no candidates: every seeker is checked against every rule (a full
 * scan, so run it only for the vacancies that need it).
 */
export function diagnoseVacancy(
  prepared: PreparedInstance,
  vacancyIndex: number,
  nearMissLimit = DEFAULT_NEAR_MISS_LIMIT,
): VacancyDiagnostics {
  const vacancy = prepared.vacancies[vacancyIndex];
  const excludedBy = Object.fromEntries(FEASIBILITY_RULES.map((rule) => [rule, 0])) as { [rule in FeasibilityRule]: number };
  let feasibleCandidates = 0;
  const misses: { seeker: number; failed: FeasibilityRule; detail: string; shortfall: number }[] = [];

  for (const seeker of prepared.seekers) {
    const failed = failedRules(vacancy, seeker);
    if (failed.length === 0) feasibleCandidates++;
    for (const rule of failed) excludedBy[rule]++;
    if (failed.length === 1) {
      const { detail, shortfall } = explainFailure(failed[0], vacancy, seeker);
      misses.push({ seeker: seeker.index, failed: failed[0], detail, shortfall });
    }
  }

  // Seekers are indexed in id order, so the index breaks ties by id.
  misses.sort((a, b) => a.shortfall - b.shortfall || a.seeker - b.seeker);
  return {
    feasibleCandidates,
    excludedBy,
    nearMisses: misses.slice(0, nearMissLimit).map((miss) => ({
      seekerId: prepared.seekers[miss.seeker].seeker.id,
      failed: miss.failed,
      detail: miss.detail,
    })),
  };
}
