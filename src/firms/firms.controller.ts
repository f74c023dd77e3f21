import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Page } from '../common/pagination';
import { CreateFirmDto, FirmPage, FirmResponse, ListFirmsQuery, UpdateFirmDto } from './dto/firm.dto';
import { FirmsService } from './firms.service';

@ApiTags('firms')
@Controller('firms')
export class FirmsController {
  constructor(private readonly firms: FirmsService) {}

  @Post()
  @ApiCreatedResponse({ type: FirmResponse })
  create(@Body() dto: CreateFirmDto): Promise<FirmResponse> {
    return this.firms.create(dto);
  }

  @Get()
  @ApiOkResponse({ type: FirmPage })
  list(@Query() query: ListFirmsQuery): Promise<Page<FirmResponse>> {
    return this.firms.list(query);
  }

  @Get(':id')
  @ApiOkResponse({ type: FirmResponse })
  get(@Param('id') id: string): Promise<FirmResponse> {
    return this.firms.get(id);
  }

  @Patch(':id')
  @ApiOkResponse({ type: FirmResponse })
  update(@Param('id') id: string, @Body() dto: UpdateFirmDto): Promise<FirmResponse> {
    return this.firms.update(id, dto);
  }

  /** Cancels the firm and its open leave gaps. */
  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOkResponse({ type: FirmResponse })
  cancel(@Param('id') id: string): Promise<FirmResponse> {
    return this.firms.cancel(id);
  }
}
