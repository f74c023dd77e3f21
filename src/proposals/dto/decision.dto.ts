import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { PlacementResponse } from '../../placements/dto/placement.dto';
import { CANCELLATION_CODES, CancellationCode } from '../../placements/placement.entity';
import { PROPOSAL_STATUSES, Proposal, ProposalStatus } from '../proposal.entity';

export const MAX_REASON_LENGTH = 500;

/** Why the firm or the seeker said no, or why a placement ends: the coordinator's own note, never shown to either party. */
export class ReasonDto {
  @ApiProperty({ minLength: 1, maxLength: MAX_REASON_LENGTH, example: '회사 사정으로 채용 보류' })
  @IsString()
  @MinLength(1)
  @MaxLength(MAX_REASON_LENGTH)
  @Matches(/\S/, { message: 'reason must not be blank' })
  reason: string;
}

/** Cancelling a placement: the internal note, and the coded reason the firm and the seeker are shown. */
export class CancelPlacementDto extends ReasonDto {
  @ApiPropertyOptional({ enum: CANCELLATION_CODES, default: 'other', description: 'what the firm and the seeker are told' })
  @IsOptional()
  @IsIn(CANCELLATION_CODES)
  publicReason?: CancellationCode;
}

export class ProposalDecisionResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) matchRunId: string;
  @ApiProperty({ format: 'uuid' }) leaveGapId: string;
  @ApiProperty({ format: 'uuid' }) seekerId: string;
  @ApiProperty({ enum: PROPOSAL_STATUSES }) status: ProposalStatus;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) placementId: string | null;
  @ApiProperty({ nullable: true, type: Date }) decidedAt: Date | null;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
}

export class ConfirmationResponse {
  @ApiProperty({ type: ProposalDecisionResponse }) proposal: ProposalDecisionResponse;
  @ApiProperty({ type: PlacementResponse }) placement: PlacementResponse;
  @ApiProperty({ type: [String], description: 'proposals the confirmation made impossible (same gap, or same seeker on overlapping days)' })
  supersededProposalIds: string[];
}

export function toProposalDecisionResponse(proposal: Proposal): ProposalDecisionResponse {
  return {
    id: proposal.id,
    matchRunId: proposal.matchRunId,
    leaveGapId: proposal.leaveGapId,
    seekerId: proposal.seekerId,
    status: proposal.status,
    placementId: proposal.placementId,
    decidedAt: proposal.decidedAt,
    reason: proposal.reason,
  };
}
