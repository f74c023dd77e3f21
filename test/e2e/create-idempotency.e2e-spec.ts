import { API, problemOf, seekerBody } from './factories';
import { TestApp, createTestApp } from './support/test-app';

/** A client that lost the answer to a create retries with the same Idempotency-Key: one record, the same answer. */
describe('Idempotency-Key on creates', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('registers a seeker once however often the request is retried', async () => {
    const body = seekerBody();
    const key = `seeker-${Date.now()}-${Math.random()}`;
    const first = await t.api.post(`${API}/seekers`).set('Idempotency-Key', key).send(body).expect(201);
    const retried = await t.api.post(`${API}/seekers`).set('Idempotency-Key', key).send(body).expect(201);
    expect(retried.body).toEqual(first.body);
    const [row] = await t.dataSource.query(`SELECT count(*)::int AS seekers FROM seekers WHERE phone = $1`, [body.phone]);
    expect(row.seekers).toBe(1);
    // Only the id is kept with the key, never the personal data it answered with.
    const [stored] = await t.dataSource.query(`SELECT response_body FROM idempotency_records WHERE key = $1`, [key]);
    expect(JSON.parse(stored.response_body)).toEqual({ seekerId: first.body.id });
  });

  it('refuses the same key for a different seeker (409 idempotency.key_reused)', async () => {
    const key = `seeker-reuse-${Date.now()}-${Math.random()}`;
    await t.api.post(`${API}/seekers`).set('Idempotency-Key', key).send(seekerBody()).expect(201);
    const reused = await t.api.post(`${API}/seekers`).set('Idempotency-Key', key).send(seekerBody()).expect(409);
    expect(problemOf(reused).code).toBe('idempotency.key_reused');
  });
});
