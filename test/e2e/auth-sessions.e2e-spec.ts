import { Clock, FixedClock } from '../../src/clock/clock';
import { API, createFirm, problemOf } from './factories';
import { TEST_PASSWORD, cookieHeader, cookiesOf, createAccount, uniqueEmail } from './factories/accounts';
import { coordinatorToken } from './support/auth';
import { TestApp, createTestApp } from './support/test-app';

describe('sign-in with email and password, session cookie and CSRF', () => {
  let t: TestApp;
  const clock = new FixedClock(new Date('2027-03-02T09:00:00+09:00'));

  beforeAll(async () => {
    t = await createTestApp((builder) => builder.overrideProvider(Clock).useValue(clock));
  });
  afterAll(() => t.close());

  const login = (email: string, password: string) => t.anonymous.post(`${API}/auth/login`).send({ email, password });

  async function signedInCookies(role: 'coordinator' | 'firm' = 'coordinator', firmId?: string) {
    const account = await createAccount(t, { role, firmId });
    const response = await login(account.email, TEST_PASSWORD).expect(200);
    return { account, cookies: cookiesOf(response), response };
  }

  it('signs in whatever the email case, answers the user and sets HttpOnly SameSite=Strict cookies', async () => {
    const email = uniqueEmail('Kim');
    const account = await createAccount(t, { email });
    const response = await login(email.toUpperCase(), TEST_PASSWORD).expect(200);
    expect(response.body).toEqual({
      user: { id: account.id, email: email.toLowerCase(), role: 'coordinator', displayName: '김채움', firmId: null, seekerId: null },
    });
    const setCookie = (response.headers['set-cookie'] as unknown as string[]).join('\n');
    expect(setCookie).toMatch(/chaeum_session=[^;]+; Max-Age=\d+; Path=\/; Expires=[^;]+; HttpOnly; SameSite=Strict/);
    expect(setCookie).toMatch(/chaeum_csrf=[A-Za-z0-9_-]{40,}; Max-Age=\d+; Path=\/; Expires=[^;]+; SameSite=Strict/);
    expect(setCookie).not.toMatch(/chaeum_csrf=[^\n]*HttpOnly/);
    expect(setCookie).not.toMatch(/Secure/); // only in production
    const [row] = await t.dataSource.query(`SELECT last_sign_in_at FROM users WHERE id = $1`, [account.id]);
    expect(row.last_sign_in_at).toEqual(clock.now());
    expect(JSON.stringify(response.body)).not.toMatch(/argon2|password/i);
  });

  it('answers a wrong password and an unknown email with the same 401 auth.invalid_credentials', async () => {
    const account = await createAccount(t);
    const wrongPassword = await login(account.email, 'not the password').expect(401);
    const unknownEmail = await login(uniqueEmail('nobody'), TEST_PASSWORD).expect(401);
    for (const response of [wrongPassword, unknownEmail]) {
      expect(problemOf(response).code).toBe('auth.invalid_credentials');
      expect(response.headers['set-cookie']).toBeUndefined();
    }
    expect(JSON.parse(wrongPassword.text).detail).toBe(JSON.parse(unknownEmail.text).detail);
  });

  it('refuses a disabled account like a wrong password', async () => {
    const account = await createAccount(t);
    await t.dataSource.query(`UPDATE users SET status = 'disabled' WHERE id = $1`, [account.id]);
    expect(problemOf(await login(account.email, TEST_PASSWORD).expect(401)).code).toBe('auth.invalid_credentials');
  });

  it('locks an account out after 5 failures within 15 minutes, with Retry-After, even for the right password', async () => {
    const start = new Date('2027-03-02T10:00:00+09:00');
    clock.set(start);
    const account = await createAccount(t);
    for (let failure = 0; failure < 5; failure++) {
      clock.set(new Date(start.getTime() + failure * 60_000)); // one a minute: 10:00 ... 10:04
      await login(account.email, 'wrong password!').expect(401);
    }
    clock.set(new Date(start.getTime() + 5 * 60_000)); // 10:05
    const locked = await login(account.email, TEST_PASSWORD).expect(429);
    expect(problemOf(locked).code).toBe('auth.too_many_attempts');
    // The first failure (10:00) leaves the window at 10:15: ten minutes from 10:05.
    expect(locked.headers['retry-after']).toBe('600');

    clock.set(new Date(start.getTime() + 15 * 60_000 - 1000)); // 10:14:59: still locked, 1 s to go
    expect((await login(account.email, TEST_PASSWORD).expect(429)).headers['retry-after']).toBe('1');
    clock.set(new Date(start.getTime() + 15 * 60_000 + 1)); // first failure out of the window
    await login(account.email, TEST_PASSWORD).expect(200);
    // Success clears the count: four more failures do not lock.
    for (let failure = 0; failure < 4; failure++) await login(account.email, 'wrong password!').expect(401);
    await login(account.email, TEST_PASSWORD).expect(200);
  });

  it('locks an unknown email out too (no hint about which emails have accounts), counted in the database', async () => {
    clock.set(new Date('2027-03-02T11:00:00+09:00'));
    const email = uniqueEmail('ghost');
    for (let failure = 0; failure < 5; failure++) await login(email, 'whatever password').expect(401);
    expect(problemOf(await login(email.toUpperCase(), 'whatever password').expect(429)).code).toBe('auth.too_many_attempts');
    const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM sign_in_attempts WHERE email_key = $1`, [
      email.toLowerCase(),
    ]);
    expect(count).toBe(5);
  });

  it('authenticates with the session cookie: reads freely, writes only with X-CSRF-Token', async () => {
    const { cookies } = await signedInCookies();
    const cookie = cookieHeader(cookies);
    await t.anonymous.get(`${API}/complexes`).set('Cookie', cookie).expect(200);

    const body = { name: `쿠키산단 ${Date.now()}`, region: '서울 금천구', centroid: { lat: 37.48, lng: 126.88 } };
    const withoutHeader = await t.anonymous.post(`${API}/complexes`).set('Cookie', cookie).send(body).expect(403);
    expect(problemOf(withoutHeader).code).toBe('auth.csrf_failed');
    const wrongHeader = await t.anonymous
      .post(`${API}/complexes`)
      .set('Cookie', cookie)
      .set('X-CSRF-Token', 'x'.repeat(43))
      .send(body)
      .expect(403);
    expect(problemOf(wrongHeader).code).toBe('auth.csrf_failed');
    await t.anonymous.post(`${API}/complexes`).set('Cookie', cookie).set('X-CSRF-Token', cookies.chaeum_csrf).send(body).expect(201);
  });

  it('needs no CSRF header for bearer tokens, even when a cookie is sent along', async () => {
    const { cookies } = await signedInCookies();
    const body = { name: `베어러산단 ${Date.now()}`, region: '서울 금천구', centroid: { lat: 37.48, lng: 126.88 } };
    await t.anonymous.post(`${API}/complexes`).set('Authorization', coordinatorToken()).send(body).expect(201);
    await t.anonymous
      .post(`${API}/complexes`)
      .set('Authorization', coordinatorToken())
      .set('Cookie', cookieHeader(cookies))
      .send({ ...body, name: `${body.name}-2` })
      .expect(201);
  });

  it('scopes a firm account to its firm through the cookie', async () => {
    const firm = await createFirm(t);
    const other = await createFirm(t);
    const { cookies } = await signedInCookies('firm', firm.id as string);
    await t.anonymous.get(`${API}/firms/${firm.id}`).set('Cookie', cookieHeader(cookies)).expect(200);
    await t.anonymous.get(`${API}/firms/${other.id}`).set('Cookie', cookieHeader(cookies)).expect(404);
  });

  it('answers me with the signed-in account, and 401 without a session or for an API-client token', async () => {
    const { account, cookies } = await signedInCookies();
    const me = await t.anonymous.get(`${API}/auth/me`).set('Cookie', cookieHeader(cookies)).expect(200);
    expect(me.body.user).toMatchObject({ id: account.id, email: account.email, role: 'coordinator' });
    expect(problemOf(await t.anonymous.get(`${API}/auth/me`).expect(401)).code).toBe('auth.missing_token');
    expect(problemOf(await t.api.get(`${API}/auth/me`).expect(401)).code).toBe('auth.no_account');
  });

  it('logs out by clearing both cookies', async () => {
    const response = await t.anonymous.post(`${API}/auth/logout`).expect(204);
    const setCookie = (response.headers['set-cookie'] as unknown as string[]).join('\n');
    expect(setCookie).toMatch(/chaeum_session=; Path=\/; Expires=Thu, 01 Jan 1970/);
    expect(setCookie).toMatch(/chaeum_csrf=; Path=\/; Expires=Thu, 01 Jan 1970/);
  });

  it('refuses a session token that outlives JWT_TTL_SECONDS or has no iat', async () => {
    const { JwtService } = await import('@nestjs/jwt');
    const { jwtSecretOf, loadEnvironment } = await import('../../src/config/environment');
    const environment = loadEnvironment();
    const jwt = new JwtService({ secret: jwtSecretOf(environment) });
    const now = Math.floor(Date.now() / 1000);
    const claims = { sub: 'kim', role: 'coordinator', iss: 'chaeum' };
    const forever = jwt.sign({ ...claims, iat: now, exp: 1e308 });
    const tooLong = jwt.sign({ ...claims, iat: now, exp: now + environment.JWT_TTL_SECONDS + 1 });
    const noIat = jwt.sign({ ...claims, exp: now + 60 }, { noTimestamp: true });
    for (const token of [forever, tooLong, noIat]) {
      const response = await t.anonymous.get(`${API}/complexes`).set('Authorization', `Bearer ${token}`).expect(401);
      expect(problemOf(response).code).toBe('auth.invalid_token');
      await t.anonymous.get(`${API}/complexes`).set('Cookie', `chaeum_session=${token}`).expect(401);
    }
    const longest = jwt.sign({ ...claims, iat: now, exp: now + environment.JWT_TTL_SECONDS });
    await t.anonymous.get(`${API}/complexes`).set('Authorization', `Bearer ${longest}`).expect(200);
  });

  it('refuses passwords shorter than 10 characters at set-up with 400 on password', async () => {
    const response = await t.anonymous.post(`${API}/auth/setup`).send({ email: uniqueEmail(), password: 'short', displayName: '김' });
    expect(response.status).toBe(400);
    expect(problemOf(response).errors?.map((error) => error.field)).toEqual(['password']);
  });

  it('answers 400 naming the field for control characters PostgreSQL could not store', async () => {
    const login = await t.anonymous.post(`${API}/auth/login`).send({ email: 'a\u0000b@example.kr', password: TEST_PASSWORD }).expect(400);
    expect(problemOf(login).errors?.map((error) => error.field)).toEqual(['email']);
    const setup = await t.anonymous.post(`${API}/auth/setup`).send({ email: uniqueEmail(), password: TEST_PASSWORD, displayName: '김\u0000' });
    expect(setup.status).toBe(400);
    expect(problemOf(setup).errors?.map((error) => error.field)).toEqual(['displayName']);
  });
});
