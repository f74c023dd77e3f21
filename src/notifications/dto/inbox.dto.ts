import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageOf, PageQuery } from '../../common/pagination';

export class ListNotificationsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true: only the unread ones' })
  @IsOptional()
  @IsIn(['true', 'false'])
  unread?: 'true' | 'false';
}

/** One message of the signed-in account's inbox; its text was written for this account. */
export class InboxNotificationResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'referral.offered', description: 'the outbox event it tells about' }) eventType: string;
  @ApiProperty({ example: '새 일자리 제안이 도착했습니다' }) subject: string;
  @ApiProperty() body: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) readAt: string | null;
}

export class InboxPage extends PageOf(InboxNotificationResponse) {
  @ApiProperty({ description: 'unread messages of the account, whatever the page' }) unreadCount: number;
}

export class UnreadCountResponse {
  @ApiProperty() unreadCount: number;
}

export class MarkAllReadResponse {
  @ApiProperty({ description: 'messages that were unread and now are read' }) marked: number;
  @ApiProperty() unreadCount: number;
}
