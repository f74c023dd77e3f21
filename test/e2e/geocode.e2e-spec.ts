import { AddressInfo } from 'node:net';
import { Server, createServer } from 'node:http';
import type { AppConfig } from '../../src/config/app-config';
import { Geocoder } from '../../src/geocoding/geocoder';
import { geocoderFor } from '../../src/geocoding/geocoding.module';
import type { VworldGetCoordResponse } from '../../src/geocoding/vworld-geocoder';
import { API, createComplex, createSeeker, fieldsOf, firmBody, problemOf, seekerBody } from './factories';
import { seekerToken } from './support/auth';
import { TestApp, createTestApp } from './support/test-app';

const GASAN_ROAD = '서울특별시 금천구 가산디지털1로 168';
const GASAN_PARCEL = '서울특별시 금천구 가산동 371-50';

/** Answers like VWorld's getcoord 2.0 (its documented JSON): one road address, one parcel address, an error. */
function vworldAnswer(address: string, type: string, key: string): VworldGetCoordResponse {
  if (key !== 'TEST-VWORLD-KEY') return { response: { status: 'ERROR', error: { level: '1', code: 'INVALID_KEY', text: '등록되지 않은 인증키입니다.' } } };
  const found =
    (type === 'road' && address === GASAN_ROAD) || (type === 'parcel' && address === GASAN_PARCEL)
      ? {
          status: 'OK' as const,
          refined: {
            text: type === 'road' ? GASAN_ROAD : GASAN_PARCEL,
            structure: { level0: '대한민국', level1: '서울특별시', level2: '금천구', level3: '', level4L: '가산디지털1로', level4A: '가산동', level4AC: '1154551000', level5: '168' },
          },
          result: { crs: 'EPSG:4326', point: { x: '126.882432', y: '37.480936' } },
        }
      : { status: 'NOT_FOUND' as const };
  return { response: { service: { name: 'address', version: '2.0', operation: 'getcoord' }, input: { type, address }, ...found } };
}

describe('geocoding', () => {
  describe('with the bundled gazetteer (the default)', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp();
    });
    afterAll(() => t.close());

    it('answers 시·군·구 + 읍·면·동 with coordinates, for every role', async () => {
      const seeker = await createSeeker(t);
      const response = await t.api.get(`${API}/geocode`).query({ q: '구미시 공단동' }).set('Authorization', seekerToken(seeker.id)).expect(200);
      expect(response.body.items[0]).toEqual({ label: '경상북도 구미시 공단동', sigungu: '구미시', eupmyeondong: '공단동', lat: expect.any(Number), lng: expect.any(Number), source: 'gazetteer' });
      expect(response.body.items[0].lat).toBeCloseTo(36.1, 0);
      expect((await t.api.get(`${API}/geocode`).query({ q: '제주시 연동' }).expect(200)).body).toEqual({ items: [] });
    });

    it("geocodes a seeker's address when no home is given; given coordinates win and stay editable", async () => {
      const [gongdan] = (await t.api.get(`${API}/geocode`).query({ q: '구미시 공단동' }).expect(200)).body.items;
      const { home: _home, ...withoutHome } = seekerBody();
      const geocoded = await t.api.post(`${API}/seekers`).send({ ...withoutHome, address: '경북 구미시 공단동' }).expect(201);
      expect(geocoded.body.home).toEqual({ lat: gongdan.lat, lng: gongdan.lng });
      expect(geocoded.body).not.toHaveProperty('address');

      const explicit = await t.api.post(`${API}/seekers`).send({ ...withoutHome, address: '경북 구미시 공단동', home: { lat: 36.2, lng: 128.4 } }).expect(201);
      expect(explicit.body.home).toEqual({ lat: 36.2, lng: 128.4 });
      const moved = await t.api.patch(`${API}/seekers/${explicit.body.id}`).send({ address: '서울 금천구 가산동' }).expect(200);
      expect(moved.body.home.lat).toBeCloseTo(37.474, 2);
      const edited = await t.api.patch(`${API}/seekers/${explicit.body.id}`).send({ home: { lat: 37.5, lng: 126.9 } }).expect(200);
      expect(edited.body.home).toEqual({ lat: 37.5, lng: 126.9 });

      expect(fieldsOf(await t.api.post(`${API}/seekers`).send(withoutHome).expect(400))).toContain('home');
      const unknown = await t.api.post(`${API}/seekers`).send({ ...withoutHome, address: '부산 해운대구 우동' }).expect(400);
      expect(problemOf(unknown)).toMatchObject({ code: 'geocode.not_found', errors: [{ field: 'address', code: 'geocode.not_found' }] });
    });

    it("geocodes a firm's address when no site is given, also when the address changes", async () => {
      const complex = await createComplex(t);
      const { site: _site, ...withoutSite } = firmBody(complex.id, { address: '서울 구로구 구로3동 디지털로 300' });
      const firm = await t.api.post(`${API}/firms`).send(withoutSite).expect(201);
      expect(firm.body.site.lat).toBeCloseTo(37.483, 2);
      const moved = await t.api.patch(`${API}/firms/${firm.body.id}`).send({ address: '경기 광명시 소하2동' }).expect(200);
      expect(moved.body.site.lat).toBeCloseTo(37.44, 1);
      expect(moved.body.site).not.toEqual(firm.body.site);
    });

    it('refuses a missing query, in Korean when asked', async () => {
      const response = await t.api.get(`${API}/geocode`).set('Accept-Language', 'ko-KR,ko;q=0.9,en;q=0.8').expect(400);
      const problem = problemOf(response);
      expect(problem.errors).toEqual(expect.arrayContaining([{ field: 'q', code: 'isNotEmpty', message: 'q: 비워 둘 수 없습니다.' }]));
    });
  });

  describe('with the VWorld adapter, against a loopback stand-in', () => {
    let t: TestApp;
    let standIn: Server;
    const requests: URLSearchParams[] = [];
    let vworldUrl = '';

    beforeAll(async () => {
      standIn = createServer((request, response) => {
        const url = new URL(request.url ?? '/', 'http://localhost');
        requests.push(url.searchParams);
        if (url.searchParams.get('address') === 'broken') {
          response.writeHead(502).end('bad gateway');
          return;
        }
        const answer = vworldAnswer(url.searchParams.get('address') ?? '', url.searchParams.get('type') ?? '', url.searchParams.get('key') ?? '');
        response.writeHead(200, { 'Content-Type': 'application/json;charset=UTF-8' }).end(JSON.stringify(answer));
      });
      await new Promise<void>((resolve) => standIn.listen(0, '127.0.0.1', resolve));
      vworldUrl = `http://127.0.0.1:${(standIn.address() as AddressInfo).port}/req/address`;
      const config = { geocoder: 'vworld', vworld: { url: vworldUrl, apiKey: 'TEST-VWORLD-KEY', timeoutMs: 5_000 } } as AppConfig;
      t = await createTestApp((builder) => builder.overrideProvider(Geocoder).useValue(geocoderFor(config)));
    });
    afterAll(async () => {
      await t.close();
      await new Promise((resolve) => standIn.close(resolve));
    });

    it('sends the documented getcoord request and reads the point of a road address', async () => {
      requests.length = 0;
      const response = await t.api.get(`${API}/geocode`).query({ q: GASAN_ROAD }).expect(200);
      expect(response.body.items).toEqual([{ label: GASAN_ROAD, sigungu: '금천구', eupmyeondong: '가산동', lat: 37.480936, lng: 126.882432, source: 'vworld' }]);
      expect(Object.fromEntries(requests[0])).toEqual({
        service: 'address', request: 'getcoord', version: '2.0', crs: 'epsg:4326', address: GASAN_ROAD, refine: 'true', simple: 'false', format: 'json', type: 'road', key: 'TEST-VWORLD-KEY',
      });
    });

    it('tries a parcel address when no road address matches, and answers empty when neither does', async () => {
      requests.length = 0;
      const parcel = await t.api.get(`${API}/geocode`).query({ q: GASAN_PARCEL }).expect(200);
      expect(requests.map((parameters) => parameters.get('type'))).toEqual(['road', 'parcel']);
      expect(parcel.body.items[0]).toMatchObject({ label: GASAN_PARCEL, lat: 37.480936 });
      expect((await t.api.get(`${API}/geocode`).query({ q: '없는 주소 1' }).expect(200)).body).toEqual({ items: [] });
    });

    it('answers 503 geocode.unavailable when VWorld fails, and uses the point when a firm gives only an address', async () => {
      const failed = await t.api.get(`${API}/geocode`).query({ q: 'broken' }).set('Accept-Language', 'ko').expect(503);
      expect(problemOf(failed).code).toBe('geocode.unavailable');
      expect(JSON.parse(failed.text).detail).toMatch(/주소 검색 서비스/);
    });
  });
});
