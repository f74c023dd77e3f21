import { LeaveGapsService } from '../../src/leave-gaps/leave-gaps.service';
import { ListLeaveGapsQuery } from '../../src/leave-gaps/dto/leave-gap.dto';
import { API, createFirm, createLeaveGap } from './factories';
import { coordinator, firmToken } from './support/auth';
import { TestApp, createTestApp } from './support/test-app';

/**
 * An unfiltered (or status-only) list page is kept by the instance that answered it, with the
 * version of `leave_gaps` it was read at (migration 1795830000000-LeaveGapListVersion). Whatever
 * writes a gap — this instance, another one, plain SQL — the next answer must be the one the
 * database gives: compared here with the same page asked with a filter that selects every gap
 * (`from` before any placement), which is never kept.
 */
describe('kept leave gap list pages', () => {
  let a: TestApp;
  let b: TestApp;
  const ours: string[] = [];

  beforeAll(async () => {
    // Two instances on one database, each with its own kept pages.
    a = await createTestApp();
    b = await createTestApp();
  });
  afterAll(async () => {
    // Take this spec's early gaps off the first pages of later specs.
    if (ours.length > 0) await a.dataSource.query(`DELETE FROM leave_gaps WHERE id = ANY($1::uuid[])`, [ours]);
    await a.close();
    await b.close();
  });

  const page = async (t: TestApp, query: Record<string, string | number> = {}) =>
    (await t.api.get(`${API}/leave-gaps`).query({ pageSize: 5, ...query }).expect(200)).body as { items: { id: string; roleTitle: string }[]; total: number };

  /** The kept answer of `t`, after checking it against the database's. */
  async function expectAsStored(t: TestApp, query: Record<string, string | number> = {}) {
    const answered = await page(t, query);
    const stored = await page(t, { ...query, from: '1900-01-01' });
    expect(answered).toEqual(stored);
    return answered;
  }

  /** Gaps placed before every other gap (this spec's earlier ones too), so they are the first page. */
  let calls = 0;
  async function earlyGaps(count: number): Promise<string[]> {
    calls++;
    const firm = await createFirm(a);
    const ids: string[] = [];
    for (let i = 0; i < count; i++) ids.push((await createLeaveGap(a, firm.id)).id);
    ours.push(...ids);
    await a.dataSource.query(
      `UPDATE leave_gaps SET leave_start = leave_start - shift, leave_end = leave_end - shift, placement_start = placement_start - shift, placement_end = placement_end - shift
       FROM (SELECT early.id, (SELECT placement_start FROM leave_gaps WHERE id = early.id) - (DATE '1990-01-01' - $2::int * 10 + ord::int) AS shift FROM unnest($1::uuid[]) WITH ORDINALITY AS early(id, ord)) early WHERE leave_gaps.id = early.id`,
      [ids, calls],
    );
    return ids;
  }

  it('answers again what it kept while nothing is written, and the database’s answer after any write', async () => {
    const ids = await earlyGaps(3);
    const service = a.app.get(LeaveGapsService);
    const query = Object.assign(new ListLeaveGapsQuery(), { page: 1, pageSize: 5 });
    const first = await service.list(query, coordinator());
    // Kept: the same (frozen) answer, not read again.
    expect(await service.list(query, coordinator())).toBe(first);
    expect(Object.isFrozen(first.items[0])).toBe(true);
    expect(first.items.slice(0, 3).map((item) => item.id)).toEqual(ids);

    // Through this instance's API.
    await expectAsStored(a);
    await a.api.patch(`${API}/leave-gaps/${ids[0]}`).send({ roleTitle: 'renamed through a' }).expect(200);
    expect((await expectAsStored(a)).items[0].roleTitle).toBe('renamed through a');
    expect(await service.list(query, coordinator())).not.toBe(first);

    // Through another instance: no stale page on a.
    await expectAsStored(a);
    await b.api.patch(`${API}/leave-gaps/${ids[1]}`).send({ roleTitle: 'renamed through b' }).expect(200);
    expect((await expectAsStored(a)).items[1].roleTitle).toBe('renamed through b');

    // Plain SQL, one row and several, status changes among them.
    await a.dataSource.query(`UPDATE leave_gaps SET role_title = 'renamed by sql' WHERE id = $1`, [ids[2]]);
    expect((await expectAsStored(a)).items[2].roleTitle).toBe('renamed by sql');
    await expectAsStored(a, { status: 'open' });
    await a.dataSource.query(`UPDATE leave_gaps SET status = 'cancelled' WHERE id = ANY($1::uuid[])`, [ids.slice(0, 2)]);
    expect((await expectAsStored(a, { status: 'open' })).items[0].id).toBe(ids[2]);
    await a.api.post(`${API}/leave-gaps/${ids[2]}/cancel`).expect(200);
    expect((await expectAsStored(a, { status: 'open' })).items.map((item) => item.id)).not.toContain(ids[2]);

    // A rolled-back write changes nothing; a delete and an insert do.
    await a.dataSource
      .transaction(async (manager) => {
        await manager.query(`UPDATE leave_gaps SET role_title = 'rolled back' WHERE id = $1`, [ids[0]]);
        throw new Error('roll back');
      })
      .catch(() => undefined);
    expect((await expectAsStored(a)).items[0].roleTitle).toBe('renamed through a');
    await b.dataSource.query(`DELETE FROM leave_gaps WHERE id = $1`, [ids[0]]);
    expect((await expectAsStored(a)).items[0].id).toBe(ids[1]);
    const [added] = await earlyGaps(1);
    expect((await expectAsStored(a)).items[0].id).toBe(added);
  });

  it('keeps a page per status, page and size, and never answers a firm user from it', async () => {
    const ids = await earlyGaps(2);
    const queries: Record<string, string | number>[] = [{}, { pageSize: 2 }, { page: 2, pageSize: 2 }, { status: 'open' }, { status: 'filled' }];
    for (const query of queries) {
      await expectAsStored(a, query);
      await expectAsStored(a, query);
    }
    const firmGaps = (await a.api.get(`${API}/leave-gaps`).set('Authorization', firmToken((await createFirm(a)).id)).query({ pageSize: 5 }).expect(200))
      .body as { items: unknown[]; total: number };
    expect(firmGaps).toMatchObject({ items: [], total: 0 });
    expect((await page(a)).items.slice(0, 2).map((item) => item.id)).toEqual(ids);
  });

  it('folds the version’s tokens without changing the version', async () => {
    const [id] = await earlyGaps(1);
    for (let i = 0; i < 70; i++) await a.dataSource.query(`UPDATE leave_gaps SET handover_days = handover_days WHERE id = $1`, [id]);
    const tokens = async () => Number((await a.dataSource.query(`SELECT count(*) AS n FROM leave_gap_versions`))[0].n);
    const version = async () => (await a.dataSource.query(`SELECT sum(token) % 9007199254740992 AS v FROM leave_gap_versions`))[0].v as string;
    expect(await tokens()).toBeGreaterThan(64);
    const before = await version();
    const service = a.app.get(LeaveGapsService);
    const query = Object.assign(new ListLeaveGapsQuery(), { page: 1, pageSize: 5 });
    const kept = await service.list(query, coordinator());
    for (let tries = 0; tries < 50 && (await tokens()) > 1; tries++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await tokens()).toBe(1);
    expect(await version()).toBe(before);
    expect(await service.list(query, coordinator())).toBe(kept);
    await expectAsStored(a);
  });
});
