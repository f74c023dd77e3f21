import { reachKm } from './commute';
import { feasibleCommuteMinutes } from './feasibility';
import { OptimizationProblem } from './optimizer/optimization-problem';
import { compareIds, PreparedInstance, prepareInstance, VacancyProfile } from './prepared-instance';
import { scoreHundredths, scorePair } from './scoring';
import { Instance } from './types';
import { buildVacancyGrid, forEachVacancyWithin } from './vacancy-grid';

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

const NO_SKILL_KEY = '';

/**
 * A vacancy is filed under its required skill that the fewest seekers have (any required
 * skill is a sound filter: a seeker without it cannot qualify), or under '' if it needs none.
 */
function gridKey(vacancy: VacancyProfile, prepared: PreparedInstance): string {
  let key = NO_SKILL_KEY;
  let holders = Infinity;
  for (const skill of vacancy.vacancy.requiredSkills) {
    const count = prepared.seekerCountBySkill.get(skill.code) ?? 0;
    if (count < holders) [key, holders] = [skill.code, count];
  }
  return key;
}

export function buildCandidatesFrom(prepared: PreparedInstance): CandidateSet {
  const { vacancies, seekers } = prepared;
  const grid = buildVacancyGrid(vacancies.map((profile) => ({ location: profile.vacancy.location, key: gridKey(profile, prepared) })));
  const overridesBySeeker = commuteOverridesBySeeker(prepared);
  // Found in seeker order; plain number arrays grow cheaply and stay unboxed (small integers, doubles).
  const foundVacancy: number[] = [];
  const foundSeeker: number[] = [];
  const foundScore: number[] = [];
  const foundMinutes: number[] = [];
  let seeker = seekers[0];
  const consider = (vacancyIndex: number) => {
    const vacancy = vacancies[vacancyIndex];
    const commuteMinutes = feasibleCommuteMinutes(vacancy, seeker);
    if (commuteMinutes === undefined) return;
    foundVacancy.push(vacancyIndex);
    foundSeeker.push(seeker.index);
    foundScore.push(scoreHundredths(vacancy, seeker, commuteMinutes, prepared));
    foundMinutes.push(commuteMinutes);
  };
  const considerByModel = (vacancyIndex: number) => {
    // Pairs with routing-engine minutes are considered below, whatever the distance.
    if (!vacancies[vacancyIndex].commuteOverrides.has(seeker.index)) consider(vacancyIndex);
  };

  for (seeker of seekers) {
    const reach = reachKm(seeker.seeker.commuteMode, seeker.seeker.maxCommuteMinutes);
    forEachVacancyWithin(grid, [NO_SKILL_KEY, ...seeker.skillLevels.keys()], seeker.seeker.location, reach, considerByModel);
    for (const vacancyIndex of overridesBySeeker[seeker.index] ?? []) consider(vacancyIndex);
  }

  // Counting sort by vacancy; stable, and every seeker gives at most one pair per vacancy, so
  // pairs end sorted by vacancy, then seeker.
  const pairCount = foundVacancy.length;
  const rankedStart = new Int32Array(vacancies.length + 1);
  for (const vacancyIndex of foundVacancy) rankedStart[vacancyIndex + 1]++;
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
  for (let v = 0; v < vacancies.length; v++) {
    // Lists a coordinator reads break ties by seeker id, as documented (the search itself never looks at ids).
    rankedPairs
      .subarray(rankedStart[v], rankedStart[v + 1])
      .sort((a, b) => pairScore[b] - pairScore[a] || compareIds(seekers[pairSeeker[a]].seeker.id, seekers[pairSeeker[b]].seeker.id));
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

/** Vacancies with routing-engine minutes, by seeker (sparse: undefined for most seekers). */
function commuteOverridesBySeeker(prepared: PreparedInstance): (number[] | undefined)[] {
  const bySeeker: (number[] | undefined)[] = new Array(prepared.seekers.length);
  for (const vacancy of prepared.vacancies) {
    for (const seekerIndex of vacancy.commuteOverrides.keys()) (bySeeker[seekerIndex] ??= []).push(vacancy.index);
  }
  return bySeeker;
}
