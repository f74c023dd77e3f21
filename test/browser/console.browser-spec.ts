import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { DESKTOP, PHONE, checkPage, launchChromium, newContext } from './support/browser';
import { startService, type RunningService } from './support/service';

/**
 * The console as its three kinds of users meet it, on the real service (built as `npm start`
 * builds it) with an empty database, in Debian's Chromium. The journeys run in this order and
 * build on each other: the coordinator's first run creates the data the others use.
 */
const COORDINATOR = { displayName: '김코디', email: 'coordinator@chaeum.test', password: 'coordinator-pass-1' };
const FIRM_CLERK = { email: 'hr@firm.chaeum.test', password: 'firm-clerk-pass-1', displayName: '이인사' };
const LOCKED = { email: 'locked@firm.chaeum.test', password: 'locked-right-pass-1', displayName: '박잠김' };
const SEEKER = { email: 'seeker@chaeum.test', password: 'seeker-pass-12', displayName: '최유진', phone: '010-3456-7890' };

const JOURNEY_TIMEOUT = 600_000;
const HANGUL = /[가-힣]/;

let service: RunningService;
/** The coordinator's signed-in page, kept from the first journey (they invite the firm clerk). */
let coordinatorPage: Page;
let browser: Browser;
const contexts: BrowserContext[] = [];

async function pageFor(viewport = DESKTOP): Promise<Page> {
  const context = await newContext(browser, service.baseURL, viewport);
  contexts.push(context);
  return context.newPage();
}

async function signIn(page: Page, account: { email: string; password: string }): Promise<void> {
  await page.goto('/login');
  await page.getByRole('heading', { name: '로그인' }).waitFor();
  await page.getByLabel('이메일').fill(account.email);
  await page.getByLabel('비밀번호').fill(account.password);
  await page.getByRole('button', { name: '로그인' }).click();
}

/** Waits until an input shows a value (the geocoder answered). */
async function expectFilled(input: Locator): Promise<void> {
  const element = await input.elementHandle();
  await input.page().waitForFunction((field: { value: string }) => field.value.trim() !== '', element);
}

/** What the API answers the signed-in page (its cookies) for a GET. */
async function apiStatus(page: Page, path: string): Promise<number> {
  return page.evaluate(async (url) => (await fetch(url, { credentials: 'same-origin' })).status, path);
}

beforeAll(async () => {
  [service, browser] = await Promise.all([startService(), launchChromium()]);
}, 300_000);

afterAll(async () => {
  await Promise.all(contexts.map((context) => context.close().catch(() => undefined)));
  await browser?.close();
  await service?.stop();
}, 60_000);

describe('the console', () => {
  it('is Korean first and served at / with the API beside it', async () => {
    const page = await pageFor();
    await page.goto('/');
    expect(await page.getAttribute('html', 'lang')).toBe('ko');
    expect(await apiStatus(page, '/api/v1/health')).toBe(200);
    expect(await apiStatus(page, '/api/v1/no-such-route')).toBe(404);
  });

  it('coordinator: first run, demo data, a match for both pilot complexes, breakdown, why nobody, confirm and reject', async () => {
    const page = await pageFor();
    coordinatorPage = page;
    await page.goto('/');
    await page.waitForURL('**/setup');
    await checkPage(page, 'coordinator', '01-first-run-setup');
    await page.getByLabel('이름').fill(COORDINATOR.displayName);
    await page.getByLabel('이메일').fill(COORDINATOR.email);
    await page.getByLabel('비밀번호').fill(COORDINATOR.password);
    await page.getByRole('button', { name: '계정 만들기' }).click();

    await page.getByRole('heading', { name: '대시보드' }).waitFor();
    await page.getByRole('button', { name: '데모 데이터 불러오기' }).click();
    await page.getByText('데모 데이터를 불러왔습니다.').waitFor({ timeout: 300_000 });
    await page.getByTestId('gaps-by-month').waitFor();
    await checkPage(page, 'coordinator', '02-dashboard-with-demo');

    await page.getByRole('link', { name: '대체인력 공백' }).click();
    await page.getByRole('heading', { name: '대체인력 공백' }).waitFor();
    await page.locator('tbody tr').first().waitFor();
    await checkPage(page, 'coordinator', '03-gaps');

    await page.getByRole('link', { name: '구직자' }).click();
    await page.locator('tbody tr').first().waitFor();
    await checkPage(page, 'coordinator', '04-seekers');

    await page.getByRole('link', { name: '매칭 실행' }).click();
    await page.getByRole('checkbox', { name: /구미국가산업단지/ }).check();
    await page.getByRole('checkbox', { name: /서울디지털/ }).check();
    await checkPage(page, 'coordinator', '05-match-scope');
    await page.getByRole('button', { name: '매칭 시작' }).click();
    await page.waitForURL('**/runs/**');
    await page.getByTestId('run-status').filter({ hasText: '완료' }).waitFor({ timeout: 480_000 });

    const proposals = page.getByTestId('proposal');
    await proposals.first().waitFor();
    expect(await proposals.count()).toBeGreaterThan(1);
    const first = proposals.nth(0);
    await first.getByText('점수 구성').click();
    await first.getByText('기술 수준').waitFor();
    await first.getByText('통근 거리').waitFor();
    // Before confirming, what the placement earns the firm.
    await first.getByText('업체가 받을 지원금').click();
    await first.getByTestId('subsidy-replacement_worker').waitFor();

    const unfilled = page.getByTestId('unfilled');
    expect(await unfilled.count()).toBeGreaterThan(0);
    const why = await unfilled.first().getByTestId('why-nobody').innerText();
    expect(why).toMatch(HANGUL);
    expect(why).not.toMatch(/Nobody|seekers fail/);
    await checkPage(page, 'coordinator', '06-run-results');

    await first.getByRole('button', { name: '확정' }).click();
    await first.getByText('확정했습니다.').waitFor();
    const second = proposals.filter({ has: page.getByRole('button', { name: '거절' }) }).first();
    await second.getByRole('button', { name: '거절' }).click();
    await second.getByLabel('거절 사유').fill('회사에서 지게차 자격을 요구합니다');
    await second.getByRole('button', { name: '거절' }).click();
    await page.getByText('거절했습니다.').waitFor();
    await checkPage(page, 'coordinator', '07-confirmed-and-rejected');

    // A national run proposes thousands: the coordinator narrows the list by status.
    await page.getByRole('textbox', { name: '상태' }).click();
    await page.getByRole('option', { name: '확정', exact: true }).click();
    await page.getByRole('heading', { name: '제안 (1)' }).waitFor();
    expect(await proposals.count()).toBe(1);
    expect(await proposals.first().getByText('확정', { exact: true }).count()).toBeGreaterThan(0);
    expect(await unfilled.count()).toBe(0);
    await checkPage(page, 'coordinator', '07b-proposals-by-status');

    await page.getByRole('link', { name: '배치' }).click();
    await page.locator('tbody tr').first().waitFor();
    await checkPage(page, 'coordinator', '08-placements');
  }, JOURNEY_TIMEOUT);

  it('coordinator: registers a firm by its business number and a walk-in job seeker whose consent was given on paper', async () => {
    const page = coordinatorPage;
    await page.getByRole('link', { name: '기업', exact: true }).click();
    await page.getByRole('heading', { name: '참여 기업' }).waitFor();
    const form = page.getByRole('form', { name: '기업 등록' });
    await form.getByLabel('회사 이름').fill('(주)채움정밀');
    // A wrong check digit is refused in Korean, naming the field; nothing is registered.
    await form.getByLabel('사업자등록번호').fill('617-86-12347');
    await form.getByLabel('근로자 수').fill('23');
    await form.getByRole('textbox', { name: '산업단지' }).click();
    await page.getByRole('option', { name: /구미국가산업단지/ }).click();
    await form.getByLabel('사업장 주소').fill('경북 구미시 공단1동');
    await form.getByRole('button', { name: '기업 등록' }).click();
    const businessNumberError = form.locator('[id$="-error"]').first();
    await businessNumberError.waitFor();
    expect(await businessNumberError.innerText()).toMatch(HANGUL);
    expect(await page.locator('tbody tr', { hasText: '(주)채움정밀' }).count()).toBe(0);
    await form.getByLabel('사업자등록번호').fill('617-86-12346');
    await form.getByRole('button', { name: '기업 등록' }).click();
    await page.locator('tbody tr', { hasText: '(주)채움정밀' }).waitFor();
    expect(await page.locator('tbody tr', { hasText: '(주)채움정밀' }).innerText()).toContain('617-86-12346');
    await checkPage(page, 'coordinator', '08b-firm-registered');

    await page.getByRole('link', { name: '구직자', exact: true }).click();
    await page.getByRole('link', { name: '구직자 등록' }).click();
    await page.getByRole('heading', { name: '구직자 등록' }).waitFor();
    await page.getByLabel('이름').fill('한방문');
    await page.getByLabel('전화번호').fill('010-2468-1357');
    await page.getByLabel('집 주소').fill('구미시 공단1동');
    await page.getByRole('button', { name: '주소 검색' }).click();
    await expectFilled(page.getByLabel('위도'));
    const register = page.getByRole('button', { name: '구직자 등록' });
    expect(await register.isDisabled()).toBe(true);
    await page.getByLabel(/개인정보 수집·이용에 동의했음을 확인/).check();
    await register.click();
    await page.getByRole('status').filter({ hasText: '한방문' }).waitFor();
    await checkPage(page, 'coordinator', '08c-seeker-registered');

    await page.getByRole('link', { name: '구직자', exact: true }).click();
    await page.getByLabel('검색').fill('ㅎㅂㅁ');
    await page.locator('tbody tr', { hasText: '010-2468-1357' }).waitFor();
  }, JOURNEY_TIMEOUT);

  it('firm staff: a too-long maternity leave is refused in Korean, then a valid one is posted', async () => {
    // The coordinator invites the clerk for one demo firm; the clerk opens the link and sets a password.
    await coordinatorPage.getByRole('link', { name: '초대' }).click();
    await coordinatorPage.getByRole('textbox', { name: '이메일' }).fill(FIRM_CLERK.email);
    await coordinatorPage.getByRole('textbox', { name: '회사' }).click();
    await coordinatorPage.getByRole('option').first().click();
    await coordinatorPage.getByRole('button', { name: '초대 링크 만들기' }).click();
    const link = await coordinatorPage.getByTestId('invitation-link').innerText();
    await checkPage(coordinatorPage, 'coordinator', '09-invitation');
    expect(link).toMatch(/\/invite\/\S+$/);

    const page = await pageFor();
    await page.goto(link.trim());
    await page.getByText(FIRM_CLERK.email).waitFor();
    await page.getByRole('textbox', { name: '이름' }).fill(FIRM_CLERK.displayName);
    await page.getByLabel('비밀번호').fill(FIRM_CLERK.password);
    await checkPage(page, 'firm', '00-accept-invitation');
    await page.getByRole('button', { name: '비밀번호 정하고 시작하기' }).click();
    await page.waitForURL('**/firm/gaps');
    await page.getByRole('link', { name: '공백 등록' }).first().click();
    await page.getByLabel('휴가 시작일').fill('2027. 3. 2.');
    await page.getByLabel('휴가 종료일').fill('2027-07-30');
    await page.getByLabel('직무').fill('CNC 가공원');
    // Checked as they type, before anything is sent.
    await page.getByText(/출산전후휴가는 90일/).first().waitFor();
    await page.getByRole('button', { name: '공백 등록' }).click();
    const refusal = await page.getByTestId('problem').innerText();
    expect(refusal).toMatch(HANGUL);
    await checkPage(page, 'firm', '01-maternity-too-long');

    await page.getByLabel('휴가 종료일').fill('2027. 5. 30.');
    await page.getByTestId('derived').getByText('2027. 2. 16. ~ 2027. 5. 30.').waitFor();
    // What the placement would earn the firm, estimated by the API's own subsidy module before saving.
    await page.getByTestId('subsidy-replacement_worker').getByText('대체인력 지원금').waitFor();
    await page.getByTestId('subsidy-workload_sharing').getByText('업무분담 지원금').waitFor();
    await checkPage(page, 'firm', '02-valid-gap-preview');
    await page.getByRole('button', { name: '공백 등록' }).click();
    await page.waitForURL('**/firm/gaps');
    await page.getByText('공백을 등록했습니다.').waitFor();
    await page.getByTestId('firm-gaps').getByText('CNC 가공원').first().waitFor();
    await checkPage(page, 'firm', '03-our-gaps');

    await page.getByRole('link', { name: '배치' }).click();
    await page.getByRole('heading', { name: '배치' }).waitFor();
    await checkPage(page, 'firm', '04-placements');
  }, JOURNEY_TIMEOUT);

  it('job seeker on a 360 px phone: signs up, then edits availability', async () => {
    const page = await pageFor(PHONE);
    await page.goto('/login');
    await page.getByRole('link', { name: '구직자 회원가입' }).click();
    await page.getByRole('heading', { name: '구직자 회원가입' }).waitFor();
    await page.getByLabel('이메일').fill(SEEKER.email);
    await page.getByLabel('비밀번호').fill(SEEKER.password);
    await page.getByRole('textbox', { name: '이름', exact: true }).fill(SEEKER.displayName);
    await page.getByLabel('전화번호').fill(SEEKER.phone);
    await page.getByLabel('위도').fill('36.1195');
    await page.getByLabel('경도').fill('128.3446');
    await page.getByRole('checkbox', { name: /개인정보 수집/ }).check();
    await checkPage(page, 'seeker', '01-sign-up');
    await page.getByRole('button', { name: '구직자 회원가입' }).click();
    await page.waitForURL('**/me');
    await page.getByRole('heading', { name: '내 정보' }).waitFor();
    await page.getByLabel('전화번호').waitFor();
    await checkPage(page, 'seeker', '02-profile');

    await page.getByRole('button', { name: '메뉴' }).click();
    await page.getByRole('link', { name: '가능 기간' }).click();
    await page.getByRole('heading', { name: '일할 수 있는 기간' }).waitFor();
    const day = (n: number) => page.locator('.mantine-DatePicker-day:not([data-outside])', { hasText: new RegExp(`^${n}$`) }).first();
    await day(10).click();
    await day(20).click();
    await page.getByRole('button', { name: '기간 추가' }).click();
    const windows = page.getByTestId('windows');
    await windows.getByText(/10\. ~ .*20\./).waitFor();
    await checkPage(page, 'seeker', '03-availability-added');
    await windows.getByRole('button', { name: /삭제/ }).first().click();
    await windows.getByText('없음').waitFor();

    await page.getByRole('button', { name: '메뉴' }).click();
    await page.getByRole('link', { name: '탈퇴' }).click();
    await page.getByText(/지난 배치 기록은 이름 없이/).waitFor();
    await checkPage(page, 'seeker', '04-withdraw-explained');
  }, JOURNEY_TIMEOUT);

  it('sign-in: a wrong password is refused in Korean, and the sixth failure locks the account', async () => {
    const [firm] = await service.query<{ id: string }>(`SELECT id FROM firms ORDER BY name DESC LIMIT 1`);
    await service.createAccount({ ...LOCKED, role: 'firm', firmId: firm.id });
    const page = await pageFor();
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      await signIn(page, { email: LOCKED.email, password: `wrong-password-${attempt}` });
      await page.getByTestId('problem').filter({ hasText: '이메일 또는 비밀번호가 올바르지 않습니다' }).waitFor();
    }
    await checkPage(page, 'sign-in', '01-wrong-password');
    await signIn(page, LOCKED);
    await page.getByTestId('problem').filter({ hasText: /너무 많습니다/ }).waitFor();
    await page.getByText(/초 후에 다시 시도할 수 있습니다/).waitFor();
    expect(page.url()).toMatch(/\/login$/);
    await checkPage(page, 'sign-in', '02-locked-out');
  }, JOURNEY_TIMEOUT);

  it("one role never sees another's pages or data", async () => {
    const firmPage = await pageFor();
    await signIn(firmPage, FIRM_CLERK);
    await firmPage.waitForURL('**/firm/gaps');
    for (const path of ['/', '/gaps', '/seekers', '/runs', '/match', '/me']) {
      await firmPage.goto(path);
      await firmPage.waitForURL('**/firm/gaps');
    }
    expect(await apiStatus(firmPage, '/api/v1/seekers')).toBe(403);
    expect(await apiStatus(firmPage, '/api/v1/match-runs')).toBe(403);
    const [otherFirm] = await service.query<{ id: string }>(
      `SELECT f.id FROM firms f WHERE f.id <> (SELECT firm_id FROM users WHERE email = $1) LIMIT 1`,
      [FIRM_CLERK.email],
    );
    expect(await apiStatus(firmPage, `/api/v1/firms/${otherFirm.id}/leave-gaps`)).toBe(404);
    const visibleFirmIds = await firmPage.evaluate(async () => {
      const page = (await (await fetch("/api/v1/leave-gaps?pageSize=100")).json()) as { items: { firmId: string }[] };
      return [...new Set(page.items.map((gap) => gap.firmId))];
    });
    expect(visibleFirmIds).toHaveLength(1);

    const seekerPage = await pageFor(PHONE);
    await signIn(seekerPage, SEEKER);
    await seekerPage.waitForURL('**/me');
    for (const path of ['/', '/gaps', '/firm/gaps', '/placements']) {
      await seekerPage.goto(path);
      await seekerPage.waitForURL('**/me');
    }
    expect(await apiStatus(seekerPage, '/api/v1/leave-gaps')).toBe(403);
    expect(await apiStatus(seekerPage, '/api/v1/seekers')).toBe(403);
    await checkPage(seekerPage, 'roles', '01-seeker-sent-home');
  }, JOURNEY_TIMEOUT);
});
