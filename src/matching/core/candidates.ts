import { reachKm } from './commute';
import { feasibleCommuteMinutes } from './feasibility';
import { OptimizationProblem } from './optimizer/optimization-problem';
import { PreparedInstance, prepareInstance, VacancyProfile } from './prepared-instance';
import { scorePair } from './scoring';
import { Instance } from './types';
import { buildVacancyGrid, forEachVacancyWithin } from './vacancy-grid';

export interface CandidateDetail {
  readonly vacancy: number;
  readonly seeker: number;
  /** Integer hundredths. */
  readonly scoreHundredths: number;
  /** Integer hundredths per score part (SCORE_PARTS order). */
  readonly parts: readonly number[];
  readonly commuteMinutes: number;
}

export interface CandidateSet {
  readonly prepared: PreparedInstance;
  /** Indices refer to prepared.vacancies / prepared.seekers (both sorted by id). */
  readonly problem: OptimizationProblem;
  /** Parallel to problem.pairs, sorted by vacancy then seeker. */
  readonly details: readonly CandidateDetail[];
  /** Per vacancy, indices into problem.pairs: best score first, then by seeker id. */
  readonly pairsByVacancy: readonly (readonly number[])[];
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
  const found: CandidateDetail[] = [];
  const consider = (vacancyIndex: number, seekerIndex: number) => {
    const vacancy = vacancies[vacancyIndex];
    const seeker = seekers[seekerIndex];
    const commuteMinutes = feasibleCommuteMinutes(vacancy, seeker);
    if (commuteMinutes === undefined) return;
    const { score, parts } = scorePair(vacancy, seeker, commuteMinutes, prepared);
    found.push({ vacancy: vacancyIndex, seeker: seekerIndex, scoreHundredths: score, parts, commuteMinutes });
  };

  for (const seeker of seekers) {
    const reach = reachKm(seeker.seeker.commuteMode, seeker.seeker.maxCommuteMinutes);
    const keys = [NO_SKILL_KEY, ...seeker.skillLevels.keys()];
    forEachVacancyWithin(grid, keys, seeker.seeker.location, reach, (vacancyIndex) => {
      // Pairs with routing-engine minutes are considered below, whatever the distance.
      if (!vacancies[vacancyIndex].commuteOverrides.has(seeker.index)) consider(vacancyIndex, seeker.index);
    });
  }
  for (const vacancy of vacancies) {
    for (const seekerIndex of vacancy.commuteOverrides.keys()) consider(vacancy.index, seekerIndex);
  }

  found.sort((a, b) => a.vacancy - b.vacancy || a.seeker - b.seeker);
  const pairsByVacancy: number[][] = vacancies.map(() => []);
  found.forEach((detail, pairIndex) => pairsByVacancy[detail.vacancy].push(pairIndex));
  for (const list of pairsByVacancy) {
    // Seekers are indexed in id order, so the index breaks ties by id.
    list.sort((a, b) => found[b].scoreHundredths - found[a].scoreHundredths || found[a].seeker - found[b].seeker);
  }

  return {
    prepared,
    problem: {
      vacancyPeriods: vacancies.map((vacancy) => ({ start: vacancy.start, end: vacancy.end })),
      seekerCount: seekers.length,
      pairs: found.map((detail) => ({ vacancy: detail.vacancy, seeker: detail.seeker, score: detail.scoreHundredths / 100 })),
    },
    details: found,
    pairsByVacancy,
  };
}
