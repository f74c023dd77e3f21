import { Placement } from '../../src/placements/placement.entity';
import { Proposal } from '../../src/proposals/proposal.entity';
import { API, createFirm, createLeaveGap, createSeeker, problemOf } from './factories';
import { gap2027, insertFinishedRun, insertProposals, seeker2027, uniqueSkill } from './factories/matching';
import { TestApp, createTestApp } from './support/test-app';
import { testDay } from './support/test-today';

/** A run's proposals can outlive the seeker's availability: confirm checks the seeker as it is now. */
describe('confirming a proposal whose seeker is no longer active', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  async function proposalFor(skill: string, seekerId: string): Promise<{ proposalId: string; gapId: string }> {
    const firm = await createFirm(t);
    const gap = await createLeaveGap(t, firm.id, gap2027(skill));
    const [proposalId] = await insertProposals(t, await insertFinishedRun(t), [{ leaveGapId: gap.id, seekerId }]);
    return { proposalId, gapId: gap.id };
  }

  it.each(['inactive', 'withdrawn'] as const)('refuses with 409 seeker.not_active when the seeker is %s, and places nobody', async (status) => {
    const skill = uniqueSkill(`status-${status}`);
    const seeker = await createSeeker(t, seeker2027(skill));
    if (status === 'inactive') {
      await t.api.patch(`${API}/seekers/${seeker.id}`).send({ status: 'inactive' }).expect(200);
    } else {
      await t.api.delete(`${API}/seekers/${seeker.id}`).expect((response) => expect(response.status).toBeLessThan(300));
    }
    // Written after the status change, as by a run that was solving meanwhile.
    const { proposalId, gapId } = await proposalFor(skill, seeker.id);

    const refused = await t.api.post(`${API}/proposals/${proposalId}/confirm`).expect(409);
    expect(problemOf(refused)).toMatchObject({ code: 'seeker.not_active', details: { seekerId: seeker.id, status } });
    expect(await t.dataSource.getRepository(Placement).countBy({ seekerId: seeker.id })).toBe(0);
    expect((await t.api.get(`${API}/leave-gaps/${gapId}`).expect(200)).body.status).toBe('open');
    expect((await t.dataSource.getRepository(Proposal).findOneByOrFail({ id: proposalId })).status).toBe('superseded');
  });
});

describe('confirming a proposal whose seeker is no longer available on the gap\'s days', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('refuses with 409 seeker.unavailable when the availability changed while the run was solving, and places nobody', async () => {
    const skill = uniqueSkill('availability');
    const seeker = await createSeeker(t, seeker2027(skill));
    const firm = await createFirm(t);
    const gap = await createLeaveGap(t, firm.id, gap2027(skill));
    // While the run was solving: the seeker is only available until April, the gap runs to May.
    const [window] = seeker.availability as { id: string }[];
    await t.api.delete(`${API}/seekers/${seeker.id}/availability/${window.id}`).expect(204);
    await t.api.post(`${API}/seekers/${seeker.id}/availability`).send({ start: testDay(31), end: testDay(150) }).expect(201);
    // Written after the change, as by a run that read the old availability.
    const [proposalId] = await insertProposals(t, await insertFinishedRun(t), [{ leaveGapId: gap.id, seekerId: seeker.id }]);

    const refused = await t.api.post(`${API}/proposals/${proposalId}/confirm`).expect(409);
    expect(problemOf(refused)).toMatchObject({ code: 'seeker.unavailable', details: { seekerId: seeker.id, proposalId } });
    expect(await t.dataSource.getRepository(Placement).countBy({ seekerId: seeker.id })).toBe(0);
    expect((await t.dataSource.getRepository(Proposal).findOneByOrFail({ id: proposalId })).status).toBe('superseded');
  });

  it('still confirms when adjacent windows together cover the gap\'s days', async () => {
    const skill = uniqueSkill('adjacent');
    const seeker = await createSeeker(t, seeker2027(skill, { availability: [{ start: testDay(31), end: testDay(120) }, { start: testDay(121), end: testDay(395) }] }));
    const firm = await createFirm(t);
    const gap = await createLeaveGap(t, firm.id, gap2027(skill));
    const [proposalId] = await insertProposals(t, await insertFinishedRun(t), [{ leaveGapId: gap.id, seekerId: seeker.id }]);
    await t.api.post(`${API}/proposals/${proposalId}/confirm`).expect(201);
  });
});
