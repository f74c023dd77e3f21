import { randomUUID } from 'node:crypto';
import { MatchRunExecutor } from '../../src/matching/match-run-executor';
import { MatchRun } from '../../src/matching/match-run.entity';
import { TestApp, createTestApp } from './support/test-app';

/**
 * pg-boss may hand an expired job to a second attempt while the first still runs; the first
 * attempt's failure must then not touch the run the second attempt now owns.
 */
describe('a stale attempt of a match run', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it.each([false, true])('leaves the newer attempt running when it fails (final: %s)', async (final) => {
    const jobId = randomUUID();
    const runs = t.dataSource.getRepository(MatchRun);
    const run = await runs.save({
      status: 'running',
      scope: { leaveGapIds: [] },
      scopeComplexIds: [randomUUID()],
      scopePeriod: '[2027-01-01,2027-01-01]',
      timeLimitMs: 1_000,
      asOf: '2026-01-01',
      jobId,
      attempts: 2,
      startedAt: new Date(),
    });
    try {
      const executor = t.app.get(MatchRunExecutor);
      const staleAttempt = { ...run, attempts: 1 } as MatchRun;
      await executor['recordFailure'](staleAttempt, { jobId, retryCount: 0, retryLimit: 2 }, 'the first attempt timed out', final);

      const current = await runs.findOneByOrFail({ id: run.id });
      expect(current.status).toBe('running');
      expect(current.errorMessage).toBeNull();
    } finally {
      await runs.update({ id: run.id }, { status: 'failed', errorMessage: 'test cleanup', finishedAt: new Date() });
    }
  });
});
