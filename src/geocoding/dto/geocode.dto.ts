import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class GeocodeQuery {
  @ApiProperty({ example: '서울 금천구 가산동', description: 'a Korean address, or 시·군·구 and 읍·면·동' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  q: string;
}

export class GeocodeResultResponse {
  @ApiProperty({ example: '서울특별시 금천구 가산동' }) label: string;
  @ApiProperty({ example: '금천구' }) sigungu: string;
  @ApiProperty({ example: '가산동', nullable: true, type: String, description: 'null: the whole 시·군·구' }) eupmyeondong: string | null;
  @ApiProperty({ example: 37.474125 }) lat: number;
  @ApiProperty({ example: 126.893808 }) lng: number;
  @ApiProperty({ example: 'gazetteer', description: 'gazetteer (bundled, offline) or vworld' }) source: string;
}

export class GeocodeResponse {
  @ApiProperty({ type: [GeocodeResultResponse], description: 'best first; empty when nothing matches' }) items: GeocodeResultResponse[];
}
