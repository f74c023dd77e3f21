import { buildCandidates, CandidateSet, pairParts } from './candidates';
import { reportedMinutes } from './commute';
import { diagnoseVacancy } from './diagnostics';
import { optimize } from './optimizer/optimize';
import { OptimizationResult } from './optimizer/optimization-problem';
import { compareIds, PreparedInstance, VacancyProfile } from './prepared-instance';
import { buildSeekerColumns } from './seeker-columns';
import { toBreakdown } from './scoring';
import { Alternative, Assignment, CandidatePair, Instance, MatchResult, UnfilledVacancy } from './types';

export interface MatchOptions {
  /** Ranked alternatives per vacancy (default 3). */
  readonly alternatives?: number;
  /** Adds every feasible pair with its score. */
  readonly candidates?: boolean;
  /** Stop searching after this many milliseconds and return the best solution found. */
  readonly timeLimitMs?: number;
}

export const DEFAULT_ALTERNATIVES = 3;

/**
 * The matching engine (docs/matching-contract.md): proposes placements that fill as many
 * vacancies as possible, then maximise the total score, and explains the rest.
 * Expects an instance that passed validateInstance. Same instance, same result.
 */
export function match(instance: Instance, options: MatchOptions = {}): MatchResult {
  const alternativeCount = options.alternatives ?? DEFAULT_ALTERNATIVES;
  if (!Number.isInteger(alternativeCount) || alternativeCount < 0) {
    throw new RangeError(`alternatives must be a non-negative integer, got ${alternativeCount}`);
  }
  const startedAt = performance.now();
  const candidateSet = buildCandidates(instance);
  // The limit counts from the call: building the pairs (seconds at national scale) spends it too.
  const timeLimitMs =
    options.timeLimitMs === undefined ? undefined : Math.max(0, options.timeLimitMs - (performance.now() - startedAt));
  const optimization = optimize(candidateSet.problem, { timeLimitMs });

  const assignedSeeker = new Int32Array(candidateSet.prepared.vacancies.length).fill(-1);
  for (const pairIndex of optimization.chosenPairs) assignedSeeker[candidateSet.pairVacancy[pairIndex]] = candidateSet.pairSeeker[pairIndex];
  const assignments = assembleAssignments(candidateSet, optimization);
  const byId = vacancyIdOrder(candidateSet.prepared);
  const alternatives = assembleAlternatives(candidateSet, byId, assignedSeeker, alternativeCount);
  const unfilledVacancies = byId.filter((vacancy) => assignedSeeker[vacancy.index] < 0);
  const columns = unfilledVacancies.length > 0 ? buildSeekerColumns(candidateSet.prepared) : undefined;
  const unfilled = unfilledVacancies.map(
    (vacancy): UnfilledVacancy => ({ vacancyId: vacancy.vacancy.id, ...diagnoseVacancy(candidateSet.prepared, columns!, vacancy.index) }),
  );
  const totalHundredths = optimization.chosenPairs.reduce((sum, index) => sum + candidateSet.pairScore[index], 0);

  return {
    assignments,
    alternatives,
    unfilled,
    ...(options.candidates ? { candidates: assembleCandidates(candidateSet, byId) } : {}),
    stats: {
      vacancies: candidateSet.prepared.vacancies.length,
      seekers: candidateSet.prepared.seekers.length,
      candidatePairs: candidateSet.problem.pairs.length,
      components: optimization.components,
      largestComponent: optimization.largestComponent,
      filled: assignments.length,
      totalScore: totalHundredths / 100,
      optimal: optimization.optimal,
      gap: optimization.gap,
      solveMs: Math.round(performance.now() - startedAt),
    },
  };
}

function assembleAssignments(candidateSet: CandidateSet, optimization: OptimizationResult): Assignment[] {
  const { prepared, pairVacancy, pairSeeker, pairScore, pairCommuteMinutes } = candidateSet;
  // Pairs are sorted by vacancy, and vacancy ids sort like their indices only in id order: sort by id.
  return optimization.chosenPairs
    .map((pairIndex) => ({
      vacancyId: prepared.vacancies[pairVacancy[pairIndex]].vacancy.id,
      seekerId: prepared.seekers[pairSeeker[pairIndex]].seeker.id,
      score: pairScore[pairIndex] / 100,
      breakdown: toBreakdown(pairParts(candidateSet, pairIndex)),
      commuteMinutes: reportedMinutes(pairCommuteMinutes[pairIndex]),
    }))
    .sort((a, b) => compareIds(a.vacancyId, b.vacancyId));
}

function assembleAlternatives(
  candidateSet: CandidateSet,
  vacanciesById: readonly VacancyProfile[],
  assignedSeeker: Int32Array,
  count: number,
): { [vacancyId: string]: Alternative[] } {
  const { prepared, pairSeeker, pairScore, rankedStart, rankedPairs } = candidateSet;
  const entries: [string, Alternative[]][] = [];
  for (const vacancy of vacanciesById) {
    const ranked: Alternative[] = [];
    for (let at = rankedStart[vacancy.index]; at < rankedStart[vacancy.index + 1] && ranked.length < count; at++) {
      const pairIndex = rankedPairs[at];
      if (pairSeeker[pairIndex] === assignedSeeker[vacancy.index]) continue;
      ranked.push({ seekerId: prepared.seekers[pairSeeker[pairIndex]].seeker.id, score: pairScore[pairIndex] / 100 });
    }
    if (ranked.length > 0) entries.push([vacancy.vacancy.id, ranked]);
  }
  // fromEntries defines own properties, so even an id like "__proto__" stays a plain key.
  return Object.fromEntries(entries);
}

function assembleCandidates(candidateSet: CandidateSet, vacanciesById: readonly VacancyProfile[]): CandidatePair[] {
  const { prepared, pairSeeker, pairScore, pairCommuteMinutes, rankedStart, rankedPairs } = candidateSet;
  const listed: CandidatePair[] = [];
  for (const vacancy of vacanciesById) {
    for (let at = rankedStart[vacancy.index]; at < rankedStart[vacancy.index + 1]; at++) {
      const pairIndex = rankedPairs[at];
      listed.push({
        vacancyId: vacancy.vacancy.id,
        seekerId: prepared.seekers[pairSeeker[pairIndex]].seeker.id,
        score: pairScore[pairIndex] / 100,
        commuteMinutes: reportedMinutes(pairCommuteMinutes[pairIndex]),
      });
    }
  }
  return listed;
}

/** The result lists vacancies by id (matching-contract.md); the engine's own order is canonical. */
function vacancyIdOrder(prepared: PreparedInstance): VacancyProfile[] {
  return [...prepared.vacancies].sort((a, b) => compareIds(a.vacancy.id, b.vacancy.id));
}
