import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { Page } from '../common/pagination';
import { AvailabilityWindowDto, AvailabilityWindowResponse } from './dto/availability.dto';
import { CreateSeekerDto, ListSeekersQuery, SeekerPage, SeekerResponse, UpdateSeekerDto } from './dto/seeker.dto';
import { SeekersService } from './seekers.service';

/**
 * Coordinators register seekers (with their consent) and see them all, each read logged; a
 * seeker user sees and changes only their own profile and availability (others: 404).
 */
@ApiTags('seekers')
@ApiBearerAuth()
@Roles('coordinator', 'seeker')
@Controller('seekers')
export class SeekersController {
  constructor(private readonly seekers: SeekersService) {}

  /** Registers a seeker (with `consent: true`) and any availability windows, all or nothing. */
  @Post()
  @Roles('coordinator')
  @ApiCreatedResponse({ type: SeekerResponse })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'a retry with the same key gets the same seeker, not a second one' })
  create(
    @Body() dto: CreateSeekerDto,
    @CurrentPrincipal() principal: Principal,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<SeekerResponse> {
    return this.seekers.create(dto, principal, idempotencyKey);
  }

  @Get()
  @Roles('coordinator')
  @ApiOkResponse({ type: SeekerPage })
  list(@Query() query: ListSeekersQuery, @CurrentPrincipal() principal: Principal): Promise<Page<SeekerResponse>> {
    return this.seekers.list(query, principal);
  }

  @Get(':id')
  @ApiOkResponse({ type: SeekerResponse })
  get(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<SeekerResponse> {
    return this.seekers.get(id, principal);
  }

  /** PIPA withdrawal (the seeker or a coordinator): personal fields erased, placements kept anonymously. */
  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse()
  withdraw(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<void> {
    return this.seekers.withdraw(id, principal);
  }

  /** Profile changes; `status: inactive` takes the seeker out of matching. */
  @Patch(':id')
  @ApiOkResponse({ type: SeekerResponse })
  update(
    @Param('id') id: string,
    @Body() dto: UpdateSeekerDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SeekerResponse> {
    return this.seekers.update(id, dto, principal);
  }

  @Get(':id/availability')
  @ApiOkResponse({ type: [AvailabilityWindowResponse] })
  listAvailability(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<AvailabilityWindowResponse[]> {
    return this.seekers.listAvailability(id, principal);
  }

  @Post(':id/availability')
  @ApiCreatedResponse({ type: AvailabilityWindowResponse })
  addAvailability(
    @Param('id') id: string,
    @Body() dto: AvailabilityWindowDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<AvailabilityWindowResponse> {
    return this.seekers.addAvailability(id, dto, principal);
  }

  @Delete(':id/availability/:windowId')
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
