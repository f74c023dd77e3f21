import { API, createFirm, createLeaveGap, createSeeker, problemOf } from './factories';
import { insertFinishedRun, insertProposals, uniqueSkill } from './factories/matching';
import { Clock, FixedClock } from '../../src/clock/clock';
import { TestApp, createTestApp } from './support/test-app';
import { whileConfirming } from './support/while-confirming';

/** A leave changes after its gap is filled: the gap and its confirmed placement change together. */
describe('amending a filled leave gap', () => {
  let t: TestApp;

  beforeAll(async () => {
    // The dates below are in 2026: pin "today" before them, whatever the real date.
    t = await createTestApp((builder) => builder.overrideProvider(Clock).useValue(FixedClock.onSeoulDay('2026-01-05')));
  });
  afterAll(() => t.close());

  /** A 2026 maternity gap (placement 2026-02-16 .. 2026-05-30) and a seeker of the same skill. */
  async function gapAndSeeker(gapOverrides: Record<string, unknown> = {}, availability = [{ start: '2026-01-01', end: '2026-12-31' }]) {
    const skill = uniqueSkill('amend');
    const firm = await createFirm(t);
    const gap = await createLeaveGap(t, firm.id, { requiredSkills: [{ code: skill, level: 2 }], preferredSkills: [], ...gapOverrides });
    const seeker = await createSeeker(t, { skills: [{ code: skill, level: 3 }], certifications: [], availability });
    return { firm, gap, seeker, skill };
  }

  async function confirm(gapId: string, seekerId: string): Promise<string> {
    const [proposalId] = await insertProposals(t, await insertFinishedRun(t), [{ leaveGapId: gapId, seekerId }]);
    const response = await t.api.post(`${API}/proposals/${proposalId}/confirm`);
    if (response.status !== 201) throw new Error(`confirm: ${response.status} ${response.text}`);
    return response.body.placement.id;
  }

  const placementOf = async (id: string) => (await t.api.get(`${API}/placements/${id}`).expect(200)).body;
  const amendedEvents = async (placementId: string) =>
    t.dataSource.query(`SELECT payload FROM outbox_events WHERE type = 'placement.amended' AND aggregate_id = $1`, [placementId]);

  it('extends a maternity leave to 100 days for a premature birth, and the placement with it, with an outbox event', async () => {
    const { gap, seeker } = await gapAndSeeker();
    const placementId = await confirm(gap.id, seeker.id);

    const amended = await t.api.patch(`${API}/leave-gaps/${gap.id}`).send({ prematureBirth: true, leaveEnd: '2026-06-09' }).expect(200);

    expect(amended.body).toMatchObject({ status: 'filled', leaveEnd: '2026-06-09', vacancy: { placementEnd: '2026-06-09' } });
    expect((await placementOf(placementId)).period).toEqual({ start: '2026-02-16', end: '2026-06-09' });
    const [event] = await amendedEvents(placementId);
    expect(event.payload).toMatchObject({
      leaveGapId: gap.id,
      seekerId: seeker.id,
      previousPeriod: { start: '2026-02-16', end: '2026-05-30' },
      period: { start: '2026-02-16', end: '2026-06-09' },
    });
  });

  it('shortens the placement on an early return and frees the seeker for the days after it', async () => {
    const { firm, gap, seeker, skill } = await gapAndSeeker({ leaveType: 'parental', leaveEnd: '2026-12-31' });
    const placementId = await confirm(gap.id, seeker.id);
    const later = await createLeaveGap(t, firm.id, {
      leaveStart: '2026-09-01',
      leaveEnd: '2026-11-29',
      handoverDays: 0,
      requiredSkills: [{ code: skill, level: 2 }],
      preferredSkills: [],
    });
    const [blocked] = await insertProposals(t, await insertFinishedRun(t), [{ leaveGapId: later.id, seekerId: seeker.id }]);
    expect(problemOf(await t.api.post(`${API}/proposals/${blocked}/confirm`).expect(409)).code).toBe('placement.seeker_double_booked');

    await t.api.patch(`${API}/leave-gaps/${gap.id}`).send({ leaveEnd: '2026-08-31' }).expect(200);

    expect((await placementOf(placementId)).period).toEqual({ start: '2026-02-16', end: '2026-08-31' });
    await confirm(later.id, seeker.id);
  });

  it('refuses an extension onto days the seeker is not available, and changes nothing', async () => {
    const { gap, seeker } = await gapAndSeeker({}, [{ start: '2026-01-01', end: '2026-06-05' }]);
    const placementId = await confirm(gap.id, seeker.id);

    const refused = await t.api.patch(`${API}/leave-gaps/${gap.id}`).send({ prematureBirth: true, leaveEnd: '2026-06-09' }).expect(409);

    expect(problemOf(refused)).toMatchObject({ code: 'seeker.unavailable', details: { addedDays: [{ start: '2026-05-31', end: '2026-06-09' }] } });
    expect((await t.api.get(`${API}/leave-gaps/${gap.id}`).expect(200)).body).toMatchObject({ leaveEnd: '2026-05-30', prematureBirth: false });
    expect((await placementOf(placementId)).period).toEqual({ start: '2026-02-16', end: '2026-05-30' });
    expect(await amendedEvents(placementId)).toEqual([]);
  });

  it("refuses an extension onto the seeker's next placement (the exclusion constraint decides)", async () => {
    const { firm, gap, seeker, skill } = await gapAndSeeker();
    const placementId = await confirm(gap.id, seeker.id);
    const next = await createLeaveGap(t, firm.id, {
      leaveStart: '2026-06-05',
      leaveEnd: '2026-09-02',
      handoverDays: 0,
      requiredSkills: [{ code: skill, level: 2 }],
      preferredSkills: [],
    });
    await confirm(next.id, seeker.id);

    const refused = await t.api.patch(`${API}/leave-gaps/${gap.id}`).send({ prematureBirth: true, leaveEnd: '2026-06-09' }).expect(409);

    expect(problemOf(refused).code).toBe('placement.seeker_double_booked');
    expect((await placementOf(placementId)).period).toEqual({ start: '2026-02-16', end: '2026-05-30' });
  });

  it('refuses changing anything but the dates of a filled gap (409 leave_gap.not_open naming the fields)', async () => {
    const { gap, seeker } = await gapAndSeeker();
    await confirm(gap.id, seeker.id);
    const refused = await t.api.patch(`${API}/leave-gaps/${gap.id}`).send({ leaveEnd: '2026-05-20', roleTitle: '변경' }).expect(409);
    expect(problemOf(refused)).toMatchObject({ code: 'leave_gap.not_open', details: { status: 'filled', lockedFields: ['roleTitle'] } });
  });

  it('refuses an amendment that breaks the leave law, and changes nothing', async () => {
    const { gap, seeker } = await gapAndSeeker();
    const placementId = await confirm(gap.id, seeker.id);
    const refused = await t.api.patch(`${API}/leave-gaps/${gap.id}`).send({ leaveEnd: '2026-06-09' }).expect(400);
    expect(problemOf(refused).code).toBe('leave_gap.maternity_too_long');
    expect((await placementOf(placementId)).period).toEqual({ start: '2026-02-16', end: '2026-05-30' });
  });

  describe('racing a confirmation', () => {


    it('amends the placement the confirmation just made, so gap and placement keep the same period', async () => {
      const { gap, seeker } = await gapAndSeeker();

      const response = await whileConfirming(t.dataSource, gap.id, seeker.id, () =>
        t.api.patch(`${API}/leave-gaps/${gap.id}`).send({ prematureBirth: true, leaveEnd: '2026-06-09' }),
      );

      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ status: 'filled', vacancy: { placementEnd: '2026-06-09' } });
      const [placement] = await t.dataSource.query(
        `SELECT lower(period)::text AS start, (upper(period) - 1)::text AS end FROM placements WHERE leave_gap_id = $1 AND status = 'confirmed'`,
        [gap.id],
      );
      expect(placement).toEqual({ start: '2026-02-16', end: '2026-06-09' });
    });
  });
});
