import { API, createFirm, createLeaveGap, createSeeker, fieldsOf } from './factories';
import { gap2027, insertFinishedRun, insertProposals, seeker2027, uniqueSkill } from './factories/matching';
import { TestApp, createTestApp } from './support/test-app';
import { testDay } from './support/test-today';

/** A reason is what a coordinator reads later: a blank one is refused as a field error, nothing written. */
describe('decision reasons', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('refuses a blank reason for reject and for cancel with a 400 naming `reason`', async () => {
    const skill = uniqueSkill('blank-reason');
    const firm = await createFirm(t);
    const [first, second] = [await createLeaveGap(t, firm.id, gap2027(skill)), await createLeaveGap(t, firm.id, gap2027(skill, { leaveStart: testDay(212), leaveEnd: testDay(301) }))];
    const seeker = await createSeeker(t, seeker2027(skill));
    const [toReject, toConfirm] = await insertProposals(t, await insertFinishedRun(t), [
      { leaveGapId: first.id, seekerId: seeker.id },
      { leaveGapId: second.id, seekerId: seeker.id },
    ]);

    const rejected = await t.api.post(`${API}/proposals/${toReject}/reject`).send({ reason: '   ' }).expect(400);
    expect(fieldsOf(rejected)).toEqual(['reason']);
    const confirmed = await t.api.post(`${API}/proposals/${toConfirm}/confirm`).expect(201);
    const cancelled = await t.api.post(`${API}/placements/${confirmed.body.placement.id}/cancel`).send({ reason: ' \t ' }).expect(400);
    expect(fieldsOf(cancelled)).toEqual(['reason']);
    expect((await t.api.get(`${API}/placements/${confirmed.body.placement.id}`).expect(200)).body.status).toBe('confirmed');
  });
});
