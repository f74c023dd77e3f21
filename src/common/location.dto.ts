import { ApiProperty } from '@nestjs/swagger';
import { IsNumber, Max, Min } from 'class-validator';

/** A WGS84 point, as the API and the matching contract write it. Shared by every feature. */
export class LocationDto {
  @ApiProperty({ minimum: -90, maximum: 90, example: 37.4813 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-90)
  @Max(90)
  lat: number;

  @ApiProperty({ minimum: -180, maximum: 180, example: 126.8827 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-180)
  @Max(180)
  lng: number;
}

export function toLocation(lat: number, lng: number): LocationDto {
  return { lat, lng };
}
