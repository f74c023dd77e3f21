import { AccessLogService } from '../../src/access-log/access-log.service';
import { API, createFirm, createSeeker, problemOf } from './factories';
import { TEST_PASSWORD, cookieHeader, cookiesOf, createAccount } from './factories/accounts';
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
        actor: { role: 'firm', subject: 'lee', userId: null, email: null, firmId: firm.id },
        seekerId: seeker.id,
        action: 'placements.contact',
        fields: ['phone'],
      },
    ]);
    const second = await t.api.get(`${API}/access-log?seekerId=${seeker.id}&page=2&pageSize=1`).expect(200);
    expect(second.body.items[0]).toMatchObject({ actor: { role: 'coordinator', subject: 'kim', firmId: null }, action: 'seekers.list' });
  });

  it('names the signed-in account (id and email) that read, and keeps the email when the account changes', async () => {
    const seeker = await createSeeker(t);
    const firm = await createFirm(t);
    const account = await createAccount(t, { role: 'coordinator' });
    const signedIn = await t.anonymous.post(`${API}/auth/login`).send({ email: account.email, password: TEST_PASSWORD }).expect(200);
    await t.anonymous.get(`${API}/seekers/${seeker.id}`).set('Cookie', cookieHeader(cookiesOf(signedIn))).expect(200);
    const firmAccount = await createAccount(t, { role: 'firm', firmId: firm.id });
    await accessLog.recordRead(
      { role: 'firm', subject: firmAccount.id, userId: firmAccount.id, firmId: firm.id },
      [seeker.id],
      { action: 'placements.contact', fields: ['phone'] },
    );
    await t.dataSource.query(`UPDATE users SET email = $2 WHERE id = $1`, [account.id, `renamed-${account.email}`]);

    const response = await t.api.get(`${API}/access-log?seekerId=${seeker.id}`).expect(200);
    expect(response.body.items.map((item: { actor: unknown; action: string }) => [item.action, item.actor])).toEqual([
      ['placements.contact', { role: 'firm', subject: firmAccount.id, userId: firmAccount.id, email: firmAccount.email, firmId: firm.id }],
      ['seekers.get', { role: 'coordinator', subject: account.id, userId: account.id, email: account.email, firmId: null }],
    ]);
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
