import { API, createFirm, createLeaveGap, createSeeker, problemOf } from './factories';
import { gap2027, seeker2027, uniqueSkill } from './factories/matching';
import { TestApp, createTestApp } from './support/test-app';
import { whileConfirming } from './support/while-confirming';

/** A gap cancelled while a confirmation fills it must not end up cancelled with a confirmed placement. */
describe('cancelling or changing a leave gap while a confirmation fills it', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());


  it('refuses the cancel (409 leave_gap.filled) when the confirmation commits first, and the gap stays filled', async () => {
    const skill = uniqueSkill('cancel-race');
    const firm = await createFirm(t);
    const gap = await createLeaveGap(t, firm.id, gap2027(skill));
    const seeker = await createSeeker(t, seeker2027(skill));

    const response = await whileConfirming(t.dataSource, gap.id, seeker.id, () => t.api.post(`${API}/leave-gaps/${gap.id}/cancel`));
    expect(response.status).toBe(409);
    expect(problemOf(response).code).toBe('leave_gap.filled');
    const [row] = await t.dataSource.query(`SELECT status FROM leave_gaps WHERE id = $1`, [gap.id]);
    expect(row.status).toBe('filled');
  });

  it('refuses a change (409 leave_gap.not_open) when the confirmation commits first: the placement keeps the gap\'s period', async () => {
    const skill = uniqueSkill('update-race');
    const firm = await createFirm(t);
    const gap = await createLeaveGap(t, firm.id, gap2027(skill));
    const seeker = await createSeeker(t, seeker2027(skill));
    const [before] = await t.dataSource.query(`SELECT placement_start, placement_end, role_title FROM leave_gaps WHERE id = $1`, [gap.id]);

    const response = await whileConfirming(t.dataSource, gap.id, seeker.id, () => t.api.patch(`${API}/leave-gaps/${gap.id}`).send({ handoverDays: 10, roleTitle: 'changed' }));
    expect(response.status).toBe(409);
    expect(problemOf(response).code).toBe('leave_gap.not_open');
    const [after] = await t.dataSource.query(`SELECT placement_start, placement_end, role_title FROM leave_gaps WHERE id = $1`, [gap.id]);
    expect(after).toEqual(before);
  });
});
