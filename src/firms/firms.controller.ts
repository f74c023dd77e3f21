import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiSignedIn } from '../auth/api-docs';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { Page } from '../common/pagination';
import { CreateFirmDto, FirmPage, FirmResponse, ListFirmsQuery, UpdateFirmDto } from './dto/firm.dto';
import { FirmsService } from './firms.service';
import { ApiIdempotencyKey, IdempotencyKey } from '../idempotency/idempotency-key.decorators';

/** Coordinators register and change firms; a firm user reads its own firm only. */
@ApiTags('firms')
@ApiSignedIn()
@Roles('coordinator')
@Controller('firms')
export class FirmsController {
  constructor(private readonly firms: FirmsService) {}

  @Post()
  @ApiOperation({ summary: 'Register a firm' })
  @ApiBadRequestResponse({ description: 'a field breaks its rule (problem `errors` name each)' })
  @ApiCreatedResponse({ type: FirmResponse })
  @ApiIdempotencyKey()
  create(
    @Body() dto: CreateFirmDto,
    @CurrentPrincipal() principal: Principal,
    @IdempotencyKey() idempotencyKey?: string,
  ): Promise<FirmResponse> {
    return this.firms.create(dto, principal, idempotencyKey);
  }

  @Get()
  @ApiOperation({ summary: 'List firms (a firm user sees its own)' })
  @Roles('coordinator', 'firm')
  @ApiOkResponse({ type: FirmPage })
  list(@Query() query: ListFirmsQuery, @CurrentPrincipal() principal: Principal): Promise<Page<FirmResponse>> {
    return this.firms.list(query, principal);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One firm' })
  @ApiNotFoundResponse({ description: 'unknown id, or not visible to the caller' })
  @Roles('coordinator', 'firm')
  @ApiOkResponse({ type: FirmResponse })
  get(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<FirmResponse> {
    return this.firms.get(id, principal);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a firm' })
  @ApiBadRequestResponse({ description: 'a field breaks its rule (problem `errors` name each)' })
  @ApiNotFoundResponse({ description: 'unknown id, or not visible to the caller' })
  @ApiOkResponse({ type: FirmResponse })
  update(@Param('id') id: string, @Body() dto: UpdateFirmDto): Promise<FirmResponse> {
    return this.firms.update(id, dto);
  }

  /** Cancels the firm and its open leave gaps. */
  @Post(':id/cancel')
  @ApiOperation({ summary: 'Cancel a firm and its open leave gaps' })
  @ApiNotFoundResponse({ description: 'unknown id, or not visible to the caller' })
  @HttpCode(200)
  @ApiOkResponse({ type: FirmResponse })
  cancel(@Param('id') id: string): Promise<FirmResponse> {
    return this.firms.cancel(id);
  }
}
