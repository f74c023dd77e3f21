import { Clock, FixedClock } from '../../src/clock/clock';
import { rankCandidates } from '../../src/matching/core/rank-candidates';
import { CandidatesService } from '../../src/matching/candidates.service';
import { InstanceBuilder } from '../../src/matching/instance-builder';
import { SeekerPool } from '../../src/matching/seeker-pool';
import { API, createFirm, createLeaveGap, createSeeker } from './factories';
import { insertFinishedRun, insertProposals } from './factories/matching';
import { insertRandomMatchingData } from './factories/random-matching-data';
import { createTestApp, TestApp } from './support/test-app';

const AS_OF = '2027-03-02';

describe('live candidates from the in-memory seeker pool', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp((builder) => builder.overrideProvider(Clock).useValue(FixedClock.onSeoulDay(AS_OF)));
  });
  afterAll(() => t.close());

  const wholeNeighbourhood = async (gapId: string) =>
    rankCandidates(await t.app.get(InstanceBuilder).build({ leaveGapIds: [gapId] }, { asOf: AS_OF }), gapId, 1_000);
  const fromPool = (gapId: string) => t.app.get(CandidatesService).rank(gapId, AS_OF, 1_000);

  it.each([11, 23, 37, 41, 53, 67])('gives the same ranking and diagnostics as the whole neighbourhood (seed %i)', async (seed) => {
    // Inserted after the pool was first built (by an earlier seed): the pool learns them from the change log.
    const { gapIds } = await insertRandomMatchingData(t, seed);
    let feasibleTotal = 0;
    let excludedTotal = 0;
    for (const gapId of gapIds) {
      const expected = await wholeNeighbourhood(gapId);
      expect(await fromPool(gapId)).toEqual(expected);
      feasibleTotal += expected?.feasibleCandidates ?? 0;
      excludedTotal += Object.values(expected?.excludedBy ?? {}).reduce((sum, count) => sum + count, 0);
    }
    // The data must exercise both sides: some feasible pairs, and seekers that fail rules.
    expect(feasibleTotal).toBeGreaterThan(0);
    expect(excludedTotal).toBeGreaterThan(0);
  });

  it('counts rejected pairs as blocks wherever the rejected seekers live (feasible, near misses, failing several rules)', async () => {
    const { gapIds } = await insertRandomMatchingData(t, 89);
    let blocked = 0;
    for (const gapId of gapIds) {
      const before = (await wholeNeighbourhood(gapId))!;
      await t.dataSource.query(
        `INSERT INTO rejected_pairs (leave_gap_id, seeker_id, reason)
         SELECT $1::uuid, id, 'declined' FROM (
           SELECT id FROM seekers WHERE id = ANY($2::uuid[])
           UNION SELECT id FROM (SELECT id FROM seekers WHERE status = 'active' ORDER BY md5(id::text || $1::text) LIMIT 40) sample
         ) rejected
         ON CONFLICT DO NOTHING`, // the random data may have rejected some of them already
        [gapId, [...before.candidates.slice(0, 2).map((c) => c.seekerId), ...before.nearMisses.slice(0, 1).map((m) => m.seekerId)]],
      );
      const expected = await wholeNeighbourhood(gapId);
      expect(await fromPool(gapId)).toEqual(expected);
      blocked += expected?.excludedBy.blocked ?? 0;
    }
    expect(blocked).toBeGreaterThan(0);
  });

  it('answers the HTTP view from the pool', async () => {
    const { gapIds } = await insertRandomMatchingData(t, 5);
    const response = await t.api.get(`${API}/leave-gaps/${gapIds[0]}/candidates?limit=100`).expect(200);
    const expected = (await wholeNeighbourhood(gapIds[0]))!;
    expect(response.body.excludedBy).toEqual(expected.excludedBy);
    expect(response.body.feasibleCandidates).toBe(expected.feasibleCandidates);
    expect(response.body.candidates.map((c: { seeker: { id: string } }) => c.seeker.id)).toEqual(expected.candidates.map((c) => c.seekerId));
  });

  /** A gap near random data with `count` seekers made to fit it, the pool already holding them. */
  async function gapWithCandidates(seed: number, count: number): Promise<{ gapId: string; seekerIds: string[] }> {
    await insertRandomMatchingData(t, seed);
    const firm = await createFirm(t);
    const gap = await createLeaveGap(t, firm.id, { leaveStart: '2027-04-01', leaveEnd: '2027-06-29' });
    for (let n = 0; n < count; n++) {
      await createSeeker(t, { availability: [{ start: '2027-01-01', end: '2027-12-31' }] });
    }
    const ranking = (await fromPool(gap.id))!;
    expect(ranking.candidates.length).toBeGreaterThanOrEqual(count);
    return { gapId: gap.id, seekerIds: ranking.candidates.map((c) => c.seekerId) };
  }

  async function expectPoolAnswer(gapId: string): Promise<string[]> {
    const expected = await wholeNeighbourhood(gapId);
    expect(await fromPool(gapId)).toEqual(expected);
    return expected!.candidates.map((c) => c.seekerId);
  }

  it('reflects changes made after the pool was built in the next answer', async () => {
    const { gapId, seekerIds } = await gapWithCandidates(71, 4);
    const [edited, placed, deactivated, referred] = seekerIds;
    const [gap]: { firm_id: string; placement_start: string; placement_end: string }[] = await t.dataSource.query(
      `SELECT firm_id, placement_start::text, placement_end::text FROM leave_gaps WHERE id = $1`,
      [gapId],
    );

    // Availability edited: the windows over the gap's days withdrawn.
    await t.dataSource.query(`DELETE FROM seeker_availability WHERE seeker_id = $1 AND end_date >= $2::date AND start_date <= $3::date`, [
      edited,
      gap.placement_start,
      gap.placement_end,
    ]);
    expect(await expectPoolAnswer(gapId)).not.toContain(edited);

    // A placement confirmed elsewhere over the gap's period.
    await t.dataSource.query(
      `WITH busy AS (
         INSERT INTO leave_gaps (firm_id, leave_type, leave_start, leave_end, role_title, weekly_hours, hourly_wage, site_lat, site_lng,
                                 placement_start, placement_end, vacancy_weekly_hours, status)
         SELECT firm_id, 'other', placement_start, placement_end, 'busy role', 40, 11000, site_lat, site_lng, placement_start, placement_end, 40, 'filled'
         FROM leave_gaps WHERE id = $1 RETURNING id, placement_start, placement_end)
       INSERT INTO placements (seeker_id, leave_gap_id, period) SELECT $2, busy.id, daterange(busy.placement_start, busy.placement_end, '[]') FROM busy`,
      [gapId, placed],
    );
    expect(await expectPoolAnswer(gapId)).not.toContain(placed);

    await t.dataSource.query(`UPDATE seekers SET status = 'inactive' WHERE id = $1`, [deactivated]);
    expect(await expectPoolAnswer(gapId)).not.toContain(deactivated);

    // A referral opened on another open gap over the same days: the seeker may be hired there.
    const { id: otherGapId } = await createLeaveGap(t, gap.firm_id, { leaveStart: '2027-04-01', leaveEnd: '2027-06-29' });
    const [proposalId] = await insertProposals(t, await insertFinishedRun(t), [{ leaveGapId: otherGapId, seekerId: referred }]);
    const [{ id: referralId }]: { id: string }[] = await t.dataSource.query(
      `INSERT INTO referrals (proposal_id, leave_gap_id, seeker_id, firm_id, status, offered_at, status_changed_at)
       VALUES ($1, $2, $3, $4, 'offered', now(), now()) RETURNING id`,
      [proposalId, otherGapId, referred, gap.firm_id],
    );
    expect(await expectPoolAnswer(gapId)).not.toContain(referred);

    // Withdrawn again, and the first seeker's window restored: both come back.
    await t.dataSource.query(`UPDATE referrals SET status = 'withdrawn', reason_code = 'coordinator' WHERE id = $1`, [referralId]);
    await t.dataSource.query(`INSERT INTO seeker_availability (seeker_id, start_date, end_date) VALUES ($1, date '2026-01-01', date '2030-12-31')`, [
      edited,
    ]);
    const after = await expectPoolAnswer(gapId);
    expect(after).toContain(referred);
    expect(after).toContain(edited);
  });

  it('reads a change whose transaction began before a refresh and committed after it', async () => {
    const { gapId, seekerIds } = await gapWithCandidates(79, 2);
    const [late, early] = seekerIds;
    const pool = t.app.get(SeekerPool);
    const slow = t.dataSource.createQueryRunner();
    await slow.connect();
    try {
      await slow.startTransaction();
      // Takes its transaction id now, before the other transaction's.
      await slow.query(`UPDATE seekers SET status = 'inactive' WHERE id = $1`, [late]);
      await t.dataSource.query(`UPDATE seekers SET status = 'inactive' WHERE id = $1`, [early]);
      await pool.refresh();
      const between = (await fromPool(gapId))!.candidates.map((c) => c.seekerId);
      expect(between).not.toContain(early);
      expect(between).toContain(late);
      await slow.commitTransaction();
    } finally {
      await slow.release();
    }
    expect(await expectPoolAnswer(gapId)).not.toContain(late);
  });
});
