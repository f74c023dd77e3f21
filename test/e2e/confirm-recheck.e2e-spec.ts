import { Clock, FixedClock } from '../../src/clock/clock';
import { Placement } from '../../src/placements/placement.entity';
import { Proposal } from '../../src/proposals/proposal.entity';
import { API, createFirm, createLeaveGap, createSeeker, problemOf } from './factories';
import { gap2027, insertFinishedRun, insertProposals, runToSuccess, seeker2027, uniqueSkill } from './factories/matching';
import { TestApp, createTestApp } from './support/test-app';
import { testDay } from './support/test-today';

type Body = Record<string, unknown>;

/**
 * A run checked each pair against the gap and the seeker as they were. Confirm re-checks all
 * seven rules on them as they are now; a seeker's edit that breaks a proposal retires it.
 */
describe('confirm re-checks the engine rules on the seeker and the gap as they are now', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  async function proposalAfterEdit(name: string, edit: (firmId: string) => Body): Promise<{ proposalId: string; seekerId: string }> {
    const skill = uniqueSkill(name);
    const firm = await createFirm(t);
    const gap = await createLeaveGap(t, firm.id, gap2027(skill));
    const seeker = await createSeeker(t, seeker2027(skill));
    await t.api.patch(`${API}/seekers/${seeker.id}`).send(edit(firm.id)).expect(200);
    // Written after the edit, as by a run that read the seeker before it.
    const [proposalId] = await insertProposals(t, await insertFinishedRun(t), [{ leaveGapId: gap.id, seekerId: seeker.id }]);
    return { proposalId, seekerId: seeker.id };
  }

  it.each([
    ['blocked the firm', (firmId: string) => ({ blockedFirmIds: [firmId] }), 'seeker.firm_blocked', 'blocked', /no longer wants to work for this firm/],
    ['raised the minimum wage to 20,000', () => ({ minHourlyWage: 20_000 }), 'seeker.wage_too_low', 'wage', /at least 20,000원 an hour; the gap pays 12,500원/],
    ['cut the hours to 20', () => ({ weeklyHours: { min: 10, max: 20 } }), 'seeker.hours_mismatch', 'hours', /10–20 hours a week; the gap needs 40/],
    ['lost the skill', () => ({ skills: [{ code: 'welding-tig', level: 5 }] }), 'seeker.skills_insufficient', 'skills', /skills no longer meet/],
    ['moved far away', () => ({ home: { lat: 35.1796, lng: 129.0756 } }), 'seeker.commute_too_long', 'commute', /commute no longer fits/],
  ])('refuses with 409 when the seeker %s, places nobody, and retires the proposal with a reason', async (name, edit, code, rule, reason) => {
    const { proposalId, seekerId } = await proposalAfterEdit(rule, edit);

    const refused = await t.api.post(`${API}/proposals/${proposalId}/confirm`);
    expect(refused.status).toBe(409);
    expect(problemOf(refused)).toMatchObject({ code, details: { proposalId, seekerId, rule } });
    expect(await t.dataSource.getRepository(Placement).countBy({ seekerId })).toBe(0);
    const proposal = await t.dataSource.getRepository(Proposal).findOneByOrFail({ id: proposalId });
    expect(proposal.status).toBe('superseded');
    expect(proposal.reason).toMatch(reason);
    const events = await t.dataSource.query(`SELECT type, payload FROM outbox_events WHERE aggregate_id = $1 ORDER BY id`, [proposalId]);
    expect(events).toEqual([{ type: 'proposal.superseded', payload: expect.objectContaining({ cause: `infeasible.${rule}` }) }]);
  });

  it('refuses a gap whose required certification the seeker no longer holds', async () => {
    const skill = uniqueSkill('certification');
    const firm = await createFirm(t);
    const gap = await createLeaveGap(t, firm.id, gap2027(skill, { requiredCertifications: ['forklift'] }));
    const seeker = await createSeeker(t, seeker2027(skill, { certifications: ['forklift'] }));
    await t.api.patch(`${API}/seekers/${seeker.id}`).send({ certifications: [] }).expect(200);
    const [proposalId] = await insertProposals(t, await insertFinishedRun(t), [{ leaveGapId: gap.id, seekerId: seeker.id }]);

    const refused = await t.api.post(`${API}/proposals/${proposalId}/confirm`).expect(409);
    expect(problemOf(refused).code).toBe('seeker.certification_missing');
  });

  it('still confirms a pair that passes every rule', async () => {
    const { proposalId } = await proposalAfterEdit('harmless', () => ({ displayName: '김민지' }));
    await t.api.post(`${API}/proposals/${proposalId}/confirm`).expect(201);
  });
});

describe("a seeker's edit that breaks open proposals", () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  async function openProposal(name: string): Promise<{ proposalId: string; seeker: Body & { id: string }; firmId: string }> {
    const skill = uniqueSkill(name);
    const firm = await createFirm(t);
    const gap = await createLeaveGap(t, firm.id, gap2027(skill));
    const seeker = await createSeeker(t, seeker2027(skill));
    const [proposalId] = await insertProposals(t, await insertFinishedRun(t), [{ leaveGapId: gap.id, seekerId: seeker.id }]);
    return { proposalId, seeker, firmId: firm.id };
  }

  const proposal = (id: string) => t.dataSource.getRepository(Proposal).findOneByOrFail({ id });

  it('retires them with a reason the coordinator reads (PATCH seeker)', async () => {
    const { proposalId, seeker } = await openProposal('edit-wage');
    await t.api.patch(`${API}/seekers/${seeker.id}`).send({ minHourlyWage: 20_000 }).expect(200);
    expect(await proposal(proposalId)).toMatchObject({ status: 'superseded', reason: expect.stringContaining('at least 20,000원') });
    expect(problemOf(await t.api.post(`${API}/proposals/${proposalId}/confirm`).expect(409)).code).toBe('proposal.not_proposed');
  });

  it('retires them when the availability no longer covers the gap (window removed)', async () => {
    const { proposalId, seeker } = await openProposal('edit-window');
    const [window] = seeker.availability as { id: string }[];
    await t.api.delete(`${API}/seekers/${seeker.id}/availability/${window.id}`).expect(204);
    expect(await proposal(proposalId)).toMatchObject({ status: 'superseded', reason: expect.stringContaining('no longer free') });
  });

  it('does not wait for a confirm holding the proposal: that confirm re-checks and refuses', async () => {
    const { proposalId, seeker } = await openProposal('edit-during-confirm');
    // As a confirm does first: the proposal row, locked.
    const confirming = t.dataSource.createQueryRunner();
    await confirming.connect();
    await confirming.startTransaction();
    try {
      await confirming.query(`SELECT id FROM proposals WHERE id = $1 FOR UPDATE`, [proposalId]);
      await t.api.patch(`${API}/seekers/${seeker.id}`).send({ minHourlyWage: 20_000 }).expect(200);
    } finally {
      await confirming.rollbackTransaction();
      await confirming.release();
    }
    expect((await proposal(proposalId)).status).toBe('proposed');
    const refused = await t.api.post(`${API}/proposals/${proposalId}/confirm`).expect(409);
    expect(problemOf(refused).code).toBe('seeker.wage_too_low');
    expect((await proposal(proposalId)).status).toBe('superseded');
  });

  it('keeps them open when the edit breaks no rule', async () => {
    const { proposalId, seeker } = await openProposal('edit-harmless');
    await t.api.patch(`${API}/seekers/${seeker.id}`).send({ minHourlyWage: 12_000, displayName: '이서연' }).expect(200);
    await t.api.post(`${API}/seekers/${seeker.id}/availability`).send({ start: testDay(400), end: testDay(410) }).expect(201);
    expect((await proposal(proposalId)).status).toBe('proposed');
  });
});

/** Placement period testDay(77)..testDay(180); the app's day is testDay(120), inside it. */
describe('a gap that has already started', () => {
  let t: TestApp;
  const today = testDay(120);

  beforeAll(async () => {
    t = await createTestApp((builder) => builder.overrideProvider(Clock).useValue(FixedClock.onSeoulDay(today)));
  });
  afterAll(() => t.close());

  async function startedGap(name: string) {
    const skill = uniqueSkill(name);
    const firm = await createFirm(t);
    const gap = await createLeaveGap(t, firm.id, gap2027(skill));
    // Free only from today: the days already gone do not matter any more.
    const seeker = await createSeeker(t, seeker2027(skill, { availability: [{ start: today, end: testDay(395) }] }));
    return { gap, seeker };
  }

  it('is matched for the days that remain: a run proposes the seeker and confirm places them from today', async () => {
    const { gap, seeker } = await startedGap('started-run');
    const run = await runToSuccess(t, { leaveGapIds: [gap.id] });
    const results = await t.api.get(`${API}/match-runs/${run.id}/proposals`).expect(200);
    const [proposal] = results.body.proposals as { id: string; seeker: { id: string } }[];
    expect(proposal?.seeker.id).toBe(seeker.id);

    const confirmed = await t.api.post(`${API}/proposals/${proposal.id}/confirm`).expect(201);
    expect(confirmed.body.placement).toMatchObject({ period: { start: today, end: testDay(180) } });
  });

  it('lists the seeker among the live candidates', async () => {
    const { gap, seeker } = await startedGap('started-live');
    const live = await t.api.get(`${API}/leave-gaps/${gap.id}/candidates`).expect(200);
    expect(live.body.candidates.map((candidate: { seeker: { id: string } }) => candidate.seeker.id)).toEqual([seeker.id]);
  });
});

describe('a gap whose period has ended', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp((builder) => builder.overrideProvider(Clock).useValue(FixedClock.onSeoulDay(testDay(181))));
  });
  afterAll(() => t.close());

  it('cannot be confirmed any more (409 leave_gap.ended), and its proposal retires', async () => {
    const skill = uniqueSkill('ended');
    const firm = await createFirm(t);
    const gap = await createLeaveGap(t, firm.id, gap2027(skill));
    const seeker = await createSeeker(t, seeker2027(skill));
    const [proposalId] = await insertProposals(t, await insertFinishedRun(t), [{ leaveGapId: gap.id, seekerId: seeker.id }]);

    const refused = await t.api.post(`${API}/proposals/${proposalId}/confirm`).expect(409);
    expect(problemOf(refused)).toMatchObject({ code: 'leave_gap.ended', details: { placementEnd: testDay(180) } });
    expect(await t.dataSource.getRepository(Placement).countBy({ seekerId: seeker.id })).toBe(0);
    expect((await t.dataSource.getRepository(Proposal).findOneByOrFail({ id: proposalId })).status).toBe('superseded');
  });
});
