import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, StreamableFile } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
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
import { AvailabilityWindowDto, AvailabilityWindowResponse } from './dto/availability.dto';
import { CreateSeekerDto, ListSeekersQuery, SeekerPage, SeekerResponse, UpdateSeekerDto } from './dto/seeker.dto';
import { SeekersService } from './seekers.service';
import { ExportSeekersQuery } from './seeker-export';
import { SPREADSHEET_CONTENT_TYPES, sendTable } from '../spreadsheets/send-table';
import { ApiIdempotencyKey, IdempotencyKey } from '../idempotency/idempotency-key.decorators';

/**
 * Coordinators register seekers (with their consent) and see them all, each read logged; a
 * seeker user sees and changes only their own profile and availability (others: 404).
 */
@ApiTags('seekers')
@ApiSignedIn()
@Roles('coordinator', 'seeker')
@Controller('seekers')
export class SeekersController {
  constructor(private readonly seekers: SeekersService) {}

  /** Registers a seeker (with `consent: true`) and any availability windows, all or nothing. */
  @Post()
  @ApiOperation({ summary: 'Register a job seeker (with consent)' })
  @ApiBadRequestResponse({ description: 'a field breaks its rule (problem `errors` name each)' })
  @Roles('coordinator')
  @ApiCreatedResponse({ type: SeekerResponse })
  @ApiIdempotencyKey('a retry with the same key gets the same seeker, not a second one')
  create(
    @Body() dto: CreateSeekerDto,
    @CurrentPrincipal() principal: Principal,
    @IdempotencyKey() idempotencyKey?: string,
  ): Promise<SeekerResponse> {
    return this.seekers.create(dto, principal, idempotencyKey);
  }

  @Get()
  @ApiOperation({ summary: 'List job seekers' })
  @Roles('coordinator')
  @ApiOkResponse({ type: SeekerPage })
  list(@Query() query: ListSeekersQuery, @CurrentPrincipal() principal: Principal): Promise<Page<SeekerResponse>> {
    return this.seekers.list(query, principal);
  }

  @Get('export')
  @ApiOperation({ summary: 'Export the listed job seekers as CSV or XLSX (the list’s filters; one access-log entry)' })
  @Roles('coordinator')
  @ApiProduces(...SPREADSHEET_CONTENT_TYPES)
  @ApiOkResponse({ description: 'the file, Korean headers' })
  async export(@Query() query: ExportSeekersQuery, @CurrentPrincipal() principal: Principal): Promise<StreamableFile> {
    const format = query.format ?? 'xlsx';
    return sendTable(format, '구직자', await this.seekers.exportTable(query, principal, format));
  }

  @Get(':id')
  @ApiOperation({ summary: 'One job seeker' })
  @ApiNotFoundResponse({ description: 'unknown id, or not visible to the caller' })
  @ApiOkResponse({ type: SeekerResponse })
  get(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<SeekerResponse> {
    return this.seekers.get(id, principal);
  }

  /** PIPA withdrawal (the seeker or a coordinator): personal fields erased, placements kept anonymously. */
  @Delete(':id')
  @ApiOperation({ summary: 'Withdraw a seeker (PIPA erasure)' })
  @ApiNotFoundResponse({ description: 'unknown id, or not visible to the caller' })
  @HttpCode(204)
  @ApiNoContentResponse()
  withdraw(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<void> {
    return this.seekers.withdraw(id, principal);
  }

  /** Profile changes; `status: inactive` takes the seeker out of matching. */
  @Patch(':id')
  @ApiOperation({ summary: 'Change a seeker’s profile' })
  @ApiBadRequestResponse({ description: 'a field breaks its rule (problem `errors` name each)' })
  @ApiNotFoundResponse({ description: 'unknown id, or not visible to the caller' })
  @ApiOkResponse({ type: SeekerResponse })
  update(
    @Param('id') id: string,
    @Body() dto: UpdateSeekerDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SeekerResponse> {
    return this.seekers.update(id, dto, principal);
  }

  @Get(':id/availability')
  @ApiOperation({ summary: 'A seeker’s availability windows' })
  @ApiNotFoundResponse({ description: 'unknown id, or not visible to the caller' })
  @ApiOkResponse({ type: [AvailabilityWindowResponse] })
  listAvailability(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<AvailabilityWindowResponse[]> {
    return this.seekers.listAvailability(id, principal);
  }

  @Post(':id/availability')
  @ApiOperation({ summary: 'Add an availability window' })
  @ApiBadRequestResponse({ description: 'a field breaks its rule (problem `errors` name each)' })
  @ApiNotFoundResponse({ description: 'unknown id, or not visible to the caller' })
  @ApiCreatedResponse({ type: AvailabilityWindowResponse })
  @ApiIdempotencyKey()
  addAvailability(
    @Param('id') id: string,
    @Body() dto: AvailabilityWindowDto,
    @CurrentPrincipal() principal: Principal,
    @IdempotencyKey() idempotencyKey?: string,
  ): Promise<AvailabilityWindowResponse> {
    return this.seekers.addAvailability(id, dto, principal, idempotencyKey);
  }

  @Delete(':id/availability/:windowId')
  @ApiOperation({ summary: 'Remove an availability window' })
  @ApiNotFoundResponse({ description: 'unknown id, or not visible to the caller' })
  @HttpCode(204)
  @ApiNoContentResponse()
  removeAvailability(
    @Param('id') id: string,
    @Param('windowId') windowId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<void> {
    return this.seekers.removeAvailability(id, windowId, principal);
  }
}
