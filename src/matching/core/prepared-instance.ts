import { toDay } from './calendar-days';
import { DayRun, forEachRunLeft, MergedRunScratch, mergeRuns, RunColumns, subtractRuns } from './day-runs';
import { canonicalPositions, firstAvailableDayOf, SEEKER_NUMBERS, VACANCY_NUMBERS, waitingDayOf, writeSeekerNumbers, writeVacancyNumbers } from './canonical-order';
import { resolveWeights, ResolvedWeights } from './scoring';
import { buildRuleColumns, SeekerRuleColumns } from './seeker-columns';
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
  readonly codes: SeekerCodes;
  /** The numbers the rules read of seeker i, at index i: what the pair search and diagnostics scan. */
  readonly rules: SeekerRuleColumns;
  /** The day seeker i waits since; NaN when it gives none. */
  readonly waitingSinceDays: Float64Array;
  /** 1 when seeker i refuses some firm. */
  readonly refusesFirms: Uint8Array;
}

/**
 * Small integers for the skill and certification codes the seekers list (in the order the
 * seekers first list them, seekers in canonical order), and every seeker's skills and
 * certifications as ids, end to end: pair checks index arrays instead of hashing strings.
 */
export interface SeekerCodes {
  readonly skillIds: ReadonlyMap<string, number>;
  readonly certificationIds: ReadonlyMap<string, number>;
  /** Seeker i's skills as listed: skill/level[skillFrom[i] .. skillFrom[i + 1] - 1]. */
  readonly skillFrom: Int32Array;
  readonly skill: Int32Array;
  readonly level: Float64Array;
  /** Seeker i's certifications as listed: certification[certificationFrom[i] .. certificationFrom[i + 1] - 1]. */
  readonly certificationFrom: Int32Array;
  readonly certification: Int32Array;
  /** How many seekers list each skill id (at any level). */
  readonly holders: Int32Array;
}

/** Plain code-unit order: the same on every machine and locale. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Shared by every profile without entries: read-only, so one instance serves all. */
const NO_CODES: ReadonlySet<string> = new Set();
const NO_SEEKERS: ReadonlySet<number> = new Set();
const NO_OVERRIDES: ReadonlyMap<number, number> = new Map();
const NO_RUNS: readonly DayRun[] = Object.freeze([]);

/** Merged runs of validated ranges; the first range's start day is given when the caller parsed it already. */
function toRuns(ranges: Seeker['availability'], firstStartDay?: number): readonly DayRun[] {
  // Most seekers are busy on no day: they share one empty list (profiles never change their runs).
  if (ranges.length === 0) return NO_RUNS;
  const firstStart = firstStartDay ?? toDay(ranges[0].start);
  // One range (the usual case) is already merged: no copy, no sort.
  if (ranges.length === 1) return [{ start: firstStart, end: toDay(ranges[0].end) }];
  return mergeRuns(ranges.map((range, index) => ({ start: index === 0 ? firstStart : toDay(range.start), end: toDay(range.end) })));
}

/** A seeker's merged day runs. */
interface SeekerRuns {
  readonly availability: readonly DayRun[];
  readonly busy: readonly DayRun[];
  readonly free: readonly DayRun[];
}

function seekerRuns(seeker: Seeker, firstAvailableDay: number | undefined): SeekerRuns {
  const availability = toRuns(seeker.availability, firstAvailableDay);
  const busy = toRuns(seeker.busy);
  return { availability, busy, free: busy.length === 0 ? availability : subtractRuns(availability, busy) };
}

/**
 * A seeker's profile whose lookup maps and day runs are built on first use: building the
 * pairs and the diagnostics read the seeker's own arrays and the typed rule columns, so a
 * match of 5,000 seekers no longer allocates a Map, two Sets and its runs per seeker (with
 * their collection, a fifth of preparing an instance) that only the few chosen pairs'
 * explanations and scores read.
 */
class LazySeekerProfile implements SeekerProfile {
  private skillLevelsBuilt: ReadonlyMap<string, number> | undefined = undefined;
  private certificationsBuilt: ReadonlySet<string> | undefined = undefined;
  private blockedFirmsBuilt: ReadonlySet<string> | undefined = undefined;
  private runs: SeekerRuns | undefined = undefined;

  constructor(
    readonly index: number,
    readonly seeker: Seeker,
    readonly waitingSinceDay: number | undefined,
    /** The day of the first availability range's start, when the caller parsed it already. */
    private readonly firstAvailableDay: number | undefined,
  ) {}

  get availability(): readonly DayRun[] {
    return this.runsOf().availability;
  }

  get busy(): readonly DayRun[] {
    return this.runsOf().busy;
  }

  get free(): readonly DayRun[] {
    return this.runsOf().free;
  }

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

  private runsOf(): SeekerRuns {
    return (this.runs ??= seekerRuns(this.seeker, this.firstAvailableDay));
  }
}

const codeSet = (codes: readonly string[]): ReadonlySet<string> => (codes.length === 0 ? NO_CODES : new Set(codes));

export function prepareSeeker(seeker: Seeker, index: number): SeekerProfile {
  return new LazySeekerProfile(index, seeker, seeker.waitingSince === undefined ? undefined : toDay(seeker.waitingSince), undefined);
}

/**
 * Free runs of seekers in the order they are written, end to end: seeker k's are
 * start/end[from[k] .. from[k + 1] - 1], by mergeRuns and subtractRuns' arithmetic on typed
 * scratch arrays, never a run object.
 */
class FreeRunWriter {
  readonly from: Int32Array;
  private readonly runs: RunColumns;
  private seekers = 0;
  private readonly available = new MergedRunScratch();
  private readonly busy = new MergedRunScratch();
  private readonly keep = (start: number, end: number) => this.runs.add(start, end);

  constructor(seekerCount: number) {
    this.from = new Int32Array(seekerCount + 1);
    this.runs = new RunColumns(seekerCount + 16);
  }

  get start(): Int32Array {
    return this.runs.start;
  }

  get end(): Int32Array {
    return this.runs.end;
  }

  /** The next seeker's free runs; its first availability range's start day is given (parsed already). */
  write(seeker: Seeker, firstAvailableDay: number | undefined): void {
    const availability = seeker.availability;
    const busy = seeker.busy;
    if (availability.length === 1 && busy.length === 0) {
      // The usual seeker: one range, no busy day, one run.
      this.runs.add(firstAvailableDay!, toDay(availability[0].end));
    } else if (availability.length > 0) {
      this.available.clear();
      for (let k = 0; k < availability.length; k++) this.available.add(k === 0 ? firstAvailableDay! : toDay(availability[k].start), toDay(availability[k].end));
      this.available.merge();
      this.busy.clear();
      for (let k = 0; k < busy.length; k++) this.busy.add(toDay(busy[k].start), toDay(busy[k].end));
      this.busy.merge();
      forEachRunLeft(this.available, this.busy, this.keep);
    }
    this.from[++this.seekers] = this.runs.length;
  }
}

/**
 * Expects an instance that passed validateInstance.
 *
 * Seekers are read in input order and written at their canonical index: the canonical order
 * is by latitude, so reading the seekers in it jumps across memory (each seeker's fields,
 * lists and objects lie where the input put them), and those cache misses cost more than the
 * work itself. What the pair search reads per seeker ends up in typed columns.
 */
export function prepareInstance(instance: Instance): PreparedInstance {
  const inputVacancies = instance.vacancies;
  const inputSeekers = instance.seekers;
  // Every date is parsed once: the ordering numbers hold the days the profiles need too.
  const vacancyNumbers = new Float64Array(inputVacancies.length * VACANCY_NUMBERS);
  for (let at = 0; at < inputVacancies.length; at++) {
    const vacancy = inputVacancies[at];
    writeVacancyNumbers(vacancy, toDay(vacancy.start), toDay(vacancy.end), vacancyNumbers, at);
  }
  const seekerNumbers = new Float64Array(inputSeekers.length * SEEKER_NUMBERS);
  for (let at = 0; at < inputSeekers.length; at++) {
    const seeker = inputSeekers[at];
    writeSeekerNumbers(seeker, waitingDayOf(seeker), firstAvailableDayOf(seeker), seekerNumbers, at);
  }
  const order = canonicalPositions(instance, vacancyNumbers, seekerNumbers);
  const vacancyRank = inverse(order.vacancies);
  const seekerRank = inverse(order.seekers);

  // Most vacancies have no blocked pair and no routing-engine minutes: they share the empty ones.
  // Only the ids that relations name are looked up, not a map of every id.
  const blockedByVacancy: Set<number>[] = new Array(inputVacancies.length);
  const overridesByVacancy: Map<number, number>[] = new Array(inputVacancies.length);
  const blockedPairs = instance.blockedPairs ?? [];
  const commuteMinutes = instance.commuteMinutes ?? [];
  if (blockedPairs.length > 0 || commuteMinutes.length > 0) {
    const vacancyIndex = new Map<string, number>();
    const seekerIndex = new Map<string, number>();
    for (const entry of [...blockedPairs, ...commuteMinutes]) {
      vacancyIndex.set(entry.vacancyId, -1);
      seekerIndex.set(entry.seekerId, -1);
    }
    indexNamed(inputVacancies, vacancyRank, vacancyIndex);
    indexNamed(inputSeekers, seekerRank, seekerIndex);
    for (const pair of blockedPairs) (blockedByVacancy[vacancyIndex.get(pair.vacancyId)!] ??= new Set()).add(seekerIndex.get(pair.seekerId)!);
    for (const entry of commuteMinutes) {
      (overridesByVacancy[vacancyIndex.get(entry.vacancyId)!] ??= new Map()).set(seekerIndex.get(entry.seekerId)!, entry.minutes);
    }
  }

  const vacancies: VacancyProfile[] = new Array(inputVacancies.length);
  for (let index = 0; index < vacancies.length; index++) {
    const vacancy = inputVacancies[order.vacancies[index]];
    const at = order.vacancies[index] * VACANCY_NUMBERS;
    vacancies[index] = {
      index,
      vacancy,
      start: vacancyNumbers[at],
      end: vacancyNumbers[at + 1],
      commuteLimit: vacancy.maxCommuteMinutes ?? Infinity,
      blockedSeekers: blockedByVacancy[index] ?? NO_SEEKERS,
      commuteOverrides: overridesByVacancy[index] ?? NO_OVERRIDES,
    };
  }
  const seekers: SeekerProfile[] = new Array(inputSeekers.length);
  const waitingSinceDays = new Float64Array(inputSeekers.length);
  const refusesFirms = new Uint8Array(inputSeekers.length);
  const freeRuns = new FreeRunWriter(inputSeekers.length);
  for (let at = 0; at < inputSeekers.length; at++) {
    const seeker = inputSeekers[at];
    const index = seekerRank[at];
    const waiting = seeker.waitingSince === undefined ? undefined : seekerNumbers[at * SEEKER_NUMBERS + 6];
    const firstAvailableDay = seeker.availability.length === 0 ? undefined : seekerNumbers[at * SEEKER_NUMBERS + 7];
    freeRuns.write(seeker, firstAvailableDay);
    seekers[index] = new LazySeekerProfile(index, seeker, waiting, firstAvailableDay);
    waitingSinceDays[index] = waiting ?? NaN;
    refusesFirms[index] = (seeker.blockedFirmIds?.length ?? 0) > 0 ? 1 : 0;
  }
  return new Prepared(
    vacancies,
    seekers,
    resolveWeights(instance.weights),
    instance.asOf === undefined ? undefined : toDay(instance.asOf),
    seekerCodes(inputSeekers, seekerRank),
    buildRuleColumns(seekers, undefined, seekerRank, freeRuns),
    waitingSinceDays,
    refusesFirms,
  );
}

/** rank[position] = k where positions[k] = position. */
function inverse(positions: Int32Array): Int32Array {
  const rank = new Int32Array(positions.length);
  for (let k = 0; k < positions.length; k++) rank[positions[k]] = k;
  return rank;
}

/** Sets the canonical index of every item whose id is a key of `indexById` (items in input order). */
function indexNamed(items: readonly { readonly id: string }[], rank: Int32Array, indexById: Map<string, number>): void {
  for (let at = 0; at < items.length; at++) {
    if (indexById.has(items[at].id)) indexById.set(items[at].id, rank[at]);
  }
}

/** The id maps are built on first use: matching itself reads indices only (relations are resolved above). */
class Prepared implements PreparedInstance {
  private vacancyIndexByIdBuilt: ReadonlyMap<string, number> | undefined = undefined;
  private seekerIndexByIdBuilt: ReadonlyMap<string, number> | undefined = undefined;

  constructor(
    readonly vacancies: readonly VacancyProfile[],
    readonly seekers: readonly SeekerProfile[],
    readonly weights: ResolvedWeights,
    readonly asOfDay: number | undefined,
    readonly codes: SeekerCodes,
    readonly rules: SeekerRuleColumns,
    readonly waitingSinceDays: Float64Array,
    readonly refusesFirms: Uint8Array,
  ) {}

  get vacancyIndexById(): ReadonlyMap<string, number> {
    return (this.vacancyIndexByIdBuilt ??= new Map(this.vacancies.map((profile) => [profile.vacancy.id, profile.index])));
  }

  get seekerIndexById(): ReadonlyMap<string, number> {
    return (this.seekerIndexByIdBuilt ??= new Map(this.seekers.map((profile) => [profile.seeker.id, profile.index])));
  }
}

/** Codes in input order (see prepareInstance), numbered by first appearance in canonical order. */
function seekerCodes(seekers: readonly Seeker[], rank: Int32Array): SeekerCodes {
  const count = seekers.length;
  const skillFrom = new Int32Array(count + 1);
  const certificationFrom = new Int32Array(count + 1);
  for (let at = 0; at < count; at++) {
    skillFrom[rank[at] + 1] = seekers[at].skills.length;
    certificationFrom[rank[at] + 1] = seekers[at].certifications.length;
  }
  for (let i = 0; i < count; i++) {
    skillFrom[i + 1] += skillFrom[i];
    certificationFrom[i + 1] += certificationFrom[i];
  }
  const skillIds = new Map<string, number>();
  const certificationIds = new Map<string, number>();
  const skill = new Int32Array(skillFrom[count]);
  const level = new Float64Array(skillFrom[count]);
  const certification = new Int32Array(certificationFrom[count]);
  for (let at = 0; at < count; at++) {
    const seeker = seekers[at];
    const skills = seeker.skills;
    let to = skillFrom[rank[at]];
    for (let k = 0; k < skills.length; k++) {
      skill[to] = idOf(skillIds, skills[k].code);
      level[to++] = skills[k].level;
    }
    const held = seeker.certifications;
    to = certificationFrom[rank[at]];
    for (let k = 0; k < held.length; k++) certification[to++] = idOf(certificationIds, held[k]);
  }
  const skillCodes = renumberByFirstUse(skill, skillIds);
  // Validation rejects a seeker listing a code twice: one listing is one holder.
  const holders = new Int32Array(skillCodes.size);
  for (let at = 0; at < skill.length; at++) holders[skill[at]]++;
  return { skillIds: skillCodes, certificationIds: renumberByFirstUse(certification, certificationIds), skillFrom, skill, level, certificationFrom, certification, holders };
}

function idOf(ids: Map<string, number>, code: string): number {
  let id = ids.get(code);
  if (id === undefined) ids.set(code, (id = ids.size));
  return id;
}

/**
 * Renumbers the ids in `listed` (seekers in canonical order) by first appearance, so that
 * they do not depend on the input's order; returns the codes' new ids, in id order.
 */
function renumberByFirstUse(listed: Int32Array, ids: ReadonlyMap<string, number>): Map<string, number> {
  const renumbered = new Int32Array(ids.size).fill(-1);
  let next = 0;
  for (let at = 0; at < listed.length; at++) {
    const id = listed[at];
    if (renumbered[id] < 0) renumbered[id] = next++;
    listed[at] = renumbered[id];
  }
  const codes: string[] = new Array(ids.size);
  for (const [code, id] of ids) codes[renumbered[id]] = code;
  return new Map(codes.map((code, id) => [code, id]));
}
