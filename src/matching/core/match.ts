import { buildCandidates, CandidateSet } from './candidates';
import { reportedMinutes } from './commute';
import { diagnoseVacancy } from './diagnostics';
import { optimize } from './optimizer/optimize';
import { OptimizationResult } from './optimizer/optimization-problem';
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

  const assignedSeeker = new Map<number, number>();
  for (const pairIndex of optimization.chosenPairs) {
    const pair = candidateSet.problem.pairs[pairIndex];
    assignedSeeker.set(pair.vacancy, pair.seeker);
  }
  const assignments = assembleAssignments(candidateSet, optimization);
  const alternatives = assembleAlternatives(candidateSet, assignedSeeker, alternativeCount);
  const unfilledVacancies = candidateSet.prepared.vacancies.filter((vacancy) => !assignedSeeker.has(vacancy.index));
  const columns = unfilledVacancies.length > 0 ? buildSeekerColumns(candidateSet.prepared) : undefined;
  const unfilled = unfilledVacancies.map(
    (vacancy): UnfilledVacancy => ({ vacancyId: vacancy.vacancy.id, ...diagnoseVacancy(candidateSet.prepared, columns!, vacancy.index) }),
  );
  const totalHundredths = optimization.chosenPairs.reduce((sum, index) => sum + candidateSet.details[index].scoreHundredths, 0);

  return {
    assignments,
    alternatives,
    unfilled,
    ...(options.candidates ? { candidates: assembleCandidates(candidateSet) } : {}),
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
  const { prepared, details } = candidateSet;
  return optimization.chosenPairs
    .map((pairIndex) => details[pairIndex])
    .sort((a, b) => a.vacancy - b.vacancy)
    .map((detail) => ({
      vacancyId: prepared.vacancies[detail.vacancy].vacancy.id,
      seekerId: prepared.seekers[detail.seeker].seeker.id,
      score: detail.scoreHundredths / 100,
      breakdown: toBreakdown(detail.parts),
      commuteMinutes: reportedMinutes(detail.commuteMinutes),
    }));
}

function assembleAlternatives(
  candidateSet: CandidateSet,
  assignedSeeker: ReadonlyMap<number, number>,
  count: number,
): { [vacancyId: string]: Alternative[] } {
  const { prepared, details, pairsByVacancy } = candidateSet;
  const entries: [string, Alternative[]][] = [];
  for (const vacancy of prepared.vacancies) {
    const ranked = pairsByVacancy[vacancy.index]
      .map((pairIndex) => details[pairIndex])
      .filter((detail) => detail.seeker !== assignedSeeker.get(vacancy.index))
      .slice(0, count)
      .map((detail) => ({ seekerId: prepared.seekers[detail.seeker].seeker.id, score: detail.scoreHundredths / 100 }));
    if (ranked.length > 0) entries.push([vacancy.vacancy.id, ranked]);
  }
  // fromEntries defines own properties, so even an id like "__proto__" stays a plain key.
  return Object.fromEntries(entries);
}

function assembleCandidates(candidateSet: CandidateSet): CandidatePair[] {
  const { prepared, details, pairsByVacancy } = candidateSet;
  return pairsByVacancy.flatMap((pairIndices) =>
    pairIndices.map((pairIndex) => {
      const detail = details[pairIndex];
      return {
        vacancyId: prepared.vacancies[detail.vacancy].vacancy.id,
        seekerId: prepared.seekers[detail.seeker].seeker.id,
        score: detail.scoreHundredths / 100,
        commuteMinutes: reportedMinutes(detail.commuteMinutes),
      };
    }),
  );
}
