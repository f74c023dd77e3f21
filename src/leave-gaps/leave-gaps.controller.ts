import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, StreamableFile } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { ApiSignedIn } from '../auth/api-docs';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
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
import { ExportLeaveGapsQuery } from './leave-gap-export';
import { SPREADSHEET_CONTENT_TYPES, sendTable } from '../spreadsheets/send-table';
import { ApiIdempotencyKey, IdempotencyKey } from '../idempotency/idempotency-key.decorators';

/** Coordinators see every gap; a firm user posts, sees and changes its own firm's gaps only (others: 404). */
@ApiTags('leave gaps')
@ApiSignedIn()
@Roles('coordinator', 'firm')
@Controller()
export class LeaveGapsController {
  constructor(private readonly gaps: LeaveGapsService) {}

  /** Posts a leave gap; 400 with a `leave_gap.*` code when it breaks a leave-law rule. */
  @Post('firms/:firmId/leave-gaps')
  @ApiOperation({ summary: 'Post a leave gap for a firm (leave-law rules checked)' })
  @ApiBadRequestResponse({ description: 'a field breaks its rule (problem `errors` name each)' })
  @ApiNotFoundResponse({ description: 'unknown id, or not visible to the caller' })
  @ApiCreatedResponse({ type: LeaveGapResponse })
  @ApiIdempotencyKey()
  create(
    @Param('firmId') firmId: string,
    @Body() dto: CreateLeaveGapDto,
    @CurrentPrincipal() principal: Principal,
    @IdempotencyKey() idempotencyKey?: string,
  ): Promise<LeaveGapResponse> {
    return this.gaps.create(firmId, dto, principal, idempotencyKey);
  }

  @Get('firms/:firmId/leave-gaps')
  @ApiOperation({ summary: 'List a firm’s leave gaps' })
  @ApiNotFoundResponse({ description: 'unknown id, or not visible to the caller' })
  @ApiOkResponse({ type: LeaveGapPage })
  listForFirm(
    @Param('firmId') firmId: string,
    @Query() query: ListFirmLeaveGapsQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Page<LeaveGapResponse>> {
    return this.gaps.listForFirm(firmId, query, principal);
  }

  @Get('leave-gaps')
  @ApiOperation({ summary: 'List leave gaps (a firm user sees its own)' })
  @ApiOkResponse({ type: LeaveGapPage })
  list(@Query() query: ListLeaveGapsQuery, @CurrentPrincipal() principal: Principal): Promise<Page<LeaveGapResponse>> {
    return this.gaps.list(query, principal);
  }

  @Get('leave-gaps/export')
  @ApiOperation({ summary: 'Export the listed leave gaps as CSV or XLSX (the list’s filters; a firm user its own)' })
  @ApiProduces(...SPREADSHEET_CONTENT_TYPES)
  @ApiOkResponse({ description: 'the file, Korean headers' })
  async export(@Query() query: ExportLeaveGapsQuery, @CurrentPrincipal() principal: Principal): Promise<StreamableFile> {
    const format = query.format ?? 'xlsx';
    return sendTable(format, '휴직 공백', await this.gaps.exportTable(query, principal, format));
  }

  @Get('leave-gaps/:id')
  @ApiOperation({ summary: 'One leave gap with its derived vacancy' })
  @ApiNotFoundResponse({ description: 'unknown id, or not visible to the caller' })
  @ApiOkResponse({ type: LeaveGapResponse })
  get(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<LeaveGapResponse> {
    return this.gaps.get(id, principal);
  }

  @Patch('leave-gaps/:id')
  @ApiOperation({ summary: 'Change a leave gap' })
  @ApiBadRequestResponse({ description: 'a field breaks its rule (problem `errors` name each)' })
  @ApiNotFoundResponse({ description: 'unknown id, or not visible to the caller' })
  @ApiOkResponse({ type: LeaveGapResponse })
  update(
    @Param('id') id: string,
    @Body() dto: UpdateLeaveGapDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<LeaveGapResponse> {
    return this.gaps.update(id, dto, principal);
  }

  @Post('leave-gaps/:id/cancel')
  @ApiOperation({ summary: 'Cancel a leave gap' })
  @ApiNotFoundResponse({ description: 'unknown id, or not visible to the caller' })
  @HttpCode(200)
  @ApiOkResponse({ type: LeaveGapResponse })
  cancel(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<LeaveGapResponse> {
    return this.gaps.cancel(id, principal);
  }
}
