import { CommuteMode, GeoPoint } from './types';

/** Mean Earth radius (IUGG), as the contract fixes it. */
export const EARTH_RADIUS_KM = 6371.0088;
const RADIANS_PER_DEGREE = Math.PI / 180;

interface CommuteModeModel {
  readonly overheadMinutes: number;
  readonly detour: number;
  readonly speedKmPerHour: number;
}

export const COMMUTE_MODEL: { readonly [mode in CommuteMode]: CommuteModeModel } = {
  transit: { overheadMinutes: 10, detour: 1.3, speedKmPerHour: 25 },
  car: { overheadMinutes: 5, detour: 1.3, speedKmPerHour: 30 },
  bicycle: { overheadMinutes: 2, detour: 1.25, speedKmPerHour: 15 },
  walk: { overheadMinutes: 0, detour: 1.2, speedKmPerHour: 4.5 },
};

export function greatCircleKm(from: GeoPoint, to: GeoPoint): number {
  const halfLat = ((to.lat - from.lat) * RADIANS_PER_DEGREE) / 2;
  const halfLng = ((to.lng - from.lng) * RADIANS_PER_DEGREE) / 2;
  const h =
    Math.sin(halfLat) ** 2 +
    Math.cos(from.lat * RADIANS_PER_DEGREE) * Math.cos(to.lat * RADIANS_PER_DEGREE) * Math.sin(halfLng) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The contract's default estimate: overhead + 60 × detour × d / speed. */
export function estimatedCommuteMinutes(from: GeoPoint, to: GeoPoint, mode: CommuteMode): number {
  const model = COMMUTE_MODEL[mode];
  return model.overheadMinutes + (60 * model.detour * greatCircleKm(from, to)) / model.speedKmPerHour;
}

/** Farthest great-circle distance (km) whose estimated commute stays within `maxMinutes`. */
export function reachKm(mode: CommuteMode, maxMinutes: number): number {
  const model = COMMUTE_MODEL[mode];
  return Math.max(-1, ((maxMinutes - model.overheadMinutes) * model.speedKmPerHour) / (60 * model.detour));
}

/** Commute minutes as reported: to one decimal. */
export function reportedMinutes(minutes: number): number {
  return Math.round(minutes * 10) / 10;
}
