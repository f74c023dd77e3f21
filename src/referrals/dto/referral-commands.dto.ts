import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { IsCalendarDate } from '../../common/calendar-date';
import {
  ENDED_EARLY_REASONS,
  EndedEarlyReason,
  FIRM_DECLINE_REASONS,
  FirmDeclineReason,
  SEEKER_DECLINE_REASONS,
  SeekerDeclineReason,
  WITHDRAWAL_REASONS,
  WithdrawalReason,
} from '../referral-states';

export const MAX_NOTE_LENGTH = 500;

/** The coordinator's free note on a step: coordinators only send it, and only they ever read it. */
export class CoordinatorNoteDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: MAX_NOTE_LENGTH, description: 'coordinators only; never shown to the firm or the seeker', example: '전화로 의사 확인' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(MAX_NOTE_LENGTH)
  @Matches(/\S/, { message: 'note must not be blank' })
  note?: string;
}

export class CreateReferralDto extends CoordinatorNoteDto {}

export const SEEKER_ANSWERS = ['accept', 'decline'] as const;
export type SeekerAnswer = (typeof SEEKER_ANSWERS)[number];

export class SeekerAnswerDto extends CoordinatorNoteDto {
  @ApiProperty({ enum: SEEKER_ANSWERS })
  @IsIn(SEEKER_ANSWERS)
  answer: SeekerAnswer;

  @ApiPropertyOptional({ enum: SEEKER_DECLINE_REASONS, description: 'required when declining, not allowed when accepting' })
  @ValidateIf((dto: SeekerAnswerDto) => dto.answer === 'decline' || dto.reasonCode !== undefined)
  @IsIn(SEEKER_DECLINE_REASONS)
  reasonCode?: SeekerDeclineReason;
}

export const FIRM_ANSWERS = ['interview', 'hire', 'decline'] as const;
export type FirmAnswer = (typeof FIRM_ANSWERS)[number];

export class FirmAnswerDto extends CoordinatorNoteDto {
  @ApiProperty({ enum: FIRM_ANSWERS })
  @IsIn(FIRM_ANSWERS)
  answer: FirmAnswer;

  @ApiPropertyOptional({ example: '2027-03-02', description: "hire only, required: the first day worked, within the gap's placement period" })
  @ValidateIf((dto: FirmAnswerDto) => dto.answer === 'hire' || dto.startDate !== undefined)
  @IsCalendarDate()
  startDate?: string;

  @ApiPropertyOptional({ enum: FIRM_DECLINE_REASONS, description: 'decline only, optional (declines without a code flag the firm)' })
  @IsOptional()
  @IsIn(FIRM_DECLINE_REASONS)
  reasonCode?: FirmDeclineReason;
}

export const PLACEMENT_OUTCOMES = ['retained_30_days', 'ended_early'] as const;
export type PlacementOutcome = (typeof PLACEMENT_OUTCOMES)[number];

export class PlacementOutcomeDto extends CoordinatorNoteDto {
  @ApiProperty({ enum: PLACEMENT_OUTCOMES })
  @IsIn(PLACEMENT_OUTCOMES)
  outcome: PlacementOutcome;

  @ApiPropertyOptional({ example: '2027-04-10', description: 'ended_early only, required: the last day worked' })
  @ValidateIf((dto: PlacementOutcomeDto) => dto.outcome === 'ended_early' || dto.endedOn !== undefined)
  @IsCalendarDate()
  endedOn?: string;

  @ApiPropertyOptional({ enum: ENDED_EARLY_REASONS, description: 'ended_early only, required' })
  @ValidateIf((dto: PlacementOutcomeDto) => dto.outcome === 'ended_early' || dto.reasonCode !== undefined)
  @IsIn(ENDED_EARLY_REASONS)
  reasonCode?: EndedEarlyReason;
}

export class WithdrawReferralDto extends CoordinatorNoteDto {
  @ApiProperty({ enum: WITHDRAWAL_REASONS })
  @IsIn(WITHDRAWAL_REASONS)
  reasonCode: WithdrawalReason;
}
