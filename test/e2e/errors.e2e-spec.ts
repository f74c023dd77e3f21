import { randomUUID } from 'node:crypto';
import { problemFor } from '../../src/common/problem-mapping';
import { TestApp, createTestApp } from './support/test-app';

const PROBLEM_JSON = /^application\/problem\+json/;

describe('errors as application/problem+json', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await createTestApp();
  });

  afterAll(() => testApp.close());

  it('answers an unknown route with route.not_found', async () => {
    const response = await testApp.api.get('/api/v1/no-such-thing').expect(404);
    expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
    expect(JSON.parse(response.text)).toEqual({
      type: 'urn:chaeum:problem:route.not_found',
      title: 'Not Found',
      status: 404,
      detail: 'Cannot GET /api/v1/no-such-thing',
      instance: '/api/v1/no-such-thing',
      code: 'route.not_found',
      requestId: response.headers['x-request-id'],
    });
  });

  it('answers malformed JSON with request.malformed_json and a request id', async () => {
    const response = await testApp.api
      .post('/api/v1/health')
      .set('Content-Type', 'application/json')
      .set('X-Request-Id', 'malformed-1')
      .send('{"name": ')
      .expect(400);
    expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
    expect(JSON.parse(response.text)).toMatchObject({ code: 'request.malformed_json', status: 400, requestId: 'malformed-1' });
  });

  it('answers a body over the limit with request.too_large', async () => {
    const response = await testApp.api
      .post('/api/v1/health')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ padding: 'x'.repeat(1_100_000) }))
      .expect(413);
    expect(JSON.parse(response.text)).toMatchObject({ code: 'request.too_large', status: 413 });
  });

  describe('PostgreSQL errors (raised by the real database)', () => {
    const table = `problem_probe_${randomUUID().replace(/-/g, '')}`;

    beforeAll(async () => {
      await testApp.dataSource.query(
        `CREATE TABLE ${table} (id uuid PRIMARY KEY, email text UNIQUE, seeker int, period daterange,
           CHECK (seeker > 0), EXCLUDE USING gist (seeker WITH =, period WITH &&))`,
      );
      await testApp.dataSource.query(`INSERT INTO ${table} VALUES ($1, 'kim@example.com', 1, '[2026-01-01,2026-02-01)')`, [
        randomUUID(),
      ]);
    });

    afterAll(() => testApp.dataSource.query(`DROP TABLE IF EXISTS ${table}`));

    async function failureOf(sql: string, parameters: unknown[]): Promise<unknown> {
      try {
        await testApp.dataSource.query(sql, parameters);
      } catch (error) {
        return error;
      }
      throw new Error(`expected the query to fail: ${sql}`);
    }

    it.each([
      ['a duplicate unique value', `INSERT INTO ${table} (id, email, seeker) VALUES ($1, 'kim@example.com', 2)`, 409, 'conflict.duplicate'],
      ['an overlapping period', `INSERT INTO ${table} (id, seeker, period) VALUES ($1, 1, '[2026-01-15,2026-03-01)')`, 409, 'conflict.overlap'],
      ['a failed check', `INSERT INTO ${table} (id, seeker) VALUES ($1, -1)`, 400, 'validation.check_failed'],
    ])('maps %s without quoting the values', async (_name, sql, status, code) => {
      const problem = problemFor(await failureOf(sql, [randomUUID()]));
      expect(problem).toMatchObject({ status, code });
      expect(JSON.stringify(problem)).not.toMatch(/kim@example\.com|2026-01|problem_probe|Key \(/);
    });

    it('maps a malformed uuid to validation.invalid_value', async () => {
      const problem = problemFor(await failureOf(`SELECT * FROM ${table} WHERE id = $1`, ['not-a-uuid']));
      expect(problem).toMatchObject({ status: 400, code: 'validation.invalid_value' });
    });
  });
});
