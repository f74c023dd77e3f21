import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import type { CodeCount, ReportFigures } from '../report-figures';
import { REPORT_GROUPINGS, ReportGrouping } from '../report-groups';

/** Years 1900–2999: PostgreSQL reads no year 0, and the month after 9999-12 would be year 10000. */
const MONTH = /^(19|2\d)\d{2}-(0[1-9]|1[0-2])$/;
const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
/** `?complexId=a&complexId=b` arrives as an array, a single one as a string. */
const asList = ({ value }: { value: unknown }) => (value === undefined || Array.isArray(value) ? value : [value]);

/** The filters of every report; docs/reports.md says what each selects. */
export class ReportQuery {
  @ApiPropertyOptional({ example: '2026-09', description: 'first month (YYYY-MM) in which gaps were posted; default: this month (Asia/Seoul)' })
  @IsOptional()
  @Matches(MONTH)
  from?: string;

  @ApiPropertyOptional({ example: '2026-11', description: 'last month (YYYY-MM), inclusive; default: this month' })
  @IsOptional()
  @Matches(MONTH)
  to?: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: "firms' complex; repeat for several" })
  @IsOptional()
  @Transform(asList)
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  complexId?: string[];

  @ApiPropertyOptional({ example: '서울특별시 금천구', description: "the firm's 시·도, or 시·도 and 시·군·구, from its address (`서울` is read as 서울특별시)" })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  @Transform(trimmed)
  region?: string;

  @ApiPropertyOptional({ enum: REPORT_GROUPINGS, default: 'complex' })
  @IsOptional()
  @IsIn(REPORT_GROUPINGS)
  groupBy: ReportGrouping = 'complex';
}

export class ReportExportQuery extends ReportQuery {
  @ApiProperty({ enum: ['csv', 'xlsx'] })
  @IsIn(['csv', 'xlsx'])
  format: 'csv' | 'xlsx';
}

export class CodeCountResponse implements CodeCount {
  @ApiProperty({ example: 'commute' }) code: string;
  @ApiProperty({ example: '통근 거리' }) label: string;
  @ApiProperty() count: number;
}

export class RetentionResponse {
  @ApiProperty({ description: 'hires kept 30 days' }) kept: number;
  @ApiProperty({ description: 'hires ended or cancelled before 30 days' }) lost: number;
  @ApiProperty({ description: 'hires whose 30 days are not over' }) pending: number;
  @ApiProperty({ nullable: true, type: Number, description: 'kept / (kept + lost)' }) rate: number | null;
}

export class SubsidyTotalResponse {
  @ApiProperty({ description: 'confirmed placements that earn 대체인력 지원금' }) placements: number;
  @ApiProperty({ description: 'KRW over their periods' }) total: number;
}

export class ReportFiguresResponse implements ReportFigures {
  @ApiProperty() gapsPosted: number;
  @ApiProperty({ description: 'cancelled without any hire' }) gapsCancelled: number;
  @ApiProperty({ description: 'with at least one hire' }) gapsFilled: number;
  @ApiProperty({ description: 'neither filled nor cancelled' }) gapsUnfilled: number;
  @ApiProperty({ nullable: true, type: Number, description: 'filled / (filled + unfilled)' }) fillRate: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'median over filled gaps of days from posting to the first hire' })
  medianDaysToHire: number | null;
  @ApiProperty() hires: number;
  @ApiProperty({ description: 'hires through a referral' }) referredHires: number;
  @ApiProperty() referrals: number;
  @ApiProperty({ nullable: true, type: Number, description: 'referrals / referredHires' }) referralsPerHire: number | null;
  @ApiProperty({ type: RetentionResponse }) retention: RetentionResponse;
  @ApiProperty({ type: SubsidyTotalResponse }) subsidy: SubsidyTotalResponse;
  @ApiProperty({ type: [CodeCountResponse] }) seekerDeclines: CodeCountResponse[];
  @ApiProperty({ type: [CodeCountResponse] }) firmDeclines: CodeCountResponse[];
  @ApiProperty({ type: [CodeCountResponse] }) endedEarly: CodeCountResponse[];
  @ApiProperty({ type: [CodeCountResponse], description: 'unfilled gaps by the rule that excluded most seekers in their latest diagnostics' })
  unfilledByRule: CodeCountResponse[];
}

export class ReportGroupResponse {
  @ApiProperty({ description: "the group's key: a complex id, `서울특별시 금천구`, `2026-10`, a leave type or a skill code ('' when unknown)" })
  key: string;
  @ApiProperty({ example: '서울디지털국가산업단지' }) label: string;
  @ApiProperty({ type: ReportFiguresResponse }) figures: ReportFiguresResponse;
}

export class ReportResponse {
  @ApiProperty({ example: '2026-09' }) from: string;
  @ApiProperty({ example: '2026-11' }) to: string;
  @ApiProperty({ example: '2026-12-01', description: "the day (Asia/Seoul) the figures are as of: retention and hires count up to it" })
  asOf: string;
  @ApiProperty({ enum: REPORT_GROUPINGS }) groupBy: ReportGrouping;
  @ApiProperty({ example: '산업단지' }) groupByLabel: string;
  @ApiProperty({ type: [String] }) complexIds: string[];
  @ApiProperty({ nullable: true, type: String, example: '서울특별시 금천구', description: 'the region filter as understood' })
  region: string | null;
  @ApiProperty({ type: [ReportGroupResponse] }) groups: ReportGroupResponse[];
  @ApiProperty({ type: ReportFiguresResponse, description: 'all gaps the filters select' }) total: ReportFiguresResponse;
}
