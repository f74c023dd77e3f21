import { API, problemOf, seekerBody } from './factories';
import { cookieHeader, cookiesOf, createAccount, uniqueEmail } from './factories/accounts';
import { TestApp, createTestApp } from './support/test-app';

describe('seeker self sign-up: seeker and account in one transaction', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const signUp = (body: object) => t.anonymous.post(`${API}/auth/signup`).send(body);
  const seekersWithPhone = async (phone: string) =>
    (await t.dataSource.query(`SELECT count(*)::int AS count FROM seekers WHERE phone = $1`, [phone]))[0].count;
  const usersWithEmail = async (email: string) =>
    (await t.dataSource.query(`SELECT count(*)::int AS count FROM users WHERE lower(email) = lower($1)`, [email]))[0].count;

  it('creates the seeker and their account and signs them in to their own profile only', async () => {
    const email = uniqueEmail('self');
    const seeker = seekerBody();
    const response = await signUp({ email, password: 'my own password', seeker }).expect(201);
    expect(response.body.user).toMatchObject({ email: email.toLowerCase(), role: 'seeker', displayName: seeker.displayName, firmId: null });
    const cookies = cookieHeader(cookiesOf(response));
    const own = await t.anonymous.get(`${API}/seekers/${response.body.user.seekerId}`).set('Cookie', cookies).expect(200);
    expect(own.body.phone).toBe(seeker.phone);
    await t.anonymous.get(`${API}/seekers`).set('Cookie', cookies).expect(403);
  });

  it('requires PIPA consent', async () => {
    const email = uniqueEmail('noconsent');
    const response = await signUp({ email, password: 'my own password', seeker: seekerBody({ consent: false }) }).expect(400);
    expect(problemOf(response).errors?.map((error) => error.field)).toEqual(['seeker.consent']);
    expect(await usersWithEmail(email)).toBe(0);
  });

  it('creates no account when the seeker fails its rules (checked inside the transaction)', async () => {
    const email = uniqueEmail('badseeker');
    const seeker = seekerBody({ weeklyHours: { min: 40, max: 20 } });
    const response = await signUp({ email, password: 'my own password', seeker }).expect(400);
    expect(problemOf(response).errors?.map((error) => error.field)).toContain('weeklyHours.min');
    expect(await usersWithEmail(email)).toBe(0);
    expect(await seekersWithPhone(seeker.phone as string)).toBe(0);
  });

  it('creates no seeker when the account cannot be created (email taken)', async () => {
    const existing = await createAccount(t, { role: 'coordinator' });
    const seeker = seekerBody();
    const response = await signUp({ email: existing.email.toUpperCase(), password: 'my own password', seeker }).expect(409);
    expect(problemOf(response).code).toBe('user.email_taken');
    expect(await seekersWithPhone(seeker.phone as string)).toBe(0);
  });

  it('does not let a seeker set waitingSince (reserved to the Talent Bank)', async () => {
    const email = uniqueEmail('waiting');
    await signUp({ email, password: 'my own password', seeker: seekerBody({ waitingSince: '2020-01-01' }) }).expect(400);
    expect(await usersWithEmail(email)).toBe(0);
  });
});
