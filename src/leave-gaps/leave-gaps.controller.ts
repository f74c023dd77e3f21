import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Page } from '../common/pagination';
import {
  CreateLeaveGapDto,
  LeaveGapPage,
  LeaveGapResponse,
  ListFirmLeaveGapsQuery,
  ListLeaveGapsQuery,
  UpdateLeaveGapDto,
} from './dto/leave-gap.dto';
import { LeaveGapsService } from './leave-gaps.service';

@ApiTags('leave gaps')
@Controller()
export class LeaveGapsController {
  constructor(private readonly gaps: LeaveGapsService) {}

  /** Posts a leave gap; 400 with a `leave_gap.*` code when it breaks a leave-law rule. */
  @Post('firms/:firmId/leave-gaps')
  @ApiCreatedResponse({ type: LeaveGapResponse })
  create(@Param('firmId') firmId: string, @Body() dto: CreateLeaveGapDto): Promise<LeaveGapResponse> {
    return this.gaps.create(firmId, dto);
  }

  @Get('firms/:firmId/leave-gaps')
  @ApiOkResponse({ type: LeaveGapPage })
  listForFirm(@Param('firmId') firmId: string, @Query() query: ListFirmLeaveGapsQuery): Promise<Page<LeaveGapResponse>> {
    return this.gaps.listForFirm(firmId, query);
  }

  @Get('leave-gaps')
  @ApiOkResponse({ type: LeaveGapPage })
  list(@Query() query: ListLeaveGapsQuery): Promise<Page<LeaveGapResponse>> {
    return this.gaps.list(query);
  }

  @Get('leave-gaps/:id')
  @ApiOkResponse({ type: LeaveGapResponse })
  get(@Param('id') id: string): Promise<LeaveGapResponse> {
    return this.gaps.get(id);
  }

  @Patch('leave-gaps/:id')
  @ApiOkResponse({ type: LeaveGapResponse })
  update(@Param('id') id: string, @Body() dto: UpdateLeaveGapDto): Promise<LeaveGapResponse> {
    return this.gaps.update(id, dto);
  }

  @Post('leave-gaps/:id/cancel')
  @HttpCode(200)
  @ApiOkResponse({ type: LeaveGapResponse })
  cancel(@Param('id') id: string): Promise<LeaveGapResponse> {
    return this.gaps.cancel(id);
  }
}
