import { toDay } from './calendar-days';
import { DEFAULT_NEAR_MISS_LIMIT } from './diagnostics';
import { COMMUTE_MODEL, cosineOfLatitude, greatCircleKmWithCosines } from './commute';
import { UNFIXABLE } from './feasibility';
import { SeekerProfile, VacancyProfile } from './prepared-instance';
import { boundedVerdict, FAILS, reachHaversine, reachHaversineByMode, UNDECIDED } from './reach-bounds';
import { buildRuleColumns, SeekerRuleColumns } from './seeker-columns';
import { COMMUTE_MODES, FEASIBILITY_RULES, FeasibilityRule, Vacancy } from './types';

export type RuleCounts = { [rule in FeasibilityRule]: number };

export interface Screening {
  /**
   * Every feasible seeker and every one that can be among the closest near misses, ascending:
   * for screenSeekers positions in its seekers; for screenColumns indices into the blocks'
   * positions laid end to end.
   */
  readonly kept: number[];
  /** Rule failures of the seekers not kept, counted as diagnoseVacancy counts them. */
  readonly excludedElsewhere: RuleCounts;
}

/**
 * What each rule reads of a group of seekers, in typed arrays (seeker i at index i): the
 * screening loops then read numbers, not one profile object per seeker.
 */
export interface ScreeningColumns extends SeekerRuleColumns {
  /** Per skill code held by any of them, every seeker's level (0 when not held: the rules' `?? 0`). */
  readonly skillLevels: ReadonlyMap<string, Float64Array>;
  /** Per certification held by any of them, 1 for its holders. */
  readonly certificationHolders: ReadonlyMap<string, Uint8Array>;
  /** Per firm refused by any of them, the refusers (ascending). */
  readonly refusersByFirm: ReadonlyMap<string, Int32Array>;
  /** Seeker i's commute mode, as its index in COMMUTE_MODES. */
  readonly modeIndex: Uint8Array;
  /** reachHaversine of seeker i's own commute limit (reach-bounds.ts). */
  readonly ownReachHaversine: Float64Array;
}

/** `cosines[i]` is cosineOfLatitude of seeker i's home (given by a caller that has it). */
export function buildScreeningColumns(seekers: readonly SeekerProfile[], cosines?: ArrayLike<number>): ScreeningColumns {
  const rules = buildRuleColumns(seekers, cosines);
  const count = rules.count;
  const skillLevels = new Map<string, Float64Array>();
  const certificationHolders = new Map<string, Uint8Array>();
  const refusers = new Map<string, number[]>();
  const modeIndex = new Uint8Array(count);
  const ownReachHaversine = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const profile = seekers[i];
    const { commuteMode, maxCommuteMinutes } = profile.seeker;
    modeIndex[i] = COMMUTE_MODES.indexOf(commuteMode);
    ownReachHaversine[i] = reachHaversine(COMMUTE_MODEL[commuteMode], maxCommuteMinutes);
    for (const [code, level] of profile.skillLevels) {
      let levels = skillLevels.get(code);
      if (!levels) skillLevels.set(code, (levels = new Float64Array(count)));
      levels[i] = level;
    }
    for (const code of profile.certifications) {
      let holders = certificationHolders.get(code);
      if (!holders) certificationHolders.set(code, (holders = new Uint8Array(count)));
      holders[i] = 1;
    }
    for (const firm of profile.blockedFirms) {
      const list = refusers.get(firm);
      if (list) list.push(i);
      else refusers.set(firm, [i]);
    }
  }
  const refusersByFirm = new Map<string, Int32Array>();
  for (const [firm, list] of refusers) refusersByFirm.set(firm, Int32Array.from(list));
  return { ...rules, skillLevels, certificationHolders, refusersByFirm, modeIndex, ownReachHaversine };
}

/** Seekers of one ScreeningColumns to judge: `positions` ascending; `blocked` the positions the vacancy's rejected pairs name. */
export interface ScreeningBlock {
  readonly columns: ScreeningColumns;
  readonly positions: Int32Array;
  readonly blocked: readonly number[];
}

/**
 * Which seekers a one-vacancy ranking (rankCandidates) needs to see, so that it can be run on
 * those alone: the feasible ones and, among those failing exactly one rule, every one whose
 * shortfall is at most the `nearMissLimit`-th smallest (ties kept: the ranking breaks them by
 * id). The others only add to `excludedBy`. Scores do not depend on the other seekers of an
 * instance, so the ranking over the kept seekers plus these counts is the ranking over all.
 * `blocked(i)` says whether the vacancy's rejected pairs name seeker i; `seekerCosines[i]` is
 * cosineOfLatitude of seeker i's home (precomputed by a caller that screens often); `vacancy`
 * must carry no blocked seekers and no routing-engine minutes of its own (the profiles'
 * indices are not positions here).
 */
export function screenSeekers(
  vacancy: VacancyProfile,
  seekers: readonly SeekerProfile[],
  blocked: (position: number) => boolean,
  seekerCosines?: ArrayLike<number>,
  nearMissLimit = DEFAULT_NEAR_MISS_LIMIT,
): Screening {
  const positions = new Int32Array(seekers.length);
  const blockedPositions: number[] = [];
  for (let i = 0; i < seekers.length; i++) {
    positions[i] = i;
    if (blocked(i)) blockedPositions.push(i);
  }
  return screenColumns(vacancy, [{ columns: buildScreeningColumns(seekers, seekerCosines), positions, blocked: blockedPositions }], nearMissLimit);
}

const SKILLS = 1 << FEASIBILITY_RULES.indexOf('skills');
const CERTIFICATIONS = 1 << FEASIBILITY_RULES.indexOf('certifications');
const DATES = 1 << FEASIBILITY_RULES.indexOf('dates');
const HOURS = 1 << FEASIBILITY_RULES.indexOf('hours');
const WAGE = 1 << FEASIBILITY_RULES.indexOf('wage');
const COMMUTE = 1 << FEASIBILITY_RULES.indexOf('commute');
const BLOCKED = 1 << FEASIBILITY_RULES.indexOf('blocked');

/**
 * screenSeekers over the seekers of several blocks, one rule at a time over typed arrays:
 * feasibility.ts's comparisons (the commute by greatCircleKmWithCosines, the same arithmetic
 * as estimatedCommuteMinutes) into a bit set per seeker, and failureShortfall's arithmetic for
 * those failing one rule. `kept` indexes the blocks' positions laid end to end.
 */
export function screenColumns(vacancy: VacancyProfile, blocks: readonly ScreeningBlock[], nearMissLimit = DEFAULT_NEAR_MISS_LIMIT): Screening {
  const terms = new VacancyTerms(vacancy);
  const counts = [0, 0, 0, 0, 0, 0, 0];
  const kept: number[] = [];
  const singleIndex: number[] = [];
  const singleRule: number[] = [];
  const singleShortfall: number[] = [];
  // One scratch array for every block (a national neighbourhood is ~100 cells): judge overwrites bits.
  let largest = 0;
  for (const block of blocks) largest = Math.max(largest, block.positions.length);
  const bits = new Int32Array(largest);
  let base = 0;
  for (const block of blocks) {
    const { columns, positions } = block;
    const n = positions.length;
    judge(terms, columns, positions, bits);
    for (const position of block.blocked) markBlocked(positions, n, bits, position);
    const refusers = columns.refusersByFirm.get(terms.firmId);
    if (refusers) for (let i = 0; i < refusers.length; i++) markBlocked(positions, n, bits, refusers[i]);
    for (let k = 0; k < n; k++) {
      const b = bits[k];
      if (b === 0) kept.push(base + k);
      else if ((b & (b - 1)) === 0) {
        const rule = 31 - Math.clz32(b);
        singleIndex.push(base + k);
        singleRule.push(rule);
        singleShortfall.push(shortfall(rule, terms, columns, positions[k]));
      } else countRules(counts, b);
    }
    base += n;
  }
  let cut = Infinity;
  if (singleIndex.length > nearMissLimit) cut = nearMissLimit > 0 ? kthSmallest(singleShortfall, nearMissLimit) : -Infinity;
  for (let i = 0; i < singleIndex.length; i++) {
    if (singleShortfall[i] <= cut) kept.push(singleIndex[i]);
    else counts[singleRule[i]]++;
  }
  kept.sort((a, b) => a - b);
  return { kept, excludedElsewhere: Object.fromEntries(FEASIBILITY_RULES.map((rule, i) => [rule, counts[i]])) as RuleCounts };
}

/** Adds each rule failed in `b` to `counts`: a seeker failing several rules fails two or three, not seven. */
function countRules(counts: number[], b: number): void {
  while (b !== 0) {
    const rule = 31 - Math.clz32(b);
    counts[rule]++;
    b ^= 1 << rule;
  }
}

/**
 * The k-th smallest of `values` (1-based, k ≤ length; duplicates counted), what a full ascending
 * sort would put at k - 1: the near-miss cut needs one value of a few thousand, k is ~5.
 */
export function kthSmallest(values: readonly number[], k: number): number {
  const smallest = new Float64Array(k).fill(Infinity);
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (!(value < smallest[k - 1])) continue;
    let at = k - 1;
    while (at > 0 && smallest[at - 1] > value) {
      smallest[at] = smallest[at - 1];
      at--;
    }
    smallest[at] = value;
  }
  return smallest[k - 1];
}

/** The vacancy's numbers read once per screening: the vacancy object may be slow to read (spread-built). */
class VacancyTerms {
  readonly skillCodes: string[];
  readonly skillLevels: number[];
  readonly certifications: string[];
  readonly start: number;
  readonly end: number;
  readonly weeklyHours: number;
  readonly hourlyWage: number;
  readonly firmId: string;
  readonly lat: number;
  readonly lng: number;
  readonly cos: number;
  readonly commuteLimit: number;
  /** reachHaversine of each commute mode at the vacancy's own limit; undefined when it sets none. */
  readonly reachByMode: Float64Array | undefined;

  constructor(v: VacancyProfile) {
    const vacancy = v.vacancy;
    this.skillCodes = vacancy.requiredSkills.map((skill) => skill.code);
    this.skillLevels = vacancy.requiredSkills.map((skill) => skill.level);
    this.certifications = [...vacancy.requiredCertifications];
    this.start = v.start;
    this.end = v.end;
    this.weeklyHours = vacancy.weeklyHours;
    this.hourlyWage = vacancy.hourlyWage;
    this.firmId = vacancy.firmId;
    this.lat = vacancy.location.lat;
    this.lng = vacancy.location.lng;
    this.cos = cosineOfLatitude(vacancy.location.lat);
    this.commuteLimit = v.commuteLimit;
    this.reachByMode = Number.isFinite(v.commuteLimit) ? reachHaversineByMode(v.commuteLimit) : undefined;
  }
}

/** modelMinutes(COMMUTE_MODEL[mode], greatCircleKm(home, vacancy)) of seeker p, term by term. */
function commuteMinutes(v: VacancyTerms, c: ScreeningColumns, p: number): number {
  const km = greatCircleKmWithCosines(c.lat[p], c.lng[p], c.cosLat[p], v.lat, v.lng, v.cos);
  return c.overheadMinutes[p] + (60 * c.detour[p] * km) / c.speedKmPerHour[p];
}

/**
 * failedRules' bits of every seeker at `positions` (blocks aside) into bits[0 .. n - 1], which
 * may hold an earlier block's. The per-seeker rules go in one pass that assigns (one store per
 * seeker, not four), the per-code ones are or-ed in. The commute is decided by the haversine's
 * polynomial bounds (reach-bounds.ts, as diagnostics decides it) where they are clear, by the
 * exact model minutes otherwise: the same verdict, without trigonometry for most seekers.
 */
function judge(v: VacancyTerms, c: ScreeningColumns, positions: Int32Array, bits: Int32Array): void {
  const n = positions.length;
  const { start, end, weeklyHours, hourlyWage, lat, lng, cos, commuteLimit, reachByMode } = v;
  const { freeOffset, freeStart, freeEnd, minHours, maxHours, minHourlyWage } = c;
  const { lat: seekerLat, lng: seekerLng, cosLat, maxCommuteMinutes, modeIndex, ownReachHaversine } = c;
  for (let k = 0; k < n; k++) {
    const p = positions[k];
    // runContaining over the seeker's free runs.
    let low = freeOffset[p];
    let high = freeOffset[p + 1] - 1;
    let covered = false;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (freeEnd[middle] < start) low = middle + 1;
      else if (freeStart[middle] > start) high = middle - 1;
      else {
        covered = freeEnd[middle] >= end;
        break;
      }
    }
    // Where the vacancy's limit is the tighter one, the reach is that of the seeker's mode at it.
    const threshold = reachByMode !== undefined && commuteLimit < maxCommuteMinutes[p] ? reachByMode[modeIndex[p]] : ownReachHaversine[p];
    const verdict = boundedVerdict(lat - seekerLat[p], lng - seekerLng[p], cos * cosLat[p], threshold);
    let commuteFails = verdict === FAILS;
    if (verdict === UNDECIDED) {
      const m = commuteMinutes(v, c, p);
      commuteFails = !(m <= maxCommuteMinutes[p] && m <= commuteLimit);
    }
    bits[k] =
      (covered ? 0 : DATES) |
      (minHours[p] <= weeklyHours && weeklyHours <= maxHours[p] ? 0 : HOURS) |
      (hourlyWage >= minHourlyWage[p] ? 0 : WAGE) |
      (commuteFails ? COMMUTE : 0);
  }
  for (let s = 0; s < v.skillCodes.length; s++) {
    const required = v.skillLevels[s];
    const levels = c.skillLevels.get(v.skillCodes[s]);
    if (!levels) {
      if (0 < required) for (let k = 0; k < n; k++) bits[k] |= SKILLS;
      continue;
    }
    for (let k = 0; k < n; k++) bits[k] |= levels[positions[k]] < required ? SKILLS : 0;
  }
  for (let s = 0; s < v.certifications.length; s++) {
    const holders = c.certificationHolders.get(v.certifications[s]);
    if (!holders) {
      for (let k = 0; k < n; k++) bits[k] |= CERTIFICATIONS;
      continue;
    }
    for (let k = 0; k < n; k++) bits[k] |= holders[positions[k]] === 1 ? 0 : CERTIFICATIONS;
  }
}

/** Sets the blocked bit of `position` if it is among the (ascending) positions judged. */
function markBlocked(positions: Int32Array, n: number, bits: Int32Array, position: number): void {
  let low = 0;
  let high = n - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (positions[middle] < position) low = middle + 1;
    else if (positions[middle] > position) high = middle - 1;
    else {
      bits[middle] |= BLOCKED;
      return;
    }
  }
}

/** failureShortfall(FEASIBILITY_RULES[rule], …) from the columns, the same arithmetic in the same order. */
function shortfall(rule: number, v: VacancyTerms, c: ScreeningColumns, p: number): number {
  switch (FEASIBILITY_RULES[rule]) {
    case 'skills': {
      let sum = 0;
      for (let s = 0; s < v.skillCodes.length; s++) sum = sum + Math.max(0, v.skillLevels[s] - (c.skillLevels.get(v.skillCodes[s])?.[p] ?? 0)) / 5;
      return sum;
    }
    case 'certifications': {
      let missing = 0;
      for (const code of v.certifications) if (c.certificationHolders.get(code)?.[p] !== 1) missing++;
      return missing;
    }
    case 'dates': {
      // countDays(subtractRuns([{ start, end }], free)) / (end - start + 1)
      let start = v.start;
      let missing = 0;
      let cursor = c.freeOffset[p];
      const last = c.freeOffset[p + 1];
      while (cursor < last && c.freeEnd[cursor] < start) cursor++;
      while (cursor < last && c.freeStart[cursor] <= v.end) {
        if (c.freeStart[cursor] > start) missing += c.freeStart[cursor] - start;
        start = Math.max(start, c.freeEnd[cursor] + 1);
        cursor++;
      }
      if (start <= v.end) missing += v.end - start + 1;
      return missing / (v.end - v.start + 1);
    }
    case 'hours':
      return Math.max(c.minHours[p] - v.weeklyHours, v.weeklyHours - c.maxHours[p]) / v.weeklyHours;
    case 'wage':
      return (c.minHourlyWage[p] - v.hourlyWage) / c.minHourlyWage[p];
    case 'commute': {
      const limit = Math.min(v.commuteLimit, c.maxCommuteMinutes[p]);
      return (commuteMinutes(v, c, p) - limit) / Math.max(limit, 1);
    }
    default:
      return UNFIXABLE;
  }
}

const NO_SEEKERS: ReadonlySet<number> = new Set();
const NO_OVERRIDES: ReadonlyMap<number, number> = new Map();

/** The vacancy's profile for screenSeekers: no blocked seekers, no routing-engine minutes. */
export function screeningProfile(vacancy: Vacancy): VacancyProfile {
  return {
    index: 0,
    vacancy,
    start: toDay(vacancy.start),
    end: toDay(vacancy.end),
    commuteLimit: vacancy.maxCommuteMinutes ?? Infinity,
    blockedSeekers: NO_SEEKERS,
    commuteOverrides: NO_OVERRIDES,
  };
}
