import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  Equals,
  IsArray,
  IsEmail,
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
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate } from '../../common/calendar-date';
import { PageOf, PageQuery } from '../../common/pagination';
import { LocationDto, toLocation } from '../../common/location.dto';
import { CODE_MESSAGE, CODE_PATTERN, SkillDto } from '../../common/skill.dto';
import { COMMUTE_MODES, CommuteMode, SEEKER_STATUSES, SETTABLE_SEEKER_STATUSES, SeekerStatus } from '../seeker-enums';
import { SeekerAvailability } from '../seeker-availability.entity';
import { Seeker } from '../seeker.entity';
import { AvailabilityWindowDto, AvailabilityWindowResponse, toAvailabilityWindowResponse } from './availability.dto';

/** Korean mobile numbers: 010-1234-5678 (dashes optional). */
const MOBILE_PHONE = /^01[016789]-?\d{3,4}-?\d{4}$/;

export class WeeklyHoursRangeDto {
  @ApiProperty({ minimum: 1, maximum: 52, example: 20 })
  @IsInt()
  @Min(1)
  @Max(52)
  min: number;

  @ApiProperty({ minimum: 1, maximum: 52, example: 40 })
  @IsInt()
  @Min(1)
  @Max(52)
  max: number;
}

export class CreateSeekerDto {
  @ApiProperty({ example: '김민지' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  displayName: string;

  @ApiProperty({ example: '010-1234-5678', description: 'personal data' })
  @Matches(MOBILE_PHONE, { message: 'phone must be a mobile number like 010-1234-5678' })
  phone: string;

  @ApiPropertyOptional({ example: 'minji@example.com', description: 'personal data' })
  @IsOptional()
  @IsEmail()
  @MaxLength(200)
  email?: string | null;

  @ApiPropertyOptional({
    example: '서울 금천구 독산1동',
    description: 'where the seeker lives, as a Korean address or 시·군·구 + 읍·면·동: geocoded into `home` when `home` is omitted (not stored)',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  address?: string;

  @ApiProperty({ type: LocationDto, description: 'where the seeker lives (commute estimates start here); may be omitted when `address` is given' })
  @ValidateIf((seeker: CreateSeekerDto) => seeker.address === undefined || seeker.home !== undefined)
  @IsObject()
  @ValidateNested()
  @Type(() => LocationDto)
  home?: LocationDto;

  @ApiProperty({ enum: COMMUTE_MODES })
  @IsIn(COMMUTE_MODES)
  commuteMode: CommuteMode;

  @ApiProperty({ minimum: 1, maximum: 240, example: 60 })
  @IsInt()
  @Min(1)
  @Max(240)
  maxCommuteMinutes: number;

  @ApiProperty({ type: [SkillDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique((skill: SkillDto | undefined) => skill?.code, { message: 'skills must not name a skill twice' })
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => SkillDto)
  skills: SkillDto[];

  @ApiPropertyOptional({ type: [String], default: [], example: ['forklift'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @ArrayUnique()
  @IsString({ each: true })
  @Matches(CODE_PATTERN, { each: true, message: CODE_MESSAGE })
  certifications?: string[];

  @ApiProperty({ type: WeeklyHoursRangeDto, description: 'hours a week the seeker wants to work' })
  @IsObject()
  @ValidateNested()
  @Type(() => WeeklyHoursRangeDto)
  weeklyHours: WeeklyHoursRangeDto;

  @ApiPropertyOptional({ example: 11000, nullable: true, description: 'KRW an hour' })
  @IsOptional()
  @IsInt()
  @Min(1)
  minHourlyWage?: number | null;

  @ApiPropertyOptional({ type: [String], format: 'uuid', default: [], description: 'firms never to propose' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  blockedFirmIds?: string[];

  @ApiPropertyOptional({ type: [AvailabilityWindowDto], default: [], description: 'days free to work (inclusive windows)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => AvailabilityWindowDto)
  availability?: AvailabilityWindowDto[];

  @ApiPropertyOptional({ example: '2026-09-01', description: 'waiting for work since; defaults to today' })
  @IsOptional()
  @IsCalendarDate()
  waitingSince?: string;

  @ApiProperty({
    enum: [true],
    description: 'the seeker consents to the processing of their data; the time of registration is recorded as consentAt',
  })
  @Equals(true, { message: 'consent must be true: registration needs consent to the processing of personal data' })
  consent: true;
}

/** Profile changes; availability windows have their own endpoints and consent cannot be withdrawn here. */
export class UpdateSeekerDto extends PartialType(OmitType(CreateSeekerDto, ['availability', 'consent'] as const)) {
  @ApiPropertyOptional({ enum: SETTABLE_SEEKER_STATUSES, description: 'inactive: not proposed by matching' })
  @IsOptional()
  @IsIn(SETTABLE_SEEKER_STATUSES)
  status?: (typeof SETTABLE_SEEKER_STATUSES)[number];
}

export class ListSeekersQuery extends PageQuery {
  @ApiPropertyOptional({
    example: 'ㅂㅅㅇ',
    description: 'name (also its initial consonants, e.g. ㅂㅅㅇ), phone digits (at least 3), or a skill or certification (code or label)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  q?: string;

  @ApiPropertyOptional({ enum: SEEKER_STATUSES })
  @IsOptional()
  @IsIn(SEEKER_STATUSES)
  status?: SeekerStatus;
}

export class WeeklyHoursRangeResponse {
  @ApiProperty() min: number;
  @ApiProperty() max: number;
}

export class SeekerResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ nullable: true, type: String, description: 'null once withdrawn' }) displayName: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'null once withdrawn' }) phone: string | null;
  @ApiProperty({ nullable: true, type: String }) email: string | null;
  @ApiProperty({ type: LocationDto, nullable: true, description: 'null once withdrawn' }) home: LocationDto | null;
  @ApiProperty({ enum: COMMUTE_MODES }) commuteMode: CommuteMode;
  @ApiProperty() maxCommuteMinutes: number;
  @ApiProperty({ type: [SkillDto] }) skills: SkillDto[];
  @ApiProperty({ type: [String] }) certifications: string[];
  @ApiProperty({ type: WeeklyHoursRangeResponse }) weeklyHours: WeeklyHoursRangeResponse;
  @ApiProperty({ nullable: true, type: Number }) minHourlyWage: number | null;
  @ApiProperty({ type: [String] }) blockedFirmIds: string[];
  @ApiProperty({ type: [AvailabilityWindowResponse] }) availability: AvailabilityWindowResponse[];
  @ApiProperty() waitingSince: string;
  @ApiProperty() consentAt: Date;
  @ApiProperty({ enum: SEEKER_STATUSES }) status: SeekerStatus;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
}

export class SeekerPage extends PageOf(SeekerResponse) {}

/** The fields of a SeekerResponse that are personal data: what the access log records as read. */
export const SEEKER_PERSONAL_FIELDS = ['displayName', 'phone', 'email', 'home', 'skills', 'certifications', 'availability'] as const;

export function toSeekerResponse(seeker: Seeker, availability: readonly SeekerAvailability[]): SeekerResponse {
  return {
    id: seeker.id,
    displayName: seeker.displayName,
    phone: seeker.phone,
    email: seeker.email,
    home: seeker.homeLat === null || seeker.homeLng === null ? null : toLocation(seeker.homeLat, seeker.homeLng),
    commuteMode: seeker.commuteMode,
    maxCommuteMinutes: seeker.maxCommuteMinutes,
    skills: seeker.skills.map(({ code, level }) => ({ code, level })),
    certifications: seeker.certifications,
    weeklyHours: { min: seeker.weeklyHoursMin, max: seeker.weeklyHoursMax },
    minHourlyWage: seeker.minHourlyWage,
    blockedFirmIds: seeker.blockedFirmIds,
    availability: availability.map(toAvailabilityWindowResponse),
    waitingSince: seeker.waitingSince,
    consentAt: seeker.consentAt,
    status: seeker.status,
    createdAt: seeker.createdAt,
    updatedAt: seeker.updatedAt,
  };
}
