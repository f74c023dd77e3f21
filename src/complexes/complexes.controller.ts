import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators';
import { Page, PageQuery } from '../common/pagination';
import { ComplexesService } from './complexes.service';
import { ComplexPage, ComplexResponse, CreateComplexDto, UpdateComplexDto } from './dto/complex.dto';

/** Reference data everyone signed in may read; only coordinators change it. */
@ApiTags('complexes')
@ApiBearerAuth()
@Roles('coordinator')
@Controller('complexes')
export class ComplexesController {
  constructor(private readonly complexes: ComplexesService) {}

  @Post()
  @ApiCreatedResponse({ type: ComplexResponse })
  create(@Body() dto: CreateComplexDto): Promise<ComplexResponse> {
    return this.complexes.create(dto);
  }

  @Get()
  @Roles('coordinator', 'firm', 'seeker')
  @ApiOkResponse({ type: ComplexPage })
  list(@Query() query: PageQuery): Promise<Page<ComplexResponse>> {
    return this.complexes.list(query);
  }

  @Get(':id')
  @Roles('coordinator', 'firm', 'seeker')
  @ApiOkResponse({ type: ComplexResponse })
  get(@Param('id') id: string): Promise<ComplexResponse> {
    return this.complexes.get(id);
  }

  @Patch(':id')
  @ApiOkResponse({ type: ComplexResponse })
  update(@Param('id') id: string, @Body() dto: UpdateComplexDto): Promise<ComplexResponse> {
    return this.complexes.update(id, dto);
  }

  /** Only a complex without firms can go: 409 `complex.in_use` otherwise. */
  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse()
  remove(@Param('id') id: string): Promise<void> {
    return this.complexes.remove(id);
  }
}
