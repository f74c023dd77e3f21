/**
 * Where outreach gets its spreadsheet reading from: one line to switch to the spreadsheets
 * module's reader (src/spreadsheets/table-reader.ts) once it lands.
 */
import ExcelJS from 'exceljs';

export type SpreadsheetFormat = 'csv' | 'xlsx';

export interface Table {
  headers: string[];
  rows: { rowNumber: number; cells: Record<string, string> }[];
}

export async function readTable(buffer: Buffer, format: SpreadsheetFormat): Promise<Table> {
  const grid = format === 'csv' ? csvGrid(buffer.toString('utf8').replace(/^\uFEFF/, '')) : await xlsxGrid(buffer);
  const [headerRow = [], ...body] = grid;
  const headers = headerRow.map((header) => header.trim());
  const rows = body
    .map((cells, index) => ({ rowNumber: index + 2, cells: Object.fromEntries(headers.map((header, column) => [header, cells[column] ?? ''])) }))
    .filter((row) => Object.values(row.cells).some((cell) => cell.trim() !== ''));
  return { headers, rows };
}

function csvGrid(text: string): string[][] {
  const grid: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') row.push(field), (field = '');
    else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      row.push(field), grid.push(row), (row = []), (field = '');
    } else field += char;
  }
  if (field !== '' || row.length > 0) row.push(field), grid.push(row);
  return grid;
}

async function xlsxGrid(buffer: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const grid: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let column = 1; column <= sheet.columnCount; column++) cells.push(cellText(row.getCell(column).value));
    grid[rowNumber - 1] = cells;
  });
  return Array.from(grid, (cells) => cells ?? []);
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object' && 'text' in value) return String(value.text);
  if (typeof value === 'object' && 'result' in value) return String(value.result ?? '');
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((part) => part.text).join('');
  return String(value);
}
