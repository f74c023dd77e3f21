import { API, createSeeker, problemOf, seekerBody } from './factories';
import { TestApp, createTestApp } from './support/test-app';
import { Seeker } from '../../src/seekers/seeker.entity';

describe('hardening and PIPA input rules', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('sends helmet headers and Cache-Control: no-store on API responses', async () => {
    const seeker = await createSeeker(t);
    const response = await t.api.get(`${API}/seekers/${seeker.id}`).expect(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['strict-transport-security']).toBeDefined();
    expect(response.headers['x-powered-by']).toBeUndefined();
    const problem = await t.anonymous.get(`${API}/seekers/${seeker.id}`).expect(401);
    expect(problem.headers['cache-control']).toBe('no-store');
  });

  it('sends no CORS headers when CORS_ORIGINS is empty', async () => {
    const response = await t.api.get(`${API}/health`).set('Origin', 'https://evil.example').expect(200);
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('answers a body over 100 kB with 413 request.too_large', async () => {
    const response = await t.api
      .post(`${API}/seekers`)
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ ...seekerBody(), displayName: 'x'.repeat(101 * 1024) }))
      .expect(413);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(problemOf(response).code).toBe('request.too_large');
  });

  it.each(['seekers', 'firms', 'complexes', 'leave-gaps', 'placements', 'access-log', 'match-runs'])(
    'caps the page size of /%s at 100',
    async (list) => {
      const response = await t.api.get(`${API}/${list}?pageSize=101`).expect(400);
      expect(problemOf(response).errors).toEqual([expect.objectContaining({ field: 'pageSize' })]);
      await t.api.get(`${API}/${list}?pageSize=100`).expect(200);
    },
  );

  describe('resident registration numbers (주민등록번호)', () => {
    type Body = Record<string, unknown>;
    it.each<[string, (body: Body) => Body]>([
      ['a body field', (body) => ({ ...body, displayName: '김민지 900101-1234567' })],
      ['an unknown body field', (body) => ({ ...body, rrn: '9001012234567' })],
      ['a nested value', (body) => ({ ...body, skills: [{ code: '000229-3123456', level: 1 }] })],
    ])('refuses one in %s with 400 pipa.resident_number_forbidden and stores nothing', async (_where, change) => {
      const body = change(seekerBody());
      const response = await t.api.post(`${API}/seekers`).send(body).expect(400);
      expect(problemOf(response).code).toBe('pipa.resident_number_forbidden');
      expect(response.text).not.toMatch(/900101|9001012234567|000229/);
      expect(await t.dataSource.getRepository(Seeker).countBy({ phone: body.phone as string })).toBe(0);
    });

    it('refuses one in the query string or the path, even without a token', async () => {
      const inQuery = await t.api.get(`${API}/seekers?status=900101-1234567`).expect(400);
      expect(problemOf(inQuery)).toMatchObject({ code: 'pipa.resident_number_forbidden', errors: [{ field: 'query.status' }] });
      const inPath = await t.anonymous.get(`${API}/seekers/9001011234567`).expect(400);
      expect(problemOf(inPath).code).toBe('pipa.resident_number_forbidden');
    });

    it('lets a phone number and an ordinary body through', async () => {
      await t.api.post(`${API}/seekers`).send(seekerBody({ phone: '010-9001-0112' })).expect(201);
    });
  });
});
