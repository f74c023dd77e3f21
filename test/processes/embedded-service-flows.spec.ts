import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addDays } from '../../src/common/calendar-date';
import { completeBusinessNumber } from '../../src/firms/business-number';
import { seoulDate } from '../../src/clock/seoul-date';
import { freePort } from '../e2e/support/free-port';

/**
 * The embedded default (`npm start` without DATABASE_URL: PGlite in a thread of the service,
 * one session for every connection) through the write paths a Talent Bank uses on day one. A
 * query on a second connection inside an open transaction waits for that transaction forever
 * there (the pool answers 503 after its timeout), which PostgreSQL itself never shows.
 */
const ROOT = join(__dirname, '..', '..');
const STARTUP_MS = 180_000;
const REQUEST_MS = 30_000;


type Json = Record<string, any>;

describe('the embedded default database under the day-one flows', () => {
  let child: ChildProcess;
  let dataDir: string;
  let base: string;
  const output: string[] = [];
  let cookies = '';
  let csrf = '';

  async function call(method: string, path: string, body?: unknown): Promise<{ status: number; body: Json }> {
    const response = await fetch(`${base}/api/v1${path}`, {
      method,
      headers: { cookie: cookies, 'x-csrf-token': csrf, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
      // A request stuck behind an open transaction fails here, naming its route, not at the test's timeout.
      signal: AbortSignal.timeout(REQUEST_MS),
    });
    const setCookies = response.headers.getSetCookie();
    if (setCookies.length > 0) {
      cookies = setCookies.map((cookie) => cookie.split(';')[0]).join('; ');
      csrf = /chaeum_csrf=([^;]+)/.exec(cookies)?.[1] ?? csrf;
    }
    const json = (response.headers.get('content-type') ?? '').includes('json');
    const text = await response.text();
    return { status: response.status, body: json && text ? (JSON.parse(text) as Json) : { bytes: text.length } };
  }

  async function expectStatus(method: string, path: string, status: number, body?: unknown): Promise<Json> {
    const answer = await call(method, path, body);
    expect([method, path, answer.status, answer.status === status ? '' : JSON.stringify(answer.body)]).toEqual([method, path, status, '']);
    return answer.body;
  }

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'chaeum-embedded-flows-'));
    const [port, databasePort] = [await freePort(), await freePort()];
    base = `http://127.0.0.1:${port}`;
    child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/main.ts'], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        PORT: String(port),
        EMBEDDED_DB_DIR: join(dataDir, 'pglite'),
        EMBEDDED_DB_PORT: String(databasePort),
        LOG_LEVEL: 'warn',
        THROTTLE_LIMIT: '1000000',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    const deadline = Date.now() + STARTUP_MS;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the service exited (${child.exitCode}):\n${output.join('')}`);
      const healthy = await fetch(`${base}/api/v1/health`).then((response) => response.ok).catch(() => false);
      if (healthy) break;
      if (Date.now() > deadline) throw new Error(`not healthy after ${STARTUP_MS} ms:\n${output.join('')}`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }, STARTUP_MS + 10_000);

  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
    }
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }, 30_000);

  it('registers, posts a gap, matches, refers, hires and reports without a 503', async () => {
    const today = seoulDate(new Date());
    await expectStatus('POST', '/auth/setup', 201, { displayName: '김코디', email: 'coordinator@embedded.test', password: 'coordinator-pass-1' });
    const complex = await expectStatus('POST', '/complexes', 201, { name: '임베디드 시험 단지', region: '경북 구미시', centroid: { lat: 36.105, lng: 128.39 } });
    const firm = await expectStatus('POST', '/firms', 201, {
      name: '(주)임베디드정밀',
      businessNumber: completeBusinessNumber('617861235'),
      employeeCount: 40,
      prioritySupport: true,
      complexId: complex.id,
      address: '경북 구미시 공단1동',
      site: { lat: 36.106, lng: 128.391 },
    });
    const gap = await expectStatus('POST', `/firms/${firm.id}/leave-gaps`, 201, {
      leaveType: 'maternity',
      leaveStart: addDays(today, 91),
      leaveEnd: addDays(today, 180),
      handoverDays: 14,
      roleTitle: 'CNC 가공원',
      requiredSkills: [{ code: 'cnc-milling', level: 2 }],
      weeklyHours: 40,
      hourlyWage: 12_500,
    });
    const seeker = await expectStatus('POST', '/seekers', 201, {
      displayName: '한방문',
      phone: '010-2468-1357',
      home: { lat: 36.11, lng: 128.4 },
      commuteMode: 'car',
      maxCommuteMinutes: 40,
      skills: [{ code: 'cnc-milling', level: 3 }],
      certifications: [],
      weeklyHours: { min: 30, max: 40 },
      blockedFirmIds: [],
      availability: [{ start: addDays(today, 30), end: addDays(today, 400) }],
      consent: true,
    });

    // Live candidates from the seeker pool, built and refreshed over the embedded database's one connection.
    const live = await expectStatus('GET', `/leave-gaps/${gap.id}/candidates`, 200);
    expect(live.candidates.map((candidate: Json) => candidate.seeker.id)).toEqual([seeker.id]);

    const run = await expectStatus('POST', '/match-runs', 202, { leaveGapIds: [gap.id] });
    let finished: Json = run;
    for (let poll = 0; finished.status !== 'succeeded' && finished.status !== 'failed'; poll += 1) {
      if (poll > 600) throw new Error(`run still ${finished.status}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
      finished = await expectStatus('GET', `/match-runs/${run.id}`, 200);
    }
    expect(finished.status).toBe('succeeded');
    const results = await expectStatus('GET', `/match-runs/${run.id}/proposals`, 200);
    const [proposal] = results.proposals as Json[];
    expect(proposal).toMatchObject({ leaveGap: { id: gap.id }, seeker: { id: seeker.id } });

    const referral = await expectStatus('POST', `/proposals/${proposal.id}/referral`, 201, {});
    await expectStatus('POST', `/referrals/${referral.id}/seeker-answer`, 200, { answer: 'accept' });
    const hired = await expectStatus('POST', `/referrals/${referral.id}/firm-answer`, 200, { answer: 'hire', startDate: gap.vacancy.placementStart });
    expect(hired.status).toBe('hired');
    await expectStatus('GET', `/placements?pageSize=20`, 200);
    await expectStatus('GET', `/reports/outcomes?from=${today.slice(0, 7)}&to=${today.slice(0, 7)}`, 200);
    await expectStatus('GET', '/me/notifications', 200);
    await expectStatus('GET', '/seekers/export?format=xlsx', 200);
  }, 240_000);
});
