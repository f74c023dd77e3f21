import { findFeasiblePairs } from './feasible-pairs';
import { OptimizationProblem } from './optimizer/optimization-problem';
import { compareIds, PreparedInstance, prepareInstance } from './prepared-instance';
import { scorePair } from './scoring';
import { sortRange, sortRangeByScore } from './sort-range';
import { Instance } from './types';

export interface CandidateSet {
  readonly prepared: PreparedInstance;
  /** Indices refer to prepared.vacancies / prepared.seekers (both in canonical order). */
  readonly problem: OptimizationProblem;
  /** Columns parallel to problem.pairs, which are sorted by vacancy, then seeker. */
  readonly pairVacancy: Int32Array;
  readonly pairSeeker: Int32Array;
  /** Integer hundredths. */
  readonly pairScore: Int32Array;
  readonly pairCommuteMinutes: Float64Array;
  /**
   * Per vacancy v, rankedPairs[rankedStart[v] .. rankedStart[v + 1] - 1] are its pairs (indices
   * into problem.pairs), best score first, then by seeker id.
   */
  readonly rankedStart: Int32Array;
  readonly rankedPairs: Int32Array;
}

/** Integer hundredths per score part (SCORE_PARTS order) of one pair: only chosen pairs need them. */
export function pairParts(candidateSet: CandidateSet, pairIndex: number): readonly number[] {
  const { prepared } = candidateSet;
  const vacancy = prepared.vacancies[candidateSet.pairVacancy[pairIndex]];
  const seeker = prepared.seekers[candidateSet.pairSeeker[pairIndex]];
  return scorePair(vacancy, seeker, candidateSet.pairCommuteMinutes[pairIndex], prepared).parts;
}

/**
 * Every feasible (vacancy, seeker) pair with its score. Each seeker is tested only against
 * the vacancies within its commute reach (plus the pairs with routing-engine minutes), so
 * the work grows with the pairs that could work, not with vacancies × seekers.
 */
export function buildCandidates(instance: Instance): CandidateSet {
  return buildCandidatesFrom(prepareInstance(instance));
}

export function buildCandidatesFrom(prepared: PreparedInstance): CandidateSet {
  const { vacancies, seekers } = prepared;
  const found = findFeasiblePairs(prepared);
  const foundVacancy = found.vacancy;
  const foundSeeker = found.seeker;
  const foundScore = found.score;
  const foundMinutes = found.minutes;

  // Counting sort by vacancy; stable, and every seeker gives at most one pair per vacancy, so
  // pairs end sorted by vacancy, then seeker.
  const pairCount = found.count;
  const rankedStart = new Int32Array(vacancies.length + 1);
  for (let at = 0; at < pairCount; at++) rankedStart[foundVacancy[at] + 1]++;
  for (let v = 0; v < vacancies.length; v++) rankedStart[v + 1] += rankedStart[v];
  const next = rankedStart.slice(0, vacancies.length);
  const pairVacancy = new Int32Array(pairCount);
  const pairSeeker = new Int32Array(pairCount);
  const pairScore = new Int32Array(pairCount);
  const pairCommuteMinutes = new Float64Array(pairCount);
  for (let found = 0; found < pairCount; found++) {
    const at = next[foundVacancy[found]]++;
    pairVacancy[at] = foundVacancy[found];
    pairSeeker[at] = foundSeeker[found];
    pairScore[at] = foundScore[found];
    pairCommuteMinutes[at] = foundMinutes[found];
  }
  const rankedPairs = new Int32Array(pairCount);
  for (let pair = 0; pair < pairCount; pair++) rankedPairs[pair] = pair;
  // Lists a coordinator reads break ties by seeker id, as documented (the search itself never
  // looks at ids): by score first, then each run of equal scores (rare, and short) by id.
  let largest = 0;
  for (let v = 0; v < vacancies.length; v++) largest = Math.max(largest, rankedStart[v + 1] - rankedStart[v]);
  const scratch = new Int32Array(largest);
  const byId = (a: number, b: number) => compareIds(seekers[pairSeeker[a]].seeker.id, seekers[pairSeeker[b]].seeker.id);
  for (let v = 0; v < vacancies.length; v++) {
    const end = rankedStart[v + 1];
    sortRangeByScore(rankedPairs, rankedStart[v], end, pairScore, pairSeeker, scratch);
    for (let from = rankedStart[v]; from < end; ) {
      let to = from + 1;
      while (to < end && pairScore[rankedPairs[to]] === pairScore[rankedPairs[from]]) to++;
      if (to - from > 1) sortRange(rankedPairs, from, to, byId);
      from = to;
    }
  }

  const pairs = new Array<{ vacancy: number; seeker: number; score: number }>(pairCount);
  for (let pair = 0; pair < pairCount; pair++) pairs[pair] = { vacancy: pairVacancy[pair], seeker: pairSeeker[pair], score: pairScore[pair] / 100 };
  return {
    prepared,
    problem: {
      vacancyPeriods: vacancies.map((vacancy) => ({ start: vacancy.start, end: vacancy.end })),
      seekerCount: seekers.length,
      pairs,
    },
    pairVacancy,
    pairSeeker,
    pairScore,
    pairCommuteMinutes,
    rankedStart,
    rankedPairs,
  };
}


