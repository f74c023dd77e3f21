import { addDays } from '../../src/common/calendar-date';
import { Clock, FixedClock } from '../../src/clock/clock';
import { RETENTION_DAYS } from '../../src/referrals/referral-states';
import { API, createFirm, createLeaveGap, createSeeker, problemOf } from './factories';
import { gap2027, insertFinishedRun, insertProposals, runToSuccess, seeker2027, uniqueSkill } from './factories/matching';
import { firmToken, seekerToken } from './support/auth';
import { TestApp, createTestApp } from './support/test-app';
import { TEST_TODAY, testDay } from './support/test-today';

type Body = Record<string, any>;

describe('referrals: from a proposal to a kept placement', () => {
  let t: TestApp;
  let clock: FixedClock;

  beforeAll(async () => {
    t = await createTestApp();
    clock = t.app.get(Clock) as FixedClock;
  });
  afterEach(() => clock.set(new Date(`${TEST_TODAY}T12:00:00+09:00`)));
  afterAll(() => t.close());

  /** A firm, a 2027 gap, a seeker who fits it and a proposal of the pair. */
  async function proposedPair(label: string, gapOverrides: Body = {}) {
    const skill = uniqueSkill(label);
    const firm = await createFirm(t);
    const gap: Body = await createLeaveGap(t, firm.id, gap2027(skill, gapOverrides));
    const seeker = await createSeeker(t, seeker2027(skill));
    const [proposalId] = await insertProposals(t, await insertFinishedRun(t), [{ leaveGapId: gap.id, seekerId: seeker.id }]);
    return { skill, firm, gap, seeker, proposalId };
  }

  async function refer(proposalId: string, note?: string): Promise<Body> {
    const response = await t.api.post(`${API}/proposals/${proposalId}/referral`).send(note ? { note } : {});
    expect([response.status, response.status === 201 ? '' : response.text]).toEqual([201, '']);
    return response.body;
  }

  const asSeeker = (seekerId: string) => ({ Authorization: seekerToken(seekerId) });
  const asFirm = (firmId: string) => ({ Authorization: firmToken(firmId) });

  async function events(referralId: string): Promise<{ type: string; payload: Body }[]> {
    return t.dataSource.query(`SELECT type, payload FROM outbox_events WHERE aggregate_type = 'referral' AND aggregate_id = $1 ORDER BY id`, [referralId]);
  }

  async function proposalStatus(id: string): Promise<string> {
    const [row] = await t.dataSource.query(`SELECT status FROM proposals WHERE id = $1`, [id]);
    return row.status;
  }

  it('goes offered → seeker_accepted → firm_interview → hired → retained_30_days, one step and one event each, and the hire is a placement that cannot double-book', async () => {
    const { firm, gap, seeker, proposalId, skill } = await proposedPair('journey');
    const offered = await refer(proposalId, '구직자와 통화 예정');
    expect(offered).toMatchObject({ status: 'offered', proposalId, leaveGapId: gap.id, seekerId: seeker.id, firmId: firm.id, placementId: null });
    expect(offered.steps).toEqual([expect.objectContaining({ status: 'offered', actorRole: 'coordinator', coordinatorNote: '구직자와 통화 예정' })]);
    expect(await proposalStatus(proposalId)).toBe('referred');

    // The firm hears of it only once the seeker says yes; the seeker sees the job, not the note.
    await t.api.get(`${API}/referrals/${offered.id}`).set(asFirm(firm.id)).expect(404);
    const seen = await t.api.get(`${API}/referrals/${offered.id}`).set(asSeeker(seeker.id)).expect(200);
    expect(seen.body.job).toEqual({ firmName: firm.name, roleTitle: gap.roleTitle, placementStart: gap.vacancy.placementStart, placementEnd: gap.vacancy.placementEnd });
    expect(seen.body.seeker).toBeUndefined();
    expect(seen.body.steps[0].coordinatorNote).toBeUndefined();

    await t.api.post(`${API}/referrals/${offered.id}/seeker-answer`).set(asSeeker(seeker.id)).send({ answer: 'accept' }).expect(200);
    const firmView = await t.api.get(`${API}/referrals/${offered.id}`).set(asFirm(firm.id)).expect(200);
    expect(firmView.body.status).toBe('seeker_accepted');
    expect(firmView.body.seeker).toEqual({ displayName: seeker.displayName });
    expect(JSON.stringify(firmView.body)).not.toContain(seeker.phone as string);
    expect(firmView.body.firmFlag).toBeUndefined();

    await t.api.post(`${API}/referrals/${offered.id}/firm-answer`).set(asFirm(firm.id)).send({ answer: 'interview' }).expect(200);
    const startDate = addDays(gap.vacancy.placementStart as string, 7);
    const hired = await t.api.post(`${API}/referrals/${offered.id}/firm-answer`).set(asFirm(firm.id)).send({ answer: 'hire', startDate }).expect(200);
    expect(hired.body).toMatchObject({ status: 'hired', startDate, retentionDueOn: addDays(startDate, RETENTION_DAYS) });
    expect(await proposalStatus(proposalId)).toBe('confirmed');
    const [placement] = await t.dataSource.query(`SELECT id, status, lower(period) AS start, upper(period) - 1 AS "end" FROM placements WHERE id = $1`, [hired.body.placementId]);
    // A later start shortens the placement: it covers the start date to the gap's end.
    expect(placement).toEqual({ id: hired.body.placementId, status: 'confirmed', start: startDate, end: gap.vacancy.placementEnd });

    // The hired seeker cannot be confirmed elsewhere on overlapping days.
    const overlapping = await createLeaveGap(t, firm.id, gap2027(skill, { roleTitle: '다른 자리' }));
    const [other] = await insertProposals(t, await insertFinishedRun(t), [{ leaveGapId: overlapping.id, seekerId: seeker.id }]);
    const doubleBooked = await t.api.post(`${API}/proposals/${other}/confirm`);
    expect(doubleBooked.status).toBe(409);
    expect(problemOf(doubleBooked).code).toBe('placement.seeker_double_booked');

    // Kept only once 30 days have passed since the start, by the service's clock.
    clock.set(new Date(`${addDays(startDate, RETENTION_DAYS - 1)}T12:00:00+09:00`));
    const early = await t.api.post(`${API}/referrals/${offered.id}/outcome`).send({ outcome: 'retained_30_days' });
    expect(early.status).toBe(409);
    expect(problemOf(early)).toMatchObject({ code: 'referral.retention_not_due', details: { retentionDueOn: addDays(startDate, RETENTION_DAYS) } });
    clock.set(new Date(`${addDays(startDate, RETENTION_DAYS)}T12:00:00+09:00`));
    const kept = await t.api.post(`${API}/referrals/${offered.id}/outcome`).send({ outcome: 'retained_30_days', note: '30일 근속 확인' }).expect(200);
    expect(kept.body.status).toBe('retained_30_days');

    const timeline = kept.body.steps as Body[];
    expect(timeline.map((step) => [step.status, step.actorRole])).toEqual([
      ['offered', 'coordinator'],
      ['seeker_accepted', 'seeker'],
      ['firm_interview', 'firm'],
      ['hired', 'firm'],
      ['retained_30_days', 'coordinator'],
    ]);
    expect(timeline[3].effectiveDate).toBe(startDate);
    expect(timeline.every((step) => typeof step.occurredAt === 'string')).toBe(true);
    const base = { referralId: offered.id, proposalId, leaveGapId: gap.id, seekerId: seeker.id, firmId: firm.id, reasonCode: null };
    expect(await events(offered.id)).toEqual([
      { type: 'referral.offered', payload: { ...base, status: 'offered', startDate: null } },
      { type: 'referral.seeker_accepted', payload: { ...base, status: 'seeker_accepted', startDate: null } },
      { type: 'referral.firm_interview', payload: { ...base, status: 'firm_interview', startDate: null } },
      { type: 'referral.hired', payload: { ...base, status: 'hired', startDate } },
      { type: 'referral.retained_30_days', payload: { ...base, status: 'retained_30_days', startDate } },
    ]);
    // Notes never leave the coordinator's timeline: the firm's view has none.
    const firmTimeline = await t.api.get(`${API}/referrals/${offered.id}`).set(asFirm(firm.id)).expect(200);
    expect(JSON.stringify(firmTimeline.body)).not.toContain('30일 근속 확인');
  });

  it('a seeker decline (coded) rejects the proposal and blocks the pair: a re-run does not propose it again', async () => {
    const { gap, seeker, proposalId } = await proposedPair('seeker-decline');
    const referral = await refer(proposalId);

    const uncoded = await t.api.post(`${API}/referrals/${referral.id}/seeker-answer`).set(asSeeker(seeker.id)).send({ answer: 'decline' });
    expect(uncoded.status).toBe(400);
    expect(problemOf(uncoded).errors).toEqual([expect.objectContaining({ field: 'reasonCode', code: 'isIn' })]);

    const declined = await t.api
      .post(`${API}/referrals/${referral.id}/seeker-answer`)
      .send({ answer: 'decline', reasonCode: 'commute', note: '전화로 거절 의사 확인' })
      .expect(200);
    expect(declined.body).toMatchObject({ status: 'seeker_declined', reasonCode: 'commute' });
    expect(declined.body.steps[1]).toMatchObject({ status: 'seeker_declined', actorRole: 'coordinator', reasonCode: 'commute', coordinatorNote: '전화로 거절 의사 확인' });
    expect(await proposalStatus(proposalId)).toBe('rejected');
    expect((await events(referral.id)).map((event) => [event.type, event.payload.reasonCode])).toEqual([
      ['referral.offered', null],
      ['referral.seeker_declined', 'commute'],
    ]);

    const run = await runToSuccess(t, { leaveGapIds: [gap.id] });
    const proposed = await t.dataSource.query(`SELECT seeker_id FROM proposals WHERE match_run_id = $1 AND leave_gap_id = $2`, [run.id, gap.id]);
    expect(proposed).toEqual([]);
  });

  it('a firm decline without a code flags the firm at the second one, for coordinators only', async () => {
    const skill = uniqueSkill('firm-decline');
    const firm = await createFirm(t);
    const referrals: Body[] = [];
    for (let i = 0; i < 3; i += 1) {
      const gap = await createLeaveGap(t, firm.id, gap2027(skill, { roleTitle: `자리 ${i}` }));
      const seeker = await createSeeker(t, seeker2027(skill));
      const [proposalId] = await insertProposals(t, await insertFinishedRun(t), [{ leaveGapId: gap.id, seekerId: seeker.id }]);
      const referral = await refer(proposalId);
      await t.api.post(`${API}/referrals/${referral.id}/seeker-answer`).set(asSeeker(seeker.id)).send({ answer: 'accept' }).expect(200);
      referrals.push({ ...referral, seekerId: seeker.id, gapId: gap.id });
    }
    await t.api.post(`${API}/referrals/${referrals[0].id}/firm-answer`).set(asFirm(firm.id)).send({ answer: 'decline', reasonCode: 'skills' }).expect(200);
    await t.api.post(`${API}/referrals/${referrals[1].id}/firm-answer`).set(asFirm(firm.id)).send({ answer: 'decline' }).expect(200);
    const once = await t.api.get(`${API}/referrals`).query({ firmId: firm.id }).expect(200);
    expect(once.body.items[0].firmFlag).toEqual({ uncodedDeclines: 1, flagged: false });
    // The coordinator records the second uncoded decline on the firm's behalf.
    await t.api.post(`${API}/referrals/${referrals[2].id}/firm-answer`).send({ answer: 'decline', note: '담당자 전화: 사유 말하지 않음' }).expect(200);

    const list = await t.api.get(`${API}/referrals`).query({ firmId: firm.id, status: 'firm_declined' }).expect(200);
    expect(list.body.total).toBe(3);
    expect(list.body.items.map((item: Body) => item.firmFlag)).toEqual(Array(3).fill({ uncodedDeclines: 2, flagged: true }));
    const onFirm = await t.api.get(`${API}/firms/${firm.id}`).expect(200);
    expect(onFirm.body.referralDeclines).toEqual({ uncodedDeclines: 2, flagged: true });
    const ownFirm = await t.api.get(`${API}/firms/${firm.id}`).set(asFirm(firm.id)).expect(200);
    expect(ownFirm.body.referralDeclines).toBeUndefined();
    const firmList = await t.api.get(`${API}/referrals`).set(asFirm(firm.id)).expect(200);
    expect(firmList.body.items.every((item: Body) => item.firmFlag === undefined)).toBe(true);
    const blocked = await t.dataSource.query(`SELECT count(*)::int AS n FROM rejected_pairs WHERE proposal_id = ANY($1::uuid[])`, [referrals.map((r) => r.proposalId)]);
    expect(blocked[0].n).toBe(3);
    expect((await events(referrals[1].id)).at(-1)).toEqual({
      type: 'referral.firm_declined',
      payload: expect.objectContaining({ status: 'firm_declined', reasonCode: null, firmId: firm.id }),
    });
  });

  it('ended_early ends the placement that day: the seeker is free from the next day and nobody is double-booked', async () => {
    const { firm, gap, seeker, proposalId, skill } = await proposedPair('ended-early');
    const referral = await refer(proposalId);
    await t.api.post(`${API}/referrals/${referral.id}/seeker-answer`).set(asSeeker(seeker.id)).send({ answer: 'accept' }).expect(200);
    const hired = await t.api.post(`${API}/referrals/${referral.id}/firm-answer`).send({ answer: 'hire', startDate: gap.vacancy.placementStart }).expect(200);

    const endedOn = addDays(gap.vacancy.placementStart as string, 20);
    const outside = await t.api.post(`${API}/referrals/${referral.id}/outcome`).send({ outcome: 'ended_early', endedOn: gap.vacancy.placementEnd, reasonCode: 'health' });
    expect(outside.status).toBe(400);
    expect(problemOf(outside).errors).toEqual([expect.objectContaining({ field: 'endedOn', code: 'referral.ended_on_outside_placement' })]);
    const missing = await t.api.post(`${API}/referrals/${referral.id}/outcome`).send({ outcome: 'ended_early' });
    expect(missing.status).toBe(400);
    expect(problemOf(missing).errors!.map((error) => error.field).sort()).toEqual(['endedOn', 'reasonCode']);

    const ended = await t.api.post(`${API}/referrals/${referral.id}/outcome`).send({ outcome: 'ended_early', endedOn, reasonCode: 'seeker_quit' }).expect(200);
    expect(ended.body).toMatchObject({ status: 'ended_early', endedOn, reasonCode: 'seeker_quit', placementId: hired.body.placementId });
    const [placement] = await t.dataSource.query(`SELECT status, upper(period) - 1 AS "end" FROM placements WHERE id = $1`, [hired.body.placementId]);
    expect(placement).toEqual({ status: 'confirmed', end: endedOn });
    expect((await events(referral.id)).at(-1)).toEqual({
      type: 'referral.ended_early',
      payload: expect.objectContaining({ status: 'ended_early', reasonCode: 'seeker_quit', startDate: gap.vacancy.placementStart }),
    });

    // From the next day on the seeker can be placed again; on a day still worked, not.
    const after = await createLeaveGap(t, firm.id, gap2027(skill, { leaveStart: addDays(endedOn, 1), leaveEnd: addDays(endedOn, 60), handoverDays: 0 }));
    const during = await createLeaveGap(t, firm.id, gap2027(skill, { leaveStart: endedOn, leaveEnd: addDays(endedOn, 60), handoverDays: 0 }));
    const [afterId, duringId] = await insertProposals(t, await insertFinishedRun(t), [
      { leaveGapId: after.id, seekerId: seeker.id },
      { leaveGapId: during.id, seekerId: seeker.id },
    ]);
    const refused = await t.api.post(`${API}/proposals/${duringId}/confirm`);
    expect(problemOf(refused).code).toBe('placement.seeker_double_booked');
    await t.api.post(`${API}/proposals/${afterId}/confirm`).expect(201);
  });

  /** A referral of a fresh pair, accepted by the seeker and hired from `startDate` (the gap's start unless told). */
  async function hiredReferral(label: string, startOffset = 0) {
    const pair = await proposedPair(label);
    const referral = await refer(pair.proposalId);
    await t.api.post(`${API}/referrals/${referral.id}/seeker-answer`).set(asSeeker(pair.seeker.id)).send({ answer: 'accept' }).expect(200);
    const startDate = addDays(pair.gap.vacancy.placementStart as string, startOffset);
    const hired = await t.api.post(`${API}/referrals/${referral.id}/firm-answer`).send({ answer: 'hire', startDate }).expect(200);
    return { ...pair, referral, startDate, placementId: hired.body.placementId as string };
  }

  it('ended_early writes placement.amended with the previous and the new period, as a gap amendment does', async () => {
    const { gap, seeker, referral, startDate, placementId } = await hiredReferral('ended-early-amended');
    const endedOn = addDays(startDate, 10);
    await t.api.post(`${API}/referrals/${referral.id}/outcome`).send({ outcome: 'ended_early', endedOn, reasonCode: 'health' }).expect(200);
    const amended = await t.dataSource.query(`SELECT payload FROM outbox_events WHERE type = 'placement.amended' AND aggregate_id = $1`, [placementId]);
    expect(amended).toEqual([
      {
        payload: {
          leaveGapId: gap.id,
          seekerId: seeker.id,
          previousPeriod: { start: startDate, end: gap.vacancy.placementEnd },
          period: { start: startDate, end: endedOn },
        },
      },
    ]);
  });

  it.each([
    ['firm_request', 'hired', 'dismissed'],
    ['seeker_request', 'hired', 'seeker_quit'],
    ['leave_changed', 'retained_30_days', 'employee_returned_early'],
    ['other', 'hired', 'other'],
  ])('cancelling the placement (%s) of a %s referral ends it early that day (%s), with its step and event', async (publicReason, before, reasonCode) => {
    const { referral, startDate, placementId } = await hiredReferral(`cancel-${publicReason.replace("_", "-")}`);
    const today = addDays(startDate, RETENTION_DAYS + 2);
    clock.set(new Date(`${today}T12:00:00+09:00`));
    if (before === 'retained_30_days') await t.api.post(`${API}/referrals/${referral.id}/outcome`).send({ outcome: before }).expect(200);

    await t.api.post(`${API}/placements/${placementId}/cancel`).send({ reason: '업체 요청으로 취소', publicReason }).expect(200);
    const now = (await t.api.get(`${API}/referrals/${referral.id}`).expect(200)).body;
    expect(now).toMatchObject({ status: 'ended_early', endedOn: today, reasonCode, placementId });
    expect(now.steps.at(-1)).toMatchObject({ status: 'ended_early', reasonCode, effectiveDate: today, actorRole: 'coordinator' });
    expect((await events(referral.id)).at(-1)).toEqual({
      type: 'referral.ended_early',
      payload: expect.objectContaining({ status: 'ended_early', reasonCode, startDate }),
    });
    // Its outcome is settled: a second one is an illegal move, not a 409 about the placement.
    const again = await t.api.post(`${API}/referrals/${referral.id}/outcome`).send({ outcome: 'ended_early', endedOn: today, reasonCode: 'health' });
    expect(problemOf(again)).toMatchObject({ status: 409, code: 'referral.illegal_move', details: { status: 'ended_early' } });
  });

  it('a hire checks the seeker\'s availability over the placement it makes (start date to end), not from the gap\'s start', async () => {
    const skill = uniqueSkill('hire-availability');
    const firm = await createFirm(t);
    const gap: Body = await createLeaveGap(t, firm.id, gap2027(skill));
    const startDate = addDays(gap.vacancy.placementStart as string, 10);
    const seeker = await createSeeker(t, seeker2027(skill, { availability: [{ start: startDate, end: testDay(395) }] }));
    const [proposalId] = await insertProposals(t, await insertFinishedRun(t), [{ leaveGapId: gap.id, seekerId: seeker.id }]);
    const referral = await refer(proposalId);
    await t.api.post(`${API}/referrals/${referral.id}/seeker-answer`).set(asSeeker(seeker.id)).send({ answer: 'accept' }).expect(200);

    const tooEarly = await t.api.post(`${API}/referrals/${referral.id}/firm-answer`).send({ answer: 'hire', startDate: addDays(startDate, -1) });
    expect(tooEarly.status).toBe(409);
    const hired = await t.api.post(`${API}/referrals/${referral.id}/firm-answer`).send({ answer: 'hire', startDate });
    expect([hired.status, hired.body.status]).toEqual([200, 'hired']);
  });

  it('a refused hire (the seeker is no longer free on those days) answers 409 naming the rule and leaves the referral open for the coordinator to withdraw', async () => {
    const { firm, gap, seeker, proposalId } = await proposedPair('hire-refused');
    const referral = await refer(proposalId);
    await t.api.post(`${API}/referrals/${referral.id}/seeker-answer`).set(asSeeker(seeker.id)).send({ answer: 'accept' }).expect(200);
    const [window] = (await t.api.get(`${API}/seekers/${seeker.id}/availability`).expect(200)).body;
    await t.api.post(`${API}/seekers/${seeker.id}/availability`).send({ start: gap.vacancy.placementEnd, end: testDay(395) }).expect(201);
    await t.api.delete(`${API}/seekers/${seeker.id}/availability/${window.id}`).expect(204);

    const refused = await t.api.post(`${API}/referrals/${referral.id}/firm-answer`).set(asFirm(firm.id)).send({ answer: 'hire', startDate: gap.vacancy.placementStart });
    expect(problemOf(refused)).toMatchObject({ status: 409, code: 'seeker.unavailable', details: { rule: 'dates' } });
    const now = (await t.api.get(`${API}/referrals/${referral.id}`).expect(200)).body;
    expect([now.status, now.placementId, now.steps.length]).toEqual(['seeker_accepted', null, 2]);
    expect(await proposalStatus(proposalId)).toBe('referred');
    await t.api.post(`${API}/referrals/${referral.id}/withdraw`).send({ reasonCode: 'seeker_unavailable' }).expect(200);
    expect(await proposalStatus(proposalId)).toBe('superseded');
  });

  it("a direct confirm of another proposal of a referred seeker on overlapping days is refused (seeker.referred): the open referral's days are spoken for", async () => {
    const { firm, gap, seeker, proposalId, skill } = await proposedPair('confirm-referred-seeker');
    const referral = await refer(proposalId);
    await t.api.post(`${API}/referrals/${referral.id}/seeker-answer`).set(asSeeker(seeker.id)).send({ answer: 'accept' }).expect(200);
    // A run that built its instance before the referral can still write such a proposal.
    const elsewhere = await createLeaveGap(t, firm.id, gap2027(skill, { roleTitle: '겹치는 다른 자리' }));
    const [other] = await insertProposals(t, await insertFinishedRun(t), [{ leaveGapId: elsewhere.id, seekerId: seeker.id }]);

    const refused = await t.api.post(`${API}/proposals/${other}/confirm`);
    expect(problemOf(refused)).toMatchObject({ status: 409, code: 'seeker.referred', details: { referralId: referral.id } });
    expect(await proposalStatus(other)).toBe('superseded');
    const confirmed = await t.dataSource.query(`SELECT count(*)::int AS n FROM placements WHERE seeker_id = $1 AND status = 'confirmed'`, [seeker.id]);
    expect(confirmed[0].n).toBe(0);
    await t.api.post(`${API}/referrals/${referral.id}/firm-answer`).send({ answer: 'hire', startDate: gap.vacancy.placementStart }).expect(200);
  });

  it('a second referral of a seeker on overlapping days is refused (seeker.referred): one seeker, one open referral for those days', async () => {
    const { firm, proposalId, seeker, skill } = await proposedPair('refer-twice');
    const first = await refer(proposalId);
    const elsewhere = await createLeaveGap(t, firm.id, gap2027(skill, { roleTitle: '두 번째 알선' }));
    const [late] = await insertProposals(t, await insertFinishedRun(t), [{ leaveGapId: elsewhere.id, seekerId: seeker.id }]);
    const second = await t.api.post(`${API}/proposals/${late}/referral`).send({});
    expect(problemOf(second)).toMatchObject({ status: 409, code: 'seeker.referred', details: { referralId: first.id } });
    expect(await proposalStatus(late)).toBe('proposed');
    const open = await t.dataSource.query(`SELECT count(*)::int AS n FROM referrals WHERE seeker_id = $1`, [seeker.id]);
    expect(open[0].n).toBe(1);
  });

  it("a direct confirm of another seeker's proposal for a gap with an open referral is refused (leave_gap.referral_open): the referral decides the gap", async () => {
    const { gap, proposalId, seeker, skill } = await proposedPair('confirm-referred-gap');
    const referral = await refer(proposalId);
    await t.api.post(`${API}/referrals/${referral.id}/seeker-answer`).set(asSeeker(seeker.id)).send({ answer: 'accept' }).expect(200);
    const rival = await createSeeker(t, seeker2027(skill));
    // A run that read the gap before the referral can still propose somebody else for it.
    const [late] = await insertProposals(t, await insertFinishedRun(t), [{ leaveGapId: gap.id, seekerId: rival.id }]);

    const refused = await t.api.post(`${API}/proposals/${late}/confirm`);
    expect(problemOf(refused)).toMatchObject({ status: 409, code: 'leave_gap.referral_open', details: { referralId: referral.id } });
    expect(await proposalStatus(late)).toBe('superseded');
    await t.api.post(`${API}/referrals/${referral.id}/firm-answer`).send({ answer: 'hire', startDate: gap.vacancy.placementStart }).expect(200);
  });

  it('a kept (retained_30_days) placement cannot end early before its 30th day: that would contradict the retention', async () => {
    const { referral, startDate } = await hiredReferral('retained-then-ended');
    clock.set(new Date(`${addDays(startDate, RETENTION_DAYS + 5)}T12:00:00+09:00`));
    await t.api.post(`${API}/referrals/${referral.id}/outcome`).send({ outcome: 'retained_30_days' }).expect(200);
    const contradicting = await t.api.post(`${API}/referrals/${referral.id}/outcome`).send({ outcome: 'ended_early', endedOn: addDays(startDate, 10), reasonCode: 'health' });
    expect(contradicting.status).toBe(400);
    expect(problemOf(contradicting).errors).toEqual([expect.objectContaining({ field: 'endedOn', code: 'referral.ended_on_before_retention' })]);
    const lastKeptDay = addDays(startDate, RETENTION_DAYS - 1);
    await t.api.post(`${API}/referrals/${referral.id}/outcome`).send({ outcome: 'ended_early', endedOn: lastKeptDay, reasonCode: 'health' }).expect(200);
  });

  it("amending the filled gap keeps the hire's later start and an early end: the placement never grows back over days the referral left out", async () => {
    const { gap, referral, startDate, placementId } = await hiredReferral('amend-after-hire', 10);
    const periodOf = async () => (await t.api.get(`${API}/placements/${placementId}`).expect(200)).body.period;
    // Four days less handover: the gap starts four days later, still before the agreed start.
    await t.api.patch(`${API}/leave-gaps/${gap.id}`).send({ handoverDays: 10 }).expect(200);
    expect(await periodOf()).toEqual({ start: startDate, end: gap.vacancy.placementEnd });

    const endedOn = addDays(startDate, 20);
    await t.api.post(`${API}/referrals/${referral.id}/outcome`).send({ outcome: 'ended_early', endedOn, reasonCode: 'seeker_quit' }).expect(200);
    await t.api.patch(`${API}/leave-gaps/${gap.id}`).send({ handoverDays: 12 }).expect(200);
    expect(await periodOf()).toEqual({ start: startDate, end: endedOn });
  });

  it("keeps each party to its own referrals and its own turn: another seeker, another firm, a firm's coordinator-only moves", async () => {
    const { firm, seeker, proposalId, skill } = await proposedPair('scoping');
    const referral = await refer(proposalId);
    const stranger = await createSeeker(t, seeker2027(skill));
    const otherFirm = await createFirm(t);
    await t.api.post(`${API}/referrals/${referral.id}/seeker-answer`).set(asSeeker(stranger.id)).send({ answer: 'accept' }).expect(404);
    await t.api.post(`${API}/referrals/${referral.id}/firm-answer`).set(asSeeker(seeker.id)).send({ answer: 'interview' }).expect(403);
    await t.api.post(`${API}/referrals/${referral.id}/seeker-answer`).set(asSeeker(seeker.id)).send({ answer: 'accept' }).expect(200);
    await t.api.post(`${API}/referrals/${referral.id}/firm-answer`).set(asFirm(otherFirm.id)).send({ answer: 'interview' }).expect(404);
    await t.api.get(`${API}/referrals/${referral.id}`).set(asFirm(otherFirm.id)).expect(404);
    await t.api.post(`${API}/referrals/${referral.id}/withdraw`).set(asFirm(firm.id)).send({ reasonCode: 'other' }).expect(403);
    await t.api.post(`${API}/referrals/${referral.id}/outcome`).set(asFirm(firm.id)).send({ outcome: 'retained_30_days' }).expect(403);
    const again = await t.api.post(`${API}/referrals/${referral.id}/seeker-answer`).set(asSeeker(seeker.id)).send({ answer: 'decline', reasonCode: 'wage' });
    expect(problemOf(again)).toMatchObject({ status: 409, code: 'referral.illegal_move', details: { status: 'seeker_accepted', to: 'seeker_declined' } });
    const steps = await t.dataSource.query(`SELECT count(*)::int AS n FROM referral_steps WHERE referral_id = $1`, [referral.id]);
    expect(steps[0].n).toBe(2);
  });

  it('an early end racing the placement\'s cancellation serialises on the gap: no deadlock, one ended_early step, the placement cancelled or shortened', async () => {
    for (let repetition = 0; repetition < 3; repetition += 1) {
      const { referral, startDate, placementId } = await hiredReferral(`race-cancel-${repetition}`);
      const endedOn = addDays(startDate, 5);
      const [outcome, cancel] = await Promise.all([
        t.api.post(`${API}/referrals/${referral.id}/outcome`).send({ outcome: 'ended_early', endedOn, reasonCode: 'health' }),
        t.api.post(`${API}/placements/${placementId}/cancel`).send({ reason: '동시 취소', publicReason: 'firm_request' }),
      ]);
      expect(cancel.status).toBe(200);
      expect([200, 409]).toContain(outcome.status);
      const now = (await t.api.get(`${API}/referrals/${referral.id}`).expect(200)).body;
      expect(now.steps.filter((step: Body) => step.status === 'ended_early')).toHaveLength(1);
      expect(now.reasonCode).toBe(outcome.status === 200 ? 'health' : 'dismissed');
      if (outcome.status === 409) expect(problemOf(outcome)).toMatchObject({ code: 'referral.illegal_move', details: { status: 'ended_early' } });
    }
  });

  it('withdrawn: by the coordinator, and automatically when the gap is cancelled or changed, the firm leaves or the seeker becomes inactive', async () => {
    const byCoordinator = await proposedPair('withdraw');
    const first = await refer(byCoordinator.proposalId);
    const badReason = await t.api.post(`${API}/referrals/${first.id}/withdraw`).send({ reasonCode: 'wage' });
    expect(badReason.status).toBe(400);
    expect(problemOf(badReason).errors).toEqual([expect.objectContaining({ field: 'reasonCode', code: 'isIn' })]);
    const withdrawn = await t.api.post(`${API}/referrals/${first.id}/withdraw`).send({ reasonCode: 'coordinator' }).expect(200);
    expect(withdrawn.body).toMatchObject({ status: 'withdrawn', reasonCode: 'coordinator' });
    expect(await proposalStatus(byCoordinator.proposalId)).toBe('superseded');
    const again = await t.api.post(`${API}/referrals/${first.id}/withdraw`).send({ reasonCode: 'coordinator' });
    expect(again.status).toBe(409);
    expect(problemOf(again)).toMatchObject({ code: 'referral.illegal_move', details: { status: 'withdrawn', to: 'withdrawn' } });

    const cancelled = await proposedPair('withdraw-cancel');
    const second = await refer(cancelled.proposalId);
    await t.api.post(`${API}/leave-gaps/${cancelled.gap.id}/cancel`).expect((response) => expect(response.status).toBeLessThan(300));
    const changed = await proposedPair('withdraw-change');
    const third = await refer(changed.proposalId);
    await t.api.post(`${API}/referrals/${third.id}/seeker-answer`).set(asSeeker(changed.seeker.id)).send({ answer: 'accept' }).expect(200);
    await t.api.patch(`${API}/leave-gaps/${changed.gap.id}`).send({ hourlyWage: 13_000 }).expect(200);
    const firmLeaves = await proposedPair('withdraw-firm');
    const fourth = await refer(firmLeaves.proposalId);
    await t.api.post(`${API}/firms/${firmLeaves.firm.id}/cancel`).expect((response) => expect(response.status).toBeLessThan(300));
    const inactive = await proposedPair('withdraw-seeker');
    const fifth = await refer(inactive.proposalId);
    await t.api.patch(`${API}/seekers/${inactive.seeker.id}`).send({ status: 'inactive' }).expect(200);

    const expected: [Body, string][] = [
      [second, 'gap_cancelled'],
      [third, 'gap_changed'],
      [fourth, 'gap_cancelled'],
      [fifth, 'seeker_unavailable'],
    ];
    for (const [referral, reasonCode] of expected) {
      const now = await t.api.get(`${API}/referrals/${referral.id}`).expect(200);
      expect(now.body).toMatchObject({ status: 'withdrawn', reasonCode });
      expect(now.body.steps.at(-1)).toMatchObject({ status: 'withdrawn', actorRole: 'system', reasonCode });
      expect((await events(referral.id)).at(-1)).toEqual({ type: 'referral.withdrawn', payload: expect.objectContaining({ status: 'withdrawn', reasonCode }) });
      expect(await proposalStatus(referral.proposalId)).toBe('superseded');
    }
  });

  it('keeps an open referral out of other proposals: its gap is not matched and its seeker is busy over that gap, and the referred proposal cannot be confirmed directly', async () => {
    const { firm, gap, seeker, proposalId, skill } = await proposedPair('kept-out');
    const rival = await createSeeker(t, seeker2027(skill));
    const overlapping = await createLeaveGap(t, firm.id, gap2027(skill, { roleTitle: '겹치는 자리' }));
    const [sameGapOther, sameSeekerOther] = await insertProposals(t, await insertFinishedRun(t), [
      { leaveGapId: gap.id, seekerId: rival.id },
      { leaveGapId: overlapping.id, seekerId: seeker.id },
    ]);
    await refer(proposalId);
    // The referral supersedes the open proposals it holds back.
    expect(await proposalStatus(sameGapOther)).toBe('superseded');
    expect(await proposalStatus(sameSeekerOther)).toBe('superseded');

    const direct = await t.api.post(`${API}/proposals/${proposalId}/confirm`);
    expect(direct.status).toBe(409);
    expect(problemOf(direct)).toMatchObject({ code: 'proposal.referred', details: { status: 'referred' } });
    const rejected = await t.api.post(`${API}/proposals/${proposalId}/reject`).send({ reason: '업체 거절' });
    expect(problemOf(rejected).code).toBe('proposal.referred');

    const run = await runToSuccess(t, { leaveGapIds: [gap.id, overlapping.id] });
    const proposed: { leave_gap_id: string; seeker_id: string }[] = await t.dataSource.query(
      `SELECT leave_gap_id, seeker_id FROM proposals WHERE match_run_id = $1`,
      [run.id],
    );
    expect(proposed.filter((row) => row.leave_gap_id === gap.id)).toEqual([]);
    expect(proposed.filter((row) => row.seeker_id === seeker.id)).toEqual([]);
    // The rival can take the other gap: the run did match it.
    expect(proposed).toEqual([{ leave_gap_id: overlapping.id, seeker_id: rival.id }]);
    expect(await proposalStatus(proposalId)).toBe('referred');

    const candidates = await t.api.get(`${API}/leave-gaps/${gap.id}/candidates`);
    expect(candidates.status).toBe(409);
    expect(problemOf(candidates).code).toBe('leave_gap.referral_open');
  });

  it("keeps the referred seeker out of a run's other gaps even where nobody else fits: the gap's period is busy for them", async () => {
    const { firm, proposalId, skill } = await proposedPair('only-fit');
    const overlapping = await createLeaveGap(t, firm.id, gap2027(skill, { roleTitle: '혼자 맞는 자리' }));
    await refer(proposalId);

    const run = await runToSuccess(t, { leaveGapIds: [overlapping.id] });
    const proposed: { seeker_id: string }[] = await t.dataSource.query(`SELECT seeker_id FROM proposals WHERE match_run_id = $1`, [run.id]);
    expect(proposed).toEqual([]);
    const [unfilled] = await t.dataSource.query(`SELECT excluded_by FROM match_run_unfilled WHERE match_run_id = $1 AND leave_gap_id = $2`, [run.id, overlapping.id]);
    expect(unfilled.excluded_by.dates).toBeGreaterThanOrEqual(1);
  });

  it('exports the listed referrals as CSV with Korean headers, the seeker named only where the list names them, never a note', async () => {
    const { firm, gap, seeker, proposalId } = await proposedPair('export');
    const referral = await refer(proposalId, '내부 메모');
    const asCoordinator = await t.api.get(`${API}/referrals/export?format=csv&leaveGapId=${gap.id}`).expect(200);
    const [header, row, ...rest] = asCoordinator.text.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(header.split(',')).toEqual(['ID', '상태', '사유', '사업장명', '직무명', '구직자 이름', '근무 시작일', '조기 종료일', '알선일', '상태 변경 일시']);
    expect(rest).toEqual([]);
    expect(row.split(',').slice(0, 6)).toEqual([referral.id, '제안함', '', firm.name, gap.roleTitle, seeker.displayName]);
    expect(asCoordinator.text).not.toContain('내부 메모');
    // The firm's export holds nothing before the seeker said yes, as its list does.
    const asFirmBefore = await t.api.get(`${API}/referrals/export?format=csv`).set(asFirm(firm.id)).expect(200);
    expect(asFirmBefore.text.replace(/^\uFEFF/, '').trim().split(/\r?\n/)).toHaveLength(1);
  });

  it('is safe under races: of two answers at once one wins and the other gets 409 naming the status; two hires make one placement', async () => {
    for (let repetition = 0; repetition < 3; repetition += 1) {
      const { seeker, proposalId } = await proposedPair(`race-${repetition}`);
      const referral = await refer(proposalId);
      const answers = await Promise.all([
        t.api.post(`${API}/referrals/${referral.id}/seeker-answer`).set(asSeeker(seeker.id)).send({ answer: 'accept' }),
        t.api.post(`${API}/referrals/${referral.id}/seeker-answer`).send({ answer: 'decline', reasonCode: 'personal' }),
        t.api.post(`${API}/referrals/${referral.id}/withdraw`).send({ reasonCode: 'coordinator' }),
      ]);
      const statuses = answers.map((response) => response.status).sort();
      expect(statuses[0]).toBe(200);
      const losers = answers.filter((response) => response.status !== 200);
      for (const loser of losers) {
        expect(loser.status).toBe(409);
        expect(problemOf(loser).code).toBe('referral.illegal_move');
      }
      const steps = await t.dataSource.query(`SELECT count(*)::int AS n FROM referral_steps WHERE referral_id = $1`, [referral.id]);
      expect(steps[0].n).toBe(1 + answers.length - losers.length);
      expect((await events(referral.id)).length).toBe(steps[0].n);
    }

    const { gap, seeker, proposalId } = await proposedPair('race-hire');
    const referral = await refer(proposalId);
    await t.api.post(`${API}/referrals/${referral.id}/seeker-answer`).set(asSeeker(seeker.id)).send({ answer: 'accept' }).expect(200);
    const hires = await Promise.all(
      [0, 1, 2].map((days) => t.api.post(`${API}/referrals/${referral.id}/firm-answer`).send({ answer: 'hire', startDate: addDays(gap.vacancy.placementStart as string, days) })),
    );
    expect(hires.map((response) => response.status).sort()).toEqual([200, 409, 409]);
    for (const loser of hires.filter((response) => response.status === 409)) {
      expect(problemOf(loser)).toMatchObject({ code: 'referral.illegal_move', details: { status: 'hired' } });
    }
    const placements = await t.dataSource.query(`SELECT count(*)::int AS n FROM placements WHERE seeker_id = $1`, [seeker.id]);
    expect(placements[0].n).toBe(1);
  });

  it("a hire racing the gap's cancellation or the seeker's withdrawal ends one way only: hired with a placement, or withdrawn without one", async () => {
    for (const rival of ['cancel-gap', 'seeker-withdraws'] as const) {
      for (let repetition = 0; repetition < 3; repetition += 1) {
        const { gap, seeker, proposalId } = await proposedPair(`race-${rival}-${repetition}`);
        const referral = await refer(proposalId);
        await t.api.post(`${API}/referrals/${referral.id}/seeker-answer`).set(asSeeker(seeker.id)).send({ answer: 'accept' }).expect(200);
        const [hire, other] = await Promise.all([
          t.api.post(`${API}/referrals/${referral.id}/firm-answer`).send({ answer: 'hire', startDate: gap.vacancy.placementStart }),
          rival === 'cancel-gap' ? t.api.post(`${API}/leave-gaps/${gap.id}/cancel`) : t.api.delete(`${API}/seekers/${seeker.id}`),
        ]);
        expect([200, 409]).toContain(hire.status);
        expect([200, 204, 409]).toContain(other.status);
        const now = (await t.api.get(`${API}/referrals/${referral.id}`).expect(200)).body;
        const placements = await t.dataSource.query(`SELECT count(*)::int AS n FROM placements WHERE seeker_id = $1 AND status = 'confirmed'`, [seeker.id]);
        if (hire.status === 200) {
          expect([now.status, placements[0].n]).toEqual(['hired', 1]);
        } else {
          expect(problemOf(hire)).toMatchObject({ code: 'referral.illegal_move', details: { status: 'withdrawn' } });
          expect([now.status, placements[0].n]).toEqual(['withdrawn', 0]);
        }
      }
    }
  });

  it('answers bad input with 4xx naming the field and the rule, and writes nothing', async () => {
    const { firm, gap, seeker, proposalId } = await proposedPair('bad-input');
    const blank = await t.api.post(`${API}/proposals/${proposalId}/referral`).send({ note: '   ' });
    expect(blank.status).toBe(400);
    expect(problemOf(blank).errors!.map((error) => error.field)).toEqual(['note']);
    const unknown = await t.api.post(`${API}/proposals/00000000-0000-4000-8000-000000000000/referral`).send({});
    expect(problemOf(unknown)).toMatchObject({ status: 404, code: 'proposal.not_found' });
    const key = `refer-${proposalId}`;
    const referral = (await t.api.post(`${API}/proposals/${proposalId}/referral`).set('Idempotency-Key', key).send({}).expect(201)).body;
    const replay = await t.api.post(`${API}/proposals/${proposalId}/referral`).set('Idempotency-Key', key).send({}).expect(201);
    expect(replay.body.id).toBe(referral.id);
    const twice = await t.api.post(`${API}/proposals/${proposalId}/referral`).send({});
    expect(problemOf(twice)).toMatchObject({ status: 409, code: 'proposal.not_proposed', details: { status: 'referred' } });

    const cases: [string, Body, Record<string, string>, string, string][] = [
      ['seeker-answer', { answer: 'maybe' }, asSeeker(seeker.id), 'answer', 'isIn'],
      ['seeker-answer', { answer: 'accept', reasonCode: 'wage' }, asSeeker(seeker.id), 'reasonCode', 'referral.field_not_allowed'],
      ['seeker-answer', { answer: 'accept', note: '메모' }, asSeeker(seeker.id), 'note', 'referral.note_coordinator_only'],
      ['firm-answer', { answer: 'hire' }, {}, 'startDate', 'isCalendarDate'],
      ['firm-answer', { answer: 'hire', startDate: '2027-02-30' }, {}, 'startDate', 'isCalendarDate'],
      ['firm-answer', { answer: 'decline', reasonCode: 'commute' }, {}, 'reasonCode', 'isIn'],
    ];
    for (const [action, body, headers, field, rule] of cases) {
      const response = await t.api.post(`${API}/referrals/${referral.id}/${action}`).set(headers).send(body);
      expect([action, body, response.status]).toEqual([action, body, 400]);
      expect(problemOf(response).errors).toEqual([expect.objectContaining({ field, code: rule })]);
    }
    // A firm cannot answer an offer the seeker has not accepted: it cannot even see it.
    await t.api.post(`${API}/referrals/${referral.id}/firm-answer`).set(asFirm(firm.id)).send({ answer: 'interview' }).expect(404);
    const early = await t.api.post(`${API}/referrals/${referral.id}/firm-answer`).send({ answer: 'interview' });
    expect(problemOf(early)).toMatchObject({ status: 409, code: 'referral.illegal_move', details: { status: 'offered', to: 'firm_interview' } });
    await t.api.post(`${API}/referrals/${referral.id}/seeker-answer`).set(asFirm(firm.id)).send({ answer: 'accept' }).expect(403);

    await t.api.post(`${API}/referrals/${referral.id}/seeker-answer`).set(asSeeker(seeker.id)).send({ answer: 'accept' }).expect(200);
    const outside = await t.api.post(`${API}/referrals/${referral.id}/firm-answer`).set(asFirm(firm.id)).send({ answer: 'hire', startDate: addDays(gap.vacancy.placementEnd as string, 1) });
    expect(outside.status).toBe(400);
    expect(problemOf(outside).errors).toEqual([expect.objectContaining({ field: 'startDate', code: 'referral.start_outside_period' })]);
    const before = await t.api.post(`${API}/referrals/${referral.id}/firm-answer`).set(asFirm(firm.id)).send({ answer: 'hire', startDate: testDay(0) });
    expect(problemOf(before).errors).toEqual([expect.objectContaining({ field: 'startDate', code: 'referral.start_outside_period' })]);
    const current = await t.api.get(`${API}/referrals/${referral.id}`).expect(200);
    expect(current.body).toMatchObject({ status: 'seeker_accepted', placementId: null });
    expect(current.body.steps).toHaveLength(2);
    expect(await events(referral.id)).toHaveLength(2);
    expect(await proposalStatus(proposalId)).toBe('referred');
  });
});
