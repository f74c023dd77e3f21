import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageOf, PageQuery } from '../../common/pagination';
import { LocationDto, toLocation } from '../../common/location.dto';
import type { Firm } from '../../firms/firm.entity';
import type { LeaveGap } from '../../leave-gaps/leave-gap.entity';
import { LeaveGapReader, visibleLeaveType } from '../../leave-gaps/leave-types';
import type { Seeker } from '../../seekers/seeker.entity';
import { SubsidyResponse, toSubsidyResponse } from '../../subsidies/dto/subsidy.dto';
import { subsidyCaseOf } from '../../subsidies/gap-subsidy';
import { estimateReplacementWorker } from '../../subsidies/subsidy';
import { DatePeriod, parseDateRange } from '../placement-period';
import { CANCELLATION_CODES, CancellationCode, PLACEMENT_STATUSES, Placement, PlacementStatus } from '../placement.entity';

export class ListPlacementsQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  seekerId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  leaveGapId?: string;

  @ApiPropertyOptional({ enum: PLACEMENT_STATUSES })
  @IsOptional()
  @IsIn(PLACEMENT_STATUSES)
  status?: PlacementStatus;
}

export class PeriodResponse implements DatePeriod {
  @ApiProperty({ example: '2026-02-16' }) start: string;
  @ApiProperty({ example: '2026-05-30', description: 'inclusive' }) end: string;
}

/** What a firm learns about the seeker placed with it: only for a confirmed placement. */
export class PlacementContactResponse {
  @ApiProperty() displayName: string;
  @ApiProperty() phone: string;
  @ApiProperty({ nullable: true, type: String }) email: string | null;
}

/** What a seeker is shown about the job: never the leave type or anything else about the absent employee. */
export class PlacementJobResponse {
  @ApiProperty() roleTitle: string;
  @ApiProperty({ format: 'uuid' }) firmId: string;
  @ApiProperty() firmName: string;
  @ApiProperty() address: string;
  @ApiProperty({ type: LocationDto }) site: LocationDto;
  @ApiProperty({ description: 'hours a week to cover' }) weeklyHours: number;
  @ApiProperty({ description: 'KRW an hour' }) hourlyWage: number;
}

/** The words the firm and the seeker are shown for each cancellation code. */
const CANCELLATION_MESSAGES: { readonly [code in CancellationCode]: string } = {
  firm_request: '업체 요청으로 배치가 취소되었습니다.',
  seeker_request: '구직자 요청으로 배치가 취소되었습니다.',
  leave_changed: '휴직 일정이 바뀌어 배치가 취소되었습니다.',
  other: '사정에 따라 배치가 취소되었습니다.',
};

/** Why a placement was cancelled, as every party may read it. */
export class CancellationResponse {
  @ApiProperty({ enum: CANCELLATION_CODES }) code: CancellationCode;
  @ApiProperty({ example: CANCELLATION_MESSAGES.firm_request }) message: string;
}

/**
 * One placement as its reader may see it: coordinators get the record, the firm also gets the
 * seeker's contact while the placement is confirmed, the seeker also gets the job.
 */
export class PlacementResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) seekerId: string;
  @ApiProperty({ format: 'uuid' }) leaveGapId: string;
  @ApiProperty({ type: PeriodResponse }) period: PeriodResponse;
  @ApiProperty({ enum: PLACEMENT_STATUSES }) status: PlacementStatus;
  @ApiProperty({ nullable: true, type: String, description: "the coordinator's internal note: coordinators only, null for the firm and the seeker" })
  cancelledReason: string | null;
  @ApiProperty({ nullable: true, type: CancellationResponse, description: 'once cancelled: the coded reason every party is shown' })
  cancellation: CancellationResponse | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
  @ApiPropertyOptional({ type: PlacementContactResponse, description: 'firm users, confirmed placements only' })
  contact?: PlacementContactResponse;
  @ApiPropertyOptional({ type: PlacementJobResponse, description: 'seeker users only' })
  job?: PlacementJobResponse;
  @ApiPropertyOptional({ type: SubsidyResponse, description: "firm and coordinator only: 대체인력 지원금 estimate over this placement's period" })
  subsidy?: SubsidyResponse;
}

export class PlacementPage extends PageOf(PlacementResponse) {}

export function toPlacementResponse(placement: Placement): PlacementResponse {
  return {
    id: placement.id,
    seekerId: placement.seekerId,
    leaveGapId: placement.leaveGapId,
    period: parseDateRange(placement.period),
    status: placement.status,
    cancelledReason: placement.cancelledReason,
    cancellation: cancellationOf(placement),
    createdAt: placement.createdAt,
    updatedAt: placement.updatedAt,
  };
}

function cancellationOf(placement: Placement): CancellationResponse | null {
  if (placement.status !== 'cancelled') return null;
  const code = placement.cancellationCode ?? 'other';
  return { code, message: CANCELLATION_MESSAGES[code] };
}

/** What the firm and the seeker get: the coded reason only, never the coordinator's note. */
function toPartyPlacementResponse(placement: Placement): PlacementResponse {
  return { ...toPlacementResponse(placement), cancelledReason: null };
}

/** The subsidy estimate over the placement's own period, for the firm and coordinators (never seekers). */
export function withSubsidy(response: PlacementResponse, gap: LeaveGap, firm: Firm, reader: LeaveGapReader): PlacementResponse {
  const leaveType = visibleLeaveType(gap.leaveType, reader);
  const estimate = estimateReplacementWorker({ ...subsidyCaseOf(gap, firm, response.period), leaveType });
  return { ...response, subsidy: toSubsidyResponse(estimate) };
}

/** The personal fields a firm receives in `contact`: what the access log records. */
export const PLACEMENT_CONTACT_FIELDS = ['displayName', 'phone', 'email'] as const;

/** A firm's view: the contact only while confirmed and while the seeker has not withdrawn. */
export function toFirmPlacementResponse(placement: Placement, seeker: Seeker | undefined): PlacementResponse {
  const response = toPartyPlacementResponse(placement);
  if (placement.status !== 'confirmed' || !seeker || seeker.displayName === null || seeker.phone === null) return response;
  return { ...response, contact: { displayName: seeker.displayName, phone: seeker.phone, email: seeker.email } };
}

export function toSeekerPlacementResponse(placement: Placement, gap: LeaveGap, firm: Firm): PlacementResponse {
  return {
    ...toPartyPlacementResponse(placement),
    job: {
      roleTitle: gap.roleTitle,
      firmId: firm.id,
      firmName: firm.name,
      address: firm.address,
      site: toLocation(gap.siteLat, gap.siteLng),
      weeklyHours: gap.vacancyWeeklyHours,
      hourlyWage: gap.hourlyWage,
    },
  };
}
