import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate } from '../../common/calendar-date';
import { PageOf, PageQuery } from '../../common/pagination';
import { LocationDto, toLocation } from '../../common/location.dto';
import { LeaveGap } from '../leave-gap.entity';
import {
  EXTENDED_PARENTAL_REASONS,
  ExtendedParentalReason,
  LEAVE_GAP_STATUSES,
  LEAVE_TYPES,
  LeaveGapStatus,
  LeaveType,
} from '../leave-types';
import { CODE_MESSAGE, CODE_PATTERN, SkillDto } from '../../common/skill.dto';

const uniqueSkillCode = (skill: SkillDto | undefined) => skill?.code;

export class CreateLeaveGapDto {
  @ApiProperty({ enum: LEAVE_TYPES })
  @IsIn(LEAVE_TYPES)
  leaveType: LeaveType;

  @ApiProperty({ example: '2026-03-02', description: 'first day of the leave' })
  @IsCalendarDate()
  leaveStart: string;

  @ApiProperty({ example: '2026-05-30', description: 'last day of the leave (inclusive)' })
  @IsCalendarDate()
  leaveEnd: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 60, default: 0, description: 'days of handover before the leave' })
  @IsOptional()
  @IsInt()
  @Min(0)
  // Far above the legal 60 (the leave law answers those with its own code); stops date arithmetic overflowing.
  @Max(3_660)
  handoverDays?: number;

  @ApiPropertyOptional({ default: false, description: 'maternity only: a multiple birth allows 120 days' })
  @IsOptional()
  @IsBoolean()
  multipleBirth?: boolean;

  @ApiPropertyOptional({ enum: EXTENDED_PARENTAL_REASONS, nullable: true, description: 'parental only: allows up to 18 months' })
  @IsOptional()
  @IsIn(EXTENDED_PARENTAL_REASONS)
  extendedParentalReason?: ExtendedParentalReason | null;

  @ApiProperty({ example: 'CNC 가공원' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  roleTitle: string;

  @ApiProperty({ type: [SkillDto] })
  @IsArray()
  @ArrayMaxSize(30)
  @ArrayUnique(uniqueSkillCode, { message: 'requiredSkills must not name a skill twice' })
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => SkillDto)
  requiredSkills: SkillDto[];

  @ApiPropertyOptional({ type: [SkillDto], default: [] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @ArrayUnique(uniqueSkillCode, { message: 'preferredSkills must not name a skill twice' })
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => SkillDto)
  preferredSkills?: SkillDto[];

  @ApiPropertyOptional({ type: [String], default: [], example: ['forklift'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @ArrayUnique()
  @IsString({ each: true })
  @Matches(CODE_PATTERN, { each: true, message: CODE_MESSAGE })
  requiredCertifications?: string[];

  @ApiProperty({ minimum: 1, maximum: 52, example: 40, description: "the full-time job's hours a week" })
  @IsInt()
  @Min(1)
  @Max(52)
  weeklyHours: number;

  @ApiPropertyOptional({
    minimum: 15,
    maximum: 35,
    nullable: true,
    description: 'reduced_hours only: hours a week the employee keeps working; the vacancy is weeklyHours minus this',
  })
  @IsOptional()
  @IsInt()
  reducedWeeklyHours?: number | null;

  @ApiProperty({ example: 12000, description: 'KRW; at least the minimum wage of the year the placement starts' })
  @IsInt()
  @Min(0)
  hourlyWage: number;

  @ApiPropertyOptional({ type: LocationDto, description: "defaults to the firm's site" })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => LocationDto)
  site?: LocationDto;

  @ApiPropertyOptional({ minimum: 1, maximum: 240, nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(240)
  maxCommuteMinutes?: number | null;
}

/** Any subset of the fields; the leave-law rules are checked again on the merged result. null clears an optional field. */
export class UpdateLeaveGapDto extends PartialType(CreateLeaveGapDto) {}

export class ListLeaveGapsQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'CNC', description: "part of the role title or the firm's name, or a skill or certification (code or label)" })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  q?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  complexId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  firmId?: string;

  @ApiPropertyOptional({ enum: LEAVE_GAP_STATUSES })
  @IsOptional()
  @IsIn(LEAVE_GAP_STATUSES)
  status?: LeaveGapStatus;

  @ApiPropertyOptional({ enum: LEAVE_TYPES })
  @IsOptional()
  @IsIn(LEAVE_TYPES)
  leaveType?: LeaveType;

  @ApiPropertyOptional({ description: 'gaps whose placement period ends on or after this day' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ description: 'gaps whose placement period starts on or before this day' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;
}

/** A firm's own gaps: the same filters without firmId. */
export class ListFirmLeaveGapsQuery extends OmitType(ListLeaveGapsQuery, ['firmId', 'complexId'] as const) {}

export class VacancyResponse {
  @ApiProperty({ example: '2026-02-16', description: 'leaveStart − handoverDays' }) placementStart: string;
  @ApiProperty({ example: '2026-05-30', description: 'leaveEnd (inclusive)' }) placementEnd: string;
  @ApiProperty({ example: 40, description: 'hours a week to fill (reduced_hours: weeklyHours − reducedWeeklyHours)' })
  weeklyHours: number;
}

export class LeaveGapResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) firmId: string;
  @ApiProperty({ enum: LEAVE_TYPES }) leaveType: LeaveType;
  @ApiProperty() leaveStart: string;
  @ApiProperty() leaveEnd: string;
  @ApiProperty() handoverDays: number;
  @ApiProperty() multipleBirth: boolean;
  @ApiProperty({ enum: EXTENDED_PARENTAL_REASONS, nullable: true }) extendedParentalReason: ExtendedParentalReason | null;
  @ApiProperty() roleTitle: string;
  @ApiProperty({ type: [SkillDto] }) requiredSkills: SkillDto[];
  @ApiProperty({ type: [SkillDto] }) preferredSkills: SkillDto[];
  @ApiProperty({ type: [String] }) requiredCertifications: string[];
  @ApiProperty() weeklyHours: number;
  @ApiProperty({ nullable: true, type: Number }) reducedWeeklyHours: number | null;
  @ApiProperty() hourlyWage: number;
  @ApiProperty({ type: LocationDto }) site: LocationDto;
  @ApiProperty({ nullable: true, type: Number }) maxCommuteMinutes: number | null;
  @ApiProperty({ enum: LEAVE_GAP_STATUSES }) status: LeaveGapStatus;
  @ApiProperty({ type: VacancyResponse, description: 'derived: what a substitute has to cover' }) vacancy: VacancyResponse;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
}

export class LeaveGapPage extends PageOf(LeaveGapResponse) {}

export function toLeaveGapResponse(gap: LeaveGap): LeaveGapResponse {
  return {
    id: gap.id,
    firmId: gap.firmId,
    leaveType: gap.leaveType,
    leaveStart: gap.leaveStart,
    leaveEnd: gap.leaveEnd,
    handoverDays: gap.handoverDays,
    multipleBirth: gap.multipleBirth,
    extendedParentalReason: gap.extendedParentalReason,
    roleTitle: gap.roleTitle,
    requiredSkills: gap.requiredSkills.map(({ code, level }) => ({ code, level })),
    preferredSkills: gap.preferredSkills.map(({ code, level }) => ({ code, level })),
    requiredCertifications: gap.requiredCertifications,
    weeklyHours: gap.weeklyHours,
    reducedWeeklyHours: gap.reducedWeeklyHours,
    hourlyWage: gap.hourlyWage,
    site: toLocation(gap.siteLat, gap.siteLng),
    maxCommuteMinutes: gap.maxCommuteMinutes,
    status: gap.status,
    vacancy: {
      placementStart: gap.placementStart,
      placementEnd: gap.placementEnd,
      weeklyHours: gap.vacancyWeeklyHours,
    },
    createdAt: gap.createdAt,
    updatedAt: gap.updatedAt,
  };
}
