import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { DomainError } from '../common/domain-error';
import { formatDate, UTF8_BOM, type SpreadsheetFormat } from './table-writer';
import { assertUnpacksWithin } from './xlsx-unpacked-size';

export interface TableRow {
  /** The row's number as Excel shows it: the header is row 1. */
  rowNumber: number;
  /** Trimmed text of each cell by header; an absent cell is ''. Cells under no header: key '' (UNLABELLED). */
  cells: Record<string, string>;
}

export interface ReadTable {
  headers: string[];
  rows: TableRow[];
}

export class UnreadableSpreadsheetError extends DomainError {
  constructor(format: SpreadsheetFormat, reason: string) {
    super('validation', 'spreadsheet.unreadable', `The file is not a readable ${format.toUpperCase()} file: ${reason}`);
  }
}

/**
 * The first sheet of a CSV or XLSX file as text: row 1 holds the headers, blank rows are
 * skipped, every cell is read as the text a person sees (dates as YYYY-MM-DD), so the caller
 * validates one kind of value. CSV may be UTF-8 (with or without BOM) or CP949/EUC-KR, which
 * Excel on Korean Windows writes by default ("CSV (쉼표로 분리)").
 */
export async function readTable(buffer: Buffer, format: SpreadsheetFormat): Promise<ReadTable> {
  const grid = format === 'csv' ? parseCsv(decodeText(buffer)) : await xlsxGrid(buffer);
  return tableFromGrid(grid);
}

function tableFromGrid(grid: { rowNumber: number; values: string[] }[]): ReadTable {
  const nonBlank = grid.filter((row) => row.values.some((value) => value.trim() !== ''));
  if (nonBlank.length === 0) return { headers: [], rows: [] };
  const [headerRow, ...dataRows] = nonBlank;
  // A column that holds data but no header is still a column: dropping it would hide what it holds.
  const width = dataRows.reduce((widest, row) => Math.max(widest, filledWidth(row.values)), filledWidth(headerRow.values));
  const headers = Array.from({ length: width }, (_, index) => (headerRow.values[index] ?? '').trim());
  const rows = dataRows.map(({ rowNumber, values }) => {
    const cells: Record<string, string> = {};
    const unlabelled: string[] = [];
    headers.forEach((header, index) => {
      const value = (values[index] ?? '').trim();
      if (header !== '') cells[header] = value;
      else if (value !== '') unlabelled.push(value);
    });
    if (unlabelled.length > 0) cells[UNLABELLED] = unlabelled.join(' | ');
    return { rowNumber, cells };
  });
  return { headers, rows };
}

/** The cells of a row without a header, joined: the key '' of `cells` (only present when there are some). */
export const UNLABELLED = '';

/** How many columns up to the last non-blank one. */
function filledWidth(values: string[]): number {
  let end = values.length;
  while (end > 0 && (values[end - 1] ?? '').trim() === '') end -= 1;
  return end;
}

export function decodeText(buffer: Buffer): string {
  if (buffer.subarray(0, 3).equals(UTF8_BOM)) return buffer.subarray(3).toString('utf8');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    return iconv.decode(buffer, 'cp949');
  }
}

/** RFC 4180: fields separated by commas, quoted with "", "" inside quotes is one quote; CRLF or LF. */
export function parseCsv(text: string): { rowNumber: number; values: string[] }[] {
  if (text.includes('\u0000')) throw new UnreadableSpreadsheetError('csv', 'it contains binary data');
  const rows: { rowNumber: number; values: string[] }[] = [];
  let values: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowStartLine = 1;
  const endRow = () => {
    values.push(field);
    rows.push({ rowNumber: rowStartLine, values });
    values = [];
    field = '';
  };
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else {
        if (char === '\n') line += 1;
        field += char;
      }
    } else if (char === '"' && field === '') quoted = true;
    else if (char === ',') {
      values.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[index + 1] === '\n') index += 1;
      endRow();
      line += 1;
      rowStartLine = line;
    } else field += char;
  }
  if (quoted) throw new UnreadableSpreadsheetError('csv', 'a quoted field is not closed');
  if (field !== '' || values.length > 0) endRow();
  return rows;
}

async function xlsxGrid(buffer: Buffer): Promise<{ rowNumber: number; values: string[] }[]> {
  assertUnpacksWithin(buffer);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  } catch {
    throw new UnreadableSpreadsheetError('xlsx', 'it is not an Excel workbook (.xlsx)');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const grid: { rowNumber: number; values: string[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      values[column - 1] = cellText(cell.value);
    });
    grid.push({ rowNumber, values: Array.from(values, (value) => value ?? '') });
  });
  return grid;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return formatDate(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return value;
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return cellText((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ('hyperlink' in value) return String((value as ExcelJS.CellHyperlinkValue).text ?? '');
  if ('error' in value) return '';
  return '';
}
