import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageOf, PageQuery } from '../../common/pagination';
import { ALL_REFERRAL_REASON_CODES, REFERRAL_STATUSES, ReferralStatus } from '../referral-states';
import { REFERRAL_ACTOR_ROLES, ReferralActorRole } from '../referral-step.entity';

export class ListReferralsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: REFERRAL_STATUSES })
  @IsOptional()
  @IsIn(REFERRAL_STATUSES)
  status?: ReferralStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  firmId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  leaveGapId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  seekerId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: "the firm's industrial complex" })
  @IsOptional()
  @IsUUID()
  complexId?: string;
}

/** The job as every party may read it: the firm's name, the role and the dates, nothing about the absent employee. */
export class ReferralJobResponse {
  @ApiProperty() firmName: string;
  @ApiProperty() roleTitle: string;
  @ApiProperty({ example: '2027-03-02' }) placementStart: string;
  @ApiProperty({ example: '2027-06-13', description: 'inclusive' }) placementEnd: string;
}

/** Who was referred, for coordinators and the firm: the name only, never the phone or address. */
export class ReferralSeekerResponse {
  @ApiProperty({ nullable: true, type: String, description: 'null once the seeker withdrew (erased)' }) displayName: string | null;
}

/** Coordinators only: declines without a coded reason by the referral's firm (see docs/referrals.md, 시행령 §15-2). */
export class FirmFlagResponse {
  @ApiProperty() uncodedDeclines: number;
  @ApiProperty({ description: 'two or more referrals declined without a coded reason' }) flagged: boolean;
}

export class ReferralStepResponse {
  @ApiProperty({ enum: REFERRAL_STATUSES }) status: ReferralStatus;
  @ApiProperty({ nullable: true, type: String, enum: ALL_REFERRAL_REASON_CODES }) reasonCode: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'hired: the start date; ended_early: the last day worked' }) effectiveDate: string | null;
  @ApiProperty({ enum: REFERRAL_ACTOR_ROLES }) actorRole: ReferralActorRole;
  @ApiProperty() occurredAt: Date;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'coordinators only' }) coordinatorNote?: string | null;
}

export class ReferralResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) proposalId: string;
  @ApiProperty({ format: 'uuid' }) leaveGapId: string;
  @ApiProperty({ format: 'uuid' }) seekerId: string;
  @ApiProperty({ format: 'uuid' }) firmId: string;
  @ApiProperty({ enum: REFERRAL_STATUSES }) status: ReferralStatus;
  @ApiProperty({ nullable: true, type: String, enum: ALL_REFERRAL_REASON_CODES }) reasonCode: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) placementId: string | null;
  @ApiProperty({ nullable: true, type: String }) startDate: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'ended_early: the last day worked' }) endedOn: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'placed: the first day the placement counts as kept (30 days)' }) retentionDueOn: string | null;
  @ApiProperty() offeredAt: Date;
  @ApiProperty() statusChangedAt: Date;
  @ApiProperty({ type: ReferralJobResponse }) job: ReferralJobResponse;
  @ApiPropertyOptional({ type: ReferralSeekerResponse, description: 'coordinators and the firm' }) seeker?: ReferralSeekerResponse;
  @ApiPropertyOptional({ type: FirmFlagResponse, description: 'coordinators only' }) firmFlag?: FirmFlagResponse;
}

export class ReferralDetailResponse extends ReferralResponse {
  @ApiProperty({ type: [ReferralStepResponse], description: 'every move, oldest first' }) steps: ReferralStepResponse[];
}

export class ReferralPage extends PageOf(ReferralResponse) {}
