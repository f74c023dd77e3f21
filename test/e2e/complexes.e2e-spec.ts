import { randomUUID } from 'node:crypto';
import { IndustrialComplex } from '../../src/complexes/industrial-complex.entity';
import { API, complexBody, createComplex, createFirm, fieldsOf, problemOf } from './factories';
import { TestApp, createTestApp } from './support/test-app';

describe('complexes', () => {
  let t: TestApp;
  const countByName = (name: string) => t.dataSource.getRepository(IndustrialComplex).countBy({ name });

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('carries the two pilot complexes from the migration', async () => {
    const response = await t.api.get(`${API}/complexes`).query({ pageSize: 100 }).expect(200);
    const names = response.body.items.map((complex: { name: string }) => complex.name);
    expect(names).toEqual(expect.arrayContaining(['서울디지털국가산업단지', '구미국가산업단지']));
    const gumi = response.body.items.find((complex: { name: string }) => complex.name === '구미국가산업단지');
    expect(gumi).toMatchObject({ region: '경상북도 구미시', centroid: { lat: 36.1136, lng: 128.3446 } });
  });

  it('creates, reads, updates and deletes a complex', async () => {
    const body = complexBody();
    const created = await t.api.post(`${API}/complexes`).send(body).expect(201);
    expect(created.body).toMatchObject({ name: body.name, region: body.region, centroid: body.centroid });

    await t.api.get(`${API}/complexes/${created.body.id}`).expect(200, created.body);

    const updated = await t.api
      .patch(`${API}/complexes/${created.body.id}`)
      .send({ region: '서울 구로구', centroid: { lat: 37.485, lng: 126.89 } })
      .expect(200);
    expect(updated.body).toMatchObject({ name: body.name, region: '서울 구로구', centroid: { lat: 37.485, lng: 126.89 } });

    await t.api.delete(`${API}/complexes/${created.body.id}`).expect(204);
    await t.api.get(`${API}/complexes/${created.body.id}`).expect(404);
  });

  it('lists a page of complexes with the total', async () => {
    await createComplex(t);
    const response = await t.api.get(`${API}/complexes`).query({ page: 1, pageSize: 1 }).expect(200);
    expect(response.body.items).toHaveLength(1);
    expect(response.body).toMatchObject({ page: 1, pageSize: 1 });
    expect(response.body.total).toBeGreaterThanOrEqual(3);
  });

  it('refuses to delete a complex that still has firms', async () => {
    const complex = await createComplex(t);
    await createFirm(t, { complexId: complex.id });
    const response = await t.api.delete(`${API}/complexes/${complex.id}`).expect(409);
    expect(problemOf(response).code).toBe('complex.in_use');
    await t.api.get(`${API}/complexes/${complex.id}`).expect(200);
  });

  it('refuses a second complex with the same name (409), writing nothing', async () => {
    const complex = await createComplex(t);
    const response = await t.api.post(`${API}/complexes`).send(complexBody({ name: complex.name })).expect(409);
    expect(problemOf(response).code).toBe('complex.duplicate_name');
    expect(await countByName(complex.name as string)).toBe(1);
  });

  it.each([
    ['centroid.lat', { centroid: { lat: 91, lng: 126.9 } }],
    ['centroid.lng', { centroid: { lat: 37.5, lng: -181 } }],
    ['name', { name: '' }],
    ['region', { region: 42 }],
  ])('refuses a bad %s with 400 naming the field, writing nothing', async (field, overrides) => {
    const body = complexBody(overrides);
    const response = await t.api.post(`${API}/complexes`).send(body).expect(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(fieldsOf(response)).toContain(field);
    if (typeof body.name === 'string' && body.name) expect(await countByName(body.name)).toBe(0);
  });

  it('answers 404 for an unknown id and for one that is not a uuid', async () => {
    expect(problemOf(await t.api.get(`${API}/complexes/${randomUUID()}`).expect(404)).code).toBe('complex.not_found');
    expect(problemOf(await t.api.get(`${API}/complexes/not-a-uuid`).expect(404)).code).toBe('complex.not_found');
  });
});
