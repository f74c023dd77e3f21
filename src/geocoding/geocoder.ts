/** One place an address or 시·군·구 + 읍·면·동 may mean, best first in a result list. */
export interface GeocodeResult {
  readonly label: string;
  readonly sigungu: string;
  /** null when the place is a whole 시·군·구 (the query named no 읍·면·동 the geocoder knows). */
  readonly eupmyeondong: string | null;
  readonly lat: number;
  readonly lng: number;
  /** Which geocoder answered: `gazetteer` (bundled, offline) or `vworld`. */
  readonly source: string;
}

/** Turns a Korean address into coordinates; chosen by configuration (GEOCODER). */
export abstract class Geocoder {
  /** Best first; empty when nothing matches. Throws `geocode.unavailable` when the backend cannot answer. */
  abstract search(query: string): Promise<GeocodeResult[]>;
}
