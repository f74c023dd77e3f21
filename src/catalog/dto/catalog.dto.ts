import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { CODE_MESSAGE, CODE_PATTERN } from '../../common/skill.dto';
import { CatalogEntry } from '../catalog-entry.entity';
import { CATALOG_KINDS, CatalogKind } from '../catalog-kinds';

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CatalogQuery {
  @ApiPropertyOptional({ enum: CATALOG_KINDS })
  @IsOptional()
  @IsIn(CATALOG_KINDS)
  kind?: CatalogKind;

  @ApiPropertyOptional({ description: 'part of a code, a Korean or English label or a synonym', example: '지게차' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @Transform(trimmed)
  q?: string;
}

export class CreateCatalogEntryDto {
  @ApiProperty({ example: 'injection-molding' })
  @IsString()
  @MaxLength(64)
  @Matches(CODE_PATTERN, { message: CODE_MESSAGE })
  code: string;

  @ApiProperty({ enum: CATALOG_KINDS })
  @IsIn(CATALOG_KINDS)
  kind: CatalogKind;

  @ApiProperty({ example: '사출 성형' })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  labelKo: string;

  @ApiProperty({ example: 'Injection molding' })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  labelEn: string;

  @ApiPropertyOptional({ type: [String], default: [], example: ['사출'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(100, { each: true })
  synonyms?: string[];
}

export class CatalogEntryResponse {
  @ApiProperty() code: string;
  @ApiProperty({ enum: CATALOG_KINDS }) kind: CatalogKind;
  @ApiProperty() labelKo: string;
  @ApiProperty() labelEn: string;
  @ApiProperty({ type: [String] }) synonyms: string[];
}

export class CatalogListResponse {
  @ApiProperty({ type: [CatalogEntryResponse] }) items: CatalogEntryResponse[];
}

export function toCatalogEntryResponse(entry: CatalogEntry): CatalogEntryResponse {
  return { code: entry.code, kind: entry.kind, labelKo: entry.labelKo, labelEn: entry.labelEn, synonyms: [...entry.synonyms] };
}
