import { randomUUID } from 'node:crypto';
import { Clock, FixedClock } from '../../src/clock/clock';
import { MatchRunRetention } from '../../src/matching/match-run-retention';
import { API, createFirm, createLeaveGap, createSeeker } from './factories';
import { gap2027, insertFinishedRun, insertProposals, seeker2027, uniqueSkill } from './factories/matching';
import { TestApp, createTestApp } from './support/test-app';

/** Defaults: 90 days, the 3 newest runs of a scope kept whatever their age. */
describe('match-run retention', () => {
  const clock = new FixedClock(new Date('2021-01-01T00:00:00Z'));
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp((builder) => builder.overrideProvider(Clock).useValue(clock));
  });
  afterAll(() => t.close());

  /** A finished run of `scope` at `day` (long before any other test's runs), with a stored instance and two proposals. */
  async function oldRun(scope: object, day: string, gapIds: string[], seekerId: string) {
    const runId = await insertFinishedRun(t);
    await t.dataSource.query(
      `UPDATE match_runs SET scope = $2, queued_at = $3, finished_at = $3, instance = '{"vacancies":[],"seekers":[]}', instance_seeker_ids = '{}' WHERE id = $1`,
      [runId, JSON.stringify(scope), `${day}T00:00:00Z`],
    );
    const [superseded, rejected] = await insertProposals(t, runId, gapIds.map((leaveGapId) => ({ leaveGapId, seekerId })));
    await t.dataSource.query(`UPDATE proposals SET status = 'superseded', decided_at = now(), reason = 'newer run' WHERE id = $1`, [superseded]);
    await t.dataSource.query(`UPDATE proposals SET status = 'rejected', decided_at = now(), reason = 'no' WHERE id = $1`, [rejected]);
    return { runId, superseded, rejected };
  }

  it('drops the stored instance and superseded proposals of old runs beyond the newest three of their scope', async () => {
    const skill = uniqueSkill('retention');
    const firm = await createFirm(t);
    const gaps = [await createLeaveGap(t, firm.id, gap2027(skill)), await createLeaveGap(t, firm.id, gap2027(skill))];
    const seeker = await createSeeker(t, seeker2027(skill));
    const scope = { leaveGapIds: [randomUUID()] };
    const ids = gaps.map((gap) => gap.id);
    // Five runs of one scope, oldest first; the last is younger than 90 days before the clock.
    const runs = [];
    for (const day of ['2020-01-01', '2020-02-01', '2020-03-01', '2020-04-01', '2020-12-01']) runs.push(await oldRun(scope, day, ids, seeker.id));
    const otherScope = await oldRun({ leaveGapIds: [randomUUID()] }, '2020-01-01', ids, seeker.id);

    const swept = await t.app.get(MatchRunRetention).sweep();
    expect(swept).toEqual({ instances: 2, proposals: 2 });

    const state = async (run: { runId: string; superseded: string; rejected: string }) => {
      const [row] = await t.dataSource.query(
        `SELECT instance IS NOT NULL AS kept,
                (SELECT array_agg(status ORDER BY status) FROM proposals WHERE match_run_id = r.id) AS statuses
         FROM match_runs r WHERE id = $1`,
        [run.runId],
      );
      return row;
    };
    // Beyond the newest three and older than 90 days: the two oldest lose instance and superseded proposals.
    for (const run of runs.slice(0, 2)) expect(await state(run)).toEqual({ kept: false, statuses: ['rejected'] });
    for (const run of runs.slice(2)) expect(await state(run)).toEqual({ kept: true, statuses: ['rejected', 'superseded'] });
    // The only run of its scope is among its newest three, however old.
    expect(await state(otherScope)).toEqual({ kept: true, statuses: ['rejected', 'superseded'] });

    const response = await t.api.get(`${API}/match-runs/${runs[0].runId}/instance`).expect(409);
    expect(response.body).toMatchObject({ code: 'match_run.no_instance', detail: expect.stringContaining('retention') });
    expect(await t.app.get(MatchRunRetention).sweep()).toEqual({ instances: 0, proposals: 0 });
  });
});
