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

/** Shared by every profile without entries: read-only, so one instance serves all. */
const NO_CODES: ReadonlySet<string> = new Set();
const NO_SEEKERS: ReadonlySet<number> = new Set();
const NO_OVERRIDES: ReadonlyMap<number, number> = new Map();

function toRuns(ranges: Seeker['availability']): DayRun[] {
  if (ranges.length === 0) return [];
  // One range (the usual case) is already merged: no copy, no sort.
  if (ranges.length === 1) return [{ start: toDay(ranges[0].start), end: toDay(ranges[0].end) }];
  return mergeRuns(ranges.map((range) => ({ start: toDay(range.start), end: toDay(range.end) })));
}

/**
 * A seeker's profile whose lookup maps are built on first use: building the pairs and the
 * diagnostics read the seeker's own arrays, so a match of 5,000 seekers no longer allocates
 * a Map and two Sets per seeker (with their collection, a fifth of preparing an instance)
 * that only the few chosen pairs' explanations and scores read.
 */
class LazySeekerProfile implements SeekerProfile {
  private skillLevelsBuilt: ReadonlyMap<string, number> | undefined = undefined;
  private certificationsBuilt: ReadonlySet<string> | undefined = undefined;
  private blockedFirmsBuilt: ReadonlySet<string> | undefined = undefined;

  constructor(
    readonly index: number,
    readonly seeker: Seeker,
    readonly availability: readonly DayRun[],
    readonly busy: readonly DayRun[],
    readonly free: readonly DayRun[],
    readonly waitingSinceDay: number | undefined,
  ) {}

  get skillLevels(): ReadonlyMap<string, number> {
    if (this.skillLevelsBuilt === undefined) {
      const levels = new Map<string, number>();
      for (const skill of this.seeker.skills) levels.set(skill.code, skill.level);
      this.skillLevelsBuilt = levels;
    }
    return this.skillLevelsBuilt;
  }

  get certifications(): ReadonlySet<string> {
    return (this.certificationsBuilt ??= codeSet(this.seeker.certifications));
  }

  get blockedFirms(): ReadonlySet<string> {
    return (this.blockedFirmsBuilt ??= codeSet(this.seeker.blockedFirmIds ?? []));
  }
}

const codeSet = (codes: readonly string[]): ReadonlySet<string> => (codes.length === 0 ? NO_CODES : new Set(codes));

export function prepareSeeker(seeker: Seeker, index: number): SeekerProfile {
  const availability = toRuns(seeker.availability);
  const busy = toRuns(seeker.busy);
  return new LazySeekerProfile(
    index,
    seeker,
    availability,
    busy,
    busy.length === 0 ? availability : subtractRuns(availability, busy),
    seeker.waitingSince === undefined ? undefined : toDay(seeker.waitingSince),
  );
}

/** Expects an instance that passed validateInstance. */
export function prepareInstance(instance: Instance): PreparedInstance {
  const { vacancies: sortedVacancies, seekers: sortedSeekers } = canonicalOrder(instance);
  const vacancyIndexById = new Map(sortedVacancies.map((vacancy, index) => [vacancy.id, index]));
  const seekerIndexById = new Map(sortedSeekers.map((seeker, index) => [seeker.id, index]));

  // Most vacancies have no blocked pair and no routing-engine minutes: they share the empty ones.
  const blockedByVacancy: Set<number>[] = new Array(sortedVacancies.length);
  for (const pair of instance.blockedPairs ?? []) {
    (blockedByVacancy[vacancyIndexById.get(pair.vacancyId)!] ??= new Set()).add(seekerIndexById.get(pair.seekerId)!);
  }
  const overridesByVacancy: Map<number, number>[] = new Array(sortedVacancies.length);
  for (const entry of instance.commuteMinutes ?? []) {
    (overridesByVacancy[vacancyIndexById.get(entry.vacancyId)!] ??= new Map()).set(seekerIndexById.get(entry.seekerId)!, entry.minutes);
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
        blockedSeekers: blockedByVacancy[index] ?? NO_SEEKERS,
        commuteOverrides: overridesByVacancy[index] ?? NO_OVERRIDES,
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
