import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiSignedIn } from '../auth/api-docs';
import { Roles } from '../auth/auth.decorators';
import { CatalogService } from './catalog.service';
import { CatalogEntryResponse, CatalogListResponse, CatalogQuery, CreateCatalogEntryDto } from './dto/catalog.dto';

/** The skill and certification codes seekers and gaps may name; everyone signed in reads, coordinators add. */
@ApiTags('catalog')
@ApiSignedIn()
@Controller('catalog')
export class CatalogController {
  constructor(private readonly catalog: CatalogService) {}

  @Get()
  @Roles('coordinator', 'firm', 'seeker')
  @ApiOperation({ summary: 'List or search skill and certification codes' })
  @ApiOkResponse({ type: CatalogListResponse })
  list(@Query() query: CatalogQuery): Promise<CatalogListResponse> {
    return this.catalog.list(query);
  }

  /** 409 `catalog.duplicate_code` when the code exists. */
  @Post()
  @Roles('coordinator')
  @ApiOperation({ summary: 'Add a skill or certification code' })
  @ApiCreatedResponse({ type: CatalogEntryResponse })
  create(@Body() dto: CreateCatalogEntryDto): Promise<CatalogEntryResponse> {
    return this.catalog.create(dto);
  }
}
