import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiSignedIn } from '../auth/api-docs';
import { Roles } from '../auth/auth.decorators';
import { RuntimeMetricsResponse } from './runtime-metrics.dto';
import { RuntimeMetricsService } from './runtime-metrics.service';

/** This instance's event-loop delay and memory (each instance answers for itself). */
@ApiTags('runtime-metrics')
@Roles('coordinator')
@ApiSignedIn()
@Controller('runtime-metrics')
export class RuntimeMetricsController {
  constructor(private readonly metrics: RuntimeMetricsService) {}

  @Get()
  @ApiOperation({ summary: 'This instance’s event-loop delay and memory since the last reset' })
  @ApiOkResponse({ type: RuntimeMetricsResponse })
  read(): RuntimeMetricsResponse {
    return this.metrics.read();
  }

  @Post('reset')
  @HttpCode(200)
  @ApiOperation({ summary: 'Start a new measuring window (returns the one that ended)' })
  @ApiOkResponse({ type: RuntimeMetricsResponse, description: 'the window that ended; a new one starts' })
  reset(): RuntimeMetricsResponse {
    return this.metrics.reset();
  }
}
