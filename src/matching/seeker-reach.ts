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
