import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { IMPORT_KINDS, ImportKind } from '../sheet-import';

export class ImportKindParams {
  @ApiProperty({ enum: IMPORT_KINDS })
  @IsIn(IMPORT_KINDS)
  kind: ImportKind;
}

export class ImportQuery {
  @ApiPropertyOptional({ default: false, description: 'true: check every row with the API rules and write nothing' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  dryRun?: boolean;
}

export class ImportUpload {
  @ApiProperty({ type: 'string', format: 'binary', description: 'the filled template: .xlsx, or .csv in UTF-8 or CP949 (EUC-KR)' })
  file: unknown;
}
