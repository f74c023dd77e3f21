import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal';
import { DomainError, FieldProblem } from '../common/domain-error';
import type { Language } from '../common/messages/language';
import { localizeFieldProblem } from '../common/messages/localize-problem';
import { problemFor } from '../common/problem-mapping';
import { containsResidentNumber } from '../common/resident-registration-number';
import { flattenValidationErrors } from '../common/validation';
import { FirmImporter } from '../firms/firm-import';
import { LeaveGapImporter } from '../leave-gaps/leave-gap-import';
import { SeekerImporter } from '../seekers/seeker-import';
import { ImportReport, RowProblem } from './dto/import-report.dto';
import { ImportColumn, ImportKind, SheetImporter } from './sheet-import';
import { readTable, TableRow } from './table-reader';
import type { SpreadsheetFormat } from './table-writer';

/** More rows than a Talent Bank's sheet holds; keeps one import's transaction bounded. */
export const MAX_IMPORT_ROWS = 20_000;

interface CheckedRow {
  row: TableRow;
  dto?: object;
  problems: RowProblem[];
}

/** Raised inside the transaction to roll it back after a dry run or a sheet with errors. */
class RollBack extends Error {}

/**
 * Imports a sheet of seekers, firms or leave gaps with the API's own rules: each row becomes
 * the create DTO (class-validator, the same decorators as the endpoint), then the feature's
 * create logic runs inside one transaction, each row under a savepoint so that one failing
 * row does not hide the next one's problems. Every problem is reported by row and column; the
 * transaction commits only for a real import of a sheet without any, so a sheet is written
 * whole or not at all. A dry run is the same import, rolled back.
 */
@Injectable()
export class ImportService {
  private readonly importers: Record<ImportKind, SheetImporter>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    seekers: SeekerImporter,
    firms: FirmImporter,
    leaveGaps: LeaveGapImporter,
  ) {
    this.importers = { seekers, firms, 'leave-gaps': leaveGaps } as Record<ImportKind, SheetImporter>;
  }

  importerOf(kind: ImportKind): SheetImporter {
    return this.importers[kind];
  }

  async run(
    kind: ImportKind,
    file: { buffer: Buffer; format: SpreadsheetFormat },
    principal: Principal,
    options: { dryRun: boolean; language: Language },
  ): Promise<ImportReport> {
    const importer = this.importers[kind];
    const table = await readTable(file.buffer, file.format);
    assertHeaders(importer.columns, table.headers);
    if (table.rows.length === 0) throw new DomainError('validation', 'import.empty', 'the sheet has no rows below its header');
    if (table.rows.length > MAX_IMPORT_ROWS) {
      throw new DomainError('validation', 'import.too_many_rows', `a sheet may hold at most ${MAX_IMPORT_ROWS} rows`, [], {
        maxRows: MAX_IMPORT_ROWS,
        rowCount: table.rows.length,
      });
    }
    let checked: CheckedRow[] = [];
    try {
      await this.dataSource.transaction(async (manager) => {
        checked = await this.checkAndWrite(importer, table.rows, manager, principal);
        if (options.dryRun || checked.some((row) => row.problems.length > 0)) throw new RollBack();
      });
    } catch (error) {
      if (!(error instanceof RollBack)) throw error;
    }
    const problems = checked.flatMap((row) => row.problems).map((problem) => localized(problem, options.language));
    const written = !options.dryRun && problems.length === 0;
    const report: ImportReport = {
      kind,
      dryRun: options.dryRun,
      rowCount: checked.length,
      validRowCount: checked.filter((row) => row.problems.length === 0).length,
      writtenCount: written ? checked.length : 0,
      errorCount: problems.length,
      errors: problems,
    };
    if (!options.dryRun && !written) {
      throw new DomainError('validation', 'import.rows_invalid', `${problems.length} problems in the sheet: nothing was imported`, [], { report });
    }
    return report;
  }

  private async checkAndWrite(importer: SheetImporter, rows: readonly TableRow[], manager: EntityManager, principal: Principal): Promise<CheckedRow[]> {
    const context = await importer.prepare(manager);
    const checked = await Promise.all(rows.map((row) => checkRow(importer, row, context)));
    await markDuplicates(importer, checked, manager);
    for (const row of checked) {
      if (row.problems.length > 0 || !row.dto) continue;
      await manager.query('SAVEPOINT import_row');
      try {
        await importer.insert(manager, row.dto, principal, context, row.row.cells);
        await manager.query('RELEASE SAVEPOINT import_row');
      } catch (error) {
        await manager.query('ROLLBACK TO SAVEPOINT import_row');
        row.problems.push(...problemsOfError(importer.columns, row.row.rowNumber, error));
      }
    }
    return checked;
  }
}

function assertHeaders(columns: readonly ImportColumn[], headers: readonly string[]): void {
  const known = new Set(columns.map((column) => column.header));
  const missing = columns.filter((column) => column.required && !headers.includes(column.header));
  const unknown = headers.filter((header) => header !== '' && !known.has(header));
  const repeated = headers.filter((header, index) => header !== '' && headers.indexOf(header) !== index);
  const fields: FieldProblem[] = [
    ...missing.map((column) => ({ field: column.header, code: 'import.missing_header', message: `the required column ${column.header} is missing` })),
    ...unknown.map((header) => ({ field: header, code: 'import.unknown_header', message: `${header} is not a column of this template` })),
    ...repeated.map((header) => ({ field: header, code: 'import.repeated_header', message: `${header} appears twice` })),
  ];
  if (fields.length > 0) {
    throw new DomainError('validation', 'import.wrong_headers', 'the header row does not match the template: download it again', fields);
  }
}

async function checkRow(importer: SheetImporter, row: TableRow, context: unknown): Promise<CheckedRow> {
  const residentNumberColumns = Object.entries(row.cells).filter(([, text]) => containsResidentNumber(text));
  if (residentNumberColumns.length > 0) {
    // Refused before anything reads the row further, as the API refuses such a request.
    return {
      row,
      problems: residentNumberColumns.map(([header]) => ({
        row: row.rowNumber,
        column: header,
        field: header,
        code: 'pipa.resident_number_forbidden',
        message: 'resident registration numbers (주민등록번호) must not be sent to this service',
      })),
    };
  }
  const dto = plainToInstance(importer.dto, importer.toBody(row.cells, context));
  const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true, validationError: { target: false, value: false } });
  const problems = flattenValidationErrors(errors).map((problem) => rowProblem(importer.columns, row.rowNumber, problem));
  return problems.length > 0 ? { row, problems } : { row, dto, problems };
}

/** A later row with the key of an earlier one, or a key stored records have: each reported on the key's column. */
async function markDuplicates(importer: SheetImporter, rows: CheckedRow[], manager: EntityManager): Promise<void> {
  const keyed = rows.flatMap((row) => {
    const unique = row.dto ? importer.uniqueKey(row.dto, row.row.cells) : undefined;
    return unique ? [{ row, ...unique }] : [];
  });
  const existing = await importer.existingKeys(manager, [...new Set(keyed.map((item) => item.key))]);
  const firstRowOf = new Map<string, number>();
  for (const { row, header, key } of keyed) {
    const rowNumber = row.row.rowNumber;
    const first = firstRowOf.get(key);
    if (existing.has(key)) {
      row.problems.push({ row: rowNumber, column: header, field: header, code: 'import.duplicate_existing', message: `${header} is already registered` });
    } else if (first !== undefined) {
      row.problems.push({ row: rowNumber, column: header, field: header, code: 'import.duplicate_in_sheet', message: `${header} repeats row ${first}`, firstRow: first });
    } else firstRowOf.set(key, rowNumber);
  }
}

function problemsOfError(columns: readonly ImportColumn[], rowNumber: number, error: unknown): RowProblem[] {
  const problem = problemFor(error);
  // Not a rule the row breaks (the database went away, a bug): the whole import fails as the API would.
  if (!problem || problem.status >= 500) throw error;
  if (problem.errors && problem.errors.length > 0) return problem.errors.map((field) => rowProblem(columns, rowNumber, field));
  return [{ row: rowNumber, column: null, field: null, code: problem.code, message: problem.detail }];
}

function rowProblem(columns: readonly ImportColumn[], rowNumber: number, problem: FieldProblem): RowProblem {
  const column = columnOf(columns, problem.field);
  return { row: rowNumber, column: column?.header ?? null, field: problem.field, code: problem.code, message: problem.message };
}

/** The column whose field the problem's path names or lies under, the most specific one: `skills[2].level` → the column of `skills`. */
function columnOf(columns: readonly ImportColumn[], path: string): ImportColumn | undefined {
  let best: { column: ImportColumn; length: number } | undefined;
  for (const column of columns) {
    for (const field of column.fields) {
      const under = path === field || path.startsWith(`${field}.`) || path.startsWith(`${field}[`);
      if (under && (!best || field.length > best.length)) best = { column, length: field.length };
    }
  }
  return best?.column;
}

/** The message in the client's language, naming the column rather than the DTO field. */
function localized(problem: RowProblem, language: Language): RowProblem {
  const field = problem.column ?? problem.field ?? '';
  const { message } = localizeFieldProblem({ field, code: problem.code, message: problem.message }, language);
  return { ...problem, message };
}
