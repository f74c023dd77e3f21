import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal';
import { Clock } from '../clock/clock';
import { DomainError } from '../common/domain-error';
import { maskResidentNumbers } from '../common/resident-registration-number';
import type { ExpectedLeaveImportReport } from './dto/import.dto';
import { ExpectedLeaveRow, parseExpectedLeaves } from './expected-leave-rows';
import { readTable } from '../spreadsheets/table-reader';
import type { SpreadsheetFormat } from '../spreadsheets/table-writer';

export interface UploadedTable {
  fileName: string;
  format: SpreadsheetFormat;
  content: Buffer;
}

/** The one writer of `outreach_imports` and `expected_leaves`. */
@Injectable()
export class ExpectedLeaveImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** What an import of the file would do; writes nothing. A bad file is the same 400 as for the import. */
  async dryRun(file: UploadedTable): Promise<ExpectedLeaveImportReport> {
    const { rows, duplicateRowCount } = await this.validRows(file);
    const existingCount = await countExisting(this.dataSource.manager, rows);
    return { dryRun: true, importId: null, rowCount: rows.length + duplicateRowCount, duplicateRowCount, newCount: rows.length - existingCount, existingCount };
  }

  /** All rows or none: the whole file is checked first and written in one transaction. */
  async import(file: UploadedTable, principal: Principal): Promise<ExpectedLeaveImportReport> {
    const { rows, duplicateRowCount } = await this.validRows(file);
    const rowCount = rows.length + duplicateRowCount;
    return this.dataSource.transaction(async (manager) => {
      const [{ id: importId }]: { id: string }[] = await manager.query(
        `INSERT INTO outreach_imports (file_name, format, row_count, created_count, imported_by_user_id, imported_at)
         VALUES ($1, $2, $3, 0, $4, $5) RETURNING id`,
        [maskResidentNumbers(file.fileName).slice(0, 300), file.format, rowCount, principal.userId ?? null, this.clock.now()],
      );
      const newCount = await upsert(manager, rows, importId);
      await manager.query(`UPDATE outreach_imports SET created_count = $2 WHERE id = $1`, [importId, newCount]);
      return { dryRun: false, importId, rowCount, duplicateRowCount, newCount, existingCount: rows.length - newCount };
    });
  }

  private async validRows(file: UploadedTable): Promise<{ rows: ExpectedLeaveRow[]; duplicateRowCount: number }> {
    const table = await readTable(file.content, file.format);
    const { rows, problems } = parseExpectedLeaves(table);
    if (problems.length > 0) {
      throw new DomainError('validation', 'outreach.file_invalid', 'The file has invalid columns or rows; nothing was written.', problems, {
        errorCount: problems.length,
        rowCount: table.rows.length,
      });
    }
    const unique = uniqueByNaturalKey(rows);
    return { rows: unique, duplicateRowCount: rows.length - unique.length };
  }
}

/** The natural key of an expected leave (docs/outreach.md): the unique constraint uq_expected_leaves_natural_key. */
function naturalKey(row: ExpectedLeaveRow): string {
  return [row.businessNumber, row.leaveType, row.expectedStart, row.expectedEnd].join('|');
}

function uniqueByNaturalKey(rows: ExpectedLeaveRow[]): ExpectedLeaveRow[] {
  const byKey = new Map<string, ExpectedLeaveRow>();
  for (const row of rows) if (!byKey.has(naturalKey(row))) byKey.set(naturalKey(row), row);
  return [...byKey.values()];
}

function columnsOf(rows: ExpectedLeaveRow[]): unknown[] {
  return [
    rows.map((row) => row.businessNumber),
    rows.map((row) => row.leaveType),
    rows.map((row) => row.expectedStart),
    rows.map((row) => row.expectedEnd),
    rows.map((row) => row.firmName),
    rows.map((row) => row.firmAddress),
    rows.map((row) => row.rowNumber),
  ];
}

const ROWS = `unnest($1::text[], $2::text[], $3::date[], $4::date[], $5::text[], $6::text[], $7::int[])
  AS r(business_number, leave_type, expected_start, expected_end, firm_name, firm_address, row_number)`;

async function countExisting(manager: EntityManager, rows: ExpectedLeaveRow[]): Promise<number> {
  const [{ count }]: { count: number }[] = await manager.query(
    `SELECT count(*)::int AS count FROM ${ROWS}
     JOIN expected_leaves e USING (business_number, leave_type, expected_start, expected_end)`,
    columnsOf(rows),
  );
  return count;
}

/**
 * Inserts new expected leaves; a known one keeps its id and contacts and only takes the source's
 * firm name and address when the file gives them. Concurrent imports of overlapping files meet
 * at the unique constraint, so neither writes a leave twice; rows go in natural-key order so that
 * two files listing the same leaves in other orders wait for each other instead of deadlocking
 * (one of them answered 409). Each leave notes that this file
 * listed it (expected_leave_sources). Returns how many were new.
 */
async function upsert(manager: EntityManager, rows: ExpectedLeaveRow[], importId: string): Promise<number> {
  const written: { inserted: boolean }[] = await manager.query(
    `WITH written AS (
       INSERT INTO expected_leaves (business_number, leave_type, expected_start, expected_end, source_firm_name, source_firm_address)
       SELECT business_number, leave_type, expected_start, expected_end, firm_name, firm_address FROM ${ROWS}
       ORDER BY business_number, leave_type, expected_start, expected_end
       ON CONFLICT ON CONSTRAINT uq_expected_leaves_natural_key DO UPDATE SET
         source_firm_name = coalesce(EXCLUDED.source_firm_name, expected_leaves.source_firm_name),
         source_firm_address = coalesce(EXCLUDED.source_firm_address, expected_leaves.source_firm_address),
         updated_at = now()
       RETURNING id, business_number, leave_type, expected_start, expected_end, (xmax = 0) AS inserted
     ), sourced AS (
       INSERT INTO expected_leave_sources (import_id, expected_leave_id, row_number)
       SELECT $8, w.id, r.row_number FROM written w JOIN ${ROWS} USING (business_number, leave_type, expected_start, expected_end)
     )
     SELECT inserted FROM written`,
    [...columnsOf(rows), importId],
  );
  return written.filter((row) => row.inserted).length;
}
