import { randomUUID } from 'node:crypto';
import type { MatchResult } from '../../src/matching/core/types';
import { MatchRun } from '../../src/matching/match-run.entity';
import { MatchRunResultsWriter } from '../../src/matching/match-run-results.writer';
import { resultRows } from '../../src/matching/result-rows';
import { Proposal } from '../../src/proposals/proposal.entity';
import { API, createFirm, createLeaveGap, createSeeker } from './factories';
import { gap2027, seeker2027, uniqueSkill } from './factories/matching';
import { TestApp, createTestApp } from './support/test-app';

/** What changed while the engine was solving makes some of its pairs stale: they are not proposed. */
describe('writing a run whose data changed while it was solving', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  async function solvingRun(): Promise<{ run: MatchRun; jobId: string }> {
    const jobId = randomUUID();
    const run = await t.dataSource.getRepository(MatchRun).save({
      status: 'running',
      scope: { leaveGapIds: [] },
      scopeComplexIds: [randomUUID()],
      scopePeriod: '[2027-01-01,2027-01-01]',
      timeLimitMs: 1_000,
      asOf: '2026-01-01',
      jobId,
      attempts: 1,
    });
    // Started after the data above was written, by the database's clock as a claim does.
    await t.dataSource.query(`UPDATE match_runs SET started_at = now() WHERE id = $1`, [run.id]);
    return { run, jobId };
  }

  function resultFor(pairs: { vacancyId: string; seekerId: string }[]): MatchResult {
    return {
      assignments: pairs.map((pair) => ({ ...pair, score: 50, breakdown: { skills: 50 }, commuteMinutes: 20 })),
      alternatives: {},
      unfilled: [],
      stats: { vacancies: pairs.length, seekers: pairs.length, candidatePairs: pairs.length, components: 1, largestComponent: 1, filled: pairs.length, totalScore: 50, optimal: true, gap: 0, solveMs: 1 },
    } as unknown as MatchResult;
  }

  it('supersedes the pairs of a seeker who became inactive and of a gap that changed; keeps the others', async () => {
    const skill = uniqueSkill('stale-write');
    const firm = await createFirm(t);
    const [keptGap, changedGap, inactiveSeekersGap] = [
      await createLeaveGap(t, firm.id, gap2027(skill)),
      await createLeaveGap(t, firm.id, gap2027(skill)),
      await createLeaveGap(t, firm.id, gap2027(skill)),
    ];
    const [kept, other, inactive] = [
      await createSeeker(t, seeker2027(skill)),
      await createSeeker(t, seeker2027(skill)),
      await createSeeker(t, seeker2027(skill)),
    ];
    const { run, jobId } = await solvingRun();
    // While it solves: the coordinator changes one gap, one seeker goes inactive.
    await t.api.patch(`${API}/leave-gaps/${changedGap.id}`).send({ handoverDays: 20 }).expect(200);
    await t.api.patch(`${API}/seekers/${inactive.id}`).send({ status: 'inactive' }).expect(200);

    const written = await t.app.get(MatchRunResultsWriter).write(
      run,
      jobId,
      resultRows(resultFor([
        { vacancyId: keptGap.id, seekerId: kept.id },
        { vacancyId: changedGap.id, seekerId: other.id },
        { vacancyId: inactiveSeekersGap.id, seekerId: inactive.id },
      ])),
    );

    expect(written).toBe(true);
    const proposals = await t.dataSource.getRepository(Proposal).findBy({ matchRunId: run.id });
    const statusOf = (gapId: string) => proposals.find((proposal) => proposal.leaveGapId === gapId)?.status;
    expect(statusOf(keptGap.id)).toBe('proposed');
    expect(statusOf(changedGap.id)).toBe('superseded');
    expect(statusOf(inactiveSeekersGap.id)).toBe('superseded');
  });
});
