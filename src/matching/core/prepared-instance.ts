import { toDay } from './calendar-days';
import { DayRun, mergeRuns, subtractRuns } from './day-runs';
import { canonicalOrder } from './canonical-order';
import { resolveWeights, ResolvedWeights } from './scoring';
import { Instance, Seeker, Vacancy } from './types';

/** A vacancy with what every pair check needs precomputed. */
export interface VacancyProfile {
  readonly index: number;
  readonly vacancy: Vacancy;
  readonly start: number;
  readonly end: number;
  /** The vacancy's own commute limit; Infinity when it sets none. */
  readonly commuteLimit: number;
  readonly blockedSeekers: ReadonlySet<number>;
  /** Routing-engine minutes by seeker index, overriding the model. */
  readonly commuteOverrides: ReadonlyMap<number, number>;
}

/** A seeker with merged day runs and lookup sets, so that a pair check is a few lookups. */
export interface SeekerProfile {
  readonly index: number;
  readonly seeker: Seeker;
  readonly skillLevels: ReadonlyMap<string, number>;
  readonly certifications: ReadonlySet<string>;
  readonly blockedFirms: ReadonlySet<string>;
  readonly availability: readonly DayRun[];
  readonly busy: readonly DayRun[];
  /** Days available and not busy. */
  readonly free: readonly DayRun[];
  readonly waitingSinceDay: number | undefined;
}

export interface PreparedInstance {
  /**
   * In canonical order (canonical-order.ts): by content, not by id or input position, so that
   * indices (and hence the search and every tie) are the same whatever the ids are called.
   */
  readonly vacancies: readonly VacancyProfile[];
  readonly seekers: readonly SeekerProfile[];
  readonly vacancyIndexById: ReadonlyMap<string, number>;
  readonly seekerIndexById: ReadonlyMap<string, number>;
  readonly weights: ResolvedWeights;
  readonly asOfDay: number | undefined;
  /** How many seekers have each skill code (at any level). */
  readonly seekerCountBySkill: ReadonlyMap<string, number>;
}

/** Plain code-unit order: the same on every machine and locale. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const toRuns = (ranges: Seeker['availability']): DayRun[] =>
  mergeRuns(ranges.map((range) => ({ start: toDay(range.start), end: toDay(range.end) })));

function prepareSeeker(seeker: Seeker, index: number): SeekerProfile {
  const availability = toRuns(seeker.availability);
  const busy = toRuns(seeker.busy);
  return {
    index,
    seeker,
    skillLevels: new Map(seeker.skills.map((skill) => [skill.code, skill.level])),
    certifications: new Set(seeker.certifications),
    blockedFirms: new Set(seeker.blockedFirmIds ?? []),
    availability,
    busy,
    free: subtractRuns(availability, busy),
    waitingSinceDay: seeker.waitingSince === undefined ? undefined : toDay(seeker.waitingSince),
  };
}

/** Expects an instance that passed validateInstance. */
export function prepareInstance(instance: Instance): PreparedInstance {
  const { vacancies: sortedVacancies, seekers: sortedSeekers } = canonicalOrder(instance);
  const vacancyIndexById = new Map(sortedVacancies.map((vacancy, index) => [vacancy.id, index]));
  const seekerIndexById = new Map(sortedSeekers.map((seeker, index) => [seeker.id, index]));

  const blockedByVacancy = sortedVacancies.map(() => new Set<number>());
  for (const pair of instance.blockedPairs ?? []) {
    blockedByVacancy[vacancyIndexById.get(pair.vacancyId)!].add(seekerIndexById.get(pair.seekerId)!);
  }
  const overridesByVacancy = sortedVacancies.map(() => new Map<number, number>());
  for (const entry of instance.commuteMinutes ?? []) {
    overridesByVacancy[vacancyIndexById.get(entry.vacancyId)!].set(seekerIndexById.get(entry.seekerId)!, entry.minutes);
  }

  const seekerCountBySkill = new Map<string, number>();
  for (const seeker of sortedSeekers) {
    for (const skill of seeker.skills) seekerCountBySkill.set(skill.code, (seekerCountBySkill.get(skill.code) ?? 0) + 1);
  }

  return {
    vacancies: sortedVacancies.map(
      (vacancy: Vacancy, index): VacancyProfile => ({
        index,
        vacancy,
        start: toDay(vacancy.start),
        end: toDay(vacancy.end),
        commuteLimit: vacancy.maxCommuteMinutes ?? Infinity,
        blockedSeekers: blockedByVacancy[index],
        commuteOverrides: overridesByVacancy[index],
      }),
    ),
    seekers: sortedSeekers.map(prepareSeeker),
    vacancyIndexById,
    seekerIndexById,
    weights: resolveWeights(instance.weights),
    asOfDay: instance.asOf === undefined ? undefined : toDay(instance.asOf),
    seekerCountBySkill,
  };
}
