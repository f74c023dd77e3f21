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
import type { Firm } from '../../firms/firm.entity';
import { SubsidyResponse, toSubsidyResponse } from '../../subsidies/dto/subsidy.dto';
import { subsidyCaseOf } from '../../subsidies/gap-subsidy';
import { estimateReplacementWorker, estimateWorkloadSharing } from '../../subsidies/subsidy';
import { LeaveGap } from '../leave-gap.entity';
import { LeaveTerms, leaveLawWarnings } from '../leave-law';
import {
  EXTENDED_PARENTAL_REASONS,
  ExtendedParentalReason,
  LEAVE_GAP_STATUSES,
  LEAVE_TYPES,
  LeaveGapReader,
  LeaveGapStatus,
  LeaveType,
  visibleLeaveType,
} from '../leave-types';
import { CODE_MESSAGE, CODE_PATTERN, SkillDto } from '../../common/skill.dto';

const uniqueSkillCode = (skill: SkillDto | undefined) => skill?.code;

/** Leave dates lie in 2000–2099: the date arithmetic of the rules (months, working days, handover) stays in range. */
const THIS_CENTURY = /^20\d{2}-/;
const CENTURY_MESSAGE = '$property must be a date from 2000-01-01 to 2099-12-31';

export class CreateLeaveGapDto {
  @ApiProperty({ enum: LEAVE_TYPES })
  @IsIn(LEAVE_TYPES)
  leaveType: LeaveType;

  @ApiProperty({ example: '2026-03-02', description: 'first day of the leave (2000–2099)' })
  @IsCalendarDate()
  @Matches(THIS_CENTURY, { message: CENTURY_MESSAGE })
  leaveStart: string;

  @ApiProperty({ example: '2026-05-30', description: 'last day of the leave (inclusive, 2000–2099)' })
  @IsCalendarDate()
  @Matches(THIS_CENTURY, { message: CENTURY_MESSAGE })
  leaveEnd: string;

  @ApiPropertyOptional({
    minimum: 0,
    default: 0,
    description: 'days of handover before the leave; from earlier than the same day 2 months before the leave it is lawful but unsubsidised (a warning)',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  // Stops date arithmetic overflowing; a long handover is lawful, only warned as unsubsidised.
  @Max(3_660)
  handoverDays?: number;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 31,
    default: 0,
    description: 'parental only: days the substitute stays after the return (at most 1 month); the placement ends that much after the leave',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(31)
  afterReturnDays?: number;

  @ApiPropertyOptional({ default: false, description: 'maternity only: a multiple birth allows 120 days' })
  @IsOptional()
  @IsBoolean()
  multipleBirth?: boolean;

  @ApiPropertyOptional({ default: false, description: 'maternity only: a premature birth allows 100 days (since 2025-02-23)' })
  @IsOptional()
  @IsBoolean()
  prematureBirth?: boolean;

  @ApiPropertyOptional({
    nullable: true,
    example: '2026-04-20',
    description: 'maternity and spouse maternity: the day of the birth; maternity then needs 45 days (60 for a multiple birth) after it, spouse leave ends within 120 days of it',
  })
  @IsOptional()
  @IsCalendarDate()
  @Matches(THIS_CENTURY, { message: CENTURY_MESSAGE })
  birthDate?: string | null;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 12,
    nullable: true,
    description: 'reduced_hours only: parental-leave months the employee has not used; absent = all 12 (reduced hours then last up to 3 years)',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(12)
  unusedParentalMonths?: number | null;

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

  @ApiProperty({ example: 12000, description: 'KRW; at least the minimum wage of every year the placement touches' })
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
  @ApiProperty({ example: '2026-05-30', description: 'leaveEnd + afterReturnDays (inclusive)' }) placementEnd: string;
  @ApiProperty({ example: 40, description: 'hours a week to fill (reduced_hours: weeklyHours − reducedWeeklyHours)' })
  weeklyHours: number;
}

/** A lawful term worth knowing: it costs the firm something or could not be fully checked. */
export class LeaveGapWarningResponse {
  @ApiProperty({ example: 'leave_gap.handover_unsubsidised' }) code: string;
  @ApiProperty({ example: 'handoverDays' }) field: string;
  @ApiProperty() message: string;
}

export class LeaveGapResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) firmId: string;
  @ApiProperty({ enum: LEAVE_TYPES }) leaveType: LeaveType;
  @ApiProperty() leaveStart: string;
  @ApiProperty() leaveEnd: string;
  @ApiProperty() handoverDays: number;
  @ApiProperty() afterReturnDays: number;
  @ApiProperty() multipleBirth: boolean;
  @ApiProperty() prematureBirth: boolean;
  @ApiProperty({ nullable: true, type: String }) birthDate: string | null;
  @ApiProperty({ enum: EXTENDED_PARENTAL_REASONS, nullable: true }) extendedParentalReason: ExtendedParentalReason | null;
  @ApiProperty({ nullable: true, type: Number }) unusedParentalMonths: number | null;
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
  @ApiProperty({ type: [LeaveGapWarningResponse], description: 'lawful terms that lose a subsidy or could not be fully checked' })
  warnings: LeaveGapWarningResponse[];
  @ApiPropertyOptional({ type: SubsidyResponse, description: '대체인력 지원금 estimate for a substitute over the vacancy (single-gap responses)' })
  subsidy?: SubsidyResponse;
  @ApiPropertyOptional({ type: SubsidyResponse, description: '업무분담 지원금 estimate should the gap stay unfilled (single-gap responses)' })
  subsidyIfUnfilled?: SubsidyResponse;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
}

export class LeaveGapPage extends PageOf(LeaveGapResponse) {}

export function toLeaveGapResponse(gap: LeaveGap, reader: LeaveGapReader, firm?: Pick<Firm, 'prioritySupport' | 'employeeCount'>): LeaveGapResponse {
  const visibleType = visibleLeaveType(gap.leaveType, reader);
  const subsidyCase = firm && subsidyCaseOf(gap, firm);
  return {
    id: gap.id,
    firmId: gap.firmId,
    leaveType: visibleType,
    leaveStart: gap.leaveStart,
    leaveEnd: gap.leaveEnd,
    handoverDays: gap.handoverDays,
    afterReturnDays: gap.afterReturnDays,
    multipleBirth: gap.multipleBirth,
    prematureBirth: gap.prematureBirth,
    birthDate: gap.birthDate,
    extendedParentalReason: gap.extendedParentalReason,
    unusedParentalMonths: gap.unusedParentalMonths,
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
    warnings: leaveLawWarnings({ ...leaveTermsOf(gap), leaveType: visibleType }).map(({ code, field, message }) => ({ code, field, message })),
    ...(subsidyCase && {
      subsidy: toSubsidyResponse(estimateReplacementWorker({ ...subsidyCase, leaveType: visibleType })),
      subsidyIfUnfilled: toSubsidyResponse(estimateWorkloadSharing({ ...subsidyCase, leaveType: visibleType })),
    }),
    createdAt: gap.createdAt,
    updatedAt: gap.updatedAt,
  };
}

/** The terms the leave law looks at, as stored. */
export function leaveTermsOf(gap: LeaveGap): LeaveTerms {
  return {
    leaveType: gap.leaveType,
    leaveStart: gap.leaveStart,
    leaveEnd: gap.leaveEnd,
    handoverDays: gap.handoverDays,
    afterReturnDays: gap.afterReturnDays,
    multipleBirth: gap.multipleBirth,
    prematureBirth: gap.prematureBirth,
    birthDate: gap.birthDate,
    extendedParentalReason: gap.extendedParentalReason,
    unusedParentalMonths: gap.unusedParentalMonths,
    weeklyHours: gap.weeklyHours,
    reducedWeeklyHours: gap.reducedWeeklyHours,
    hourlyWage: gap.hourlyWage,
  };
}
