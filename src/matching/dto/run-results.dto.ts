import { ApiProperty } from '@nestjs/swagger';
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

export class RunResultsResponse {
  @ApiProperty({ format: 'uuid' }) matchRunId: string;
  @ApiProperty({ enum: MATCH_RUN_STATUSES }) status: MatchRunStatus;
  @ApiProperty({ type: [ProposalView] }) proposals: ProposalView[];
  @ApiProperty({ type: [UnfilledGapView] }) unfilled: UnfilledGapView[];
}
