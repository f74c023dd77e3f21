import { ApiProperty } from '@nestjs/swagger';

export class ExpectedLeaveFileBody {
  @ApiProperty({ type: 'string', format: 'binary', description: 'CSV (UTF-8) or XLSX; columns in docs/outreach.md' })
  file: unknown;
}

export class ExpectedLeaveImportReport {
  @ApiProperty({ description: 'true: nothing was written' }) dryRun: boolean;
  @ApiProperty({ format: 'uuid', type: String, nullable: true, description: 'the import; null on a dry run' }) importId: string | null;
  @ApiProperty({ description: 'data rows in the file' }) rowCount: number;
  @ApiProperty({ description: 'rows that repeat an earlier row of the same file (same natural key), counted once' }) duplicateRowCount: number;
  @ApiProperty({ description: 'expected leaves new to the service (written, or to be written on a dry run)' }) newCount: number;
  @ApiProperty({ description: 'expected leaves the service already had (not written twice)' }) existingCount: number;
}
