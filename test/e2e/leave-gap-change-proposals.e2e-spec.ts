import { Placement } from '../../src/placements/placement.entity';
import { Proposal } from '../../src/proposals/proposal.entity';
import { API, createFirm, createLeaveGap, createSeeker, problemOf } from './factories';
import { gap2027, insertFinishedRun, insertProposals, seeker2027, uniqueSkill } from './factories/matching';
import { TestApp, createTestApp } from './support/test-app';
import { testDay } from './support/test-today';

/** A proposal was found feasible for the gap as it was: changing the gap retires it. */
describe('changing a leave gap that has open proposals', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('supersedes them, so that no seeker is placed on days the engine never checked', async () => {
    const skill = uniqueSkill('stale');
    const firm = await createFirm(t);
    // Placement period 2027-02-16 .. 2027-05-30; the seeker is available exactly then.
    const gap = await createLeaveGap(t, firm.id, gap2027(skill));
    const seeker = await createSeeker(t, seeker2027(skill, { availability: [{ start: testDay(77), end: testDay(180) }] }));
    const [proposalId] = await insertProposals(t, await insertFinishedRun(t), [{ leaveGapId: gap.id, seekerId: seeker.id }]);

    // Twenty more handover days: the period now starts before the seeker is available.
    await t.api.patch(`${API}/leave-gaps/${gap.id}`).send({ handoverDays: 34 }).expect(200);

    expect((await t.dataSource.getRepository(Proposal).findOneByOrFail({ id: proposalId })).status).toBe('superseded');
    const refused = await t.api.post(`${API}/proposals/${proposalId}/confirm`).expect(409);
    expect(problemOf(refused).code).toBe('proposal.not_proposed');
    expect(await t.dataSource.getRepository(Placement).countBy({ seekerId: seeker.id })).toBe(0);
  });
});

describe('cancelling a leave gap that has open proposals', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('supersedes them with the gap: none stays waiting for a decision that can no longer be made', async () => {
    const skill = uniqueSkill('cancelled-gap');
    const firm = await createFirm(t);
    const gap = await createLeaveGap(t, firm.id, gap2027(skill));
    const seeker = await createSeeker(t, seeker2027(skill));
    const [proposalId] = await insertProposals(t, await insertFinishedRun(t), [{ leaveGapId: gap.id, seekerId: seeker.id }]);

    expect((await t.api.post(`${API}/leave-gaps/${gap.id}/cancel`).expect(200)).body.status).toBe('cancelled');

    const proposal = await t.dataSource.getRepository(Proposal).findOneByOrFail({ id: proposalId });
    expect(proposal.status).toBe('superseded');
    expect(proposal.reason).toBe('the leave gap was cancelled');
  });
});

describe('cancelling a firm whose open leave gaps have open proposals', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('supersedes them with its gaps, so none can be confirmed for a firm that left', async () => {
    const skill = uniqueSkill('cancelled-firm');
    const firm = await createFirm(t);
    const gap = await createLeaveGap(t, firm.id, gap2027(skill));
    const seeker = await createSeeker(t, seeker2027(skill));
    const [proposalId] = await insertProposals(t, await insertFinishedRun(t), [{ leaveGapId: gap.id, seekerId: seeker.id }]);

    await t.api.post(`${API}/firms/${firm.id}/cancel`).expect(200);

    const proposal = await t.dataSource.getRepository(Proposal).findOneByOrFail({ id: proposalId });
    expect(proposal.status).toBe('superseded');
    expect(proposal.reason).toBe('the leave gap was cancelled');
    const refused = await t.api.post(`${API}/proposals/${proposalId}/confirm`).expect(409);
    expect(problemOf(refused).code).toBe('proposal.not_proposed');
    expect(await t.dataSource.getRepository(Placement).countBy({ seekerId: seeker.id })).toBe(0);
  });
});
