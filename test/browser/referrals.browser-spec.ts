import type { Browser, BrowserContext, Page } from 'playwright-core';
import { addDays } from '../../src/common/calendar-date';
import { completeBusinessNumber } from '../../src/firms/business-number';
import { DESKTOP, PHONE, checkPage, launchChromium, newContext } from './support/browser';
import { startService, type RunningService } from './support/service';

/**
 * A referral (알선) in the console: the coordinator refers a proposal from a run, the seeker
 * accepts on a phone (360 px), the firm asks for an interview, and the coordinator's referral
 * page shows the timeline. Data the console has no form for yet comes through the API.
 */
const COORDINATOR = { displayName: '김코디', email: 'coordinator@referrals.chaeum.test', password: 'coordinator-pass-1' };
const SEEKER = { email: 'seeker@referrals.chaeum.test', password: 'seeker-pass-12', displayName: '최유진' };
const FIRM_CLERK = { email: 'hr@referrals.chaeum.test', password: 'firm-clerk-pass-1', displayName: '이인사' };

let service: RunningService;
let browser: Browser;
const contexts: BrowserContext[] = [];

async function pageFor(viewport = DESKTOP): Promise<Page> {
  const context = await newContext(browser, service.baseURL, viewport);
  contexts.push(context);
  return context.newPage();
}

async function signIn(page: Page, account: { email: string; password: string }): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('이메일').fill(account.email);
  await page.getByLabel('비밀번호').fill(account.password);
  await page.getByRole('button', { name: '로그인' }).click();
}

/** A JSON call through the signed-in page (its cookies and CSRF token). */
async function apiCall(page: Page, method: string, path: string, body?: unknown): Promise<any> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const { cookie } = (globalThis as unknown as { document: { cookie: string } }).document;
      const csrf = cookie.split('; ').find((part) => part.startsWith('chaeum_csrf='))?.slice('chaeum_csrf='.length);
      const response = await fetch(path, {
        method,
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', ...(csrf ? { 'X-CSRF-Token': decodeURIComponent(csrf) } : {}) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
      return text ? JSON.parse(text) : undefined;
    },
    { method, path, body },
  );
}

beforeAll(async () => {
  [service, browser] = await Promise.all([startService(), launchChromium()]);
}, 300_000);

afterAll(async () => {
  await Promise.all(contexts.map((context) => context.close().catch(() => undefined)));
  await browser?.close();
  await service?.stop();
}, 60_000);

describe('referrals in the console', () => {
  it('coordinator refers, the seeker accepts on a phone, the firm asks for an interview, the timeline shows each step', async () => {
    const coordinator = await pageFor();
    await coordinator.goto('/');
    await coordinator.waitForURL('**/setup');
    await coordinator.getByLabel('이름').fill(COORDINATOR.displayName);
    await coordinator.getByLabel('이메일').fill(COORDINATOR.email);
    await coordinator.getByLabel('비밀번호').fill(COORDINATOR.password);
    await coordinator.getByRole('button', { name: '계정 만들기' }).click();
    await coordinator.getByRole('heading', { name: '대시보드' }).waitFor();

    const [{ today }] = await service.query<{ today: string }>(`SELECT to_char((now() AT TIME ZONE 'Asia/Seoul')::date, 'YYYY-MM-DD') AS today`);
    const skill = 'cnc-milling';
    const complex = await apiCall(coordinator, 'POST', '/api/v1/complexes', { name: '알선시험단지', region: '서울', centroid: { lat: 37.48, lng: 126.88 } });
    const firm = await apiCall(coordinator, 'POST', '/api/v1/firms', {
      name: '(주)알선정밀', businessNumber: completeBusinessNumber('314159265'), employeeCount: 40, prioritySupport: true, complexId: complex.id,
      address: '서울 금천구 가산디지털1로 168', site: { lat: 37.4772, lng: 126.8826 },
    });
    const gap = await apiCall(coordinator, 'POST', `/api/v1/firms/${firm.id}/leave-gaps`, {
      leaveType: 'maternity', leaveStart: addDays(today, 91), leaveEnd: addDays(today, 180), handoverDays: 14, roleTitle: 'CNC 가공원',
      requiredSkills: [{ code: skill, level: 2 }], preferredSkills: [], requiredCertifications: [], weeklyHours: 40, hourlyWage: 12_500,
    });
    const seeker = await apiCall(coordinator, 'POST', '/api/v1/seekers', {
      displayName: SEEKER.displayName, phone: '010-3456-7890', home: { lat: 37.4602, lng: 126.8955 }, commuteMode: 'transit', maxCommuteMinutes: 60,
      skills: [{ code: skill, level: 3 }], certifications: [], weeklyHours: { min: 20, max: 40 }, availability: [{ start: addDays(today, 31), end: addDays(today, 395) }], consent: true,
    });
    await service.createAccount({ ...SEEKER, role: 'seeker', seekerId: seeker.id });
    await service.createAccount({ ...FIRM_CLERK, role: 'firm', firmId: firm.id });
    const run = await apiCall(coordinator, 'POST', '/api/v1/match-runs', { leaveGapIds: [gap.id] });
    for (let polled = 0; ; polled += 1) {
      const state = await apiCall(coordinator, 'GET', `/api/v1/match-runs/${run.id}`);
      if (state.status === 'succeeded') break;
      if (state.status === 'failed' || polled > 600) throw new Error(`run ${state.status}`);
      await coordinator.waitForTimeout(100);
    }

    await coordinator.goto(`/runs/${run.id}`);
    await coordinator.getByTestId('refer').first().click();
    await coordinator.getByText('알선했습니다').waitFor();
    await checkPage(coordinator, 'referrals', '01-run-referred');

    const seekerPage = await pageFor(PHONE);
    await signIn(seekerPage, SEEKER);
    await seekerPage.waitForURL((url) => !url.pathname.endsWith('/login'));
    await seekerPage.goto('/me/offers');
    await seekerPage.getByRole('heading', { name: '받은 제안' }).waitFor();
    await seekerPage.getByText('CNC 가공원').waitFor();
    await checkPage(seekerPage, 'referrals', '02-seeker-offer-360');
    await seekerPage.getByRole('button', { name: '수락' }).click();
    await seekerPage.getByText('구직자 수락').first().waitFor();
    expect(await seekerPage.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    const firmPage = await pageFor();
    await signIn(firmPage, FIRM_CLERK);
    await firmPage.waitForURL((url) => !url.pathname.endsWith('/login'));
    await firmPage.goto('/firm/referrals');
    await firmPage.getByText(SEEKER.displayName).waitFor();
    await checkPage(firmPage, 'referrals', '03-firm-referral');
    expect(await firmPage.content()).not.toContain('010-3456-7890');
    await firmPage.getByRole('button', { name: '면접' }).click();
    await firmPage.getByTestId('referral-step').nth(2).waitFor();

    await coordinator.goto('/referrals');
    await coordinator.getByTestId('referral-row').first().getByRole('link').click();
    await coordinator.getByTestId('referral-step').nth(2).waitFor();
    const steps = await coordinator.getByTestId('referral-step').allTextContents();
    expect(steps.map((step) => step.split(' · ')[1])).toEqual(['제안됨', '구직자 수락', '면접']);
    await checkPage(coordinator, 'referrals', '04-coordinator-timeline');
    const phone = await pageFor(PHONE);
    await signIn(phone, COORDINATOR);
    await phone.waitForURL((url) => !url.pathname.endsWith('/login'));
    await phone.goto(coordinator.url().replace(service.baseURL, ''));
    await phone.getByTestId('referral-step').nth(2).waitFor();
    await checkPage(phone, 'referrals', '05-coordinator-timeline-360');

    // The seeker is now free only from ten days into the gap: a hire from its first day is
    // refused, the page names the rule and says the referral stays open; from that day it works.
    const placementStart = addDays(today, 91 - 14);
    const laterStart = addDays(placementStart, 10);
    const [window] = await apiCall(coordinator, 'GET', `/api/v1/seekers/${seeker.id}/availability`);
    await apiCall(coordinator, 'POST', `/api/v1/seekers/${seeker.id}/availability`, { start: laterStart, end: addDays(today, 395) });
    await apiCall(coordinator, 'DELETE', `/api/v1/seekers/${seeker.id}/availability/${window.id}`);
    await coordinator.getByLabel('근무 시작일').fill(placementStart);
    await coordinator.getByRole('button', { name: '채용' }).click();
    const hint = coordinator.getByTestId('hire-refused');
    await hint.waitFor();
    expect(await hint.textContent()).toContain('seeker.unavailable');
    expect(await hint.textContent()).toContain('알선은 그대로 열려 있습니다');
    await coordinator.getByTestId('problem').waitFor();
    await checkPage(coordinator, 'referrals', '06-coordinator-hire-refused');
    await phone.reload();
    await phone.getByLabel('근무 시작일').fill(placementStart);
    await phone.getByRole('button', { name: '채용' }).click();
    await phone.getByTestId('hire-refused').waitFor();
    await checkPage(phone, 'referrals', '07-coordinator-hire-refused-360');

    await coordinator.getByLabel('근무 시작일').fill(laterStart);
    await coordinator.getByRole('button', { name: '채용' }).click();
    await coordinator.getByTestId('referral-step').nth(3).waitFor();
    expect(await coordinator.getByTestId('hire-refused').count()).toBe(0);
    expect((await coordinator.getByTestId('referral-step').nth(3).textContent())?.split(' · ')[1]).toBe('채용');
  }, 600_000);
});
