import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Page } from '../common/pagination';
import { AvailabilityWindowDto, AvailabilityWindowResponse } from './dto/availability.dto';
import { CreateSeekerDto, ListSeekersQuery, SeekerPage, SeekerResponse, UpdateSeekerDto } from './dto/seeker.dto';
import { SeekersService } from './seekers.service';

@ApiTags('seekers')
@Controller('seekers')
export class SeekersController {
  constructor(private readonly seekers: SeekersService) {}

  /** Registers a seeker (with `consent: true`) and any availability windows, all or nothing. */
  @Post()
  @ApiCreatedResponse({ type: SeekerResponse })
  create(@Body() dto: CreateSeekerDto): Promise<SeekerResponse> {
    return this.seekers.create(dto);
  }

  @Get()
  @ApiOkResponse({ type: SeekerPage })
  list(@Query() query: ListSeekersQuery): Promise<Page<SeekerResponse>> {
    return this.seekers.list(query);
  }

  @Get(':id')
  @ApiOkResponse({ type: SeekerResponse })
  get(@Param('id') id: string): Promise<SeekerResponse> {
    return this.seekers.get(id);
  }

  /** Profile changes; `status: inactive` takes the seeker out of matching. */
  @Patch(':id')
  @ApiOkResponse({ type: SeekerResponse })
  update(@Param('id') id: string, @Body() dto: UpdateSeekerDto): Promise<SeekerResponse> {
    return this.seekers.update(id, dto);
  }

  @Get(':id/availability')
  @ApiOkResponse({ type: [AvailabilityWindowResponse] })
  listAvailability(@Param('id') id: string): Promise<AvailabilityWindowResponse[]> {
    return this.seekers.listAvailability(id);
  }

  @Post(':id/availability')
  @ApiCreatedResponse({ type: AvailabilityWindowResponse })
  addAvailability(@Param('id') id: string, @Body() dto: AvailabilityWindowDto): Promise<AvailabilityWindowResponse> {
    return this.seekers.addAvailability(id, dto);
  }

  @Delete(':id/availability/:windowId')
  @HttpCode(204)
  @ApiNoContentResponse()
  removeAvailability(@Param('id') id: string, @Param('windowId') windowId: string): Promise<void> {
    return this.seekers.removeAvailability(id, windowId);
  }
}
