import type { Response } from 'supertest';
import type { QueryRunner } from 'typeorm';
import { API, createFirm, createLeaveGap, createSeeker, problemOf } from './factories';
import { gap2027, seeker2027, uniqueSkill } from './factories/matching';
import { untilWaitingForLocks } from './support/lock-waits';
import { TestApp, createTestApp } from './support/test-app';
import { testDay } from './support/test-today';

/**
 * Writes racing a seeker's withdrawal or a firm's cancellation. Each race is ordered through
 * PostgreSQL: the test holds a row the withdrawal (or cancellation) needs after its first
 * lock, sends the racing request, waits until pg_locks shows who waits, then lets go.
 */
describe('writes racing a withdrawal or a firm cancellation', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  async function holding(sql: string, params: unknown[]): Promise<QueryRunner> {
    const runner = t.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    await runner.query(sql, params);
    return runner;
  }

  async function release(runner: QueryRunner): Promise<void> {
    if (runner.isTransactionActive) await runner.commitTransaction();
    await runner.release();
  }

  const started = (request: PromiseLike<Response>): Promise<Response> => Promise.resolve(request);

  /** A withdrawal holding the seeker row, paused at deleting the availability the test holds; then `racing`. */
  async function duringWithdrawal(seeker: { id: string; availability?: unknown }, racing: () => PromiseLike<Response>) {
    const [window] = seeker.availability as { id: string }[];
    const windowHeld = await holding(`SELECT id FROM seeker_availability WHERE id = $1 FOR UPDATE`, [window.id]);
    try {
      const withdrawal = started(t.api.delete(`${API}/seekers/${seeker.id}`));
      await untilWaitingForLocks(t.dataSource, 1, withdrawal);
      const race = started(racing());
      await untilWaitingForLocks(t.dataSource, 2, race);
      await release(windowHeld);
      return { withdrawal: await withdrawal, race: await race };
    } finally {
      await release(windowHeld);
    }
  }

  it('an availability window added while the seeker withdraws does not survive the erasure', async () => {
    const seeker = await createSeeker(t, seeker2027(uniqueSkill('withdraw-window')));
    const { withdrawal, race } = await duringWithdrawal(seeker, () =>
      t.api.post(`${API}/seekers/${seeker.id}/availability`).send({ start: testDay(400), end: testDay(410) }),
    );
    expect(withdrawal.status).toBe(204);
    expect(race.status).toBe(409);
    expect(problemOf(race).code).toBe('seeker.withdrawn');
    expect(await t.dataSource.query(`SELECT id FROM seeker_availability WHERE seeker_id = $1`, [seeker.id])).toEqual([]);
  });

  it('an edit racing the withdrawal answers 409 seeker.withdrawn and writes nothing', async () => {
    const seeker = await createSeeker(t, seeker2027(uniqueSkill('withdraw-edit')));
    const { withdrawal, race } = await duringWithdrawal(seeker, () => t.api.patch(`${API}/seekers/${seeker.id}`).send({ displayName: '박서준' }));
    expect(withdrawal.status).toBe(204);
    expect(race.status).toBe(409);
    expect(problemOf(race).code).toBe('seeker.withdrawn');
    const [row] = await t.dataSource.query(`SELECT status, display_name FROM seekers WHERE id = $1`, [seeker.id]);
    expect(row).toEqual({ status: 'withdrawn', display_name: null });
  });

  it('a gap posted while its firm is cancelled does not stay open', async () => {
    const skill = uniqueSkill('firm-cancel');
    const firm = await createFirm(t);
    const existing = await createLeaveGap(t, firm.id, gap2027(skill));
    // The cancellation pauses at the firm's open gaps, the first of which the test holds.
    const gapHeld = await holding(`SELECT id FROM leave_gaps WHERE id = $1 FOR UPDATE`, [existing.id]);
    let posted: Response;
    try {
      const cancellation = started(t.api.post(`${API}/firms/${firm.id}/cancel`));
      await untilWaitingForLocks(t.dataSource, 1, cancellation);
      const posting = started(t.api.post(`${API}/firms/${firm.id}/leave-gaps`).send(gap2027(skill, { roleTitle: '경쟁 게시' })));
      await untilWaitingForLocks(t.dataSource, 2, posting);
      await release(gapHeld);
      expect((await cancellation).status).toBe(200);
      posted = await posting;
    } finally {
      await release(gapHeld);
    }
    const open = await t.dataSource.query(`SELECT id FROM leave_gaps WHERE firm_id = $1 AND status = 'open'`, [firm.id]);
    expect(open).toEqual([]);
    expect(posted.status).toBe(409);
    expect(problemOf(posted).code).toBe('firm.cancelled');
  });
});
