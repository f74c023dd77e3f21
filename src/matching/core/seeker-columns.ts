import { COMMUTE_MODEL, cosineOfLatitude, reachKm } from './commute';
import type { PreparedInstance, SeekerProfile } from './prepared-instance';
import { reachHaversine } from './reach-bounds';
import { COMMUTE_MODES } from './types';

/** The numbers the rules read of seeker i, at index i: what diagnostics and live candidates scan. */
export interface SeekerRuleColumns {
  readonly count: number;
  readonly lat: Float64Array;
  readonly lng: Float64Array;
  readonly cosLat: Float64Array;
  readonly overheadMinutes: Float64Array;
  readonly detour: Float64Array;
  readonly speedKmPerHour: Float64Array;
  readonly maxCommuteMinutes: Float64Array;
  readonly minHours: Float64Array;
  readonly maxHours: Float64Array;
  /** -Infinity when the seeker sets no minimum. */
  readonly minHourlyWage: Float64Array;
  /** Free runs (merged, sorted) of seeker i are freeStart/freeEnd[freeOffset[i] .. freeOffset[i + 1] - 1]. */
  readonly freeOffset: Int32Array;
  readonly freeStart: Int32Array;
  readonly freeEnd: Int32Array;
}

/**
 * Every seeker's numbers in flat typed arrays, plus who holds each skill and certificate and
 * who refuses each firm: lets diagnostics test one vacancy against all seekers in tight loops.
 */
export interface SeekerColumns extends SeekerRuleColumns {
  /** The seeker each free run belongs to. */
  readonly freeSeeker: Int32Array;
  /** The farthest commute reach (km) of any seeker: beyond it in latitude nobody passes the commute rule. */
  readonly maxReachKm: number;
  /** Seeker i's commute mode, as its index in COMMUTE_MODES. */
  readonly modeIndex: Uint8Array;
  /** reachHaversine of seeker i's own limit (reach-bounds.ts). */
  readonly ownReachHaversine: Float64Array;
  /** True when lat is ascending (the canonical order sorts seekers by latitude first). */
  readonly latitudeAscending: boolean;
  /** Per skill code, its holders (ascending) and their levels. */
  readonly holdersBySkill: ReadonlyMap<string, { readonly seekers: Int32Array; readonly levels: Int8Array }>;
  readonly holdersByCertification: ReadonlyMap<string, Int32Array>;
  readonly refusersByFirm: ReadonlyMap<string, number[]>;
  /** A byte per seeker, reused by every diagnoseVacancy call on these columns (one at a time). */
  readonly scratch: { readonly failed: Uint8Array; readonly skillsHeld: Uint8Array; readonly certificationsHeld: Uint8Array; readonly free: Uint8Array };
}

/** Seekers' free runs end to end, in the order buildRuleColumns reads the seekers. */
export interface FreeRunsInVisitOrder {
  readonly from: Int32Array;
  readonly start: Int32Array;
  readonly end: Int32Array;
}

function appendTo(index: Map<string, number[]>, key: string, seeker: number): void {
  const list = index.get(key);
  if (list) list.push(seeker);
  else index.set(key, [seeker]);
}

/**
 * The rule columns of `seekers` (seeker at position i at index i), filled once for both
 * scanners: diagnostics (buildSeekerColumns) and live screening (buildScreeningColumns).
 * `cosines[i]`, when given, is cosineOfLatitude of seeker i's home (from a caller that has it).
 * `visitOrder`, when given, is the order in which to read the seekers (each index once): the
 * order their objects were made in reads memory in sequence. `freeRuns`, when given, holds
 * the free runs of the k-th seeker read at start/end[from[k] .. from[k + 1] - 1] (the
 * profiles' own are then not read, nor built).
 */
export function buildRuleColumns(
  seekers: readonly SeekerProfile[],
  cosines?: ArrayLike<number>,
  visitOrder?: Int32Array,
  freeRuns?: FreeRunsInVisitOrder,
): SeekerRuleColumns {
  const count = seekers.length;
  const column = () => new Float64Array(count);
  const freeOffset = new Int32Array(count + 1);
  for (let k = 0; k < count; k++) {
    const i = visitOrder === undefined ? k : visitOrder[k];
    freeOffset[i + 1] = freeRuns === undefined ? seekers[i].free.length : freeRuns.from[k + 1] - freeRuns.from[k];
  }
  for (let i = 0; i < count; i++) freeOffset[i + 1] += freeOffset[i];
  const runs = freeOffset[count];
  const columns = {
    count,
    lat: column(),
    lng: column(),
    cosLat: column(),
    overheadMinutes: column(),
    detour: column(),
    speedKmPerHour: column(),
    maxCommuteMinutes: column(),
    minHours: column(),
    maxHours: column(),
    minHourlyWage: column(),
    freeOffset,
    freeStart: new Int32Array(runs),
    freeEnd: new Int32Array(runs),
  };
  for (let k = 0; k < count; k++) {
    const i = visitOrder === undefined ? k : visitOrder[k];
    const profile = seekers[i];
    const seeker = profile.seeker;
    const model = COMMUTE_MODEL[seeker.commuteMode];
    columns.lat[i] = seeker.location.lat;
    columns.lng[i] = seeker.location.lng;
    columns.cosLat[i] = cosines ? cosines[i] : cosineOfLatitude(seeker.location.lat);
    columns.overheadMinutes[i] = model.overheadMinutes;
    columns.detour[i] = model.detour;
    columns.speedKmPerHour[i] = model.speedKmPerHour;
    columns.maxCommuteMinutes[i] = seeker.maxCommuteMinutes;
    columns.minHours[i] = seeker.weeklyHours.min;
    columns.maxHours[i] = seeker.weeklyHours.max;
    columns.minHourlyWage[i] = seeker.minHourlyWage ?? -Infinity;
    let run = freeOffset[i];
    if (freeRuns === undefined) {
      for (const free of profile.free) {
        columns.freeStart[run] = free.start;
        columns.freeEnd[run] = free.end;
        run++;
      }
    } else {
      for (let at = freeRuns.from[k]; at < freeRuns.from[k + 1]; at++) {
        columns.freeStart[run] = freeRuns.start[at];
        columns.freeEnd[run] = freeRuns.end[at];
        run++;
      }
    }
  }
  return columns;
}

export function buildSeekerColumns(prepared: PreparedInstance): SeekerColumns {
  const seekers = prepared.seekers;
  const rules = prepared.rules;
  const count = rules.count;
  const freeSeeker = new Int32Array(rules.freeStart.length);
  let maxReachKm = -1;
  let latitudeAscending = true;
  const modeIndex = new Uint8Array(count);
  const ownReachHaversine = new Float64Array(count);
  const holdersBySkill = new Map<string, { seekers: Int32Array; levels: Int8Array }>();
  const holdersByCertification = new Map<string, Int32Array>();
  const refusersByFirm = new Map<string, number[]>();
  const skillHolders = new Map<string, number[]>();
  const skillLevels = new Map<string, number[]>();
  const certificationHolders = new Map<string, number[]>();
  for (let i = 0; i < count; i++) {
    const profile = seekers[i];
    const seeker = profile.seeker;
    if (i > 0 && !(rules.lat[i - 1] <= rules.lat[i])) latitudeAscending = false;
    maxReachKm = Math.max(maxReachKm, reachKm(seeker.commuteMode, seeker.maxCommuteMinutes));
    modeIndex[i] = COMMUTE_MODES.indexOf(seeker.commuteMode);
    ownReachHaversine[i] = reachHaversine(COMMUTE_MODEL[seeker.commuteMode], seeker.maxCommuteMinutes);
    freeSeeker.fill(i, rules.freeOffset[i], rules.freeOffset[i + 1]);
    // The seeker's own lists, which validation keeps free of duplicates (so they hold what
    // profile.skillLevels and the sets would), not the profile's maps: those are built on first use.
    const skills = seeker.skills;
    for (let k = 0; k < skills.length; k++) {
      appendTo(skillHolders, skills[k].code, i);
      appendTo(skillLevels, skills[k].code, skills[k].level);
    }
    const certifications = seeker.certifications;
    for (let k = 0; k < certifications.length; k++) appendTo(certificationHolders, certifications[k], i);
    const blockedFirmIds = seeker.blockedFirmIds ?? [];
    for (let k = 0; k < blockedFirmIds.length; k++) appendTo(refusersByFirm, blockedFirmIds[k], i);
  }
  for (const [code, holders] of skillHolders) {
    holdersBySkill.set(code, { seekers: Int32Array.from(holders), levels: Int8Array.from(skillLevels.get(code)!) });
  }
  for (const [code, holders] of certificationHolders) holdersByCertification.set(code, Int32Array.from(holders));
  const scratch = { failed: new Uint8Array(count), skillsHeld: new Uint8Array(count), certificationsHeld: new Uint8Array(count), free: new Uint8Array(count) };
  return { ...rules, freeSeeker, maxReachKm, modeIndex, ownReachHaversine, latitudeAscending, holdersBySkill, holdersByCertification, refusersByFirm, scratch };
}
