import { COMMUTE_MODEL, cosineOfLatitude, reachKm } from './commute';
import { PreparedInstance } from './prepared-instance';

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
  /** True when lat is ascending (the canonical order sorts seekers by latitude first). */
  readonly latitudeAscending: boolean;
  /** Per skill code, its holders (ascending) and their levels. */
  readonly holdersBySkill: ReadonlyMap<string, { readonly seekers: Int32Array; readonly levels: Int8Array }>;
  readonly holdersByCertification: ReadonlyMap<string, Int32Array>;
  readonly refusersByFirm: ReadonlyMap<string, number[]>;
}

function appendTo(index: Map<string, number[]>, key: string, seeker: number): void {
  const list = index.get(key);
  if (list) list.push(seeker);
  else index.set(key, [seeker]);
}

export function buildSeekerColumns(prepared: PreparedInstance): SeekerColumns {
  const seekers = prepared.seekers;
  const count = seekers.length;
  const column = () => new Float64Array(count);
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
    freeOffset: new Int32Array(count + 1),
    freeStart: new Int32Array(seekers.reduce((sum, seeker) => sum + seeker.free.length, 0)),
    freeEnd: new Int32Array(seekers.reduce((sum, seeker) => sum + seeker.free.length, 0)),
    freeSeeker: new Int32Array(seekers.reduce((sum, seeker) => sum + seeker.free.length, 0)),
    maxReachKm: -1,
    latitudeAscending: true,
    holdersBySkill: new Map<string, { seekers: Int32Array; levels: Int8Array }>(),
    holdersByCertification: new Map<string, Int32Array>(),
    refusersByFirm: new Map<string, number[]>(),
  };
  const skillHolders = new Map<string, number[]>();
  const skillLevels = new Map<string, number[]>();
  const certificationHolders = new Map<string, number[]>();
  let run = 0;
  for (const profile of seekers) {
    const i = profile.index;
    const seeker = profile.seeker;
    const model = COMMUTE_MODEL[seeker.commuteMode];
    columns.lat[i] = seeker.location.lat;
    if (i > 0 && !(columns.lat[i - 1] <= columns.lat[i])) columns.latitudeAscending = false;
    columns.lng[i] = seeker.location.lng;
    columns.cosLat[i] = cosineOfLatitude(seeker.location.lat);
    columns.overheadMinutes[i] = model.overheadMinutes;
    columns.detour[i] = model.detour;
    columns.speedKmPerHour[i] = model.speedKmPerHour;
    columns.maxCommuteMinutes[i] = seeker.maxCommuteMinutes;
    columns.minHours[i] = seeker.weeklyHours.min;
    columns.maxHours[i] = seeker.weeklyHours.max;
    columns.minHourlyWage[i] = seeker.minHourlyWage ?? -Infinity;
    columns.maxReachKm = Math.max(columns.maxReachKm, reachKm(seeker.commuteMode, seeker.maxCommuteMinutes));
    columns.freeOffset[i] = run;
    for (const free of profile.free) {
      columns.freeStart[run] = free.start;
      columns.freeEnd[run] = free.end;
      columns.freeSeeker[run] = i;
      run++;
    }
    for (const [code, level] of profile.skillLevels) {
      appendTo(skillHolders, code, i);
      appendTo(skillLevels, code, level);
    }
    for (const code of profile.certifications) appendTo(certificationHolders, code, i);
    for (const firm of profile.blockedFirms) appendTo(columns.refusersByFirm, firm, i);
  }
  columns.freeOffset[count] = run;
  for (const [code, holders] of skillHolders) {
    columns.holdersBySkill.set(code, { seekers: Int32Array.from(holders), levels: Int8Array.from(skillLevels.get(code)!) });
  }
  for (const [code, holders] of certificationHolders) columns.holdersByCertification.set(code, Int32Array.from(holders));
  return columns;
}
