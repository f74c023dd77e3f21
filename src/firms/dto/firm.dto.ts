import { FirmFlagResponse } from '../../referrals/dto/referral.dto';
import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageOf, PageQuery } from '../../common/pagination';
import { LocationDto, toLocation } from '../../common/location.dto';
import { normalizeBusinessNumber } from '../business-number';
import { FIRM_STATUSES, Firm, FirmStatus } from '../firm.entity';
import { IsBusinessNumber } from './is-business-number';

export class CreateFirmDto {
  @ApiProperty({ example: '(주)대성정밀' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({
    description: '사업자등록번호, 10 digits; the written form 123-45-67890 is accepted and stored without dashes',
    example: '124-81-00998',
  })
  @Transform(({ value }) => normalizeBusinessNumber(value))
  @IsBusinessNumber()
  businessNumber: string;

  @ApiProperty({ minimum: 1, example: 48 })
  @IsInt()
  @Min(1)
  employeeCount: number;

  @ApiProperty({ description: 'a priority-support (SME) firm (우선지원대상기업)' })
  @IsBoolean()
  prioritySupport: boolean;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  complexId: string;

  @ApiProperty({ example: '서울 금천구 가산디지털1로 168' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  address: string;

  @ApiPropertyOptional({
    type: LocationDto,
    description: 'the workplace; leave gaps default to it. Omitted: the service geocodes `address` (400 geocode.not_found when it cannot)',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => LocationDto)
  site?: LocationDto;
}

export class UpdateFirmDto extends PartialType(CreateFirmDto) {}

export class ListFirmsQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  complexId?: string;

  @ApiPropertyOptional({ enum: FIRM_STATUSES })
  @IsOptional()
  @IsIn(FIRM_STATUSES)
  status?: FirmStatus;

  @ApiPropertyOptional({ description: 'find a firm by its business registration number (dashes allowed)' })
  @IsOptional()
  @Transform(({ value }) => normalizeBusinessNumber(value))
  @Matches(/^\d{10}$/, { message: 'businessNumber must be 10 digits' })
  businessNumber?: string;
}

export class FirmResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ example: '1248100998' }) businessNumber: string;
  @ApiProperty() employeeCount: number;
  @ApiProperty() prioritySupport: boolean;
  @ApiProperty({ format: 'uuid' }) complexId: string;
  @ApiProperty() address: string;
  @ApiProperty({ type: LocationDto }) site: LocationDto;
  @ApiProperty({ enum: FIRM_STATUSES }) status: FirmStatus;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
  @ApiPropertyOptional({ type: FirmFlagResponse, description: 'GET by id, coordinators only: referrals declined without a coded reason (docs/referrals.md)' })
  referralDeclines?: FirmFlagResponse;
}

export class FirmPage extends PageOf(FirmResponse) {}

export function toFirmResponse(firm: Firm): FirmResponse {
  return {
    id: firm.id,
    name: firm.name,
    businessNumber: firm.businessNumber,
    employeeCount: firm.employeeCount,
    prioritySupport: firm.prioritySupport,
    complexId: firm.complexId,
    address: firm.address,
    site: toLocation(firm.siteLat, firm.siteLng),
    status: firm.status,
    createdAt: firm.createdAt,
    updatedAt: firm.updatedAt,
  };
}
