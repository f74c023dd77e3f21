import { API } from './factories';
import { TestApp, createTestApp } from './support/test-app';

/**
 * The endpoint's contract. How large a stall it reports is a measurement, shown by
 * `npm run bench:service` (event-loop delay during runs), not asserted here: inside the e2e
 * process other suites' apps and worker threads make a timed assertion flaky.
 */
describe('runtime metrics: event-loop delay and memory of this instance', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('reports event-loop delay percentiles and memory, and a reset ends the window it returns', async () => {
    await t.api.post(`${API}/runtime-metrics/reset`).expect(200);
    const current = await t.api.get(`${API}/runtime-metrics`).expect(200);
    const delay = current.body.eventLoopDelayMs;
    expect(Object.keys(delay).sort()).toEqual(['max', 'mean', 'p50', 'p99']);
    expect(delay.p50).toBeLessThanOrEqual(delay.p99);
    expect(delay.p99).toBeLessThanOrEqual(delay.max);
    expect(current.body.rssBytes).toBeGreaterThan(0);
    expect(current.body.peakRssBytes).toBeGreaterThanOrEqual(current.body.rssBytes);

    const ended = await t.api.post(`${API}/runtime-metrics/reset`).expect(200);
    expect(ended.body.since).toBe(current.body.since);
    expect(ended.body.eventLoopDelayMs.max).toBeGreaterThanOrEqual(delay.max);
    const fresh = await t.api.get(`${API}/runtime-metrics`).expect(200);
    expect(Date.parse(fresh.body.since)).toBeGreaterThanOrEqual(Date.parse(ended.body.since));
  });

  it('refuses a caller without a token', async () => {
    await t.anonymous.get(`${API}/runtime-metrics`).expect(401);
  });
});
