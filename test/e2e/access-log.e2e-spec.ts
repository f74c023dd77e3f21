import { AccessLogService } from '../../src/access-log/access-log.service';
import { API, createFirm, createSeeker, problemOf } from './factories';
import { coordinator, firmToken, firmUser, seekerToken } from './support/auth';
import { TestApp, createTestApp } from './support/test-app';

describe('access log', () => {
  let t: TestApp;
  let accessLog: AccessLogService;

  beforeAll(async () => {
    t = await createTestApp();
    accessLog = t.app.get(AccessLogService);
  });
  afterAll(() => t.close());

  it('lists reads newest first, filtered by seeker and paginated, for coordinators', async () => {
    const seeker = await createSeeker(t);
    const other = await createSeeker(t);
    const firm = await createFirm(t);
    await accessLog.recordRead(coordinator('kim'), [seeker.id, other.id], { action: 'seekers.list', fields: ['displayName'] });
    await accessLog.recordRead(firmUser(firm.id, 'lee'), [seeker.id], { action: 'placements.contact', fields: ['phone'] });

    const response = await t.api.get(`${API}/access-log?seekerId=${seeker.id}&pageSize=1`).expect(200);
    expect(response.body).toMatchObject({ page: 1, pageSize: 1, total: 2 });
    expect(response.body.items).toEqual([
      {
        id: expect.any(String),
        accessedAt: expect.any(String),
        actor: { role: 'firm', subject: 'lee', firmId: firm.id },
        seekerId: seeker.id,
        seekerCount: 1,
        action: 'placements.contact',
        fields: ['phone'],
      },
    ]);
    const second = await t.api.get(`${API}/access-log?seekerId=${seeker.id}&page=2&pageSize=1`).expect(200);
    // The list read both seekers: one entry naming both, found under either.
    expect(second.body.items[0]).toMatchObject({
      actor: { role: 'coordinator', subject: 'kim', firmId: null },
      action: 'seekers.list',
      seekerId: seeker.id,
      seekerCount: 2,
    });
    const underOther = await t.api.get(`${API}/access-log?seekerId=${other.id}`).expect(200);
    expect(underOther.body.items).toEqual([expect.objectContaining({ id: second.body.items[0].id, seekerId: other.id, seekerCount: 2 })]);
  });

  it('is for coordinators only', async () => {
    const seeker = await createSeeker(t);
    const firm = await createFirm(t);
    await t.anonymous.get(`${API}/access-log`).expect(401);
    expect(problemOf(await t.anonymous.get(`${API}/access-log`).set('Authorization', firmToken(firm.id)).expect(403)).code).toBe(
      'auth.role_not_allowed',
    );
    await t.anonymous.get(`${API}/access-log?seekerId=${seeker.id}`).set('Authorization', seekerToken(seeker.id)).expect(403);
  });

  it('is append-only in PostgreSQL itself: UPDATE, DELETE and TRUNCATE fail', async () => {
    const seeker = await createSeeker(t);
    await accessLog.recordRead(coordinator(), [seeker.id], { action: 'seekers.get', fields: ['phone'] });
    const count = async () => Number((await t.dataSource.query(`SELECT count(*) FROM access_log WHERE seeker_id = $1`, [seeker.id]))[0].count);
    await expect(t.dataSource.query(`UPDATE access_log SET actor_subject = 'someone else' WHERE seeker_id = $1`, [seeker.id])).rejects.toMatchObject({
      driverError: expect.objectContaining({ code: '42501' }),
    });
    await expect(t.dataSource.query(`DELETE FROM access_log WHERE seeker_id = $1`, [seeker.id])).rejects.toMatchObject({
      driverError: expect.objectContaining({ code: '42501' }),
    });
    await expect(t.dataSource.query(`TRUNCATE access_log`)).rejects.toMatchObject({
      driverError: expect.objectContaining({ code: '42501' }),
    });
    expect(await count()).toBe(1);
  });
});
