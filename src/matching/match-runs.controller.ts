import { Readable } from 'node:stream';
import { Body, Controller, Get, HttpCode, Param, Post, Query, StreamableFile } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiSignedIn } from '../auth/api-docs';
import { Language, RequestLanguage } from '../common/messages/language';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { Page } from '../common/pagination';
import { CreateMatchRunDto, ListMatchRunsQuery, MatchRunPage, MatchRunResponse } from './dto/match-run.dto';
import { RunResultsQuery, RunResultsResponse } from './dto/run-results.dto';
import { MatchRunsService } from './match-runs.service';
import { RunResultsService } from './run-results.service';
import { ApiIdempotencyKey, IdempotencyKey } from '../idempotency/idempotency-key.decorators';

@ApiSignedIn()
@ApiTags('match-runs')
@Roles('coordinator')
@Controller('match-runs')
export class MatchRunsController {
  constructor(
    private readonly runs: MatchRunsService,
    private readonly results: RunResultsService,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Start a match run for a scope' })
  @ApiBadRequestResponse({ description: 'a field breaks its rule (problem `errors` name each)' })
  @HttpCode(202)
  @ApiAcceptedResponse({ type: MatchRunResponse, description: 'queued; poll GET /match-runs/{id}' })
  @ApiConflictResponse({ description: 'match_run.scope_busy: a queued or running run overlaps the scope' })
  @ApiIdempotencyKey('a retry with the same key answers the run the first request started')
  create(
    @Body() dto: CreateMatchRunDto,
    @CurrentPrincipal() principal: Principal,
    @IdempotencyKey() idempotencyKey?: string,
  ): Promise<MatchRunResponse> {
    return this.runs.create(dto, principal, idempotencyKey);
  }

  @Get()
  @ApiOperation({ summary: 'List match runs' })
  @ApiOkResponse({ type: MatchRunPage })
  list(@Query() query: ListMatchRunsQuery): Promise<Page<MatchRunResponse>> {
    return this.runs.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A match run’s status and progress' })
  @ApiNotFoundResponse({ description: 'unknown id, or not visible to the caller' })
  @ApiOkResponse({ type: MatchRunResponse })
  get(@Param('id') id: string): Promise<MatchRunResponse> {
    return this.runs.get(id);
  }

  @Get(':id/proposals')
  @ApiOperation({ summary: 'A run’s proposals, alternatives and unfilled gaps' })
  @ApiNotFoundResponse({ description: 'unknown id, or not visible to the caller' })
  @ApiOkResponse({ type: RunResultsResponse })
  proposals(
    @Param('id') id: string,
    @Query() query: RunResultsQuery,
    @CurrentPrincipal() principal: Principal,
    @RequestLanguage() language: Language,
  ): Promise<RunResultsResponse> {
    return this.results.get(id, query, principal, language);
  }

  @Get(':id/instance')
  @ApiOperation({ summary: 'The instance a run gave the engine' })
  @ApiNotFoundResponse({ description: 'unknown id, or not visible to the caller' })
  @ApiOkResponse({ description: 'the instance JSON given to the engine (docs/matching-contract.md)' })
  async instance(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<StreamableFile> {
    return new StreamableFile(Readable.from([await this.runs.instance(id, principal)]), { type: 'application/json; charset=utf-8' });
  }

  @Post(':id/retry')
  @ApiOperation({ summary: 'Retry a failed match run' })
  @ApiNotFoundResponse({ description: 'unknown id, or not visible to the caller' })
  @HttpCode(202)
  @ApiAcceptedResponse({ type: MatchRunResponse })
  retry(@Param('id') id: string): Promise<MatchRunResponse> {
    return this.runs.retry(id);
  }
}
