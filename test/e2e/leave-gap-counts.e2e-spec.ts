import { API, createFirm, createLeaveGap } from './factories';
import { TestApp, createTestApp } from './support/test-app';

/**
 * The list's `total` without filters, or filtered by status only, is read from the counts the
 * triggers keep (migration 1795691000000-LeaveGapCounts): it must stay what counting the table
 * says through every kind of write, and through folding the deltas.
 */
describe('leave gap list totals', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const counted = async (status?: string) =>
    Number((await t.dataSource.query(`SELECT count(*) AS n FROM leave_gaps WHERE $1::text IS NULL OR status = $1`, [status ?? null]))[0].n);
  const listed = async (status?: string) =>
    (await t.api.get(`${API}/leave-gaps`).query({ pageSize: 1, ...(status && { status }) }).expect(200)).body.total as number;

  async function expectTotalsAsCounted(): Promise<void> {
    for (const status of [undefined, 'open', 'filled', 'cancelled']) {
      expect({ status, total: await listed(status) }).toEqual({ status, total: await counted(status) });
    }
  }

  it('follows inserts, status changes, other updates and deletes, one row or many at a time', async () => {
    await expectTotalsAsCounted();
    const firm = await createFirm(t);
    const gaps = [];
    for (let i = 0; i < 3; i++) gaps.push(await createLeaveGap(t, firm.id));
    await expectTotalsAsCounted();

    await t.api.post(`${API}/leave-gaps/${gaps[0].id}/cancel`).expect(200);
    await t.api.patch(`${API}/leave-gaps/${gaps[1].id}`).send({ roleTitle: 'renamed' }).expect(200);
    await expectTotalsAsCounted();

    const ids = gaps.map((gap) => gap.id);
    await t.dataSource.query(`UPDATE leave_gaps SET status = 'filled' WHERE id = ANY($1::uuid[]) AND status = 'open'`, [ids]);
    await expectTotalsAsCounted();
    // A rolled-back write leaves the counts as they were.
    await t.dataSource
      .transaction(async (manager) => {
        await manager.query(`UPDATE leave_gaps SET status = 'open' WHERE id = ANY($1::uuid[])`, [ids]);
        throw new Error('roll back');
      })
      .catch(() => undefined);
    await expectTotalsAsCounted();
    await t.dataSource.query(`DELETE FROM leave_gaps WHERE id = ANY($1::uuid[])`, [ids]);
    await expectTotalsAsCounted();
  });

  it('folds the deltas into a row per status without changing a total', async () => {
    const firm = await createFirm(t);
    const gap = await createLeaveGap(t, firm.id);
    // Each statement adds its own deltas: enough of them make the next list request fold.
    for (let i = 0; i < 70; i++) {
      await t.dataSource.query(`UPDATE leave_gaps SET status = CASE status WHEN 'open' THEN 'cancelled' ELSE 'open' END WHERE id = $1`, [gap.id]);
    }
    const deltas = async () => Number((await t.dataSource.query(`SELECT count(*) AS n FROM leave_gap_counts`))[0].n);
    expect(await deltas()).toBeGreaterThan(64);
    await listed();
    for (let tries = 0; tries < 50 && (await deltas()) > 3; tries++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await deltas()).toBeLessThanOrEqual(3);
    await expectTotalsAsCounted();
  });
});
