import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiSignedIn } from '../auth/api-docs';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { Page, PageQuery } from '../common/pagination';
import { ComplexesService } from './complexes.service';
import { ComplexPage, ComplexResponse, CreateComplexDto, UpdateComplexDto } from './dto/complex.dto';
import { ApiIdempotencyKey, IdempotencyKey } from '../idempotency/idempotency-key.decorators';

/** Reference data everyone signed in may read; only coordinators change it. */
@ApiTags('complexes')
@ApiSignedIn()
@Roles('coordinator')
@Controller('complexes')
export class ComplexesController {
  constructor(private readonly complexes: ComplexesService) {}

  @Post()
  @ApiOperation({ summary: 'Register an industrial complex' })
  @ApiBadRequestResponse({ description: 'a field breaks its rule (problem `errors` name each)' })
  @ApiCreatedResponse({ type: ComplexResponse })
  @ApiIdempotencyKey()
  create(
    @Body() dto: CreateComplexDto,
    @CurrentPrincipal() principal: Principal,
    @IdempotencyKey() idempotencyKey?: string,
  ): Promise<ComplexResponse> {
    return this.complexes.create(dto, principal, idempotencyKey);
  }

  @Get()
  @ApiOperation({ summary: 'List industrial complexes' })
  @Roles('coordinator', 'firm', 'seeker')
  @ApiOkResponse({ type: ComplexPage })
  list(@Query() query: PageQuery): Promise<Page<ComplexResponse>> {
    return this.complexes.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One industrial complex' })
  @ApiNotFoundResponse({ description: 'unknown id, or not visible to the caller' })
  @Roles('coordinator', 'firm', 'seeker')
  @ApiOkResponse({ type: ComplexResponse })
  get(@Param('id') id: string): Promise<ComplexResponse> {
    return this.complexes.get(id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change an industrial complex' })
  @ApiBadRequestResponse({ description: 'a field breaks its rule (problem `errors` name each)' })
  @ApiNotFoundResponse({ description: 'unknown id, or not visible to the caller' })
  @ApiOkResponse({ type: ComplexResponse })
  update(@Param('id') id: string, @Body() dto: UpdateComplexDto): Promise<ComplexResponse> {
    return this.complexes.update(id, dto);
  }

  /** Only a complex without firms can go: 409 `complex.in_use` otherwise. */
  @Delete(':id')
  @ApiOperation({ summary: 'Delete a complex that has no firms' })
  @ApiNotFoundResponse({ description: 'unknown id, or not visible to the caller' })
  @HttpCode(204)
  @ApiNoContentResponse()
  remove(@Param('id') id: string): Promise<void> {
    return this.complexes.remove(id);
  }
}
