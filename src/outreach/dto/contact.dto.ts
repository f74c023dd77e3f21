import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { CONTACT_CHANNELS, CONTACT_OUTCOMES, ContactChannel, ContactOutcome } from '../outreach-codes';

export const MAX_NOTE_LENGTH = 1000;

export class RecordContactDto {
  @ApiProperty({ enum: CONTACT_CHANNELS, description: 'phone 전화, visit 방문, email 이메일, sms 문자' })
  @IsIn(CONTACT_CHANNELS)
  channel: ContactChannel;

  @ApiProperty({
    enum: CONTACT_OUTCOMES,
    description: 'no_answer 연결 안 됨, interested 관심 있음, gap_to_be_posted 공백 등록 예정, call_back 다시 연락, not_needed 필요 없음 (closes), already_resolved 이미 해결 (closes)',
  })
  @IsIn(CONTACT_OUTCOMES)
  outcome: ContactOutcome;

  @ApiPropertyOptional({ maxLength: MAX_NOTE_LENGTH, description: "the coordinator's own note (never shown to firms or seekers, never exported)" })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_NOTE_LENGTH)
  note?: string;
}
