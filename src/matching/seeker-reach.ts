import { COMMUTE_MODEL } from './core/commute';
import type { CommuteMode } from './core/types';

/**
 * Seekers farther than this multiple of their own commute reach are left out of an instance.
 * Above 1 so that near misses ("72 min > 60") still show up in the diagnostics.
 */
export const NEAR_MISS_REACH_FACTOR = 1.5;
export const KM_PER_DEGREE_LATITUDE = 111.0;

const kmPerMinute = (mode: CommuteMode) =>
  (NEAR_MISS_REACH_FACTOR * COMMUTE_MODEL[mode].speedKmPerHour) / (60 * COMMUTE_MODEL[mode].detour);

/**
 * SQL condition: the seeker row `alias` lives within NEAR_MISS_REACH_FACTOR × its own commute
 * reach of the box [minLat..maxLat] × [minLng..maxLng] (SQL expressions, e.g. parameters).
 * The instance builder and the live candidates share it, so both see the same neighbourhood.
 */
export function seekerReachBoxSql(alias: string, minLat: string, maxLat: string, minLng: string, maxLng: string): string {
  const km = `(${alias}.max_commute_minutes * CASE ${alias}.commute_mode WHEN 'transit' THEN ${kmPerMinute('transit')}::float8
    WHEN 'car' THEN ${kmPerMinute('car')}::float8 WHEN 'bicycle' THEN ${kmPerMinute('bicycle')}::float8
    ELSE ${kmPerMinute('walk')}::float8 END)`;
  const lngSpan = `${km} / (${KM_PER_DEGREE_LATITUDE} * cos(radians(least(89.0, greatest(abs(${minLat}::float8), abs(${maxLat}::float8)) + ${km} / ${KM_PER_DEGREE_LATITUDE}))))`;
  return `${alias}.home_lat BETWEEN ${minLat}::float8 - ${km} / ${KM_PER_DEGREE_LATITUDE} AND ${maxLat}::float8 + ${km} / ${KM_PER_DEGREE_LATITUDE}
    AND ${alias}.home_lng BETWEEN ${minLng}::float8 - ${lngSpan} AND ${maxLng}::float8 + ${lngSpan}`;
}

/** The fastest mode's km per commute minute: bounds every seeker's reach from its minutes alone. */
const WIDEST_KM_PER_MINUTE = Math.max(...(Object.keys(COMMUTE_MODEL) as CommuteMode[]).map(kmPerMinute));

/**
 * SQL condition that the seeker row `alias` lives in a box around (lat, lng) wide enough for
 * the widest commute limit among active seekers: a superset of seekerReachBoxSql for that one
 * spot, in a form the GiST index ix_seekers_active_home answers. `widestMinutes` is an SQL
 * expression for the largest max_commute_minutes of an active seeker (WIDEST_COMMUTE_SQL).
 */
export function widestReachBoxSql(alias: string, lat: string, lng: string, widestMinutes: string): string {
  const km = `(${widestMinutes} * ${WIDEST_KM_PER_MINUTE}::float8)`;
  const dLat = `(${km} / ${KM_PER_DEGREE_LATITUDE})`;
  const dLng = `(${km} / (${KM_PER_DEGREE_LATITUDE} * cos(radians(least(89.0, abs(${lat}::float8) + ${dLat})))))`;
  return `point(${alias}.home_lng, ${alias}.home_lat) <@ box(point(${lng}::float8 - ${dLng}, ${lat}::float8 - ${dLat}),
    point(${lng}::float8 + ${dLng}, ${lat}::float8 + ${dLat}))`;
}

/** The largest commute limit among active seekers: one probe of ix_seekers_active_max_commute. */
export const WIDEST_COMMUTE_SQL = `SELECT max(max_commute_minutes)::float8 AS minutes FROM seekers WHERE status = 'active'`;
