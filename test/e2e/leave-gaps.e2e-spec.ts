import { randomUUID } from 'node:crypto';
import { LeaveGap } from '../../src/leave-gaps/leave-gap.entity';
import { API, createComplex, createFirm, createLeaveGap, fieldsOf, leaveGapBody, problemOf } from './factories';
import { TestApp, createTestApp } from './support/test-app';

describe('leave gaps', () => {
  let t: TestApp;
  const gapsOf = (firmId: string) => t.dataSource.getRepository(LeaveGap).countBy({ firmId });

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  describe('posting and reading', () => {
    it('derives the vacancy: handover before the leave, the leave end, the weekly hours', async () => {
      const firm = await createFirm(t);
      const created = await t.api.post(`${API}/firms/${firm.id}/leave-gaps`).send(leaveGapBody()).expect(201);
      expect(created.body).toMatchObject({
        firmId: firm.id,
        leaveType: 'maternity',
        leaveStart: '2026-03-02',
        leaveEnd: '2026-05-30',
        handoverDays: 14,
        status: 'open',
        vacancy: { placementStart: '2026-02-16', placementEnd: '2026-05-30', weeklyHours: 40 },
      });
      const read = await t.api.get(`${API}/leave-gaps/${created.body.id}`).expect(200);
      expect(read.body).toEqual(created.body);
    });

    it('fills only the hours given up on reduced hours: 40 − 25 = 15 h', async () => {
      const gap = await createLeaveGap(t, undefined, {
        leaveType: 'reduced_hours',
        leaveStart: '2026-04-01',
        leaveEnd: '2026-12-31',
        handoverDays: 0,
        weeklyHours: 40,
        reducedWeeklyHours: 25,
      });
      expect(gap.vacancy).toEqual({ placementStart: '2026-04-01', placementEnd: '2026-12-31', weeklyHours: 15 });
      expect(gap.reducedWeeklyHours).toBe(25);
    });

    it("takes the firm's site unless the gap names its own", async () => {
      const firm = await createFirm(t, { site: { lat: 36.1, lng: 128.35 } });
      const own = await createLeaveGap(t, firm.id, { site: { lat: 36.12, lng: 128.33 } });
      const inherited = await createLeaveGap(t, firm.id);
      expect(inherited.site).toEqual({ lat: 36.1, lng: 128.35 });
      expect(own.site).toEqual({ lat: 36.12, lng: 128.33 });
    });

    it('accepts every leave type within its limits', async () => {
      const firm = await createFirm(t);
      const lawful = [
        { leaveType: 'maternity', multipleBirth: true, leaveEnd: '2026-06-29' },
        { leaveType: 'parental', leaveEnd: '2027-03-01' },
        { leaveType: 'parental', extendedParentalReason: 'single_parent', leaveEnd: '2027-09-01' },
        { leaveType: 'reduced_hours', reducedWeeklyHours: 15, handoverDays: 0 },
        { leaveType: 'spouse_maternity', leaveEnd: '2026-03-21', handoverDays: 0 },
        { leaveType: 'infertility_treatment', leaveEnd: '2026-03-07', handoverDays: 0 },
        { leaveType: 'other', leaveEnd: '2026-12-31', handoverDays: 60 },
      ];
      for (const overrides of lawful) {
        await t.api.post(`${API}/firms/${firm.id}/leave-gaps`).send(leaveGapBody(overrides)).expect(201);
      }
      expect(await gapsOf(firm.id)).toBe(lawful.length);
    });

    it('lists a firm\'s gaps and filters all gaps by complex, firm, status and period', async () => {
      const complex = await createComplex(t);
      const firm = await createFirm(t, { complexId: complex.id });
      const otherFirm = await createFirm(t, { complexId: complex.id });
      const spring = await createLeaveGap(t, firm.id); // placement 2026-02-16 … 2026-05-30
      const autumn = await createLeaveGap(t, firm.id, { leaveStart: '2026-09-01', leaveEnd: '2026-11-29', handoverDays: 0 });
      const other = await createLeaveGap(t, otherFirm.id);
      await t.api.post(`${API}/leave-gaps/${other.id}/cancel`).expect(200);

      const ids = (response: { body: { items: { id: string }[] } }) => response.body.items.map((gap) => gap.id);
      expect(ids(await t.api.get(`${API}/firms/${firm.id}/leave-gaps`).expect(200))).toEqual([spring.id, autumn.id]);
      const inComplex = ids(await t.api.get(`${API}/leave-gaps`).query({ complexId: complex.id }).expect(200));
      expect(inComplex.sort()).toEqual([spring.id, autumn.id, other.id].sort());
      expect(ids(await t.api.get(`${API}/leave-gaps`).query({ complexId: complex.id, status: 'open' }).expect(200))).toEqual([
        spring.id,
        autumn.id,
      ]);
      expect(ids(await t.api.get(`${API}/leave-gaps`).query({ firmId: firm.id, from: '2026-05-30', to: '2026-06-30' }).expect(200))).toEqual([
        spring.id,
      ]);
      expect(ids(await t.api.get(`${API}/leave-gaps`).query({ firmId: firm.id, from: '2026-05-31', to: '2026-08-31' }).expect(200))).toEqual([]);
      expect(ids(await t.api.get(`${API}/leave-gaps`).query({ firmId: firm.id, from: '2026-06-01' }).expect(200))).toEqual([autumn.id]);
      await t.api.get(`${API}/leave-gaps`).query({ from: '2026-13-01' }).expect(400);
    });

    it('answers 404 for an unknown firm, an unknown gap and a malformed id', async () => {
      expect(problemOf(await t.api.post(`${API}/firms/${randomUUID()}/leave-gaps`).send(leaveGapBody()).expect(404)).code).toBe(
        'firm.not_found',
      );
      expect(problemOf(await t.api.get(`${API}/firms/${randomUUID()}/leave-gaps`).expect(404)).code).toBe('firm.not_found');
      expect(problemOf(await t.api.get(`${API}/leave-gaps/${randomUUID()}`).expect(404)).code).toBe('leave_gap.not_found');
      expect(problemOf(await t.api.get(`${API}/leave-gaps/x1`).expect(404)).code).toBe('leave_gap.not_found');
    });
  });

  describe('leave-law rules: 400 with the rule code, naming the field, nothing written', () => {
    it.each([
      ['leave_gap.end_before_start', 'leaveEnd', { leaveEnd: '2026-03-01' }],
      ['leave_gap.maternity_too_long', 'leaveEnd', { leaveEnd: '2026-05-31' }],
      ['leave_gap.maternity_too_long', 'leaveEnd', { multipleBirth: true, leaveEnd: '2026-06-30' }],
      ['leave_gap.parental_too_long', 'leaveEnd', { leaveType: 'parental', leaveEnd: '2027-03-02' }],
      [
        'leave_gap.parental_too_long',
        'leaveEnd',
        { leaveType: 'parental', extendedParentalReason: 'both_parents', leaveEnd: '2027-09-02' },
      ],
      ['leave_gap.reduced_hours_required', 'reducedWeeklyHours', { leaveType: 'reduced_hours' }],
      ['leave_gap.reduced_hours_out_of_range', 'reducedWeeklyHours', { leaveType: 'reduced_hours', reducedWeeklyHours: 14 }],
      ['leave_gap.reduced_hours_out_of_range', 'reducedWeeklyHours', { leaveType: 'reduced_hours', reducedWeeklyHours: 36 }],
      [
        'leave_gap.reduced_hours_not_below_weekly',
        'reducedWeeklyHours',
        { leaveType: 'reduced_hours', weeklyHours: 30, reducedWeeklyHours: 30 },
      ],
      ['leave_gap.reduced_hours_not_applicable', 'reducedWeeklyHours', { reducedWeeklyHours: 20 }],
      // 21 working days: 2026-05-05, 05-25 and 06-03 are public holidays
      ['leave_gap.spouse_maternity_too_long', 'leaveEnd', { leaveType: 'spouse_maternity', leaveStart: '2026-05-04', leaveEnd: '2026-06-04', handoverDays: 0 }],
      ['leave_gap.below_minimum_wage', 'hourlyWage', { hourlyWage: 10_319 }],
      [
        'leave_gap.below_minimum_wage',
        'hourlyWage',
        { leaveStart: '2026-01-05', leaveEnd: '2026-03-31', handoverDays: 10, hourlyWage: 10_029 },
      ],
      ['leave_gap.multiple_birth_not_maternity', 'multipleBirth', { leaveType: 'other', multipleBirth: true }],
      ['leave_gap.extended_reason_not_parental', 'extendedParentalReason', { extendedParentalReason: 'disabled_child' }],
    ])('%s on %s (%#)', async (code, field, overrides) => {
      const firm = await createFirm(t);
      const response = await t.api.post(`${API}/firms/${firm.id}/leave-gaps`).send(leaveGapBody(overrides)).expect(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(problemOf(response).code).toBe(code);
      expect(fieldsOf(response)).toEqual([field]);
      expect(await gapsOf(firm.id)).toBe(0);
    });

    it('checks every year the placement touches: 10,030 KRW meets 2025 but not 2026', async () => {
      const terms = { leaveStart: '2026-01-05', leaveEnd: '2026-03-31', handoverDays: 10 };
      const firm = await createFirm(t);
      const refused = await t.api.post(`${API}/firms/${firm.id}/leave-gaps`).send(leaveGapBody({ ...terms, hourlyWage: 10_030 })).expect(400);
      expect(problemOf(refused).code).toBe('leave_gap.below_minimum_wage');
      expect(problemOf(refused).errors![0].message).toContain('2026 10320 KRW');
      const gap = await createLeaveGap(t, firm.id, { ...terms, hourlyWage: 10_320 });
      expect(gap.vacancy).toMatchObject({ placementStart: '2025-12-26' });
    });

    it('reports every broken rule with its code in details.violations', async () => {
      const firm = await createFirm(t);
      const response = await t.api
        .post(`${API}/firms/${firm.id}/leave-gaps`)
        .send(leaveGapBody({ leaveEnd: '2026-12-31', reducedWeeklyHours: 20, hourlyWage: 5_000 }))
        .expect(400);
      expect(fieldsOf(response)).toEqual(['leaveEnd', 'reducedWeeklyHours', 'hourlyWage']);
      expect((problemOf(response).details!.violations as { code: string }[]).map((v) => v.code)).toEqual([
        'leave_gap.maternity_too_long',
        'leave_gap.reduced_hours_not_applicable',
        'leave_gap.below_minimum_wage',
      ]);
    });
  });

  describe('request shape: 400 naming the field, nothing written', () => {
    it.each([
      ['leaveType', { leaveType: 'sabbatical' }],
      ['leaveStart', { leaveStart: '2026-02-30' }],
      ['leaveEnd', { leaveEnd: '31.05.2026' }],
      ['handoverDays', { handoverDays: -1 }],
      ['weeklyHours', { weeklyHours: 53 }],
      ['hourlyWage', { hourlyWage: 12_000.5 }],
      ['requiredSkills[0].level', { requiredSkills: [{ code: 'cnc-milling', level: 6 }] }],
      ['requiredSkills[0].code', { requiredSkills: [{ code: 'CNC Milling', level: 2 }] }],
      ['requiredSkills', { requiredSkills: [{ code: 'welding', level: 2 }, { code: 'welding', level: 3 }] }],
      ['preferredSkills[1].level', { preferredSkills: [{ code: 'autocad', level: 1 }, { code: 'excel', level: 0 }] }],
      ['requiredCertifications', { requiredCertifications: ['forklift', 'forklift'] }],
      ['extendedParentalReason', { leaveType: 'parental', extendedParentalReason: 'twins' }],
      ['site.lng', { site: { lat: 36.1, lng: 200 } }],
      ['roleTitle', { roleTitle: '' }],
      ['status', { status: 'filled' }],
    ])('%s', async (field, overrides) => {
      const firm = await createFirm(t);
      const response = await t.api.post(`${API}/firms/${firm.id}/leave-gaps`).send(leaveGapBody(overrides)).expect(400);
      expect(fieldsOf(response)).toContain(field);
      expect(await gapsOf(firm.id)).toBe(0);
    });
  });

  describe('changing a gap', () => {
    it('re-derives the vacancy from the merged result', async () => {
      const gap = await createLeaveGap(t);
      const updated = await t.api
        .patch(`${API}/leave-gaps/${gap.id}`)
        .send({ leaveType: 'reduced_hours', reducedWeeklyHours: 25, leaveEnd: '2026-12-31', handoverDays: 7 })
        .expect(200);
      expect(updated.body).toMatchObject({
        leaveType: 'reduced_hours',
        vacancy: { placementStart: '2026-02-23', placementEnd: '2026-12-31', weeklyHours: 15 },
      });
    });

    it('checks the law on the merged result and changes nothing when it breaks it', async () => {
      const gap = await createLeaveGap(t);
      // Alone lawful, but with the stored maternity type 91 days are too long.
      const response = await t.api.patch(`${API}/leave-gaps/${gap.id}`).send({ leaveEnd: '2026-05-31', roleTitle: '새 직무' }).expect(400);
      expect(problemOf(response)).toMatchObject({ code: 'leave_gap.maternity_too_long', errors: [{ field: 'leaveEnd' }] });
      const unchanged = await t.api.get(`${API}/leave-gaps/${gap.id}`).expect(200);
      expect(unchanged.body).toMatchObject({ leaveEnd: '2026-05-30', roleTitle: gap.roleTitle });
    });

    it('clears an optional field with null', async () => {
      const gap = await createLeaveGap(t, undefined, { maxCommuteMinutes: 45 });
      const updated = await t.api.patch(`${API}/leave-gaps/${gap.id}`).send({ maxCommuteMinutes: null }).expect(200);
      expect(updated.body.maxCommuteMinutes).toBeNull();
    });

    it('cancels an open gap; a cancelled gap no longer changes', async () => {
      const gap = await createLeaveGap(t);
      expect((await t.api.post(`${API}/leave-gaps/${gap.id}/cancel`).expect(200)).body.status).toBe('cancelled');
      expect((await t.api.post(`${API}/leave-gaps/${gap.id}/cancel`).expect(200)).body.status).toBe('cancelled');
      const refused = await t.api.patch(`${API}/leave-gaps/${gap.id}`).send({ hourlyWage: 13_000 }).expect(409);
      expect(problemOf(refused).code).toBe('leave_gap.not_open');
    });

    it('refuses to cancel a filled gap', async () => {
      const gap = await createLeaveGap(t);
      await t.dataSource.getRepository(LeaveGap).update({ id: gap.id }, { status: 'filled' });
      expect(problemOf(await t.api.post(`${API}/leave-gaps/${gap.id}/cancel`).expect(409)).code).toBe('leave_gap.filled');
    });
  });
});
