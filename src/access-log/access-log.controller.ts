import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators';
import { Page } from '../common/pagination';
import { AccessLogService } from './access-log.service';
import { AccessLogEntryResponse, AccessLogPage, ListAccessLogQuery } from './dto/access-log.dto';

@ApiTags('access log')
@ApiBearerAuth()
@Roles('coordinator')
@Controller('access-log')
export class AccessLogController {
  constructor(private readonly accessLog: AccessLogService) {}

  /** Reads of seekers' personal data by others than the seeker, newest first. */
  @Get()
  @ApiOkResponse({ type: AccessLogPage })
  list(@Query() query: ListAccessLogQuery): Promise<Page<AccessLogEntryResponse>> {
    return this.accessLog.list(query);
  }
}
