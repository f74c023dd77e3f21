import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Page } from '../common/pagination';
import { ListPlacementsQuery, PlacementPage, PlacementResponse } from './dto/placement.dto';
import { PlacementsService } from './placements.service';

@ApiTags('placements')
@Controller('placements')
export class PlacementsController {
  constructor(private readonly placements: PlacementsService) {}

  @Get()
  @ApiOkResponse({ type: PlacementPage })
  list(@Query() query: ListPlacementsQuery): Promise<Page<PlacementResponse>> {
    return this.placements.list(query);
  }

  @Get(':id')
  @ApiOkResponse({ type: PlacementResponse })
  get(@Param('id') id: string): Promise<PlacementResponse> {
    return this.placements.get(id);
  }
}
