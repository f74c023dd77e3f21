import ExcelJS from 'exceljs';
import type { ImportColumn } from './sheet-import';
import type { SpreadsheetFormat } from './table-writer';

const GUIDE_SHEET = '작성 안내';

/**
 * The empty sheet a Talent Bank fills in: the first sheet holds only the header row (every
 * column formatted as text, so Excel keeps the 0 of 010 and does not turn dates into serial
 * numbers); a second sheet explains each column. A CSV template is the header line alone.
 */
export async function importTemplate(format: SpreadsheetFormat, title: string, columns: readonly ImportColumn[]): Promise<Buffer> {
  if (format === 'csv') return Buffer.from(columns.map((column) => column.header).join(',') + '\r\n', 'utf8');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(title, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((column) => ({ header: column.header, width: Math.max(12, column.header.length * 2 + 4), style: { numFmt: '@' } }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  columns.forEach((column, index) => {
    const cell = header.getCell(index + 1);
    if (column.required) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFE599' } };
    cell.note = `${column.required ? '필수. ' : ''}${column.help}${column.example ? ` 예: ${column.example}` : ''}`;
  });
  const guide = workbook.addWorksheet(GUIDE_SHEET);
  guide.columns = [
    { header: '열', width: 24 },
    { header: '필수', width: 8 },
    { header: '작성 방법', width: 70 },
    { header: '예시', width: 32 },
  ];
  guide.getRow(1).font = { bold: true };
  for (const column of columns) guide.addRow([column.header, column.required ? '필수' : '선택', column.help, column.example]);
  guide.addRow([]);
  guide.addRow(['첫 번째 시트의 머리글(1행)은 바꾸지 마세요. 한 행에 오류가 하나라도 있으면 아무것도 등록되지 않습니다. 먼저 “검사”로 오류를 확인하세요.']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
