import iconv from 'iconv-lite';
import ExcelJS from 'exceljs';
import { readTable, parseCsv } from './table-reader';
import { writeTable, type TableColumn } from './table-writer';
import { sendTable } from './send-table';

interface Person {
  name: string;
  phone: string;
  hours: number;
  since: Date | null;
}

const columns: TableColumn<Person>[] = [
  { header: '이름', value: (person) => person.name },
  { header: '휴대전화', value: (person) => person.phone },
  { header: '주당 시간', value: (person) => person.hours },
  { header: '시작일', value: (person) => person.since },
];
const people: Person[] = [
  { name: '김민지', phone: '010-1234-5678', hours: 20, since: new Date('2026-03-02T00:00:00Z') },
  { name: '이, "큰따옴표"\n둘째 줄', phone: '01098765432', hours: 0, since: null },
];

async function* paged(): AsyncIterable<Person> {
  yield* people;
}

describe.each(['csv', 'xlsx'] as const)('writeTable then readTable (%s)', (format) => {
  it('gives back the headers and every value as text', async () => {
    const file = await writeTable(format, '구직자', columns, paged());
    const table = await readTable(file, format);
    expect(table.headers).toEqual(['이름', '휴대전화', '주당 시간', '시작일']);
    expect(table.rows).toEqual([
      { rowNumber: 2, cells: { 이름: '김민지', 휴대전화: '010-1234-5678', '주당 시간': '20', 시작일: '2026-03-02' } },
      { rowNumber: 3, cells: { 이름: '이, "큰따옴표"\n둘째 줄', 휴대전화: '01098765432', '주당 시간': '0', 시작일: '' } },
    ]);
  });
});

describe('CSV', () => {
  it('reads what Korean Excel saves: CP949 without BOM', async () => {
    const table = await readTable(iconv.encode('이름,주소\r\n박서준,경기도 안산시 단원구\r\n', 'cp949'), 'csv');
    expect(table.rows[0].cells).toEqual({ 이름: '박서준', 주소: '경기도 안산시 단원구' });
  });

  it('reads UTF-8 with a BOM, skips blank lines and numbers rows as the file does', async () => {
    const table = await readTable(Buffer.from('\ufeff이름\n\n최유나\n', 'utf8'), 'csv');
    expect(table.headers).toEqual(['이름']);
    expect(table.rows).toEqual([{ rowNumber: 3, cells: { 이름: '최유나' } }]);
  });

  it('makes a cell that Excel would run as a formula plain text', async () => {
    const file = await writeTable('csv', 's', [{ header: 'x', value: (row: string) => row }], ['=HYPERLINK("x")']);
    expect(file.toString('utf8')).toContain(`"'=HYPERLINK(""x"")"`);
  });

  it('refuses an unclosed quote and binary data', () => {
    expect(() => parseCsv('a\n"b')).toThrow(expect.objectContaining({ code: 'spreadsheet.unreadable' }));
    expect(() => parseCsv('PK\u0003\u0004\u0000')).toThrow(expect.objectContaining({ code: 'spreadsheet.unreadable' }));
  });
});

describe('XLSX', () => {
  it('refuses a file that is not a workbook', async () => {
    await expect(readTable(Buffer.from('이름,주소\n'), 'xlsx')).rejects.toMatchObject({ code: 'spreadsheet.unreadable' });
  });

  it('reads a formula by its result and rich text by its text', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('a');
    sheet.addRow(['합계', '메모']);
    sheet.addRow([{ formula: '1+1', result: 2 }, { richText: [{ text: '굵게' }, { text: ' 보통' }] }]);
    const table = await readTable(Buffer.from(await workbook.xlsx.writeBuffer()), 'xlsx');
    expect(table.rows[0].cells).toEqual({ 합계: '2', 메모: '굵게 보통' });
  });
});

describe('sendTable', () => {
  it('prefixes a CSV with the UTF-8 BOM once and names the file in UTF-8', () => {
    const file = sendTable('csv', '구직자 목록', Buffer.from('\ufeffa\r\n', 'utf8'));
    const headers = file.getHeaders();
    expect(headers.type).toBe('text/csv; charset=utf-8');
    expect(headers.disposition).toBe(
      `attachment; filename="___ __.csv"; filename*=UTF-8''${encodeURIComponent('구직자 목록.csv')}`,
    );
    expect(headers.length).toBe(6);
  });
});
