import { API, complexBody, problemOf, seekerBody } from './factories';
import { TestApp, createTestApp } from './support/test-app';

/** Bodies built to hurt: each gets a small, clear 400, never a 500 or a megabyte of errors. */
describe('hostile request bodies', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('reports the first 20 of thousands of broken rules, with their count', async () => {
    const body = seekerBody({ availability: Array.from({ length: 3_000 }, () => ({})) });
    const response = await t.api.post(`${API}/seekers`).send(body);
    expect(response.status).toBe(400);
    expect(problemOf(response).code).toBe('validation.failed');
    expect(response.body.errors).toHaveLength(20);
    expect(response.body.details).toMatchObject({ errorsShown: 20, errorCount: expect.any(Number) });
    expect(response.body.details.errorCount).toBeGreaterThan(3_000);
    expect(response.text.length).toBeLessThan(10_000);
  });

  it('answers JSON nested 3,000 deep with 400 request.too_deep', async () => {
    const deep = `{"name":${'['.repeat(3_000)}${']'.repeat(3_000)}}`;
    const response = await t.api.post(`${API}/complexes`).set('Content-Type', 'application/json').send(deep);
    expect(response.status).toBe(400);
    expect(problemOf(response).code).toBe('request.too_deep');
  });

  it.each([
    ['a value', { ...complexBody(), name: 'a\u0000b' }, 'name'],
    ['a nested value', { ...complexBody(), centroid: { lat: 37, lng: 127, note: '\u0000' } }, 'centroid.note'],
  ])('answers a NUL character in %s with 400 request.nul_character naming the field', async (_where, body, field) => {
    const response = await t.api.post(`${API}/complexes`).send(body);
    expect(response.status).toBe(400);
    expect(problemOf(response).code).toBe('request.nul_character');
    expect(response.body.errors).toEqual([expect.objectContaining({ field })]);
  });

  it('answers a NUL character in a seeker\'s name with 400, not PostgreSQL\'s 22021', async () => {
    const response = await t.api.post(`${API}/seekers`).send(seekerBody({ displayName: '김\u0000철수' }));
    expect(response.status).toBe(400);
    expect(problemOf(response).code).toBe('request.nul_character');
  });
});
