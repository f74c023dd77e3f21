import { AppConfig } from '../../src/config/app-config';
import { API, problemOf } from './factories';
import { TestApp, createTestApp } from './support/test-app';

const ALLOWED_ORIGIN = 'https://talentbank.example.kr';

/** Production-like limits: a handful of requests a minute, and one browser origin allowed. */
class StrictConfig extends AppConfig {
  override get throttleLimit(): number {
    return 5;
  }
  override get corsOrigins(): string[] {
    return [ALLOWED_ORIGIN];
  }
}

describe('rate limit and CORS allowlist from configuration', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp((builder) => builder.overrideProvider(AppConfig).useClass(StrictConfig));
  });
  afterAll(() => t.close());

  it('answers 429 request.rate_limited with Retry-After once a client exceeds the limit, tokens or not', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i += 1) statuses.push((await t.anonymous.get(`${API}/firms`)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
    const limited = await t.api.get(`${API}/firms`).expect(429);
    expect(problemOf(limited).code).toBe('request.rate_limited');
    expect(limited.headers['retry-after']).toMatch(/^\d+$/);
  });

  it('allows the configured origin only', async () => {
    const preflight = await t.anonymous
      .options(`${API}/firms`)
      .set('Origin', ALLOWED_ORIGIN)
      .set('Access-Control-Request-Method', 'GET')
      .set('Access-Control-Request-Headers', 'authorization');
    expect(preflight.status).toBeLessThan(300);
    expect(preflight.headers['access-control-allow-origin']).toBe(ALLOWED_ORIGIN);
    expect(preflight.headers['access-control-allow-headers']).toMatch(/Authorization/i);
    const foreign = await t.anonymous.options(`${API}/firms`).set('Origin', 'https://evil.example').set('Access-Control-Request-Method', 'GET');
    expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
  });
});
