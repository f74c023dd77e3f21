/**
 * Turns the cells of an expected-leave file into rows to store, or into every problem the file
 * has: one FieldProblem per bad column (`columns.<header>`) and per bad cell
 * (`rows[<sheet row number>].<field>`), with the API's rule codes. Pure; no cell value is ever
 * quoted back (a cell may be personal data the file should not have held).
 */
import { isCalendarDate } from '../common/calendar-date';
import type { FieldProblem } from '../common/domain-error';
import { containsResidentNumber, maskResidentNumbers } from '../common/resident-registration-number';
import { isValidBusinessNumber, normalizeBusinessNumber } from '../firms/business-number';
import { COLUMN_HEADERS, ExpectedLeaveField, REQUIRED_FIELDS, meaningOfHeader } from './expected-leave-columns';
import { parseExpectedLeaveType } from './expected-leave-types';
import type { ExpectedLeaveType } from './outreach-codes';

export interface TableInput {
  headers: string[];
  rows: { rowNumber: number; cells: Record<string, string> }[];
}

export interface ExpectedLeaveRow {
  rowNumber: number;
  businessNumber: string;
  leaveType: ExpectedLeaveType;
  expectedStart: string;
  expectedEnd: string;
  firmName: string | null;
  firmAddress: string | null;
}

export const MAX_FIRM_NAME_LENGTH = 200;
export const MAX_FIRM_ADDRESS_LENGTH = 300;
export const MAX_FILE_ROWS = 20_000;

export interface ParsedExpectedLeaves {
  rows: ExpectedLeaveRow[];
  problems: FieldProblem[];
}

export function parseExpectedLeaves(table: TableInput): ParsedExpectedLeaves {
  const { columns, problems } = readHeaders(table);
  if (table.rows.length > MAX_FILE_ROWS) {
    // Refused whole: a problem per row of a million-row file would be a gigabyte of answer.
    problems.push(problem('rows', 'outreach.too_many_rows', `the file has more than ${MAX_FILE_ROWS} rows`));
    return { rows: [], problems };
  }
  problems.push(...residentNumberProblems(table));
  if (table.rows.length === 0) problems.push(problem('rows', 'outreach.no_rows', 'the file has no data rows'));
  const rows: ExpectedLeaveRow[] = [];
  for (const row of table.rows) {
    // A missing column is reported once above, not again in every row.
    const parsed = parseRow(row.rowNumber, (field) => (columns.has(field) ? (row.cells[columns.get(field) as string] ?? '').trim() : undefined));
    if ('problems' in parsed) problems.push(...parsed.problems);
    else rows.push(parsed.row);
  }
  return { rows: problems.length > 0 ? [] : rows, problems };
}

function readHeaders(table: TableInput): { columns: Map<ExpectedLeaveField, string>; problems: FieldProblem[] } {
  const columns = new Map<ExpectedLeaveField, string>();
  const problems: FieldProblem[] = [];
  for (const header of table.headers) {
    const meaning = meaningOfHeader(header);
    const field = columnField(header);
    // A file without its header row has data there: a resident number is refused, never quoted back.
    if (containsResidentNumber(header)) {
      problems.push(problem(field, 'pipa.resident_number_forbidden', 'the header row holds something that looks like a resident registration number'));
    }
    if (meaning.kind === 'personal_data') {
      problems.push(problem(field, 'outreach.personal_data_column', 'a column about the employee (name, resident number, birth date, contact) must not be in the file'));
    } else if (meaning.kind === 'unknown') {
      problems.push(problem(field, 'outreach.unknown_column', 'is not a column of the expected-leave file'));
    } else if (columns.has(meaning.field)) {
      problems.push(problem(field, 'outreach.duplicate_column', `names the same column as "${columns.get(meaning.field)}"`));
    } else {
      columns.set(meaning.field, header);
    }
  }
  for (const required of REQUIRED_FIELDS) {
    if (!columns.has(required)) problems.push(problem(`columns.${COLUMN_HEADERS[required]}`, 'outreach.missing_column', 'this column is required'));
  }
  return { columns, problems };
}

/** One problem per column that holds something shaped like a resident registration number, naming its rows. */
function residentNumberProblems(table: TableInput): FieldProblem[] {
  return [...new Set(table.headers)].flatMap((header) => {
    const rowNumbers = table.rows.filter((row) => containsResidentNumber(row.cells[header] ?? '')).map((row) => row.rowNumber);
    if (rowNumbers.length === 0) return [];
    const shown = rowNumbers.slice(0, 10).join(', ') + (rowNumbers.length > 10 ? ', …' : '');
    return [problem(columnField(header), 'pipa.resident_number_forbidden', `cells in rows ${shown} look like resident registration numbers`)];
  });
}

type RowResult = { row: ExpectedLeaveRow } | { problems: FieldProblem[] };

/** `cell` answers undefined for a column the file lacks. */
function parseRow(rowNumber: number, cell: (field: ExpectedLeaveField) => string | undefined): RowResult {
  const problems: FieldProblem[] = [];
  const at = (field: ExpectedLeaveField) => `rows[${rowNumber}].${field}`;
  const required = (field: ExpectedLeaveField): string | undefined => {
    const value = cell(field);
    if (value === '') problems.push(problem(at(field), 'isNotEmpty', `${field} should not be empty`));
    return value === '' ? undefined : value;
  };

  const writtenNumber = required('businessNumber');
  const businessNumber = writtenNumber === undefined ? undefined : normalizeBusinessNumber(writtenNumber);
  if (writtenNumber !== undefined && !isValidBusinessNumber(businessNumber)) {
    problems.push(problem(at('businessNumber'), 'isBusinessNumber', 'businessNumber must be a valid business registration number: 10 digits with a correct check digit'));
  }
  const writtenType = required('leaveType');
  const leaveType = writtenType === undefined ? undefined : parseExpectedLeaveType(writtenType);
  if (writtenType !== undefined && leaveType === undefined) {
    problems.push(problem(at('leaveType'), 'isIn', 'leaveType must be one of the leave types (Korean name or code)'));
  }
  const expectedStart = dateCell(required('expectedStart'), at('expectedStart'), problems);
  const expectedEnd = dateCell(required('expectedEnd'), at('expectedEnd'), problems);
  if (expectedStart !== undefined && expectedEnd !== undefined && expectedEnd < expectedStart) {
    problems.push(problem(at('expectedEnd'), 'outreach.end_before_start', 'the expected end is before the expected start'));
  }
  const firmName = optionalText(cell('firmName') ?? '', MAX_FIRM_NAME_LENGTH, at('firmName'), problems);
  const firmAddress = optionalText(cell('firmAddress') ?? '', MAX_FIRM_ADDRESS_LENGTH, at('firmAddress'), problems);

  if (problems.length > 0 || [businessNumber, leaveType, expectedStart, expectedEnd].includes(undefined)) return { problems };
  return {
    row: {
      rowNumber,
      businessNumber: businessNumber as string,
      leaveType: leaveType as ExpectedLeaveType,
      expectedStart: expectedStart as string,
      expectedEnd: expectedEnd as string,
      firmName,
      firmAddress,
    },
  };
}

/** `2027-03-02`, `2027.03.02`, `2027/3/2`, `20270302`, or an ISO date-time (how spreadsheet dates arrive). */
export function normalizeDate(written: string): string | undefined {
  const match = /^(\d{4})[-./]\s?(\d{1,2})[-./]\s?(\d{1,2})\.?$/.exec(written) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(written) ?? /^(\d{4})-(\d{2})-(\d{2})T[\d:.]+Z?$/.exec(written);
  if (!match) return undefined;
  const date = `${match[1]}-${match[2].padStart(2, '0')}-${match[3].padStart(2, '0')}`;
  return isCalendarDate(date) ? date : undefined;
}

function dateCell(written: string | undefined, field: string, problems: FieldProblem[]): string | undefined {
  if (written === undefined) return undefined;
  const date = normalizeDate(written);
  if (date === undefined) problems.push(problem(field, 'isCalendarDate', `${field.split('.').pop()} must be a calendar date YYYY-MM-DD`));
  return date;
}

function optionalText(value: string, maxLength: number, field: string, problems: FieldProblem[]): string | null {
  if (value.length > maxLength) problems.push(problem(field, 'maxLength', `${field.split('.').pop()} must be shorter than or equal to ${maxLength} characters`));
  return value === '' ? null : value;
}

/** `columns.<header>`; a header is quoted back, so a resident number in it is masked. */
function columnField(header: string): string {
  return `columns.${maskResidentNumbers(header)}`;
}

function problem(field: string, code: string, message: string): FieldProblem {
  return { field, code, message };
}
