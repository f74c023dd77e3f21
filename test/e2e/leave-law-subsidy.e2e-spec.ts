import { API, createFirm, createLeaveGap, createSeeker, leaveGapBody, problemOf } from './factories';
import { firmToken, seekerToken } from './support/auth';
import { TestApp, createTestApp } from './support/test-app';

/** A parental leave from 2026-03-02 for 12 months; the hours and wage leave 2027 as the only warning. */
const parental = { leaveType: 'parental', leaveStart: '2026-03-02', leaveEnd: '2027-03-01', hourlyWage: 12_000 };

describe('leave law and subsidies over HTTP', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  describe('posting', () => {
    it('accepts a 100-day maternity leave for a premature birth and a 20-working-day spouse leave of 30 calendar days', async () => {
      const firm = await createFirm(t);
      const premature = await createLeaveGap(t, firm.id, { prematureBirth: true, leaveEnd: '2026-06-09' });
      expect(premature).toMatchObject({ prematureBirth: true, leaveEnd: '2026-06-09', warnings: [] });
      const spouse = await createLeaveGap(t, firm.id, {
        leaveType: 'spouse_maternity',
        leaveStart: '2026-05-04',
        leaveEnd: '2026-06-02',
        handoverDays: 0,
        birthDate: '2026-05-01',
      });
      expect(spouse).toMatchObject({ birthDate: '2026-05-01', vacancy: { placementStart: '2026-05-04', placementEnd: '2026-06-02' } });
    });

    it('accepts a handover from 2 months and a day before the leave with a warning, where the database used to refuse it', async () => {
      const gap = await createLeaveGap(t, undefined, { ...parental, handoverDays: 60 });
      expect(gap.vacancy).toMatchObject({ placementStart: '2026-01-01' });
      expect(gap.warnings).toEqual(
        expect.arrayContaining([expect.objectContaining({ code: 'leave_gap.handover_unsubsidised', field: 'handoverDays' })]),
      );
      expect(gap.subsidy).toMatchObject({ scheme: 'replacement_worker', eligible: false, total: 0 });
      expect((gap.subsidy as { reasons: { code: string }[] }).reasons.map((r) => r.code)).toEqual(['subsidy.hired_too_early']);
    });

    it('names 2027 as a year without a published minimum wage instead of reusing 2026', async () => {
      const gap = await createLeaveGap(t, undefined, { ...parental, hourlyWage: 10_320 });
      const warning = (gap.warnings as { code: string; message: string }[]).find((w) => w.code === 'leave_gap.minimum_wage_unknown');
      expect(warning?.message).toContain('2027');
    });

    it('ends the placement a month after a parental leave with afterReturnDays, and refuses a day more', async () => {
      const firm = await createFirm(t);
      const gap = await createLeaveGap(t, firm.id, { ...parental, afterReturnDays: 31 });
      expect(gap.vacancy).toMatchObject({ placementEnd: '2027-04-01' });
      const refused = await t.api.post(`${API}/firms/${firm.id}/leave-gaps`).send(leaveGapBody({ ...parental, afterReturnDays: 32 })).expect(400);
      expect(problemOf(refused).code).toBe('validation.failed');
      const tooLate = await t.api
        .post(`${API}/firms/${firm.id}/leave-gaps`)
        .send(leaveGapBody({ ...parental, leaveEnd: '2026-05-31', afterReturnDays: 31 })) // back 06-01: 30 days at most
        .expect(400);
      expect(problemOf(tooLate)).toMatchObject({ code: 'leave_gap.after_return_too_long', errors: [expect.objectContaining({ field: 'afterReturnDays' })] });
    });

    it('warns a vacancy under 15 h a week', async () => {
      const gap = await createLeaveGap(t, undefined, { leaveType: 'reduced_hours', leaveStart: '2026-04-01', leaveEnd: '2026-12-31', handoverDays: 0, reducedWeeklyHours: 30 });
      expect(gap.vacancy).toMatchObject({ weeklyHours: 10 });
      expect(gap.warnings).toEqual([expect.objectContaining({ code: 'leave_gap.vacancy_under_15_hours' })]);
    });
  });

  describe('subsidy for each role', () => {
    async function placedParentalGap(firmOverrides: Record<string, unknown> = {}) {
      const firm = await createFirm(t, firmOverrides);
      const gap = await createLeaveGap(t, firm.id, { ...parental, handoverDays: 59 });
      const seeker = await createSeeker(t, { availability: [{ start: '2026-01-01', end: '2027-12-31' }] });
      const [placement]: { id: string }[] = await t.dataSource.query(
        `INSERT INTO placements (seeker_id, leave_gap_id, period) SELECT $1, id, daterange(placement_start, placement_end, '[]') FROM leave_gaps WHERE id = $2 RETURNING id`,
        [seeker.id, gap.id],
      );
      await t.dataSource.query(`UPDATE leave_gaps SET status = 'filled' WHERE id = $1`, [gap.id]);
      return { firm, gap, seeker, placementId: placement.id };
    }

    it('shows the firm and a coordinator the replacement-worker estimate on the gap: 1,400,000 a month under 30 employees', async () => {
      const { firm, gap } = await placedParentalGap({ employeeCount: 12 });
      const asFirm = await t.api.get(`${API}/leave-gaps/${gap.id}`).set('Authorization', firmToken(firm.id)).expect(200);
      expect(asFirm.body.subsidy).toMatchObject({ scheme: 'replacement_worker', eligible: true, reasons: [] });
      expect(asFirm.body.subsidy.months[0]).toEqual({ month: '2026-01', amount: 1_354_838 });
      expect(asFirm.body.subsidy.months).toContainEqual({ month: '2026-06', amount: 1_400_000 });
      expect(asFirm.body.subsidyIfUnfilled).toMatchObject({ scheme: 'workload_sharing', eligible: true });
      expect(asFirm.body.subsidyIfUnfilled.months).toContainEqual({ month: '2026-06', amount: 600_000 });
      const asCoordinator = await t.api.get(`${API}/leave-gaps/${gap.id}`).expect(200);
      expect(asCoordinator.body.subsidy).toEqual(asFirm.body.subsidy);
    });

    it('tells a firm that is not priority-support why it gets nothing', async () => {
      const { gap } = await placedParentalGap({ prioritySupport: false });
      const read = await t.api.get(`${API}/leave-gaps/${gap.id}`).expect(200);
      expect(read.body.subsidy).toMatchObject({ eligible: false, months: [], total: 0, reasons: [expect.objectContaining({ code: 'subsidy.not_priority_support' })] });
    });

    it('puts the estimate on the placement for the firm and a coordinator, never for the seeker', async () => {
      const { firm, seeker, placementId } = await placedParentalGap({ employeeCount: 45 });
      const asFirm = await t.api.get(`${API}/placements/${placementId}`).set('Authorization', firmToken(firm.id)).expect(200);
      expect(asFirm.body.subsidy).toMatchObject({ scheme: 'replacement_worker', eligible: true });
      expect(asFirm.body.subsidy.months).toContainEqual({ month: '2026-06', amount: 1_300_000 });
      const asCoordinator = await t.api.get(`${API}/placements/${placementId}`).expect(200);
      expect(asCoordinator.body.subsidy).toEqual(asFirm.body.subsidy);

      const asSeeker = await t.api.get(`${API}/placements/${placementId}`).set('Authorization', seekerToken(seeker.id)).expect(200);
      expect(asSeeker.body).not.toHaveProperty('subsidy');
      const listed = await t.api.get(`${API}/placements`).set('Authorization', seekerToken(seeker.id)).expect(200);
      expect(listed.body.items[0]).not.toHaveProperty('subsidy');
      expect(asSeeker.text).not.toContain('replacement_worker');
    });

    it('keeps gaps, and so their estimates, away from seekers', async () => {
      const { gap, seeker } = await placedParentalGap();
      await t.api.get(`${API}/leave-gaps/${gap.id}`).set('Authorization', seekerToken(seeker.id)).expect(403);
    });
  });

  describe('infertility treatment leave is confidential to the firm', () => {
    it('shows the firm its real type and everyone else "other", in reads and in filters', async () => {
      const firm = await createFirm(t);
      const gap = await t.api
        .post(`${API}/firms/${firm.id}/leave-gaps`)
        .set('Authorization', firmToken(firm.id))
        .send(leaveGapBody({ leaveType: 'infertility_treatment', leaveStart: '2026-03-03', leaveEnd: '2026-03-10', handoverDays: 0 }))
        .expect(201);
      expect(gap.body.leaveType).toBe('infertility_treatment');

      const asCoordinator = await t.api.get(`${API}/leave-gaps/${gap.body.id}`).expect(200);
      expect(asCoordinator.body.leaveType).toBe('other');
      expect(asCoordinator.text).not.toContain('infertility');
      const byReason = await t.api.get(`${API}/leave-gaps`).query({ firmId: firm.id, leaveType: 'infertility_treatment' }).expect(200);
      expect(byReason.body.total).toBe(0);
      const asOther = await t.api.get(`${API}/leave-gaps`).query({ firmId: firm.id, leaveType: 'other' }).expect(200);
      expect(asOther.body.items.map((item: { id: string; leaveType: string }) => [item.id, item.leaveType])).toEqual([[gap.body.id, 'other']]);
    });

    it('refuses more than 6 working days in a year', async () => {
      const firm = await createFirm(t);
      const refused = await t.api
        .post(`${API}/firms/${firm.id}/leave-gaps`)
        .send(leaveGapBody({ leaveType: 'infertility_treatment', leaveStart: '2026-03-03', leaveEnd: '2026-03-11', handoverDays: 0 }))
        .expect(400);
      expect(problemOf(refused).code).toBe('leave_gap.infertility_treatment_too_long');
    });
  });
});
