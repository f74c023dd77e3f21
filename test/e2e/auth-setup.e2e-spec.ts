import { API, problemOf } from './factories';
import { cookieHeader, cookiesOf, uniqueEmail } from './factories/accounts';
import { TestApp, createTestApp } from './support/test-app';

/**
 * First run. The test database is shared by the spec files (run one after another), so this
 * spec first removes every coordinator account to stand where a fresh installation stands.
 */
describe('first-run set-up of the first coordinator', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    await t.dataSource.query(`DELETE FROM users WHERE role = 'coordinator'`);
  });
  afterAll(() => t.close());

  const setup = (email: string) =>
    t.anonymous.post(`${API}/auth/setup`).send({ email, password: 'first coordinator pw', displayName: '김첫째' });

  it('asks for the first coordinator, creates it signed in, and refuses a second set-up', async () => {
    expect((await t.anonymous.get(`${API}/auth/setup`).expect(200)).body).toEqual({ needsFirstCoordinator: true });

    const email = uniqueEmail('first');
    const created = await setup(email).expect(201);
    expect(created.body.user).toMatchObject({ email: email.toLowerCase(), role: 'coordinator', displayName: '김첫째' });
    const cookies = cookiesOf(created);
    const me = await t.anonymous.get(`${API}/auth/me`).set('Cookie', cookieHeader(cookies)).expect(200);
    expect(me.body.user.id).toBe(created.body.user.id);

    expect((await t.anonymous.get(`${API}/auth/setup`).expect(200)).body).toEqual({ needsFirstCoordinator: false });
    const again = await setup(uniqueEmail('second')).expect(409);
    expect(problemOf(again).code).toBe('auth.already_set_up');
    expect(again.headers['set-cookie']).toBeUndefined();
  });

  it('lets only one of two concurrent set-ups through', async () => {
    await t.dataSource.query(`DELETE FROM users WHERE role = 'coordinator'`);
    const answers = await Promise.all([setup(uniqueEmail('race-a')), setup(uniqueEmail('race-b'))]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409]);
    const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM users WHERE role = 'coordinator'`);
    expect(count).toBe(1);
  });
});
