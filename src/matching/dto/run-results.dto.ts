import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { FEASIBILITY_RULES, type FeasibilityRule, type ScoreBreakdown } from '../core/types';
import { PROPOSAL_STATUSES, type ProposalStatus } from '../../proposals/proposal.entity';
import { MATCH_RUN_STATUSES, type MatchRunStatus } from '../match-run.entity';

/** Seekers are named to coordinators only (every matching endpoint is coordinator-only). */
export class SeekerRef {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() displayName: string;
}

export class FirmRef {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

export class GapRef {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() roleTitle: string;
  @ApiProperty({ type: FirmRef }) firm: FirmRef;
  @ApiProperty({ example: { start: '2026-02-16', end: '2026-05-30' } }) period: { start: string; end: string };
  @ApiProperty() weeklyHours: number;
}

export class RankedAlternative {
  @ApiProperty({ type: SeekerRef }) seeker: SeekerRef;
  @ApiProperty() score: number;
}

export class ProposalView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: PROPOSAL_STATUSES }) status: ProposalStatus;
  @ApiProperty({ type: SeekerRef }) seeker: SeekerRef;
  @ApiProperty({ type: GapRef }) leaveGap: GapRef;
  @ApiProperty({ description: '0..100' }) score: number;
  @ApiProperty({ description: 'parts that add up to the score' }) breakdown: ScoreBreakdown;
  @ApiProperty() commuteMinutes: number;
  @ApiProperty({ type: [RankedAlternative], description: 'other feasible seekers, best first' }) alternatives: RankedAlternative[];
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) placementId: string | null;
  @ApiProperty({ nullable: true, type: Date }) decidedAt: Date | null;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
}

export class NearMissView {
  @ApiProperty({ type: SeekerRef }) seeker: SeekerRef;
  @ApiProperty({ enum: FEASIBILITY_RULES }) failed: FeasibilityRule;
  @ApiProperty({ example: '72 min > 60 min' }) detail: string;
}

export class UnfilledGapView {
  @ApiProperty({ type: GapRef }) leaveGap: GapRef;
  @ApiProperty() feasibleCandidates: number;
  @ApiProperty({ description: 'seekers failing each rule (a seeker failing two rules counts under both)' })
  excludedBy: { [rule in FeasibilityRule]: number };
  @ApiProperty({ type: [NearMissView] }) nearMisses: NearMissView[];
  @ApiProperty({ type: [String], example: ['Nobody meets every requirement.', '3 seekers fail only the commute limit (nearest: 72 min > 60 min).'] })
  explanation: string[];
}

export const MAX_RESULTS_LIMIT = 5_000;

/** A window of a run's results, narrowed to a complex, a gap or a proposal status. */
export class RunResultsQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'only gaps of firms in this complex' })
  @IsOptional()
  @IsUUID()
  complexId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'only this gap' })
  @IsOptional()
  @IsUUID()
  leaveGapId?: string;

  @ApiPropertyOptional({ enum: PROPOSAL_STATUSES, description: 'only proposals in this status (unfilled gaps are then left out)' })
  @IsOptional()
  @IsIn(PROPOSAL_STATUSES)
  status?: ProposalStatus;

  @ApiPropertyOptional({ minimum: 0, default: 0, description: 'skip this many proposals and as many unfilled gaps' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset: number = 0;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_RESULTS_LIMIT, default: 1000, description: 'at most this many of each list' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_RESULTS_LIMIT)
  limit: number = 1000;
}

export class RunResultsTotals {
  @ApiProperty({ description: 'proposals matching the filters, all pages' }) proposals: number;
  @ApiProperty({ description: 'unfilled gaps matching the filters, all pages' }) unfilled: number;
}

export class RunResultsResponse {
  @ApiProperty({ format: 'uuid' }) matchRunId: string;
  @ApiProperty({ enum: MATCH_RUN_STATUSES }) status: MatchRunStatus;
  @ApiProperty({ type: [ProposalView], description: 'by firm name, period start, gap id; offset..offset+limit' })
  proposals: ProposalView[];
  @ApiProperty({ type: [UnfilledGapView], description: 'same order and window as proposals' }) unfilled: UnfilledGapView[];
  @ApiProperty() offset: number;
  @ApiProperty() limit: number;
  @ApiProperty({ type: RunResultsTotals }) totals: RunResultsTotals;
}
