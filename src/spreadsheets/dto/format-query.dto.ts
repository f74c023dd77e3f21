import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { SPREADSHEET_FORMATS, SpreadsheetFormat } from '../table-writer';

/** `?format=csv|xlsx` of templates and list exports; XLSX when absent. */
export class SpreadsheetFormatQuery {
  @ApiPropertyOptional({ enum: SPREADSHEET_FORMATS, default: 'xlsx' })
  @IsOptional()
  @IsIn(SPREADSHEET_FORMATS)
  format?: SpreadsheetFormat;
}
