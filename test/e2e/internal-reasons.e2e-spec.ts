import { API, createFirm, createLeaveGap, createSeeker } from './factories';
import { gap2027, insertFinishedRun, insertProposals, seeker2027, uniqueSkill } from './factories/matching';
import { firmToken, seekerToken } from './support/auth';
import { TestApp, createTestApp } from './support/test-app';

/**
 * What a coordinator types when cancelling or rejecting is their own note (here it names the
 * employee's leave): the firm and the seeker see only the coded reason.
 */
describe("a coordinator's free-text reasons stay internal", () => {
  let t: TestApp;
  const note = '담당자 김OO 출산휴가 조기 복귀로 취소';

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  async function confirmedPlacement() {
    const skill = uniqueSkill('internal-note');
    const firm = await createFirm(t);
    const gap = await createLeaveGap(t, firm.id, gap2027(skill));
    const seeker = await createSeeker(t, seeker2027(skill));
    const [proposalId] = await insertProposals(t, await insertFinishedRun(t), [{ leaveGapId: gap.id, seekerId: seeker.id }]);
    const confirmed = await t.api.post(`${API}/proposals/${proposalId}/confirm`).expect(201);
    return { firmId: firm.id, seekerId: seeker.id, placementId: confirmed.body.placement.id as string };
  }

  it('a cancelled placement shows the firm and the seeker the coded reason, never the note', async () => {
    const { firmId, seekerId, placementId } = await confirmedPlacement();
    const cancelled = await t.api.post(`${API}/placements/${placementId}/cancel`).send({ reason: note, publicReason: 'leave_changed' }).expect(200);
    expect(cancelled.body).toMatchObject({ cancelledReason: note, cancellation: { code: 'leave_changed', message: expect.any(String) } });

    for (const token of [firmToken(firmId), seekerToken(seekerId)]) {
      const one = await t.api.get(`${API}/placements/${placementId}`).set('Authorization', token).expect(200);
      const list = await t.api.get(`${API}/placements`).set('Authorization', token).expect(200);
      for (const text of [one.text, list.text]) expect(text).not.toContain(note);
      expect(one.body).toMatchObject({ status: 'cancelled', cancelledReason: null, cancellation: { code: 'leave_changed' } });
    }
    const events = await t.dataSource.query(`SELECT payload FROM outbox_events WHERE aggregate_id = $1`, [placementId]);
    expect(JSON.stringify(events)).not.toContain(note);
  });

  it("a cancellation without a public reason tells the parties 'other'", async () => {
    const { firmId, placementId } = await confirmedPlacement();
    await t.api.post(`${API}/placements/${placementId}/cancel`).send({ reason: note }).expect(200);
    const seen = await t.api.get(`${API}/placements/${placementId}`).set('Authorization', firmToken(firmId)).expect(200);
    expect(seen.body.cancellation.code).toBe('other');
    expect(seen.text).not.toContain(note);
  });

  it('refuses an unknown public reason with a 400 naming publicReason', async () => {
    const { placementId } = await confirmedPlacement();
    const refused = await t.api.post(`${API}/placements/${placementId}/cancel`).send({ reason: note, publicReason: 'maternity' }).expect(400);
    expect(refused.body.errors.map((error: { field: string }) => error.field)).toEqual(['publicReason']);
  });
});
