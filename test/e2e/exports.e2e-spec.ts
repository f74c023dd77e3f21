import { AccessLogEntry } from '../../src/access-log/access-log-entry.entity';
import { readTable } from '../../src/spreadsheets/table-reader';
import type { SpreadsheetFormat } from '../../src/spreadsheets/table-writer';
import { randomUUID } from 'node:crypto';
import { API, createSeeker, uniqueSuffix } from './factories';
import { firmToken } from './support/auth';
import { TestApp, createTestApp } from './support/test-app';

function binary(response: import('superagent').Response, done: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => done(null, Buffer.concat(chunks)));
}

describe('list exports', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const download = (path: string, token?: string) => {
    const request = t.api.get(`${API}${path}`).buffer(true).parse(binary as never);
    return token ? request.set('Authorization', token) : request;
  };

  it.each(['csv', 'xlsx'] as const)('exports the filtered seekers as %s with Korean headers, logged as one read', async (format: SpreadsheetFormat) => {
    const family = `한지민${uniqueSuffix()}`;
    const first = await createSeeker(t, { displayName: `${family} 가`, availability: [{ start: '2027-01-04', end: '2027-06-30' }] });
    const second = await createSeeker(t, { displayName: `${family} 나`, commuteMode: 'car', minHourlyWage: null });
    await createSeeker(t);
    const response = await download(`/seekers/export?format=${format}&q=${encodeURIComponent(family)}`).expect(200);
    if (format === 'csv') expect((response.body as Buffer).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const table = await readTable(response.body as Buffer, format);
    expect(table.headers.slice(0, 5)).toEqual(['ID', '상태', '이름', '휴대전화', '이메일']);
    expect(table.rows.map((row) => row.cells)).toEqual([
      expect.objectContaining({
        ID: first.id, 상태: '활동', 이름: `${family} 가`, 휴대전화: first.phone, '통근 수단': '대중교통', 기술: 'cnc-milling:3',
        자격증: 'forklift', '희망 주당 최소 시간': '20', '희망 최저 시급': '11000', '근무 가능 기간': '2027-01-04~2027-06-30', 위도: '37.4602',
      }),
      expect.objectContaining({ ID: second.id, 이름: `${family} 나`, '통근 수단': '자가용', '희망 최저 시급': '' }),
    ]);
    const [entry] = await t.dataSource.getRepository(AccessLogEntry).find({ where: { action: 'seekers.export' }, order: { id: 'DESC' }, take: 1 });
    expect(entry.seekerIds?.sort()).toEqual([first.id, second.id].sort());
  });

  it('exports placements with the headers of the list, scoped to the reader', async () => {
    const response = await download('/placements/export?format=csv', firmToken(randomUUID())).expect(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    const table = await readTable(response.body as Buffer, 'csv');
    expect(table.headers).toEqual(['ID', '구직자 ID', '휴직 공백 ID', '상태', '시작일', '종료일', '취소 사유', '직무명', '사업장명', '이름', '휴대전화', '등록 일시']);
    expect(table.rows).toEqual([]);
  });

  it('refuses an unknown format with the rule', async () => {
    const response = await t.api.get(`${API}/seekers/export?format=pdf`).expect(400);
    expect(JSON.parse(response.text).errors).toEqual([expect.objectContaining({ field: 'format', code: 'isIn' })]);
  });
});
