import { Controller, Get, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ApiSignedIn } from '../auth/api-docs';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { Page } from '../common/pagination';
import { ListPlacementsQuery, PlacementPage, PlacementResponse } from './dto/placement.dto';
import { PlacementsService } from './placements.service';
import { ExportPlacementsQuery } from './placement-export';
import { SPREADSHEET_CONTENT_TYPES, sendTable } from '../spreadsheets/send-table';

/** Every role reads placements, each only its own (see PlacementsService). */
@ApiTags('placements')
@ApiSignedIn()
@Roles('coordinator', 'firm', 'seeker')
@Controller('placements')
export class PlacementsController {
  constructor(private readonly placements: PlacementsService) {}

  @Get()
  @ApiOperation({ summary: 'List placements (each role its own)' })
  @ApiOkResponse({ type: PlacementPage })
  list(@Query() query: ListPlacementsQuery, @CurrentPrincipal() principal: Principal): Promise<Page<PlacementResponse>> {
    return this.placements.list(query, principal);
  }

  @Get('export')
  @ApiOperation({ summary: 'Export the listed placements as CSV or XLSX (the list’s filters; each role its own)' })
  @ApiProduces(...SPREADSHEET_CONTENT_TYPES)
  @ApiOkResponse({ description: 'the file, Korean headers' })
  async export(@Query() query: ExportPlacementsQuery, @CurrentPrincipal() principal: Principal): Promise<StreamableFile> {
    const format = query.format ?? 'xlsx';
    return sendTable(format, '배치', await this.placements.exportTable(query, principal, format));
  }

  @Get(':id')
  @ApiOperation({ summary: 'One placement' })
  @ApiNotFoundResponse({ description: 'unknown id, or not visible to the caller' })
  @ApiOkResponse({ type: PlacementResponse })
  get(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<PlacementResponse> {
    return this.placements.get(id, principal);
  }
}
