import { ApiProperty, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsNotEmpty, IsObject, IsString, MaxLength, ValidateNested } from 'class-validator';
import { PageOf } from '../../common/pagination';
import { IndustrialComplex } from '../industrial-complex.entity';
import { LocationDto, toLocation } from '../../common/location.dto';

export class CreateComplexDto {
  @ApiProperty({ example: '서울디지털국가산업단지' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;

  @ApiProperty({ example: '서울 구로구/금천구' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  region: string;

  @ApiProperty({ type: LocationDto })
  @IsObject()
  @ValidateNested()
  @Type(() => LocationDto)
  centroid: LocationDto;
}

export class UpdateComplexDto extends PartialType(CreateComplexDto) {}

export class ComplexResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() region: string;
  @ApiProperty({ type: LocationDto }) centroid: LocationDto;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
}

export class ComplexPage extends PageOf(ComplexResponse) {}

export function toComplexResponse(complex: IndustrialComplex): ComplexResponse {
  return {
    id: complex.id,
    name: complex.name,
    region: complex.region,
    centroid: toLocation(complex.centroidLat, complex.centroidLng),
    createdAt: complex.createdAt,
    updatedAt: complex.updatedAt,
  };
}
