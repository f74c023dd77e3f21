import { Seeker } from '../../src/seekers/seeker.entity';
import { API, problemOf, seekerBody } from './factories';
import { TestApp, createTestApp } from './support/test-app';

/** 주민등록번호 as people actually type them, and error bodies that must not quote them back. */
describe('resident registration numbers in other spellings', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it.each([
    ['a space', '900101 1234567'],
    ['spaces around the dash', '900101 - 1234567'],
    ['an en dash', '900101–1234567'],
    ['a full-width hyphen-minus', '900101－1234567'],
  ])('refuses one written with %s and stores nothing', async (_name, number) => {
    const body = seekerBody({ displayName: `김민지 ${number}` });
    const response = await t.api.post(`${API}/seekers`).send(body);
    expect(response.status).toBe(400);
    expect(problemOf(response).code).toBe('pipa.resident_number_forbidden');
    expect(await t.dataSource.getRepository(Seeker).countBy({ phone: body.phone as string })).toBe(0);
  });

  it.each([
    ['plain', '900101-1234567'],
    ['percent-encoded', '900101%2D1234567'],
  ])('does not quote one sent in the path (%s) back in the problem body', async (_name, segment) => {
    const response = await t.anonymous.get(`${API}/seekers/${segment}`).expect(400);
    expect(problemOf(response).code).toBe('pipa.resident_number_forbidden');
    expect(response.text).not.toMatch(/1234567/);
  });

  it('does not adopt one as the request id (it is logged with every line and echoed)', async () => {
    const response = await t.api.get(`${API}/health`).set('X-Request-Id', '900101-1234567');
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.text).not.toMatch(/1234567/);
  });
});
