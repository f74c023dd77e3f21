import type { Browser, Page } from 'playwright-core';
import { Clock, FixedClock } from '../../src/clock/clock';
import { insertAccount } from '../../src/users/accounts';
import { uniqueSuffix } from '../e2e/factories';
import { buildReportFixture, ReportFixture } from '../e2e/factories/report-fixture';
import { createTestApp, TestApp } from '../e2e/support/test-app';
import { DESKTOP, PHONE, checkPage, launchChromium, newContext } from './support/browser';

/**
 * The 보고서 page on the e2e report fixture (test/e2e/factories/report-fixture.ts): the console
 * shows the figures worked out by hand in reports.e2e-spec.ts. The app is the test app (its Clock
 * pinned to the fixture's day) listening on a free port and serving the built console.
 */
const REPORT_TODAY = '2026-12-01';

let t: TestApp;
let fixture: ReportFixture;
let browser: Browser;
let baseURL: string;
const account = { email: `reports-${uniqueSuffix()}@chaeum.test`, password: 'report-coordinator-1', displayName: '정보고' };

beforeAll(async () => {
  t = await createTestApp((builder) => builder.overrideProvider(Clock).useValue(FixedClock.onSeoulDay(REPORT_TODAY)));
  fixture = await buildReportFixture(t);
  await insertAccount(t.dataSource.manager, { ...account, role: 'coordinator' });
  await t.app.listen(0, '127.0.0.1');
  baseURL = await t.app.getUrl();
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

async function reportPage(viewport: typeof DESKTOP): Promise<Page> {
  const page = await (await newContext(browser, baseURL.replace('[::1]', '127.0.0.1'), viewport)).newPage();
  await page.goto('/login');
  await page.getByLabel('이메일').fill(account.email);
  await page.getByLabel('비밀번호').fill(account.password);
  await page.getByRole('button', { name: '로그인' }).click();
  await page.getByRole('heading', { name: '대시보드' }).waitFor();
  const filters = new URLSearchParams({ from: '2026-09', to: '2026-11', groupBy: 'complex' });
  filters.append('complexId', fixture.complexA.id);
  filters.append('complexId', fixture.complexB.id);
  await page.goto(`/reports?${filters}`);
  await page.getByTestId('report-table').waitFor();
  return page;
}

/** The cells of the table row whose first cell is `label`. */
async function rowCells(page: Page, label: string): Promise<string[]> {
  const row = page.getByTestId('report-table').locator('tbody tr').filter({ has: page.locator('td', { hasText: label }) }).first();
  return row.locator('td').allInnerTexts();
}

describe('the 보고서 page', () => {
  it('shows the hand-computed figures per complex and in total, with charts and downloads (desktop)', async () => {
    const page = await reportPage(DESKTOP);
    await page.getByRole('heading', { name: '보고서' }).waitFor();
    expect(await rowCells(page, '합계')).toEqual(['합계', '7', '4', '2', '1', '66.7%', '17.5', '3.5', '50%', '15,123,961원']);
    expect(await rowCells(page, fixture.complexA.name)).toEqual([fixture.complexA.name, '4', '3', '1', '0', '75%', '15', '3', '50%', '15,123,961원']);
    expect(await rowCells(page, fixture.complexB.name)).toEqual([fixture.complexB.name, '3', '1', '1', '1', '50%', '34', '–', '–', '0원']);
    expect(await page.getByTestId('fill-rate-chart').locator('svg').getAttribute('aria-label')).toBe(
      `충원율: ${fixture.complexA.name} 75%, ${fixture.complexB.name} 50%`,
    );
    expect(await page.getByRole('link', { name: 'Excel 내려받기' }).getAttribute('href')).toContain('format=xlsx');
    await checkPage(page, 'reports', '01-report-by-complex-desktop');

    await page.getByRole('textbox', { name: '묶음 기준' }).click();
    await page.getByRole('option', { name: '등록 월' }).click();
    await page.getByTestId('report-table').locator('td', { hasText: '2026-10' }).waitFor();
    expect(await rowCells(page, '2026-10')).toEqual(['2026-10', '3', '3', '0', '0', '100%', '15', '2', '0%', '11,014,284원']);
    await checkPage(page, 'reports', '02-report-by-month-desktop');
  });

  it('is usable at 360 px: the filters stack and the table scrolls sideways', async () => {
    const page = await reportPage(PHONE);
    expect(await rowCells(page, '합계')).toEqual(['합계', '7', '4', '2', '1', '66.7%', '17.5', '3.5', '50%', '15,123,961원']);
    const pageWidth = await page.evaluate<number>('document.documentElement.scrollWidth');
    expect(pageWidth).toBeLessThanOrEqual(PHONE.width);
    await checkPage(page, 'reports', '03-report-phone');
  });
});
