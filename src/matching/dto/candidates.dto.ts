import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import type { FeasibilityRule, ScoreBreakdown } from '../core/types';
import { GapRef, NearMissView, SeekerRef } from './run-results.dto';

export class CandidatesQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit: number = 20;
}

export class CandidateView {
  @ApiProperty({ type: SeekerRef }) seeker: SeekerRef;
  @ApiProperty() score: number;
  @ApiProperty() breakdown: ScoreBreakdown;
  @ApiProperty() commuteMinutes: number;
}

export class CandidatesResponse {
  @ApiProperty({ type: GapRef }) leaveGap: GapRef;
  @ApiProperty({ description: 'the day the ranking is for (Asia/Seoul)' }) asOf: string;
  @ApiProperty({ type: [CandidateView], description: 'feasible seekers, best first' }) candidates: CandidateView[];
  @ApiProperty() feasibleCandidates: number;
  @ApiProperty() excludedBy: { [rule in FeasibilityRule]: number };
  @ApiProperty({ type: [NearMissView] }) nearMisses: NearMissView[];
  @ApiProperty({ type: [String], description: 'why nobody fits; empty when someone does' }) explanation: string[];
}
