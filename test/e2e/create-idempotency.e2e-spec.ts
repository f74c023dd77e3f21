import { API, complexBody, createComplex, createFirm, createSeeker, firmBody, leaveGapBody, problemOf, seekerBody } from './factories';
import { insertBulkDataset } from './factories/bulk-matching-data';
import { waitForRun } from './factories/matching';
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

  it.each([
    ['complex', '/complexes', async () => complexBody(), 'industrial_complexes'],
    ['firm', '/firms', async () => firmBody((await createComplex(t)).id), 'firms'],
  ])('creates a %s once however often the request is retried', async (_what, path, body, table) => {
    const sent = await body();
    const key = `${table}-${Date.now()}-${Math.random()}`;
    const first = await t.api.post(`${API}${path}`).set('Idempotency-Key', key).send(sent).expect(201);
    const retried = await t.api.post(`${API}${path}`).set('Idempotency-Key', key).send(sent).expect(201);
    expect(retried.body).toEqual(first.body);
    const [row] = await t.dataSource.query(`SELECT count(*)::int AS rows FROM ${table} WHERE name = $1`, [sent.name]);
    expect(row.rows).toBe(1);
  });

  it('posts a leave gap once however often the firm retries', async () => {
    const firm = await createFirm(t);
    const sent = leaveGapBody();
    const key = `gap-${Date.now()}-${Math.random()}`;
    const path = `${API}/firms/${firm.id}/leave-gaps`;
    const first = await t.api.post(path).set('Idempotency-Key', key).send(sent).expect(201);
    const retried = await t.api.post(path).set('Idempotency-Key', key).send(sent).expect(201);
    expect(retried.body).toEqual(first.body);
    const [row] = await t.dataSource.query(`SELECT count(*)::int AS gaps FROM leave_gaps WHERE firm_id = $1`, [firm.id]);
    expect(row.gaps).toBe(1);
  });

  it('adds an availability window once however often the seeker retries', async () => {
    const seeker = await createSeeker(t);
    const key = `window-${Date.now()}-${Math.random()}`;
    const path = `${API}/seekers/${seeker.id}/availability`;
    const window = { start: '2029-01-08', end: '2029-03-30' };
    const first = await t.api.post(path).set('Idempotency-Key', key).send(window).expect(201);
    const retried = await t.api.post(path).set('Idempotency-Key', key).send(window).expect(201);
    expect(retried.body).toEqual(first.body);
    const listed = await t.api.get(path).expect(200);
    const windows = (listed.body.items ?? listed.body) as { start: string }[];
    expect(windows.filter((w) => w.start === window.start)).toHaveLength(1);
  });

  it('starts one match run however often the request is retried', async () => {
    const data = await insertBulkDataset(t.dataSource, { gaps: 3, seekers: 6 });
    const key = `run-${Date.now()}-${Math.random()}`;
    const body = { complexIds: [data.complexId] };
    const first = await t.api.post(`${API}/match-runs`).set('Idempotency-Key', key).send(body).expect(202);
    const retried = await t.api.post(`${API}/match-runs`).set('Idempotency-Key', key).send(body).expect(202);
    expect(retried.body.id).toBe(first.body.id);
    const [row] = await t.dataSource.query(`SELECT count(*)::int AS runs FROM match_runs WHERE $1 = ANY(scope_complex_ids)`, [data.complexId]);
    expect(row.runs).toBe(1);
    await waitForRun(t, first.body.id);
  });
});
