import { reportedMinutes } from './commute';
import { diagnoseVacancy, VacancyDiagnostics } from './diagnostics';
import { feasibleCommuteMinutes } from './feasibility';
import { compareIds, prepareInstance } from './prepared-instance';
import { scorePair, toBreakdown } from './scoring';
import { buildSeekerColumns } from './seeker-columns';
import { Instance, ScoreBreakdown } from './types';

export interface RankedCandidate {
  readonly seekerId: string;
  readonly score: number;
  readonly breakdown: ScoreBreakdown;
  readonly commuteMinutes: number;
}

export interface CandidateRanking extends VacancyDiagnostics {
  readonly vacancyId: string;
  /** Feasible seekers, best score first, ties by seeker id; at most `limit`. */
  readonly candidates: RankedCandidate[];
}

/**
 * The live view of one vacancy: its feasible seekers ranked by score, with the same
 * diagnostics as an unfilled vacancy (counts per rule, near misses). Undefined when the
 * instance has no vacancy with that id. Expects an instance that passed validateInstance.
 */
export function rankCandidates(instance: Instance, vacancyId: string, limit: number): CandidateRanking | undefined {
  const prepared = prepareInstance(instance);
  const vacancyIndex = prepared.vacancyIndexById.get(vacancyId);
  if (vacancyIndex === undefined) return undefined;
  const vacancy = prepared.vacancies[vacancyIndex];

  const ranked: { seeker: number; score: number; parts: readonly number[]; commuteMinutes: number }[] = [];
  for (const seeker of prepared.seekers) {
    const commuteMinutes = feasibleCommuteMinutes(vacancy, seeker);
    if (commuteMinutes === undefined) continue;
    const { score, parts } = scorePair(vacancy, seeker, commuteMinutes, prepared);
    ranked.push({ seeker: seeker.index, score, parts, commuteMinutes });
  }
  ranked.sort((a, b) => b.score - a.score || compareIds(prepared.seekers[a.seeker].seeker.id, prepared.seekers[b.seeker].seeker.id));

  return {
    vacancyId,
    candidates: ranked.slice(0, Math.max(0, limit)).map((entry) => ({
      seekerId: prepared.seekers[entry.seeker].seeker.id,
      score: entry.score / 100,
      breakdown: toBreakdown(entry.parts),
      commuteMinutes: reportedMinutes(entry.commuteMinutes),
    })),
    ...diagnoseVacancy(prepared, buildSeekerColumns(prepared), vacancyIndex),
  };
}
