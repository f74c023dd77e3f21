import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiSignedIn } from '../auth/api-docs';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { InboxNotificationResponse, InboxPage, ListNotificationsQuery, MarkAllReadResponse, UnreadCountResponse } from './dto/inbox.dto';
import { InboxService } from './inbox.service';

const NO_ACCOUNT = { status: 401, description: 'auth.no_account: the token belongs to no account (printed for an API client)' };

/** Every role's own in-app inbox (docs/notifications.md). */
@ApiTags('notifications')
@ApiSignedIn()
@Roles('coordinator', 'firm', 'seeker')
@Controller('me/notifications')
export class InboxController {
  constructor(private readonly inbox: InboxService) {}

  @Get()
  @ApiOperation({ summary: "The signed-in account's notifications, newest first, with the unread count" })
  @ApiOkResponse({ type: InboxPage })
  @ApiResponse(NO_ACCOUNT)
  list(@Query() query: ListNotificationsQuery, @CurrentPrincipal() principal: Principal): Promise<InboxPage> {
    return this.inbox.list(principal, query);
  }

  @Get('unread-count')
  @ApiOperation({ summary: 'How many notifications are unread (the console bell polls this)' })
  @ApiOkResponse({ type: UnreadCountResponse })
  @ApiResponse(NO_ACCOUNT)
  async unreadCount(@CurrentPrincipal() principal: Principal): Promise<UnreadCountResponse> {
    return { unreadCount: await this.inbox.unreadCount(principal) };
  }

  @Post('read-all')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark every notification read' })
  @ApiOkResponse({ type: MarkAllReadResponse })
  @ApiResponse(NO_ACCOUNT)
  markAllRead(@CurrentPrincipal() principal: Principal): Promise<MarkAllReadResponse> {
    return this.inbox.markAllRead(principal);
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark one notification read (again: no change)' })
  @ApiOkResponse({ type: InboxNotificationResponse })
  @ApiNotFoundResponse({ description: "notification.not_found: unknown id, or another account's" })
  @ApiResponse(NO_ACCOUNT)
  markRead(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<InboxNotificationResponse> {
    return this.inbox.markRead(principal, id);
  }
}
