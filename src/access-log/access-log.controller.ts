import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiSignedIn } from '../auth/api-docs';
import { Roles } from '../auth/auth.decorators';
import { Page } from '../common/pagination';
import { AccessLogService } from './access-log.service';
import { AccessLogEntryResponse, AccessLogPage, ListAccessLogQuery } from './dto/access-log.dto';

@ApiTags('access log')
@ApiSignedIn()
@Roles('coordinator')
@Controller('access-log')
export class AccessLogController {
  constructor(private readonly accessLog: AccessLogService) {}

  /** Reads of seekers' personal data by others than the seeker, newest first. */
  @Get()
  @ApiOperation({ summary: 'Reads of seekers’ personal data by others than the seeker, newest first' })
  @ApiOkResponse({ type: AccessLogPage })
  list(@Query() query: ListAccessLogQuery): Promise<Page<AccessLogEntryResponse>> {
    return this.accessLog.list(query);
  }
}
