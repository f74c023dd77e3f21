import { completeBusinessNumber } from '../firms/business-number';
import { MAX_FILE_ROWS, normalizeDate, parseExpectedLeaves } from './expected-leave-rows';

const NUMBER = completeBusinessNumber('124810099');

function table(headers: string[], ...rows: string[][]) {
  return { headers, rows: rows.map((cells, index) => ({ rowNumber: index + 2, cells: Object.fromEntries(headers.map((header, column) => [header, cells[column] ?? ''])) })) };
}

describe('parseExpectedLeaves', () => {
  it('reads the columns under their other names and the leave types in Korean or as codes', () => {
    const parsed = parseExpectedLeaves(
      table(['사업자번호', '휴직유형', '휴가시작예정일', 'expectedEnd', '기업명'], [NUMBER, '육아기 근로시간단축', '2027.3.2', '20270831', '(주)대성'], [NUMBER, 'parental', '2027/03/02', '2027-08-31T00:00:00.000Z']),
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.rows).toEqual([
      { rowNumber: 2, businessNumber: NUMBER, leaveType: 'reduced_hours', expectedStart: '2027-03-02', expectedEnd: '2027-08-31', firmName: '(주)대성', firmAddress: null },
      { rowNumber: 3, businessNumber: NUMBER, leaveType: 'parental', expectedStart: '2027-03-02', expectedEnd: '2027-08-31', firmName: null, firmAddress: null },
    ]);
  });

  it('refuses a file over the row limit as such, without a problem per bad row (a 3 MB CSV of "1," lines holds a million)', () => {
    const headers = ['사업자등록번호', '휴가 종류', '시작 예정일', '종료 예정일'];
    const rows = Array.from({ length: MAX_FILE_ROWS + 1 }, () => ['1']);
    const parsed = parseExpectedLeaves(table(headers, ...rows));
    expect(parsed.problems.map(({ field, code }) => `${field} ${code}`)).toEqual(['rows outreach.too_many_rows']);
    expect(parsed.rows).toEqual([]);
  });

  it('stores infertility treatment as other, in Korean and as a code', () => {
    const parsed = parseExpectedLeaves(table(['사업자등록번호', '휴가 종류', '시작 예정일', '종료 예정일'], [NUMBER, '난임치료휴가', '2027-03-02', '2027-03-04'], [NUMBER, 'infertility_treatment', '2027-03-02', '2027-03-04']));
    expect(parsed.rows.map((row) => row.leaveType)).toEqual(['other', 'other']);
  });

  it.each(['이름', '피보험자 성명', '주민등록번호', '생년월일', '휴대전화', 'Employee name'])('refuses the employee column %s', (header) => {
    const parsed = parseExpectedLeaves(table(['사업자등록번호', '휴가 종류', '시작 예정일', '종료 예정일', header], [NUMBER, '육아휴직', '2027-03-02', '2027-08-31', 'x']));
    expect(parsed.problems).toEqual([expect.objectContaining({ field: `columns.${header}`, code: 'outreach.personal_data_column' })]);
    expect(parsed.rows).toEqual([]);
  });

  it('names the column of a cell that looks like a resident registration number, never the value', () => {
    const parsed = parseExpectedLeaves(table(['사업자등록번호', '휴가 종류', '시작 예정일', '종료 예정일', '사업장명'], [NUMBER, '육아휴직', '2027-03-02', '2027-08-31', '김 850315-2345678']));
    expect(parsed.problems).toEqual([{ field: 'columns.사업장명', code: 'pipa.resident_number_forbidden', message: expect.stringContaining('rows 2') }]);
    expect(JSON.stringify(parsed.problems)).not.toContain('2345678');
  });

  it('refuses an empty file', () => {
    expect(parseExpectedLeaves(table(['사업자등록번호', '휴가 종류', '시작 예정일', '종료 예정일'])).problems.map((problem) => problem.code)).toEqual(['outreach.no_rows']);
  });
});

describe('normalizeDate', () => {
  it.each([
    ['2027-03-02', '2027-03-02'],
    ['2027. 3. 2.', '2027-03-02'],
    ['20270302', '2027-03-02'],
    ['2027-02-29', undefined],
    ['3/2/2027', undefined],
    ['내년 봄', undefined],
  ])('%s → %s', (written, expected) => {
    expect(normalizeDate(written)).toBe(expected);
  });
});
