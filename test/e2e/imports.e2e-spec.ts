import { randomInt } from 'node:crypto';
import iconv from 'iconv-lite';
import { Firm } from '../../src/firms/firm.entity';
import { LeaveGap } from '../../src/leave-gaps/leave-gap.entity';
import { Seeker } from '../../src/seekers/seeker.entity';
import { readTable } from '../../src/spreadsheets/table-reader';
import { writeTable, type SpreadsheetFormat } from '../../src/spreadsheets/table-writer';
import { API, createComplex, createFirm, createSeeker, problemOf, uniqueBusinessNumber, uniqueSuffix } from './factories';
import { firmToken } from './support/auth';
import { TestApp, createTestApp } from './support/test-app';

type Sheet = Record<string, string>[];

/** A sheet as a Talent Bank would save it: the given headers, each row's cells under them. */
async function sheetFile(format: SpreadsheetFormat, headers: string[], rows: Sheet): Promise<Buffer> {
  return writeTable(format, 'sheet', headers.map((header) => ({ header, value: (row: Record<string, string>) => row[header] ?? '' })), rows);
}

const SEEKER_HEADERS = [
  '이름', '휴대전화', '이메일', '주소', '통근 수단', '최대 통근 시간(분)', '기술', '자격증',
  '희망 주당 최소 시간', '희망 주당 최대 시간', '희망 최저 시급', '근무 가능 기간', '구직 시작일', '개인정보 수집·이용 동의',
];

function phone(): string {
  return `010-${randomInt(1000, 10_000)}-${randomInt(1000, 10_000)}`;
}

function seekerRow(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    이름: `박서준 ${uniqueSuffix()}`,
    휴대전화: phone(),
    이메일: `s-${uniqueSuffix()}@example.com`,
    주소: '서울 금천구 독산제1동',
    '통근 수단': '대중교통',
    '최대 통근 시간(분)': '60',
    기술: 'CNC 밀링 가공:3, welding:2',
    자격증: '지게차운전기능사',
    '희망 주당 최소 시간': '20',
    '희망 주당 최대 시간': '40',
    '희망 최저 시급': '11,000',
    '근무 가능 기간': '2027.1.4~2027-06-30',
    '구직 시작일': '',
    '개인정보 수집·이용 동의': 'Y',
    ...overrides,
  };
}

describe('sheet imports', () => {
  let t: TestApp;
  const seekersNamed = (names: string[]) => t.dataSource.getRepository(Seeker).createQueryBuilder('s').where('s.displayName IN (:...names)', { names }).getMany();

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  function upload(kind: string, file: Buffer, fileName: string, dryRun: boolean) {
    return t.api.post(`${API}/imports/${kind}?dryRun=${dryRun}`).set('Accept-Language', 'ko').attach('file', file, fileName);
  }

  it.each(['xlsx', 'csv'] as const)('offers a %s template whose headers the import reads back', async (format) => {
    const response = await t.api.get(`${API}/imports/seekers/template?format=${format}`).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    }).expect(200);
    expect(response.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('구직자 등록 양식')}.${format}`);
    const table = await readTable(response.body as Buffer, format);
    expect(table.headers).toEqual(expect.arrayContaining(SEEKER_HEADERS));
    expect(table.headers).toContain('위도');
    expect(table.rows).toEqual([]);
  });

  describe.each(['xlsx', 'csv'] as const)('seekers from %s', (format) => {
    it('reports every bad row and column, writes nothing, and writes everything once corrected', async () => {
      const stored = await createSeeker(t);
      const repeated = phone();
      const rows = [
        seekerRow(),
        seekerRow({ 휴대전화: '02-123-4567', '개인정보 수집·이용 동의': 'N' }),
        seekerRow({ 기술: '없는 기술:3', '희망 주당 최소 시간': '60' }),
        seekerRow({ 휴대전화: repeated }),
        seekerRow({ 휴대전화: repeated }),
        seekerRow({ 휴대전화: stored.phone as string }),
        seekerRow({ 이메일: '주민 900101-1234567' }),
        seekerRow({ '희망 주당 최소 시간': '30', '희망 주당 최대 시간': '25', '최대 통근 시간(분)': '한 시간' }),
      ];
      const names = rows.map((row) => row['이름']);
      const file = await sheetFile(format, SEEKER_HEADERS, rows);

      const dryRun = await upload('seekers', file, `구직자.${format}`, true).expect(200);
      const found = (dryRun.body.errors as { row: number; column: string; code: string; message: string }[]).map(({ row, column, code }) => ({ row, column, code }));
      expect(found).toEqual(
        expect.arrayContaining([
          { row: 3, column: '휴대전화', code: 'matches' },
          { row: 3, column: '개인정보 수집·이용 동의', code: 'equals' },
          // Neither a code nor a catalogued label: SkillDto's pattern refuses it.
          { row: 4, column: '기술', code: 'matches' },
          { row: 4, column: '희망 주당 최소 시간', code: 'max' },
          { row: 6, column: '휴대전화', code: 'import.duplicate_in_sheet' },
          { row: 7, column: '휴대전화', code: 'import.duplicate_existing' },
          { row: 8, column: '이메일', code: 'pipa.resident_number_forbidden' },
          { row: 9, column: '최대 통근 시간(분)', code: 'isInt' },
        ]),
      );
      expect(dryRun.body).toMatchObject({ kind: 'seekers', dryRun: true, rowCount: 8, writtenCount: 0, errorCount: found.length });
      expect(dryRun.body.errors.find((error: { row: number; code: string }) => error.row === 3 && error.code === 'matches').message).toBe('휴대전화: 형식이 올바르지 않습니다.');
      expect(found.filter((error) => [2, 5].includes(error.row))).toEqual([]);

      // The service's own rules, once the DTO holds: the catalogue and the seeker rules.
      const ruleRows = [seekerRow({ 기술: 'no-such-skill:3' }), seekerRow({ '희망 주당 최소 시간': '30', '희망 주당 최대 시간': '25' })];
      const ruleCheck = await upload('seekers', await sheetFile(format, SEEKER_HEADERS, ruleRows), `x.${format}`, true).expect(200);
      expect(ruleCheck.body.errors.map(({ row, column, code }: { row: number; column: string; code: string }) => ({ row, column, code }))).toEqual([
        { row: 2, column: '기술', code: 'catalog.unknown_code' },
        { row: 3, column: '희망 주당 최소 시간', code: 'seeker.weekly_hours_min_above_max' },
      ]);

      const refused = await upload('seekers', file, `구직자.${format}`, false).expect(400);
      expect(problemOf(refused)).toMatchObject({ code: 'import.rows_invalid', details: { report: { errorCount: found.length, writtenCount: 0 } } });
      expect(await seekersNamed(names)).toEqual([]);

      const corrected = [rows[0], seekerRow({ 이름: rows[1]['이름'] }), seekerRow({ 이름: rows[2]['이름'] }), rows[3]];
      const imported = await upload('seekers', await sheetFile(format, SEEKER_HEADERS, corrected), `구직자.${format}`, false).expect(200);
      expect(imported.body).toMatchObject({ dryRun: false, rowCount: 4, validRowCount: 4, writtenCount: 4, errorCount: 0, errors: [] });
      const written = await seekersNamed(corrected.map((row) => row['이름']));
      expect(written).toHaveLength(4);
      const first = written.find((seeker) => seeker.displayName === rows[0]['이름'])!;
      expect(first).toMatchObject({
        phone: rows[0]['휴대전화'],
        commuteMode: 'transit',
        skills: [{ code: 'cnc-milling', level: 3 }, { code: 'welding', level: 2 }],
        certifications: ['forklift'],
        weeklyHoursMin: 20,
        weeklyHoursMax: 40,
        minHourlyWage: 11_000,
      });
      expect(first.homeLat).toBeCloseTo(37.467458, 4);
    });
  });

  it('reads a CSV that Korean Excel saved in CP949', async () => {
    const row = seekerRow();
    const csv = [SEEKER_HEADERS.join(','), SEEKER_HEADERS.map((header) => `"${row[header]}"`).join(',')].join('\r\n');
    const response = await upload('seekers', iconv.encode(csv, 'cp949'), 'cp949.csv', false).expect(200);
    expect(response.body.writtenCount).toBe(1);
    expect(await seekersNamed([row['이름']])).toHaveLength(1);
  });

  it('imports firms with the business number checksum, and their leave gaps with the leave law', async () => {
    const complex = await createComplex(t);
    const firmHeaders = ['사업장명', '사업자등록번호', '상시근로자 수', '우선지원대상기업', '산업단지', '주소', '위도', '경도'];
    const number = uniqueBusinessNumber();
    const firmRow = (overrides: Record<string, string> = {}) => ({
      사업장명: `(주)시트정밀 ${uniqueSuffix()}`,
      사업자등록번호: `${number.slice(0, 3)}-${number.slice(3, 5)}-${number.slice(5)}`,
      '상시근로자 수': '48',
      우선지원대상기업: 'Y',
      산업단지: complex.name as string,
      주소: '서울 금천구 가산디지털1로 168',
      위도: '37.4772',
      경도: '126.8826',
      ...overrides,
    });
    const badChecksum = `${number.slice(0, 9)}${(Number(number[9]) + 1) % 10}`;
    const bad = await upload('firms', await sheetFile('xlsx', firmHeaders, [firmRow({ 사업자등록번호: badChecksum, 산업단지: '없는 단지' })]), 'f.xlsx', true).expect(200);
    expect(bad.body.errors.map(({ row, column, code }: { row: number; column: string; code: string }) => ({ row, column, code }))).toEqual([
      { row: 2, column: '사업자등록번호', code: 'isBusinessNumber' },
      { row: 2, column: '산업단지', code: 'isUuid' },
    ]);
    const good = firmRow();
    await upload('firms', await sheetFile('xlsx', firmHeaders, [good]), 'f.xlsx', false).expect(200);
    const firm = await t.dataSource.getRepository(Firm).findOneByOrFail({ businessNumber: number });
    expect(firm).toMatchObject({ name: good['사업장명'], complexId: complex.id, prioritySupport: true, employeeCount: 48 });

    const gapHeaders = ['사업자등록번호', '휴직 유형', '휴직 시작일', '휴직 종료일', '직무명', '필수 기술', '주당 근로시간', '시급', '인수인계 일수'];
    const role = `CNC 가공원 ${uniqueSuffix()}`;
    const gapRow = (overrides: Record<string, string> = {}) => ({
      사업자등록번호: number, '휴직 유형': '출산전후휴가', '휴직 시작일': '2027-03-02', '휴직 종료일': '2027-05-30',
      직무명: role, '필수 기술': 'cnc-milling:2', '주당 근로시간': '40', 시급: '12000', '인수인계 일수': '14', ...overrides,
    });
    const gaps = [gapRow({ '휴직 종료일': '2027-09-30' }), gapRow({ 사업자등록번호: uniqueBusinessNumber(), 직무명: `${role} 2` })];
    const gapReport = await upload('leave-gaps', await sheetFile('csv', gapHeaders, gaps), 'g.csv', false).expect(400);
    expect(problemOf(gapReport).details!.report).toMatchObject({
      errors: [
        expect.objectContaining({ row: 2, column: '휴직 종료일', code: 'leave_gap.maternity_too_long' }),
        expect.objectContaining({ row: 3, column: '사업자등록번호', code: 'import.unknown_firm' }),
      ],
    });
    await upload('leave-gaps', await sheetFile('csv', gapHeaders, [gapRow()]), 'g.csv', false).expect(200);
    expect(await t.dataSource.getRepository(LeaveGap).countBy({ firmId: firm.id, roleTitle: role })).toBe(1);
    const again = await upload('leave-gaps', await sheetFile('csv', gapHeaders, [gapRow()]), 'g.csv', true).expect(200);
    expect(again.body.errors).toEqual([expect.objectContaining({ row: 2, column: '직무명', code: 'import.duplicate_existing' })]);
  });

  describe('bad files', () => {
    it('refuses what is not a spreadsheet', async () => {
      const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
      expect(problemOf(await upload('seekers', png, 'photo.csv', true).expect(400)).code).toBe('spreadsheet.unreadable');
      expect(problemOf(await upload('seekers', png, 'photo.xlsx', true).expect(400)).code).toBe('spreadsheet.unreadable');
      expect(problemOf(await upload('seekers', png, 'photo.png', true).expect(400)).code).toBe('spreadsheet.unsupported_format');
      const xls = Buffer.from('d0cf11e0a1b11ae1', 'hex');
      expect(problemOf(await upload('seekers', xls, 'old.xls', true).expect(400)).code).toBe('spreadsheet.unsupported_format');
    });

    it('refuses a header row that is not the template, naming each column', async () => {
      const file = await sheetFile('csv', ['이름', '전화번호'], [{ 이름: '김', 전화번호: '010' }]);
      const problem = problemOf(await upload('seekers', file, 'x.csv', true).expect(400));
      expect(problem.code).toBe('import.wrong_headers');
      expect(problem.errors).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ field: '휴대전화', code: 'import.missing_header' }),
          expect.objectContaining({ field: '전화번호', code: 'import.unknown_header' }),
        ]),
      );
    });

    it('refuses an empty sheet, a missing file, a file over the limit, and a firm user', async () => {
      expect(problemOf(await upload('seekers', await sheetFile('xlsx', SEEKER_HEADERS, []), 'x.xlsx', true).expect(400)).code).toBe('import.empty');
      expect(problemOf(await t.api.post(`${API}/imports/seekers?dryRun=true`).expect(400)).code).toBe('import.file_missing');
      const huge = Buffer.alloc(10 * 1024 * 1024 + 1, 'a');
      expect(problemOf(await upload('seekers', huge, 'huge.csv', true).expect(413)).code).toBe('request.too_large');
      const firm = await createFirm(t);
      await t.api.get(`${API}/imports/seekers/template`).set('Authorization', firmToken(firm.id)).expect(403);
      expect(problemOf(await t.api.get(`${API}/imports/nothing/template`).expect(400)).code).toBe('validation.failed');
    });
  });
});
