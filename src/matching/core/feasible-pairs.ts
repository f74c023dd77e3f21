import { cosineOfLatitude, EARTH_RADIUS_KM, greatCircleKmWithCosines } from './commute';
import { PreparedInstance, SeekerCodes } from './prepared-instance';
import { SeekerRuleColumns } from './seeker-columns';
import {
  commuteFactorOf,
  dateFitOf,
  hundredthsOfFactors,
  preferredSkillFactor,
  requiredSkillFactor,
  waitingFactorOf,
  wageFactorOf,
} from './scoring';
import { buildVacancyGrid, collectVacancies, SearchBox, VacancyGrid } from './vacancy-grid';

/** Every feasible pair with its score (integer hundredths) and commute minutes, in seeker order. */
export interface FoundPairs {
  readonly count: number;
  /** Pair k (k < count) is vacancy[k], seeker[k]; the arrays may be longer than count. */
  readonly vacancy: Int32Array;
  readonly seeker: Int32Array;
  readonly score: Int32Array;
  readonly minutes: Float64Array;
}

/** Typed columns that double when full: growing four plain arrays pair by pair was a tenth of the search's allocations. */
class PairColumns implements FoundPairs {
  count = 0;
  vacancy: Int32Array;
  seeker: Int32Array;
  score: Int32Array;
  minutes: Float64Array;

  constructor(capacity: number) {
    this.vacancy = new Int32Array(capacity);
    this.seeker = new Int32Array(capacity);
    this.score = new Int32Array(capacity);
    this.minutes = new Float64Array(capacity);
  }

  add(vacancy: number, seeker: number, score: number, minutes: number): void {
    if (this.count === this.vacancy.length) this.grow();
    const at = this.count++;
    this.vacancy[at] = vacancy;
    this.seeker[at] = seeker;
    this.score[at] = score;
    this.minutes[at] = minutes;
  }

  private grow(): void {
    const capacity = 2 * this.vacancy.length;
    const vacancy = new Int32Array(capacity);
    vacancy.set(this.vacancy);
    this.vacancy = vacancy;
    const seeker = new Int32Array(capacity);
    seeker.set(this.seeker);
    this.seeker = seeker;
    const score = new Int32Array(capacity);
    score.set(this.score);
    this.score = score;
    const minutes = new Float64Array(capacity);
    minutes.set(this.minutes);
    this.minutes = minutes;
  }
}

/**
 * Small integers for skill and certification codes: the seekers' (prepared.codes), then the
 * codes only vacancies name, so that a pair check indexes arrays instead of hashing strings.
 */
class CodeIds {
  private readonly added = new Map<string, number>();

  constructor(private readonly listed: ReadonlyMap<string, number>) {}

  idOf(code: string): number {
    let id = this.listed.get(code) ?? this.added.get(code);
    if (id === undefined) this.added.set(code, (id = this.size));
    return id;
  }

  get size(): number {
    return this.listed.size + this.added.size;
  }
}

const KM_PER_DEGREE_OF_LATITUDE = (EARTH_RADIUS_KM * Math.PI) / 180;
/** Keeps the latitude bound below the distance against rounding; the exact test runs afterwards. */
const LOWER_BOUND_MARGIN_KM = 0.01;

const HAS_BLOCKED_SEEKERS = 1;
const HAS_COMMUTE_OVERRIDES = 2;
/** Layer 0 holds the vacancies requiring no skill; layer id + 1 those filed under skill id. */
const NO_SKILL_LAYER = 0;

/** What feasibility.ts and scoring.ts read of each vacancy, in typed columns (vacancy v at index v). */
class VacancyColumns {
  readonly start: Float64Array;
  readonly end: Float64Array;
  readonly weeklyHours: Float64Array;
  readonly hourlyWage: Float64Array;
  readonly lat: Float64Array;
  readonly lng: Float64Array;
  readonly cosLat: Float64Array;
  readonly commuteLimit: Float64Array;
  readonly flags: Uint8Array;
  readonly layer: Int32Array;
  /** Required skills of v: requiredSkill/requiredLevel[requiredFrom[v] .. requiredFrom[v + 1] - 1]; likewise preferred and certifications. */
  readonly requiredFrom: Int32Array;
  readonly requiredSkill: Int32Array;
  readonly requiredLevel: Float64Array;
  readonly preferredFrom: Int32Array;
  readonly preferredSkill: Int32Array;
  readonly preferredLevel: Float64Array;
  readonly certificationFrom: Int32Array;
  readonly certification: Int32Array;

  constructor(prepared: PreparedInstance, skills: CodeIds, certifications: CodeIds) {
    const vacancies = prepared.vacancies;
    const count = vacancies.length;
    const column = () => new Float64Array(count);
    [this.start, this.end, this.weeklyHours, this.hourlyWage, this.lat, this.lng, this.cosLat, this.commuteLimit] = Array.from({ length: 8 }, column);
    this.flags = new Uint8Array(count);
    this.layer = new Int32Array(count);
    this.requiredFrom = new Int32Array(count + 1);
    this.preferredFrom = new Int32Array(count + 1);
    this.certificationFrom = new Int32Array(count + 1);
    const requiredSkill: number[] = [];
    const requiredLevel: number[] = [];
    const preferredSkill: number[] = [];
    const preferredLevel: number[] = [];
    const certification: number[] = [];
    for (let v = 0; v < count; v++) {
      const profile = vacancies[v];
      const vacancy = profile.vacancy;
      this.start[v] = profile.start;
      this.end[v] = profile.end;
      this.weeklyHours[v] = vacancy.weeklyHours;
      this.hourlyWage[v] = vacancy.hourlyWage;
      this.lat[v] = vacancy.location.lat;
      this.lng[v] = vacancy.location.lng;
      this.cosLat[v] = cosineOfLatitude(vacancy.location.lat);
      this.commuteLimit[v] = profile.commuteLimit;
      this.flags[v] = (profile.blockedSeekers.size > 0 ? HAS_BLOCKED_SEEKERS : 0) | (profile.commuteOverrides.size > 0 ? HAS_COMMUTE_OVERRIDES : 0);
      // Filed under its required skill that the fewest seekers have (any required skill is a
      // sound filter: a seeker without it cannot qualify), or under no skill if it needs none.
      let layer = NO_SKILL_LAYER;
      let holders = Infinity;
      for (const skill of vacancy.requiredSkills) {
        const id = skills.idOf(skill.code);
        requiredSkill.push(id);
        requiredLevel.push(skill.level);
        const skillHolders = id < prepared.codes.holders.length ? prepared.codes.holders[id] : 0;
        if (skillHolders < holders) [layer, holders] = [id + 1, skillHolders];
      }
      this.layer[v] = layer;
      this.requiredFrom[v + 1] = requiredSkill.length;
      for (const skill of vacancy.preferredSkills) {
        preferredSkill.push(skills.idOf(skill.code));
        preferredLevel.push(skill.level);
      }
      this.preferredFrom[v + 1] = preferredSkill.length;
      for (const code of vacancy.requiredCertifications) certification.push(certifications.idOf(code));
      this.certificationFrom[v + 1] = certification.length;
    }
    this.requiredSkill = Int32Array.from(requiredSkill);
    this.requiredLevel = Float64Array.from(requiredLevel);
    this.preferredSkill = Int32Array.from(preferredSkill);
    this.preferredLevel = Float64Array.from(preferredLevel);
    this.certification = Int32Array.from(certification);
  }
}

/**
 * Every feasible (vacancy, seeker) pair, by feasibility.ts's rules and scoring.ts's score, the
 * same arithmetic: each seeker is tested only against the vacancies within its commute reach
 * whose key skill it has (plus the pairs with routing-engine minutes), one seeker at a time,
 * with that seeker's skills and certifications spread into arrays indexed by code id.
 */
export function findFeasiblePairs(prepared: PreparedInstance): FoundPairs {
  const skills = new CodeIds(prepared.codes.skillIds);
  const certifications = new CodeIds(prepared.codes.certificationIds);
  const vacancies = new VacancyColumns(prepared, skills, certifications);
  const grid = buildVacancyGrid(vacancies.lat, vacancies.lng, vacancies.layer, skills.size + 1);
  return new PairFinder(prepared, prepared.codes, vacancies, grid, skills.size, certifications.size).run();
}

class PairFinder {
  private readonly found: PairColumns;
  /** The current seeker's level per skill id (0 when not held) and 1 per certification id held. */
  private readonly levels: Float64Array;
  private readonly held: Uint8Array;
  /** The seeker that last visited each vacancy: a vacancy in two column ranges of a box is tested once. */
  private readonly visitedBy: Int32Array;
  private readonly visiting: Int32Array;
  /** The current seeker's skill ids; a layer is searched once per seeker. */
  private readonly seekerSkills: Int32Array;
  private seekerSkillCount = 0;
  private readonly layerSearchedBy: Int32Array;
  private readonly box = new SearchBox();
  private readonly seekers: SeekerRuleColumns;
  /** The current seeker (index) and what the rules read of it, from prepared.rules. */
  private seeker = 0;
  private maxCommuteMinutes = 0;
  private minHours = 0;
  private maxHours = 0;
  private minHourlyWage = 0;
  private waiting = 0;
  /**
   * The commute minutes of the pair being tested, handed to test() in a field: a double passed
   * as an argument to a call the compiler does not inline is boxed, once per tested pair.
   */
  private minutes = 0;

  constructor(
    private readonly prepared: PreparedInstance,
    private readonly codes: SeekerCodes,
    private readonly vacancies: VacancyColumns,
    private readonly grid: VacancyGrid,
    skillCount: number,
    certificationCount: number,
  ) {
    this.levels = new Float64Array(skillCount);
    this.held = new Uint8Array(certificationCount);
    const count = prepared.vacancies.length;
    this.visitedBy = new Int32Array(count).fill(-1);
    this.visiting = new Int32Array(2 * count);
    this.seekerSkills = new Int32Array(skillCount);
    this.layerSearchedBy = new Int32Array(skillCount + 1).fill(-1);
    this.seekers = prepared.rules;
    // About one pair per seeker on the service's instances; the columns double if there are more.
    this.found = new PairColumns(Math.max(1024, prepared.seekers.length));
  }

  run(): FoundPairs {
    const overridesBySeeker = commuteOverridesBySeeker(this.prepared);
    for (let seeker = 0; seeker < this.seekers.count; seeker++) {
      this.enter(seeker);
      this.testNearby();
      const overrides = overridesBySeeker[seeker];
      for (let k = 0; overrides !== undefined && k < overrides.length; k++) {
        const vacancy = overrides[k];
        if (!this.passesTerms(vacancy)) continue;
        this.minutes = this.prepared.vacancies[vacancy].commuteOverrides.get(seeker)!;
        this.test(vacancy);
      }
      this.leave(seeker);
    }
    return this.found;
  }

  private enter(i: number): void {
    this.seeker = i;
    const codes = this.codes;
    this.seekerSkillCount = 0;
    for (let at = codes.skillFrom[i]; at < codes.skillFrom[i + 1]; at++) {
      const id = codes.skill[at];
      // Later entries win, as in profile.skillLevels.
      this.levels[id] = codes.level[at];
      if (this.layerSearchedBy[id + 1] === i) continue;
      this.layerSearchedBy[id + 1] = i;
      this.seekerSkills[this.seekerSkillCount++] = id;
    }
    for (let at = codes.certificationFrom[i]; at < codes.certificationFrom[i + 1]; at++) this.held[codes.certification[at]] = 1;
    const s = this.seekers;
    this.maxCommuteMinutes = s.maxCommuteMinutes[i];
    this.minHours = s.minHours[i];
    this.maxHours = s.maxHours[i];
    this.minHourlyWage = s.minHourlyWage[i];
    const waitingSince = this.prepared.waitingSinceDays[i];
    this.waiting = waitingFactorOf(this.prepared.asOfDay, Number.isNaN(waitingSince) ? undefined : waitingSince);
  }

  private leave(i: number): void {
    for (let k = 0; k < this.seekerSkillCount; k++) this.levels[this.seekerSkills[k]] = 0;
    const codes = this.codes;
    for (let at = codes.certificationFrom[i]; at < codes.certificationFrom[i + 1]; at++) this.held[codes.certification[at]] = 0;
  }

  /** The vacancies within the seeker's reach, by the commute model (pairs with routing-engine minutes aside). */
  private testNearby(): void {
    this.testListed(this.listNearby());
  }

  /**
   * Lists in `visiting` the vacancies of the seeker's layers in the cells of its reach box;
   * returns how many. Kept out of testListed: inlined there, the grid walk spent the
   * compiler's inlining budget, and the distance then went through a call that boxed its six
   * doubles, 1.4 MB of heap numbers per realistic-500 search.
   */
  private listNearby(): number {
    const s = this.seekers;
    const seekerIndex = this.seeker;
    const overheadMinutes = s.overheadMinutes[seekerIndex];
    // reachKm(mode, maxCommuteMinutes), term by term.
    this.box.aroundPoint(
      s.lat[seekerIndex],
      s.lng[seekerIndex],
      Math.max(-1, ((this.maxCommuteMinutes - overheadMinutes) * s.speedKmPerHour[seekerIndex]) / (60 * s.detour[seekerIndex])),
    );
    let count = collectVacancies(this.grid, NO_SKILL_LAYER, this.box, this.visiting, 0);
    for (let k = 0; k < this.seekerSkillCount; k++) count = collectVacancies(this.grid, this.seekerSkills[k] + 1, this.box, this.visiting, count);
    return count;
  }

  /** Tests the seeker against visiting[0 .. count - 1]. */
  private testListed(count: number): void {
    const s = this.seekers;
    const seekerIndex = this.seeker;
    const lat = s.lat[seekerIndex];
    const lng = s.lng[seekerIndex];
    const overheadMinutes = s.overheadMinutes[seekerIndex];
    const detour = s.detour[seekerIndex];
    const speedKmPerHour = s.speedKmPerHour[seekerIndex];
    const cosLat = s.cosLat[seekerIndex];
    const v = this.vacancies;
    for (let k = 0; k < count; k++) {
      const vacancy = this.visiting[k];
      if (this.visitedBy[vacancy] === seekerIndex) continue;
      this.visitedBy[vacancy] = seekerIndex;
      if ((v.flags[vacancy] & HAS_COMMUTE_OVERRIDES) !== 0 && this.prepared.vacancies[vacancy].commuteOverrides.has(seekerIndex)) continue;
      if (!this.passesTerms(vacancy)) continue;
      // The latitude difference alone (a lower bound of the great-circle distance) rules out
      // many vacancies of the box's corner cells without the distance, as diagnostics does.
      const limit = Math.min(this.maxCommuteMinutes, v.commuteLimit[vacancy]);
      const lowerBoundKm = Math.abs(lat - v.lat[vacancy]) * KM_PER_DEGREE_OF_LATITUDE - LOWER_BOUND_MARGIN_KM;
      if (overheadMinutes + (60 * detour * lowerBoundKm) / speedKmPerHour > limit) continue;
      // estimatedCommuteMinutes(home, vacancy, mode), term by term.
      const km = greatCircleKmWithCosines(lat, lng, cosLat, v.lat[vacancy], v.lng[vacancy], v.cosLat[vacancy]);
      this.minutes = overheadMinutes + (60 * detour * km) / speedKmPerHour;
      this.test(vacancy);
    }
  }

  /** Hours, wage, skills and certifications: the rules that need no commute and no dates. */
  private passesTerms(vacancy: number): boolean {
    const v = this.vacancies;
    const hours = v.weeklyHours[vacancy];
    if (!(this.minHours <= hours && hours <= this.maxHours) || !(v.hourlyWage[vacancy] >= this.minHourlyWage)) return false;
    for (let at = v.requiredFrom[vacancy]; at < v.requiredFrom[vacancy + 1]; at++) {
      if (!(this.levelOf(v.requiredSkill[at]) >= v.requiredLevel[at])) return false;
    }
    for (let at = v.certificationFrom[vacancy]; at < v.certificationFrom[vacancy + 1]; at++) {
      if (!this.holds(v.certification[at])) return false;
    }
    return true;
  }

  private levelOf(skill: number): number {
    return this.levels[skill];
  }

  private holds(certification: number): boolean {
    return this.held[certification] === 1;
  }

  /** Records the pair, which passes passesTerms, if it passes the other rules (commute, dates, blocks) with this.minutes. */
  private test(vacancy: number): void {
    const minutes = this.minutes;
    const v = this.vacancies;
    const seeker = this.seeker;
    if (!(minutes <= this.maxCommuteMinutes && minutes <= v.commuteLimit[vacancy])) return;
    const start = v.start[vacancy];
    const end = v.end[vacancy];
    // runContaining(profile.free, start, end) on the free-run columns.
    const s = this.seekers;
    let low = s.freeOffset[seeker];
    let high = s.freeOffset[seeker + 1] - 1;
    let window = -1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (s.freeEnd[middle] < start) low = middle + 1;
      else if (s.freeStart[middle] > start) high = middle - 1;
      else {
        if (s.freeEnd[middle] >= end) window = middle;
        break;
      }
    }
    if (window < 0) return;
    if ((v.flags[vacancy] & HAS_BLOCKED_SEEKERS) !== 0 && this.prepared.vacancies[vacancy].blockedSeekers.has(seeker)) return;
    if (this.prepared.refusesFirms[seeker] === 1 && this.prepared.seekers[seeker].blockedFirms.has(this.prepared.vacancies[vacancy].vacancy.firmId)) return;
    this.found.add(
      vacancy,
      seeker,
      hundredthsOfFactors(
        this.prepared.weights,
        this.skillsFactor(vacancy),
        this.preferredSkillsFactor(vacancy),
        commuteFactorOf(this.maxCommuteMinutes, minutes),
        dateFitOf(start, end, s.freeStart[window], s.freeEnd[window]),
        // The seeker's minimum, 0 when it sets none (the column holds -Infinity then).
        wageFactorOf(v.hourlyWage[vacancy], this.minHourlyWage === -Infinity ? 0 : this.minHourlyWage),
        this.waiting,
      ),
      minutes,
    );
  }

  private skillsFactor(vacancy: number): number {
    const v = this.vacancies;
    const from = v.requiredFrom[vacancy];
    const to = v.requiredFrom[vacancy + 1];
    if (from === to) return 1;
    let total = 0;
    for (let at = from; at < to; at++) total += requiredSkillFactor(this.levelOf(v.requiredSkill[at]), v.requiredLevel[at]);
    return total / (to - from);
  }

  private preferredSkillsFactor(vacancy: number): number {
    const v = this.vacancies;
    const from = v.preferredFrom[vacancy];
    const to = v.preferredFrom[vacancy + 1];
    if (from === to) return 1;
    let total = 0;
    for (let at = from; at < to; at++) total += preferredSkillFactor(this.levelOf(v.preferredSkill[at]), v.preferredLevel[at]);
    return total / (to - from);
  }
}

/** Vacancies with routing-engine minutes, by seeker (sparse: undefined for most seekers). */
function commuteOverridesBySeeker(prepared: PreparedInstance): (number[] | undefined)[] {
  const bySeeker: (number[] | undefined)[] = new Array(prepared.seekers.length);
  for (const vacancy of prepared.vacancies) {
    for (const seekerIndex of vacancy.commuteOverrides.keys()) (bySeeker[seekerIndex] ??= []).push(vacancy.index);
  }
  return bySeeker;
}
