import { API } from './factories';
import { TestApp, createTestApp } from './support/test-app';

describe('runtime metrics: event-loop delay and memory of this instance', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('measures a stall of the event loop, and starts a new window on reset', async () => {
    await t.api.post(`${API}/runtime-metrics/reset`).expect(200);
    const blockUntil = Date.now() + 300;
    while (Date.now() < blockUntil); // a 300 ms stall, what a national JSON.stringify used to cause
    await new Promise((resolve) => setTimeout(resolve, 50));
    const stalled = await t.api.get(`${API}/runtime-metrics`).expect(200);
    expect(stalled.body.eventLoopDelayMs.max).toBeGreaterThanOrEqual(250);
    expect(stalled.body.peakRssBytes).toBeGreaterThanOrEqual(stalled.body.rssBytes);
    expect(stalled.body.rssBytes).toBeGreaterThan(0);

    const ended = await t.api.post(`${API}/runtime-metrics/reset`).expect(200);
    expect(ended.body.eventLoopDelayMs.max).toBeGreaterThanOrEqual(250);
    const fresh = await t.api.get(`${API}/runtime-metrics`).expect(200);
    expect(fresh.body.eventLoopDelayMs.max).toBeLessThan(250);
    expect(Date.parse(fresh.body.since)).toBeGreaterThanOrEqual(Date.parse(ended.body.since));
  });
});
