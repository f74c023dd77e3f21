import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { API, createFirm, problemOf } from './factories';
import { uniqueEmail } from './factories/accounts';
import { TestApp, createTestApp } from './support/test-app';

const run = promisify(execFile);
const ROOT = join(__dirname, '..', '..');

/** Runs `npm run <script> -- …` as a shell user would, against the test database, while the app runs. */
async function script(name: 'user-create' | 'token', args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      [require.resolve('ts-node/dist/bin'), '--transpile-only', join(ROOT, 'scripts', `${name}.ts`), ...args],
      { cwd: ROOT, env: process.env },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('account scripts: npm run user:create and npm run token', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const login = (email: string, password: string) => t.anonymous.post(`${API}/auth/login`).send({ email, password });

  it('creates a coordinator with a generated password it prints once, refuses the same email twice', async () => {
    const email = uniqueEmail('shell');
    const created = await script('user-create', ['--role', 'coordinator', '--email', email]);
    expect(created.code).toBe(0);
    const password = /Password \(shown once\): (\S+)/.exec(created.stdout)?.[1] as string;
    expect(password.length).toBeGreaterThanOrEqual(20);
    expect((await login(email, password).expect(200)).body.user).toMatchObject({ role: 'coordinator', email: email.toLowerCase() });

    const again = await script('user-create', ['--role', 'coordinator', '--email', email.toUpperCase(), '--password', 'x'.repeat(12)]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists');
    expect(again.stderr).not.toMatch(/INSERT|argon2/);
  });

  it('creates a firm account with the password given, only for a firm that exists', async () => {
    const firm = await createFirm(t);
    const email = uniqueEmail('shell-firm');
    const created = await script('user-create', ['--role', 'firm', '--firm', firm.id as string, '--email', email, '--password', 'given password 1']);
    expect(created.code).toBe(0);
    expect(created.stdout).not.toContain('given password 1');
    expect((await login(email, 'given password 1').expect(200)).body.user.firmId).toBe(firm.id);

    const unknown = await script('user-create', ['--role', 'firm', '--firm', '00000000-0000-4000-8000-000000000000', '--email', uniqueEmail()]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('does not exist');
    expect((await script('user-create', ['--role', 'coordinator', '--email', uniqueEmail(), '--password', 'short'])).code).toBe(1);
  });

  it('prints firm tokens only for firms that exist, and never longer-lived than JWT_TTL_SECONDS', async () => {
    const firm = await createFirm(t);
    const issued = await script('token', ['--role', 'firm', '--firm', firm.id as string]);
    expect(issued.code).toBe(0);
    await t.anonymous.get(`${API}/firms/${firm.id}`).set('Authorization', `Bearer ${issued.stdout.trim()}`).expect(200);

    const unknown = await script('token', ['--role', 'seeker', '--seeker', '00000000-0000-4000-8000-000000000000']);
    expect(unknown.code).toBe(1);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toContain('does not exist');
    const tooLong = await script('token', ['--role', 'coordinator', '--ttl', '99999999']);
    expect(tooLong.code).toBe(1);
    expect(tooLong.stderr).toContain('at most JWT_TTL_SECONDS');
    expect(problemOf(await t.anonymous.get(`${API}/auth/me`).set('Authorization', `Bearer ${issued.stdout.trim()}`).expect(401)).code).toBe(
      'auth.no_account',
    );
  });
});
