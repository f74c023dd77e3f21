import { Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiConflictResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { ApiSignedIn } from '../auth/api-docs';
import { Roles } from '../auth/auth.decorators';
import { API_PREFIX } from '../app.setup';
import { DemoDataService, type DemoLoadState } from './demo-data.service';

class DemoLoadStateResponse {
  @ApiProperty({ enum: ['idle', 'running', 'succeeded', 'failed'] }) status: 'idle' | 'running' | 'succeeded' | 'failed';
  @ApiPropertyOptional({ description: "when failed: the generator's last lines" }) error?: string;
}

@ApiTags('demo')
@ApiSignedIn()
@Roles('coordinator')
@Controller('demo-data')
export class DemoDataController {
  constructor(private readonly demo: DemoDataService) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({ summary: 'Load the demo data (the generator of npm run seed:demo), in the background' })
  @ApiOkResponse({ type: DemoLoadStateResponse })
  @ApiConflictResponse({ description: 'demo.not_empty (the database has firms) or demo.running' })
  start(@Req() request: Request): Promise<DemoLoadState> {
    return this.demo.start(`http://127.0.0.1:${request.socket.localPort}/${API_PREFIX}`);
  }

  @Get()
  @ApiOperation({ summary: 'Progress of the demo data load' })
  @ApiOkResponse({ type: DemoLoadStateResponse })
  state(): DemoLoadState {
    return this.demo.current();
  }
}
