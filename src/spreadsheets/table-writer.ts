import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';

export type SpreadsheetFormat = 'csv' | 'xlsx';
export const SPREADSHEET_FORMATS: readonly SpreadsheetFormat[] = ['csv', 'xlsx'];

/** Excel on Korean Windows reads a CSV without it as CP949 and garbles Hangul. */
export const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

export type TableCell = string | number | Date | null;

export interface TableColumn<Row> {
  /** Korean header, the first row of the sheet. */
  header: string;
  value: (row: Row) => TableCell;
}

/**
 * A table as CSV (RFC 4180, CRLF, no BOM: send-table.ts adds it for Excel) or XLSX (one sheet,
 * streamed through exceljs' WorkbookWriter so a large export never holds a cell object per value).
 * Rows may come from an async iterator that pages through the database.
 */
export async function writeTable<Row>(
  format: SpreadsheetFormat,
  sheetName: string,
  columns: TableColumn<Row>[],
  rows: Iterable<Row> | AsyncIterable<Row>,
): Promise<Buffer> {
  return format === 'csv' ? writeCsv(columns, rows) : writeXlsx(sheetName, columns, rows);
}

async function writeCsv<Row>(columns: TableColumn<Row>[], rows: Iterable<Row> | AsyncIterable<Row>): Promise<Buffer> {
  const lines: string[] = [columns.map((column) => csvField(column.header)).join(',')];
  for await (const row of rows) lines.push(columns.map((column) => csvField(csvText(column.value(row)))).join(','));
  return Buffer.from(lines.join('\r\n') + '\r\n', 'utf8');
}

function csvText(cell: TableCell): string {
  if (cell === null) return '';
  if (cell instanceof Date) return formatDate(cell);
  if (typeof cell === 'number') return String(cell);
  return neutralizeFormula(cell);
}

/**
 * Excel runs a CSV field that starts with = + - @ as a formula (CSV injection, OWASP); a
 * leading apostrophe makes it text. Numbers are written as numbers and never touched.
 */
function neutralizeFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Calendar dates (midnight UTC) as YYYY-MM-DD, instants as ISO 8601 in UTC. */
export function formatDate(date: Date): string {
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}

async function writeXlsx<Row>(
  sheetName: string,
  columns: TableColumn<Row>[],
  rows: Iterable<Row> | AsyncIterable<Row>,
): Promise<Buffer> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    output.on('end', resolve);
    output.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useSharedStrings: false, useStyles: true });
  const sheet = workbook.addWorksheet(safeSheetName(sheetName), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((column) => ({ header: column.header, width: Math.max(10, column.header.length * 2 + 4) }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  for await (const row of rows) {
    const added = sheet.addRow(columns.map((column) => column.value(row)));
    columns.forEach((column, index) => {
      const cell = added.getCell(index + 1);
      if (cell.value instanceof Date) cell.numFmt = formatDate(cell.value).length === 10 ? 'yyyy-mm-dd' : 'yyyy-mm-dd hh:mm:ss';
    });
    added.commit();
  }
  sheet.commit();
  await workbook.commit();
  await finished;
  return Buffer.concat(chunks);
}

/** Excel refuses sheet names over 31 characters or with : \ / ? * [ ]. */
function safeSheetName(name: string): string {
  return name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31) || 'Sheet1';
}
