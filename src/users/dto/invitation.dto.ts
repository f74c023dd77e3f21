import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';
import type { InvitedRole } from '../invitation.entity';
import { IsNewPassword, NoControlCharacters } from './user.dto';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../passwords';

export class CreateInvitationDto {
  @ApiProperty({ example: 'hr@example.kr', maxLength: 254 })
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({ enum: ['firm', 'seeker'], description: 'firm staff (of firmId) or a registered seeker (seekerId)' })
  @IsIn(['firm', 'seeker'])
  role: InvitedRole;

  @ApiPropertyOptional({ format: 'uuid', description: 'required for role firm' })
  @ValidateIf((dto: CreateInvitationDto) => dto.role === 'firm' || dto.firmId !== undefined)
  @IsUUID()
  firmId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'required for role seeker' })
  @ValidateIf((dto: CreateInvitationDto) => dto.role === 'seeker' || dto.seekerId !== undefined)
  @IsUUID()
  seekerId?: string;
}

export class InvitationResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty({ enum: ['firm', 'seeker'] }) role: InvitedRole;
  @ApiProperty() expiresAt: Date;
  @ApiProperty({ example: '/invite/3q2-…', description: 'the console page that accepts it; shown once, only its hash is stored' })
  acceptPath: string;
}

export class InvitationPreviewResponse {
  @ApiProperty() email: string;
  @ApiProperty({ enum: ['firm', 'seeker'] }) role: InvitedRole;
  @ApiProperty({ nullable: true, type: String, description: 'the firm for firm staff; null for seekers' }) firmName: string | null;
  @ApiProperty() expiresAt: Date;
}

export class AcceptInvitationDto {
  @ApiProperty({ minLength: MIN_PASSWORD_LENGTH, maxLength: MAX_PASSWORD_LENGTH, format: 'password' })
  @IsNewPassword()
  password: string;

  @ApiPropertyOptional({ maxLength: 100, description: 'the name shown in the console; default: the seeker’s name, or the email' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  @NoControlCharacters()
  displayName?: string;
}
