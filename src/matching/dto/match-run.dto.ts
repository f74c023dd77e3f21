import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsObject, IsOptional, IsUUID, Max, Min, ValidateNested } from 'class-validator';
import { IsCalendarDate } from '../../common/calendar-date';
import { MAX_MATCH_RUN_TIME_LIMIT_SECONDS } from '../../config/environment';
import { PageOf, PageQuery } from '../../common/pagination';
import { SCORE_PARTS, type MatchStats, type ScoreWeights } from '../core/types';
import { MATCH_RUN_STATUSES, MatchRun, MatchRunStatus } from '../match-run.entity';

export const DEFAULT_TIME_LIMIT_MS = 20_000;
export const MAX_TIME_LIMIT_MS = MAX_MATCH_RUN_TIME_LIMIT_SECONDS * 1000;

export class HorizonDto {
  @ApiProperty({ example: '2026-03-01' })
  @IsCalendarDate()
  from: string;

  @ApiProperty({ example: '2026-08-31', description: 'inclusive' })
  @IsCalendarDate()
  to: string;
}

export class CreateMatchRunDto {
  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'open gaps of firms in these complexes' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1_000)
  @IsUUID('all', { each: true })
  complexIds?: string[];

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'and these gaps; with neither list, every complex' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10_000)
  @IsUUID('all', { each: true })
  leaveGapIds?: string[];

  @ApiPropertyOptional({ type: HorizonDto, description: 'only gaps whose placement period overlaps it' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => HorizonDto)
  horizon?: HorizonDto;

  @ApiPropertyOptional({ description: `score weights by breakdown part (${SCORE_PARTS.join(', ')})`, example: { commute: 2 } })
  @IsOptional()
  @IsObject()
  weights?: ScoreWeights;

  @ApiPropertyOptional({ minimum: 100, maximum: MAX_TIME_LIMIT_MS, default: DEFAULT_TIME_LIMIT_MS })
  @IsOptional()
  @IsInt()
  @Min(100)
  @Max(MAX_TIME_LIMIT_MS)
  timeLimitMs?: number;
}

export class ListMatchRunsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: MATCH_RUN_STATUSES })
  @IsOptional()
  @IsIn(MATCH_RUN_STATUSES)
  status?: MatchRunStatus;
}

export class MatchRunTimings {
  @ApiProperty() queuedAt: Date;
  @ApiProperty({ nullable: true, type: Date }) startedAt: Date | null;
  @ApiProperty({ nullable: true, type: Date }) finishedAt: Date | null;
  @ApiProperty({ nullable: true, type: Number, description: "the engine's own solve time" }) solveMs: number | null;
}

export class MatchRunResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: MATCH_RUN_STATUSES }) status: MatchRunStatus;
  @ApiProperty({ description: 'complexIds, leaveGapIds, horizon as requested' }) scope: Record<string, unknown>;
  @ApiProperty({ nullable: true, type: Object }) weights: ScoreWeights | null;
  @ApiProperty() timeLimitMs: number;
  @ApiProperty({ description: 'the day the run is for (Asia/Seoul)' }) asOf: string;
  @ApiProperty() attempts: number;
  @ApiProperty({ nullable: true, type: Object, description: "the engine's stats" }) stats: MatchStats | null;
  @ApiProperty({ nullable: true, type: String }) error: string | null;
  @ApiProperty({ type: MatchRunTimings }) timings: MatchRunTimings;
}

export class MatchRunPage extends PageOf(MatchRunResponse) {}

export function toMatchRunResponse(run: MatchRun): MatchRunResponse {
  return {
    id: run.id,
    status: run.status,
    scope: { ...run.scope },
    weights: run.weights,
    timeLimitMs: run.timeLimitMs,
    asOf: run.asOf,
    attempts: run.attempts,
    stats: run.stats,
    error: run.errorMessage,
    timings: { queuedAt: run.queuedAt, startedAt: run.startedAt, finishedAt: run.finishedAt, solveMs: run.solveMs },
  };
}
