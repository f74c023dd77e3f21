import { Clock, FixedClock } from '../../src/clock/clock';
import { API, createFirm, createSeeker, problemOf } from './factories';
import { cookieHeader, cookiesOf, createAccount, uniqueEmail } from './factories/accounts';
import { firmToken } from './support/auth';
import { TestApp, createTestApp } from './support/test-app';

describe('invitations: a one-time link valid 72 hours sets the password', () => {
  let t: TestApp;
  const clock = new FixedClock(new Date('2027-03-02T09:00:00+09:00'));

  beforeAll(async () => {
    t = await createTestApp((builder) => builder.overrideProvider(Clock).useValue(clock));
  });
  afterAll(() => t.close());
  beforeEach(() => clock.set(new Date('2027-03-02T09:00:00+09:00')));

  const invite = (body: object) => t.api.post(`${API}/invitations`).send(body);
  const tokenOf = (acceptPath: string) => acceptPath.replace(/^\/invite\//, '');

  it('invites firm staff, previews, accepts once and signs them in for their firm', async () => {
    const firm = await createFirm(t);
    const email = uniqueEmail('hr');
    const created = await invite({ email, role: 'firm', firmId: firm.id }).expect(201);
    expect(created.body).toMatchObject({ email: email.toLowerCase(), role: 'firm', expiresAt: '2027-03-05T00:00:00.000Z' });
    expect(created.body.acceptPath).toMatch(/^\/invite\/[A-Za-z0-9_-]{43}$/);
    const token = tokenOf(created.body.acceptPath);
    const [stored] = await t.dataSource.query(`SELECT token_hash FROM invitations WHERE id = $1`, [created.body.id]);
    expect(stored.token_hash).not.toContain(token);

    const preview = await t.anonymous.get(`${API}/invitations/${token}`).expect(200);
    expect(preview.body).toEqual({ email: email.toLowerCase(), role: 'firm', firmName: firm.name, expiresAt: '2027-03-05T00:00:00.000Z' });

    const accepted = await t.anonymous.post(`${API}/invitations/${token}/accept`).send({ password: 'firm staff password' }).expect(200);
    expect(accepted.body.user).toMatchObject({ email: email.toLowerCase(), role: 'firm', firmId: firm.id, seekerId: null });
    const me = await t.anonymous.get(`${API}/auth/me`).set('Cookie', cookieHeader(cookiesOf(accepted))).expect(200);
    expect(me.body.user.id).toBe(accepted.body.user.id);
    await t.anonymous.post(`${API}/auth/login`).send({ email, password: 'firm staff password' }).expect(200);

    const again = await t.anonymous.post(`${API}/invitations/${token}/accept`).send({ password: 'another password!' }).expect(410);
    expect(problemOf(again).code).toBe('invitation.used');
    expect(problemOf(await t.anonymous.get(`${API}/invitations/${token}`).expect(410)).code).toBe('invitation.used');
  });

  it('invites a registered seeker, whose account acts for that seeker under their name', async () => {
    const seeker = await createSeeker(t);
    const created = await invite({ email: uniqueEmail('seeker'), role: 'seeker', seekerId: seeker.id }).expect(201);
    const accepted = await t.anonymous
      .post(`${API}/invitations/${tokenOf(created.body.acceptPath)}/accept`)
      .send({ password: 'seeker password 1' })
      .expect(200);
    expect(accepted.body.user).toMatchObject({ role: 'seeker', seekerId: seeker.id, firmId: null, displayName: seeker.displayName });
    const second = await invite({ email: uniqueEmail('seeker'), role: 'seeker', seekerId: seeker.id }).expect(409);
    expect(problemOf(second).code).toBe('user.seeker_has_account');
  });

  it('expires after exactly 72 hours', async () => {
    const firm = await createFirm(t);
    const created = await invite({ email: uniqueEmail('late'), role: 'firm', firmId: firm.id }).expect(201);
    const token = tokenOf(created.body.acceptPath);
    clock.set(new Date(new Date('2027-03-02T09:00:00+09:00').getTime() + 72 * 3600_000 - 1));
    await t.anonymous.get(`${API}/invitations/${token}`).expect(200);
    clock.set(new Date(new Date('2027-03-02T09:00:00+09:00').getTime() + 72 * 3600_000));
    expect(problemOf(await t.anonymous.get(`${API}/invitations/${token}`).expect(410)).code).toBe('invitation.expired');
    const late = await t.anonymous.post(`${API}/invitations/${token}/accept`).send({ password: 'too late password' }).expect(410);
    expect(problemOf(late).code).toBe('invitation.expired');
    const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM users WHERE firm_id = $1`, [firm.id]);
    expect(count).toBe(0);
  });

  it('lets only one of two concurrent accepts through', async () => {
    const firm = await createFirm(t);
    const created = await invite({ email: uniqueEmail('race'), role: 'firm', firmId: firm.id }).expect(201);
    const accept = () => t.anonymous.post(`${API}/invitations/${tokenOf(created.body.acceptPath)}/accept`).send({ password: 'race password 1' });
    const answers = await Promise.all([accept(), accept()]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 410]);
  });

  it('refuses an unknown token (404), a short password (400), a taken email and an unknown firm', async () => {
    expect(problemOf(await t.anonymous.get(`${API}/invitations/${'x'.repeat(43)}`).expect(404)).code).toBe('invitation.not_found');
    const firm = await createFirm(t);
    const created = await invite({ email: uniqueEmail('short'), role: 'firm', firmId: firm.id }).expect(201);
    const short = await t.anonymous.post(`${API}/invitations/${tokenOf(created.body.acceptPath)}/accept`).send({ password: 'short' });
    expect(short.status).toBe(400);
    expect(problemOf(short).errors?.map((error) => error.field)).toEqual(['password']);

    const existing = await createAccount(t);
    expect(problemOf(await invite({ email: existing.email.toUpperCase(), role: 'firm', firmId: firm.id }).expect(409)).code).toBe(
      'user.email_taken',
    );
    const unknownFirm = await invite({ email: uniqueEmail(), role: 'firm', firmId: '00000000-0000-4000-8000-000000000000' }).expect(404);
    expect(problemOf(unknownFirm).code).toBe('firm.not_found');
    const noFirm = await invite({ email: uniqueEmail(), role: 'firm' }).expect(400);
    expect(problemOf(noFirm).errors?.map((error) => error.field)).toEqual(['firmId']);
  });

  it('is for coordinators only', async () => {
    const firm = await createFirm(t);
    await t.anonymous
      .post(`${API}/invitations`)
      .set('Authorization', firmToken(firm.id as string))
      .send({ email: uniqueEmail(), role: 'firm', firmId: firm.id })
      .expect(403);
  });
});
