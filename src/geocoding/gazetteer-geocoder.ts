import { GAZETTEER_ROWS, GazetteerRow } from './gazetteer-rows';
import { GeocodeResult, Geocoder } from './geocoder';

const MAX_RESULTS = 10;

const SIDO_ALIASES: { readonly [alias: string]: string } = {
  서울: '서울특별시',
  서울시: '서울특별시',
  서울특별시: '서울특별시',
  경기: '경기도',
  경기도: '경기도',
  경북: '경상북도',
  경상북도: '경상북도',
};

/** `독산제1동` and `독산1동` are written both ways; `독산동` (the legal dong) covers 독산제1동 … 제4동. */
const dongKey = (name: string) => name.replace(/제(\d)/g, '$1').replace(/\./g, '·');
const dongStem = (name: string) => dongKey(name).replace(/[\d·]+(?=동$)/, '');

interface Place {
  readonly sido: string;
  readonly sigungu: string;
  readonly eupmyeondong: string | null;
  readonly lat: number;
  readonly lng: number;
}

const toPlace = ([, sido, sigungu, eupmyeondong, lat, lng]: GazetteerRow): Place => ({ sido, sigungu, eupmyeondong, lat, lng });

/**
 * The bundled offline gazetteer: every 읍·면·동 of the districts around the pilot complexes
 * (gazetteer-rows.ts cites the source). It understands 시·도, 시·군·구 and 읍·면·동 names in
 * any order (`서울 금천구 가산동`, `가산동`, `금천 독산1동`); road names and numbers are
 * ignored, so a road address falls back to its district.
 */
export class GazetteerGeocoder extends Geocoder {
  private readonly places: readonly Place[];

  constructor(rows: readonly GazetteerRow[] = GAZETTEER_ROWS) {
    super();
    this.places = rows.map(toPlace);
  }

  async search(query: string): Promise<GeocodeResult[]> {
    return this.lookup(query);
  }

  lookup(query: string): GeocodeResult[] {
    const tokens = query
      .split(/[\s,()]+/)
      .map((token) => token.trim())
      .filter((token) => token !== '');
    const sidos = new Set(tokens.map((token) => SIDO_ALIASES[token]).filter(Boolean));
    const sigungus = new Set(
      this.places
        .filter((place) => tokens.some((token) => token === place.sigungu || (token.length >= 2 && `${token}${place.sigungu.slice(-1)}` === place.sigungu)))
        .map((place) => place.sigungu),
    );
    const scored = this.places
      .filter((place) => place.eupmyeondong !== null)
      .map((place) => ({ place, score: dongScore(place.eupmyeondong!, tokens) }))
      .filter(({ place, score }) => score > 0 && (sigungus.size === 0 || sigungus.has(place.sigungu)))
      .map(({ place, score }) => ({ place, score: score + (sidos.has(place.sido) ? 1 : 0) }));
    const namedDistricts = this.places.filter(
      (place) => place.eupmyeondong === null && sigungus.has(place.sigungu) && !scored.some((found) => found.place.sigungu === place.sigungu),
    );
    const ranked = [...scored.sort((a, b) => b.score - a.score || compare(a.place, b.place)).map(({ place }) => place), ...namedDistricts];
    return ranked.slice(0, MAX_RESULTS).map(toResult);
  }
}

function dongScore(name: string, tokens: readonly string[]): number {
  if (tokens.some((token) => dongKey(token) === dongKey(name))) return 3;
  if (tokens.some((token) => /[동읍면]$/.test(token) && token.length >= 2 && dongStem(token) === dongStem(name))) return 2;
  return 0;
}

const compare = (a: Place, b: Place) => `${a.sigungu} ${a.eupmyeondong}`.localeCompare(`${b.sigungu} ${b.eupmyeondong}`, 'ko');

function toResult(place: Place): GeocodeResult {
  return {
    label: [place.sido, place.sigungu, place.eupmyeondong].filter(Boolean).join(' '),
    sigungu: place.sigungu,
    eupmyeondong: place.eupmyeondong,
    lat: place.lat,
    lng: place.lng,
    source: 'gazetteer',
  };
}
