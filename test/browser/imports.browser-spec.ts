import { randomInt } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Download, Page } from 'playwright-core';
import { insertAccount } from '../../src/users/accounts';
import { Seeker } from '../../src/seekers/seeker.entity';
import { readTable } from '../../src/spreadsheets/table-reader';
import { writeTable } from '../../src/spreadsheets/table-writer';
import { uniqueSuffix } from '../e2e/factories';
import { createTestApp, TestApp } from '../e2e/support/test-app';
import { DESKTOP, PHONE, checkPage, launchChromium, newContext } from './support/browser';

/**
 * 일괄 등록 and the list exports: a coordinator downloads the seekers' template, uploads a sheet
 * with mistakes and reads every one in Korean (nothing written), uploads the corrected sheet and
 * finds the seekers in the list, then downloads that list filtered to them. The app is the test
 * app (catalogue, geocoder and Clock of the e2e tests) listening on a free port with the built console.
 */
const JOURNEY = 'imports';
const account = { email: `imports-${uniqueSuffix()}@chaeum.test`, password: 'import-coordinator-1', displayName: '정등록' };
const HEADERS = ['이름', '휴대전화', '주소', '통근 수단', '최대 통근 시간(분)', '기술', '희망 주당 최소 시간', '희망 주당 최대 시간', '개인정보 수집·이용 동의'];

let t: TestApp;
let browser: Browser;
let baseURL: string;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  t = await createTestApp();
  await insertAccount(t.dataSource.manager, { ...account, role: 'coordinator' });
  await t.app.listen(0, '127.0.0.1');
  baseURL = (await t.app.getUrl()).replace('[::1]', '127.0.0.1');
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await t?.close();
});

async function signedInPage(viewport: typeof DESKTOP): Promise<Page> {
  const context = await newContext(browser, baseURL, viewport);
  contexts.push(context);
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByLabel('이메일').fill(account.email);
  await page.getByLabel('비밀번호').fill(account.password);
  await page.getByRole('button', { name: '로그인' }).click();
  await page.getByRole('heading', { name: '대시보드' }).waitFor();
  return page;
}

function seekerRow(name: string, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    이름: name,
    휴대전화: `010-${randomInt(1000, 10_000)}-${randomInt(1000, 10_000)}`,
    주소: '서울 금천구 독산제1동',
    '통근 수단': '대중교통',
    '최대 통근 시간(분)': '60',
    기술: 'CNC 밀링 가공:3',
    '희망 주당 최소 시간': '20',
    '희망 주당 최대 시간': '40',
    '개인정보 수집·이용 동의': 'Y',
    ...overrides,
  };
}

function csv(rows: Record<string, string>[]): Promise<Buffer> {
  return writeTable('csv', 'sheet', HEADERS.map((header) => ({ header, value: (row: Record<string, string>) => row[header] ?? '' })), rows);
}

async function upload(page: Page, name: string, buffer: Buffer): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByLabel('파일 (CSV 또는 XLSX)').click();
  await (await chooser).setFiles({ name, mimeType: 'text/csv', buffer });
}

async function downloaded(page: Page, link: string): Promise<{ name: string; content: Buffer }> {
  const download: Promise<Download> = page.waitForEvent('download');
  await page.getByRole('link', { name: link }).click();
  const file = await download;
  return { name: file.suggestedFilename(), content: await readFile((await file.path()) as string) };
}

/** The problem table's rows as [row, column, message]. */
async function problemRows(page: Page): Promise<string[][]> {
  const rows = page.getByTestId('row-problems').locator('tbody tr');
  return Promise.all((await rows.all()).map((row) => row.locator('td').allInnerTexts()));
}

const seekersNamed = (names: string[]) => t.dataSource.getRepository(Seeker).createQueryBuilder('s').where('s.displayName IN (:...names)', { names }).getMany();

describe('일괄 등록 and list exports', () => {
  it('downloads the template, lists every problem in Korean, writes nothing, then imports the corrected sheet and exports it (desktop)', async () => {
    const page = await signedInPage(DESKTOP);
    await page.getByRole('link', { name: '일괄 등록' }).click();
    await page.getByRole('heading', { name: '일괄 등록' }).waitFor();

    const template = await downloaded(page, '양식 내려받기: Excel');
    expect(template.name).toBe('구직자 등록 양식.xlsx');
    expect((await readTable(template.content, 'xlsx')).headers).toEqual(expect.arrayContaining(HEADERS));
    await checkPage(page, JOURNEY, '01-imports-desktop');

    const batch = uniqueSuffix();
    const names = [`가져온 첫째 ${batch}`, `가져온 둘째 ${batch}`];
    const faulty = [seekerRow(names[0]), seekerRow(names[1], { 휴대전화: '02-123-4567', '희망 주당 최소 시간': '60' })];
    await upload(page, '구직자.csv', await csv(faulty));
    await page.getByRole('button', { name: '검사하기' }).click();
    await page.getByTestId('row-problems').waitFor();
    expect(await problemRows(page)).toEqual(
      expect.arrayContaining([
        ['3', '휴대전화', '형식이 올바르지 않습니다.'],
        ['3', '희망 주당 최소 시간', expect.stringMatching(/[가-힣]/)],
      ]),
    );
    expect(await page.getByRole('alert').filter({ hasText: '아무것도 저장하지 않았습니다' }).innerText()).toContain('2행 중 1행');
    expect(await page.getByRole('button', { name: '등록하기' }).isDisabled()).toBe(true);
    expect(await seekersNamed(names)).toEqual([]);
    await checkPage(page, JOURNEY, '02-problems-desktop');

    await upload(page, '구직자-수정.csv', await csv([seekerRow(names[0]), seekerRow(names[1])]));
    await page.getByRole('button', { name: '검사하기' }).click();
    await page.getByRole('status').filter({ hasText: '문제가 없습니다' }).waitFor();
    expect(await seekersNamed(names)).toEqual([]);
    await page.getByRole('button', { name: '등록하기' }).click();
    expect(await page.getByRole('status').filter({ hasText: '저장했습니다' }).innerText()).toBe('2행을 저장했습니다.');
    await checkPage(page, JOURNEY, '03-written-desktop');

    await page.getByRole('link', { name: '구직자', exact: true }).click();
    const searched = page.waitForResponse((response) => response.url().includes('/api/v1/seekers?') && response.url().includes(`q=${batch}`));
    await page.getByLabel('검색').fill(batch);
    await searched;
    for (const name of names) await page.getByRole('cell', { name }).waitFor();
    expect(await page.locator('tbody tr').count()).toBe(2);

    const exported = await downloaded(page, '목록 내려받기: CSV');
    expect(exported.name).toBe('구직자.csv');
    const table = await readTable(exported.content, 'csv');
    // The list's search went along: exactly the two imported seekers.
    expect(table.rows.map((row) => row.cells['이름']).sort()).toEqual([...names].sort());
    await checkPage(page, JOURNEY, '04-seekers-export-desktop');
  });

  it('is usable at 360 px: the kinds, the downloads and the problem table fit', async () => {
    const page = await signedInPage(PHONE);
    await page.goto('/imports');
    await page.getByRole('heading', { name: '일괄 등록' }).waitFor();
    const kinds = page.getByRole('radiogroup', { name: '등록할 자료' });
    await kinds.getByText('대체인력 공백').click();
    expect(await page.getByRole('link', { name: '양식 내려받기: CSV' }).getAttribute('href')).toBe('/api/v1/imports/leave-gaps/template?format=csv');
    await kinds.getByText('구직자').click();
    await upload(page, '구직자.csv', await csv([seekerRow(`폰 ${uniqueSuffix()}`, { '개인정보 수집·이용 동의': 'N' })]));
    await page.getByRole('button', { name: '검사하기' }).click();
    await page.getByTestId('row-problems').waitFor();
    expect((await problemRows(page)).map(([row, column]) => [row, column])).toEqual([['2', '개인정보 수집·이용 동의']]);
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width);
    await checkPage(page, JOURNEY, '05-problems-phone');

    await page.goto('/gaps');
    await page.getByRole('link', { name: '목록 내려받기: Excel' }).waitFor();
    expect(await page.getByRole('link', { name: '목록 내려받기: Excel' }).getAttribute('href')).toBe('/api/v1/leave-gaps/export?status=open&format=xlsx');
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width);
    await checkPage(page, JOURNEY, '06-gaps-phone');
  });
});
