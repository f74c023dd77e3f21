import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { PageOf, PageQuery } from '../../common/pagination';
import { AccessLogEntry } from '../access-log-entry.entity';

export class ListAccessLogQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'only reads of this seeker’s data' })
  @IsOptional()
  @IsUUID()
  seekerId?: string;
}

export class AccessLogActorResponse {
  @ApiProperty({ enum: ['coordinator', 'firm'] }) role: 'coordinator' | 'firm';
  @ApiProperty({ description: 'the token subject' }) subject: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'the signed-in account; null for API-client tokens' })
  userId: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'that account’s email at the time of the read' })
  email: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) firmId: string | null;
}

export class AccessLogEntryResponse {
  @ApiProperty() id: string;
  @ApiProperty() accessedAt: Date;
  @ApiProperty({ type: AccessLogActorResponse }) actor: AccessLogActorResponse;
  @ApiProperty({ format: 'uuid' }) seekerId: string;
  @ApiProperty({ example: 'placements.contact' }) action: string;
  @ApiProperty({ type: [String], example: ['displayName', 'phone', 'email'] }) fields: string[];
}

export class AccessLogPage extends PageOf(AccessLogEntryResponse) {}

export function toAccessLogEntryResponse(entry: AccessLogEntry): AccessLogEntryResponse {
  return {
    id: entry.id,
    accessedAt: entry.accessedAt,
    actor: {
      role: entry.actorRole,
      subject: entry.actorSubject,
      userId: entry.actorUserId,
      email: entry.actorEmail,
      firmId: entry.actorFirmId,
    },
    seekerId: entry.seekerId,
    action: entry.action,
    fields: entry.fields,
  };
}
