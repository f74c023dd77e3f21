import type { Browser, BrowserContext, Page } from 'playwright-core';
import { addDays } from '../../src/common/calendar-date';
import { completeBusinessNumber } from '../../src/firms/business-number';
import { DESKTOP, PHONE, checkPage, launchChromium, newContext } from './support/browser';
import { startService, type RunningService } from './support/service';

/**
 * The 선제 발굴 page: a coordinator uploads an expected-leave file with mistakes, reads every one,
 * fixes it, imports it, and records a call from the list, on a desktop and on a 360 px phone.
 * The service runs on its real clock, so the file's dates are relative to today in Seoul.
 */
const COORDINATOR = { displayName: '정발굴', email: 'outreach@chaeum.test', password: 'outreach-pass-1', role: 'coordinator' as const };
const JOURNEY = 'outreach';
const HEADER = '사업자등록번호,휴가 종류,시작 예정일,종료 예정일,사업장명,사업장 주소';
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul' }).format(new Date());
const day = (offset: number) => addDays(today, offset);

let service: RunningService;
let browser: Browser;
const contexts: BrowserContext[] = [];

async function signedInPage(viewport: typeof DESKTOP): Promise<Page> {
  const context = await newContext(browser, service.baseURL, viewport);
  contexts.push(context);
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByLabel('이메일').fill(COORDINATOR.email);
  await page.getByLabel('비밀번호').fill(COORDINATOR.password);
  await page.getByRole('button', { name: '로그인' }).click();
  await page.getByRole('heading', { name: '대시보드' }).waitFor();
  return page;
}

/** A POST through the signed-in page's session (cookie and CSRF header), for data the page does not create. */
async function post(page: Page, path: string, body: unknown): Promise<{ id: string }> {
  // A string, evaluated in the page: this file is compiled without the DOM's types.
  const script = `(async () => {
    const csrf = decodeURIComponent(document.cookie.split('; ').find((part) => part.startsWith('chaeum_csrf='))?.slice(12) ?? '');
    const response = await fetch(${JSON.stringify(path)}, { method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf }, body: ${JSON.stringify(JSON.stringify(body))} });
    if (!response.ok) throw new Error(${JSON.stringify(path)} + ': ' + response.status + ' ' + (await response.text()));
    return response.json();
  })()`;
  return (await page.evaluate(script)) as { id: string };
}

async function chooseFile(page: Page, name: string, lines: string[]): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByLabel('파일', { exact: true }).click();
  await (await chooser).setFiles({ name, mimeType: 'text/csv', buffer: Buffer.from([HEADER, ...lines].join('\n'), 'utf8') });
}

beforeAll(async () => {
  [service, browser] = await Promise.all([startService(), launchChromium()]);
  await service.createAccount(COORDINATOR);
}, 300_000);

afterAll(async () => {
  await Promise.all(contexts.map((context) => context.close().catch(() => undefined)));
  await browser?.close();
  await service?.stop();
}, 60_000);

describe('the 선제 발굴 page', () => {
  const registered = completeBusinessNumber('124810099');
  const unregistered = completeBusinessNumber('220810111');

  it('shows every problem of a bad file, imports the corrected one, and records a call from the list', async () => {
    const page = await signedInPage(DESKTOP);
    const complex = await post(page, '/api/v1/complexes', { name: '시화국가산업단지', region: '경기 시흥시', centroid: { lat: 37.33, lng: 126.73 } });
    await post(page, '/api/v1/firms', {
      name: '(주)대성정밀', businessNumber: registered, employeeCount: 42, prioritySupport: true, complexId: complex.id, address: '경기 시흥시 정왕동 1234', site: { lat: 37.34, lng: 126.74 },
    });

    await page.getByRole('link', { name: '선제 발굴' }).click();
    await page.getByRole('heading', { name: '선제 발굴' }).waitFor();
    await page.getByText('연락할 기업이 없습니다.').waitFor();

    await chooseFile(page, '휴가예정_오류.csv', [
      `${registered},육아휴직,${day(20)},${day(380)},,`,
      `${unregistered.slice(0, 9)}${(Number(unregistered[9]) + 1) % 10},출산전후휴가,${day(10)},${day(99)},(주)새빛전자,`,
      `${unregistered},연차,${day(10)},${day(30)},,`,
      `${unregistered},육아휴직,${day(90)},${day(30)},,`,
    ]);
    await page.getByRole('button', { name: '검사하기' }).click();
    const problems = page.getByTestId('file-problems');
    await problems.waitFor();
    expect(await problems.locator('tbody tr').count()).toBe(3);
    await page.getByText('아무것도 저장하지 않았습니다').waitFor();
    expect(await page.getByRole('button', { name: '가져오기' }).isDisabled()).toBe(true);
    await checkPage(page, JOURNEY, '01-file-problems');

    await chooseFile(page, '휴가예정.csv', [
      `${registered},육아휴직,${day(20)},${day(380)},,`,
      `${unregistered},출산전후휴가,${day(10)},${day(99)},(주)새빛전자,경기 시흥시 정왕동 77`,
      `${unregistered},배우자 출산휴가,${day(45)},${day(64)},(주)새빛전자,`,
    ]);
    await page.getByRole('button', { name: '검사하기' }).click();
    await page.getByText('3행 검사 완료: 새 휴가 예정 3건').waitFor();
    await page.getByRole('button', { name: '가져오기' }).click();
    await page.getByText('저장했습니다: 새 휴가 예정 3건').waitFor();
    const entries = page.getByTestId('call-entry');
    await page.getByText('3건', { exact: true }).waitFor();
    // Soonest expected start first: the unregistered firm's maternity leave (in 10 days) leads.
    expect(await entries.first().textContent()).toContain('(주)새빛전자');
    await checkPage(page, JOURNEY, '02-call-list');

    const first = entries.first();
    await first.getByRole('button', { name: '연락 기록' }).click();
    await first.getByRole('textbox', { name: '결과' }).click();
    await page.getByRole('option', { name: '관심 있음' }).click();
    await first.getByLabel('메모 (코디네이터만 봄)').fill('대표와 통화, 다음 주 방문 약속');
    await checkPage(page, JOURNEY, '03-recording-a-call');
    await first.getByRole('button', { name: '기록 저장' }).click();
    await first.getByTestId('latest-outcome').getByText(/관심 있음 · 전화/).waitFor();

    // A closing outcome takes the leave off the list.
    await first.getByRole('button', { name: '연락 기록' }).click();
    await first.getByRole('textbox', { name: '결과' }).click();
    await page.getByRole('option', { name: /이미 해결/ }).click();
    await first.getByRole('button', { name: '기록 저장' }).click();
    await page.getByText('2건', { exact: true }).waitFor();
    await checkPage(page, JOURNEY, '04-after-closing');
  }, 300_000);

  it('is usable on a 360 px phone', async () => {
    const page = await signedInPage(PHONE);
    await page.goto('/outreach');
    await page.getByRole('heading', { name: '연락 목록' }).waitFor();
    await page.getByTestId('call-entry').first().waitFor();
    const overflow = await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    expect(overflow).toBe(0);
    await page.getByTestId('call-entry').first().getByRole('button', { name: '연락 기록' }).click();
    await checkPage(page, JOURNEY, '05-phone-call-list');
  }, 300_000);
});
