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
  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'the seeker read; for a read of several, the seeker filtered on (else null)',
  })
  seekerId: string | null;
  @ApiProperty({ description: 'how many seekers this one read named (a match-run instance names thousands)' }) seekerCount: number;
  @ApiProperty({ example: 'placements.contact' }) action: string;
  @ApiProperty({ type: [String], example: ['displayName', 'phone', 'email'] }) fields: string[];
}

export class AccessLogPage extends PageOf(AccessLogEntryResponse) {}

/** A read of several seekers is listed once; its seekers are counted, not listed (there may be 50,000). */
export function toAccessLogEntryResponse(entry: AccessLogEntry, seekerCount: number, filteredSeekerId?: string): AccessLogEntryResponse {
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
    seekerId: entry.seekerId ?? filteredSeekerId ?? null,
    seekerCount,
    action: entry.action,
    fields: entry.fields,
  };
}
