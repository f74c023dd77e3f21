import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IMPORT_KINDS, ImportKind } from '../sheet-import';

export class RowProblem {
  @ApiProperty({ description: 'the row as Excel numbers it (the header is row 1)', example: 3 }) row: number;
  @ApiProperty({ nullable: true, type: String, description: 'the column header, when the problem lies in one', example: '휴대전화' }) column: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'the API field the column fills', example: 'phone' }) field: string | null;
  @ApiProperty({ description: 'the rule, with the code the API answers for it', example: 'matches' }) code: string;
  @ApiProperty({ example: '휴대전화: 형식이 올바르지 않습니다.' }) message: string;
  @ApiPropertyOptional({ description: 'import.duplicate_in_sheet: the earlier row with the same value' }) firstRow?: number;
}

export class ImportReport {
  @ApiProperty({ enum: IMPORT_KINDS }) kind: ImportKind;
  @ApiProperty({ description: 'true: checked, nothing written' }) dryRun: boolean;
  @ApiProperty() rowCount: number;
  @ApiProperty({ description: 'rows without any problem' }) validRowCount: number;
  @ApiProperty({ description: 'rows written: all of them, or 0' }) writtenCount: number;
  @ApiProperty() errorCount: number;
  @ApiProperty({ type: [RowProblem], description: 'every problem of every row, by row and column' }) errors: RowProblem[];
}
