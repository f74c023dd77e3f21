import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { match } from '../../src/matching/core/match';
import type { Instance } from '../../src/matching/core/types';
import { MatchRunExecutor } from '../../src/matching/match-run-executor';
import { MatchRun } from '../../src/matching/match-run.entity';
import { API, problemOf } from './factories';
import { BulkDataset, insertBulkDataset, retireBulkDataset } from './factories/bulk-matching-data';
import { runToSuccess, waitForRun } from './factories/matching';
import { TestApp, createTestApp } from './support/test-app';

const run = promisify(execFile);
const pairKey = (pair: { vacancyId: string; seekerId: string }) => `${pair.vacancyId}:${pair.seekerId}`;

describe('match runs: reproducible, recoverable, and off the event loop', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  const datasets: BulkDataset[] = [];
  async function dataset(size: { gaps: number; seekers: number }): Promise<BulkDataset> {
    const data = await insertBulkDataset(t.dataSource, size);
    datasets.push(data);
    return data;
  }
  afterAll(async () => {
    for (const data of datasets) await retireBulkDataset(t.dataSource, data);
    await t.close();
  });

  it('gives the same assignments through core match() and through the CLI from the downloaded instance', async () => {
    const data = await dataset({ gaps: 40, seekers: 60 });
    // A limit no loaded machine reaches on 40 × 60: both solves are proven optimal, so equal answers are
    // owed to determinism, not to two deadlines striking at the same point.
    const finished = await runToSuccess(t, { leaveGapIds: data.gapIds, timeLimitMs: 60_000 });
    const results = await t.api.get(`${API}/match-runs/${finished.id}/proposals`).expect(200);
    const fromRun = (results.body.proposals as { leaveGap: { id: string }; seeker: { id: string } }[])
      .map((proposal) => pairKey({ vacancyId: proposal.leaveGap.id, seekerId: proposal.seeker.id }))
      .sort();
    expect(fromRun.length).toBeGreaterThan(10);

    const instance: Instance = (await t.api.get(`${API}/match-runs/${finished.id}/instance`).expect(200)).body;
    expect(instance.vacancies.map((vacancy) => vacancy.id).sort()).toEqual([...data.gapIds].sort());
    const stats = finished.stats as { optimal: boolean };
    expect(stats.optimal).toBe(true);
    const direct = match(instance, { timeLimitMs: finished.timeLimitMs as number });
    expect(direct.assignments.map(pairKey).sort()).toEqual(fromRun);
    expect(direct.stats.optimal).toBe(stats.optimal);

    const folder = mkdtempSync(join(tmpdir(), 'chaeum-instance-'));
    try {
      const file = join(folder, 'instance.json');
      writeFileSync(file, JSON.stringify(instance));
      const { stdout } = await run('npm', ['run', '--silent', 'match', '--', '--input', file, '--time-limit-ms', String(finished.timeLimitMs)], {
        cwd: join(__dirname, '..', '..'),
        maxBuffer: 64 * 1024 * 1024,
      });
      const fromCli = JSON.parse(stdout) as { assignments: { vacancyId: string; seekerId: string }[] };
      expect(fromCli.assignments.map(pairKey).sort()).toEqual(fromRun);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }, 120_000);

  it('marks a run whose worker died as failed, and a retry runs it to success', async () => {
    const data = await dataset({ gaps: 5, seekers: 10 });
    const abandoned = await t.dataSource.getRepository(MatchRun).save({
      status: 'running',
      scope: { leaveGapIds: data.gapIds },
      scopeComplexIds: [data.complexId],
      scopePeriod: '(,)',
      timeLimitMs: 2_000,
      asOf: '2026-06-01',
      jobId: '00000000-0000-4000-8000-000000000000',
      attempts: 1,
    });
    await t.dataSource.query(`UPDATE match_runs SET started_at = now() - interval '1 day' WHERE id = $1`, [abandoned.id]);

    const busy = await t.api.post(`${API}/match-runs`).send({ complexIds: [data.complexId] }).expect(409);
    expect(problemOf(busy).code).toBe('match_run.scope_busy');

    expect(await t.app.get(MatchRunExecutor).settleAbandonedRuns()).toContain(abandoned.id);
    const failed = await t.api.get(`${API}/match-runs/${abandoned.id}`).expect(200);
    expect(failed.body).toMatchObject({ status: 'failed', error: expect.stringMatching(/worker stopped/) });
    await t.api.get(`${API}/match-runs/${abandoned.id}/proposals`).expect(409);

    await t.api.post(`${API}/match-runs/${abandoned.id}/retry`).expect(202);
    const retried = await waitForRun(t, abandoned.id);
    expect(retried).toMatchObject({ status: 'succeeded', attempts: 2, error: null });
    const again = await t.api.post(`${API}/match-runs/${abandoned.id}/retry`).expect(409);
    expect(problemOf(again).code).toBe('match_run.not_failed');

    // A queued run whose job no longer exists in the queue would block its scope forever.
    const lost = await t.dataSource.getRepository(MatchRun).save({
      status: 'queued',
      scope: { leaveGapIds: data.gapIds },
      scopeComplexIds: [data.complexId],
      scopePeriod: '(,)',
      timeLimitMs: 2_000,
      asOf: '2026-06-01',
      jobId: '00000000-0000-4000-8000-000000000001',
    });
    await t.dataSource.query(`UPDATE match_runs SET queued_at = now() - interval '1 day' WHERE id = $1`, [lost.id]);
    expect(await t.app.get(MatchRunExecutor).settleAbandonedRuns()).toContain(lost.id);
    expect((await t.api.get(`${API}/match-runs/${lost.id}`).expect(200)).body).toMatchObject({ status: 'failed', error: expect.stringMatching(/job was lost/) });
  }, 60_000);

  it('keeps answering GET /health while a larger run is solving', async () => {
    const data = await dataset({ gaps: 300, seekers: 1_500 });
    const created = await t.api.post(`${API}/match-runs`).send({ complexIds: [data.complexId], timeLimitMs: 10_000 }).expect(202);
    const healthStatuses: number[] = [];
    let answeredWhileRunning = 0;
    for (;;) {
      const status = (await t.api.get(`${API}/match-runs/${created.body.id}`)).body.status as string;
      if (status === 'succeeded' || status === 'failed') break;
      const health = await t.anonymous.get(`${API}/health`);
      healthStatuses.push(health.status);
      if (status === 'running') answeredWhileRunning += 1;
    }
    expect(healthStatuses.every((status) => status === 200)).toBe(true);
    expect(answeredWhileRunning).toBeGreaterThan(0);
    expect((await waitForRun(t, created.body.id)).status).toBe('succeeded');
  }, 120_000);
});
