import { COMMUTE_MODEL, CommuteModeModel, EARTH_RADIUS_KM } from './commute';
import { COMMUTE_MODES } from './types';

/**
 * Bulk commute checks without trigonometry for most pairs. The rule (overhead + 60 × detour
 * × km / speed > limit) with km = 2R·asin(√h) fails exactly when the haversine h exceeds
 * sin²(reach / 2R), reach being the distance the limit allows. h is bounded from both sides
 * by polynomials of the half-angle differences (x² − x⁴/3 ≤ sin² x ≤ x²), so a pair whose
 * bounds fall clearly on one side of that threshold is decided without sin, asin or sqrt;
 * only pairs within a relative 1e-6 of it take the exact distance, which keeps every verdict
 * identical to the exact rule's.
 */
const RADIANS_PER_DEGREE = Math.PI / 180;
const MARGIN = 1e-6;
/** Below this reach (km) rounding in the exact rule is not negligible against MARGIN: such pairs take the exact test. */
const SMALLEST_BOUNDED_REACH_KM = 0.01;

export const HAVERSINE_UNKNOWN = -1;

/** sin²(reach / 2R) for the distance within `limit` minutes by `model`, or HAVERSINE_UNKNOWN when the bounds must not be used. */
export function reachHaversine(model: CommuteModeModel, limit: number): number {
  const reach = ((limit - model.overheadMinutes) * model.speedKmPerHour) / (60 * model.detour);
  if (!(reach >= SMALLEST_BOUNDED_REACH_KM && reach < EARTH_RADIUS_KM)) return HAVERSINE_UNKNOWN;
  return Math.sin(reach / (2 * EARTH_RADIUS_KM)) ** 2;
}

/** reachHaversine of every commute mode (COMMUTE_MODES order) at one limit. */
export function reachHaversineByMode(limit: number): Float64Array {
  return Float64Array.from(COMMUTE_MODES, (mode) => reachHaversine(COMMUTE_MODEL[mode], limit));
}

export const PASSES = 0;
export const FAILS = 1;
export const UNDECIDED = 2;

/**
 * PASSES or FAILS when the bounds decide the pair at (Δlat, Δlng) in degrees, the product of
 * both latitudes' cosines given; UNDECIDED when the exact distance must decide.
 */
export function boundedVerdict(deltaLat: number, deltaLng: number, cosines: number, threshold: number): number {
  if (threshold === HAVERSINE_UNKNOWN) return UNDECIDED;
  const x = (deltaLat * RADIANS_PER_DEGREE) / 2;
  const y = (deltaLng * RADIANS_PER_DEGREE) / 2;
  const x2 = x * x;
  const y2 = y * y;
  const upper = x2 + cosines * y2;
  if (upper < threshold * (1 - MARGIN)) return PASSES;
  const lower = x2 * (1 - x2 / 3) + cosines * y2 * (1 - y2 / 3);
  return lower > threshold * (1 + MARGIN) ? FAILS : UNDECIDED;
}
