import { CommuteMode, GeoPoint } from './types';

/** Mean Earth radius (IUGG), as the contract fixes it. */
export const EARTH_RADIUS_KM = 6371.0088;
const RADIANS_PER_DEGREE = Math.PI / 180;

export interface CommuteModeModel {
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

export const cosineOfLatitude = (lat: number) => Math.cos(lat * RADIANS_PER_DEGREE);

/**
 * Haversine distance from cosines computed beforehand; the same arithmetic as
 * greatCircleKm, so that bulk scans and pair checks agree to the last bit.
 */
export function greatCircleKmWithCosines(
  fromLat: number,
  fromLng: number,
  fromCos: number,
  toLat: number,
  toLng: number,
  toCos: number,
): number {
  const halfLat = ((toLat - fromLat) * RADIANS_PER_DEGREE) / 2;
  const halfLng = ((toLng - fromLng) * RADIANS_PER_DEGREE) / 2;
  const h = Math.sin(halfLat) ** 2 + fromCos * toCos * Math.sin(halfLng) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

export function greatCircleKm(from: GeoPoint, to: GeoPoint): number {
  return greatCircleKmWithCosines(from.lat, from.lng, cosineOfLatitude(from.lat), to.lat, to.lng, cosineOfLatitude(to.lat));
}

/** overhead + 60 × detour × d / speed */
export function modelMinutes(model: CommuteModeModel, km: number): number {
  return model.overheadMinutes + (60 * model.detour * km) / model.speedKmPerHour;
}

/** The contract's default estimate: overhead + 60 × detour × d / speed. */
export function estimatedCommuteMinutes(from: GeoPoint, to: GeoPoint, mode: CommuteMode): number {
  return modelMinutes(COMMUTE_MODEL[mode], greatCircleKm(from, to));
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
