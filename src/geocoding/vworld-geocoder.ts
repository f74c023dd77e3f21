import { DomainError } from '../common/domain-error';
import { GeocodeResult, Geocoder } from './geocoder';

export interface VworldSettings {
  readonly url: string;
  readonly apiKey: string;
  readonly timeoutMs: number;
}

/**
 * The answer of VWorld's Geocoder API 2.0 `getcoord` (주소를 좌표로 변환), as its reference
 * documents it (https://www.vworld.kr/dev/v4dv_geocoderguide2_s001.do): status OK with the
 * refined address and a point (x = longitude, y = latitude in the requested crs), NOT_FOUND,
 * or ERROR with an error object.
 */
export interface VworldGetCoordResponse {
  response: {
    service?: { name: string; version: string; operation: string; time?: string };
    input?: { type: string; address: string };
    status: 'OK' | 'NOT_FOUND' | 'ERROR';
    refined?: {
      text: string;
      structure: { level1?: string; level2?: string; level3?: string; level4L?: string; level4A?: string; level4AC?: string; level5?: string };
    };
    result?: { crs: string; point: { x: string; y: string } };
    error?: { level: string; code: string; text: string };
  };
}

const ADDRESS_TYPES = ['road', 'parcel'] as const;

const unavailable = (why: string) => new DomainError('unavailable', 'geocode.unavailable', `the geocoding service is unavailable (${why})`);

/**
 * VWorld (국토교통부 공간정보 오픈플랫폼): a road address (도로명주소) first, then a parcel
 * address (지번주소). It returns one point per query. The API key travels in the query string
 * as VWorld requires, so the URL is never logged.
 */
export class VworldGeocoder extends Geocoder {
  constructor(private readonly settings: VworldSettings) {
    super();
  }

  async search(query: string): Promise<GeocodeResult[]> {
    const address = query.trim();
    if (address === '') return [];
    for (const type of ADDRESS_TYPES) {
      const answer = await this.getCoord(address, type);
      if (answer.response.status === 'OK') return toResults(answer);
      if (answer.response.status !== 'NOT_FOUND') throw unavailable(answer.response.error?.code ?? answer.response.status);
    }
    return [];
  }

  private async getCoord(address: string, type: (typeof ADDRESS_TYPES)[number]): Promise<VworldGetCoordResponse> {
    const url = new URL(this.settings.url);
    const parameters = { service: 'address', request: 'getcoord', version: '2.0', crs: 'epsg:4326', address, refine: 'true', simple: 'false', format: 'json', type, key: this.settings.apiKey };
    for (const [name, value] of Object.entries(parameters)) url.searchParams.set(name, value);
    let response: Response;
    try {
      response = await fetch(url, { signal: AbortSignal.timeout(this.settings.timeoutMs), headers: { Accept: 'application/json' } });
    } catch (error) {
      throw unavailable(error instanceof Error && error.name === 'TimeoutError' ? 'timeout' : 'unreachable');
    }
    if (!response.ok) throw unavailable(`HTTP ${response.status}`);
    const body = (await response.json().catch(() => undefined)) as VworldGetCoordResponse | undefined;
    if (!body?.response?.status) throw unavailable('unexpected answer');
    return body;
  }
}

function toResults({ response }: VworldGetCoordResponse): GeocodeResult[] {
  const point = response.result?.point;
  const lat = Number(point?.y);
  const lng = Number(point?.x);
  if (!Number.isFinite(lat) || !Number.isFinite(lng)) throw unavailable('answer without a point');
  const structure = response.refined?.structure ?? {};
  return [
    {
      label: response.refined?.text ?? '',
      sigungu: [structure.level2, structure.level3].filter(Boolean).join(' '),
      eupmyeondong: structure.level4A || null,
      lat,
      lng,
      source: 'vworld',
    },
  ];
}
