import { randomUUID } from 'node:crypto';
import { QueryFailedError } from 'typeorm';
import { toDateRangeLiteral } from '../../src/placements/placement-period';
import { Placement } from '../../src/placements/placement.entity';
import { API, createFirm, createLeaveGap, createSeeker, problemOf } from './factories';
import { TestApp, createTestApp } from './support/test-app';

/** The SQLSTATE of a failed insert, or 'ok'. */
async function sqlStateOf(insert: Promise<unknown>): Promise<string> {
  try {
    await insert;
    return 'ok';
  } catch (error) {
    if (error instanceof QueryFailedError) return String((error.driverError as { code?: string }).code);
    throw error;
  }
}

describe('placements', () => {
  let t: TestApp;
  const placements = () => t.dataSource.getRepository(Placement);

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  /** A seeker and `count` leave gaps of one firm, ready to be placed. */
  async function seekerAndGaps(count: number): Promise<{ seekerId: string; gapIds: string[] }> {
    const seeker = await createSeeker(t);
    const firm = await createFirm(t);
    const gapIds: string[] = [];
    for (let i = 0; i < count; i += 1) gapIds.push((await createLeaveGap(t, firm.id)).id);
    return { seekerId: seeker.id, gapIds };
  }

  function insert(seekerId: string, leaveGapId: string, start: string, end: string, status: 'confirmed' | 'cancelled' = 'confirmed') {
    return placements().insert({
      seekerId,
      leaveGapId,
      period: toDateRangeLiteral({ start, end }),
      status,
      cancelledReason: status === 'cancelled' ? 'test' : null,
    });
  }

  describe('the database refuses double booking', () => {
    it('rejects a second confirmed placement sharing one day with 23P01', async () => {
      const { seekerId, gapIds } = await seekerAndGaps(2);
      expect(await sqlStateOf(insert(seekerId, gapIds[0], '2026-03-01', '2026-03-31'))).toBe('ok');
      expect(await sqlStateOf(insert(seekerId, gapIds[1], '2026-03-31', '2026-04-30'))).toBe('23P01');
      expect(await placements().countBy({ seekerId })).toBe(1);
    });

    it('accepts touching but not overlapping inclusive periods', async () => {
      const { seekerId, gapIds } = await seekerAndGaps(2);
      expect(await sqlStateOf(insert(seekerId, gapIds[0], '2026-03-01', '2026-03-31'))).toBe('ok');
      expect(await sqlStateOf(insert(seekerId, gapIds[1], '2026-04-01', '2026-04-30'))).toBe('ok');
      expect(await placements().countBy({ seekerId, status: 'confirmed' })).toBe(2);
    });

    it('ignores cancelled placements', async () => {
      const { seekerId, gapIds } = await seekerAndGaps(2);
      expect(await sqlStateOf(insert(seekerId, gapIds[0], '2026-03-01', '2026-03-31', 'cancelled'))).toBe('ok');
      expect(await sqlStateOf(insert(seekerId, gapIds[1], '2026-03-15', '2026-04-15'))).toBe('ok');
    });

    it('lets other seekers overlap freely', async () => {
      const first = await seekerAndGaps(1);
      const second = await seekerAndGaps(1);
      expect(await sqlStateOf(insert(first.seekerId, first.gapIds[0], '2026-03-01', '2026-03-31'))).toBe('ok');
      expect(await sqlStateOf(insert(second.seekerId, second.gapIds[0], '2026-03-01', '2026-03-31'))).toBe('ok');
    });

    it('keeps exactly one of ten concurrent overlapping confirmations', async () => {
      const { seekerId, gapIds } = await seekerAndGaps(10);
      const states = await Promise.all(
        gapIds.map((gapId, i) => sqlStateOf(insert(seekerId, gapId, `2026-06-${String(10 + i).padStart(2, '0')}`, '2026-06-30'))),
      );
      expect(states.filter((state) => state === 'ok')).toHaveLength(1);
      // Each loser is refused by the exclusion constraint, or, when it was checking while another
      // conflicting insert was still in progress, by the deadlock detector: both refuse it.
      expect(states.filter((state) => state === '23P01' || state === '40P01')).toHaveLength(9);
      expect(await placements().countBy({ seekerId, status: 'confirmed' })).toBe(1);
    });

    it('allows one confirmed placement per leave gap (23505 for a second seeker)', async () => {
      const { seekerId, gapIds } = await seekerAndGaps(1);
      const other = await createSeeker(t);
      expect(await sqlStateOf(insert(seekerId, gapIds[0], '2026-03-01', '2026-03-31'))).toBe('ok');
      expect(await sqlStateOf(insert(other.id, gapIds[0], '2026-03-01', '2026-03-31'))).toBe('23505');
      expect(await sqlStateOf(insert(other.id, gapIds[0], '2026-03-01', '2026-03-31', 'cancelled'))).toBe('ok');
    });

    it('refuses an empty or unbounded period', async () => {
      const { seekerId, gapIds } = await seekerAndGaps(1);
      const raw = (period: string) =>
        t.dataSource.query(`INSERT INTO placements (seeker_id, leave_gap_id, period) VALUES ($1, $2, $3::daterange)`, [
          seekerId,
          gapIds[0],
          period,
        ]);
      expect(await sqlStateOf(raw('empty'))).toBe('23514');
      expect(await sqlStateOf(raw('[2026-03-01,)'))).toBe('23514');
    });
  });

  describe('reading', () => {
    it('reads a placement with its inclusive period and lists by seeker, gap and status', async () => {
      const { seekerId, gapIds } = await seekerAndGaps(2);
      await insert(seekerId, gapIds[0], '2026-03-02', '2026-05-30');
      await insert(seekerId, gapIds[1], '2026-03-02', '2026-05-30', 'cancelled');

      const bySeeker = await t.api.get(`${API}/placements`).query({ seekerId }).expect(200);
      expect(bySeeker.body.total).toBe(2);
      const confirmed = await t.api.get(`${API}/placements`).query({ seekerId, status: 'confirmed' }).expect(200);
      expect(confirmed.body.items).toEqual([
        {
          id: expect.any(String),
          seekerId,
          leaveGapId: gapIds[0],
          period: { start: '2026-03-02', end: '2026-05-30' },
          status: 'confirmed',
          cancelledReason: null,
          cancellation: null,
          createdAt: expect.any(String),
          updatedAt: expect.any(String),
          subsidy: expect.objectContaining({ scheme: 'replacement_worker', eligible: true }),
        },
      ]);
      const byGap = await t.api.get(`${API}/placements`).query({ leaveGapId: gapIds[1] }).expect(200);
      expect(byGap.body.items).toEqual([expect.objectContaining({ status: 'cancelled', cancelledReason: 'test' })]);

      const one = await t.api.get(`${API}/placements/${confirmed.body.items[0].id}`).expect(200);
      expect(one.body).toEqual(confirmed.body.items[0]);
    });

    it('answers 404 for an unknown or malformed id and 400 for a bad filter', async () => {
      expect(problemOf(await t.api.get(`${API}/placements/${randomUUID()}`).expect(404)).code).toBe('placement.not_found');
      expect(problemOf(await t.api.get(`${API}/placements/42`).expect(404)).code).toBe('placement.not_found');
      await t.api.get(`${API}/placements`).query({ status: 'pending' }).expect(400);
    });
  });
});
