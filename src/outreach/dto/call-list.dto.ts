import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { IsCalendarDate } from '../../common/calendar-date';
import { PageOf, PageQuery } from '../../common/pagination';
import { FIRM_STATUSES, FirmStatus } from '../../firms/firm.entity';
import { normalizeBusinessNumber } from '../../firms/business-number';
import { CONTACT_CHANNELS, CONTACT_OUTCOMES, ContactChannel, ContactOutcome, EXPECTED_LEAVE_TYPES, ExpectedLeaveType } from '../outreach-codes';

export const REGISTERED_FILTERS = ['registered', 'unregistered'] as const;
export type RegisteredFilter = (typeof REGISTERED_FILTERS)[number];
export const OUTCOME_FILTERS = [...CONTACT_OUTCOMES, 'none'] as const;
export type OutcomeFilter = (typeof OUTCOME_FILTERS)[number];

/** The call list's filters; its export takes the same ones. */
export class CallListQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'only registered firms of this complex' })
  @IsOptional()
  @IsUUID()
  complexId?: string;

  @ApiPropertyOptional({ enum: REGISTERED_FILTERS, description: 'registered firms only, or firms not yet registered only' })
  @IsOptional()
  @IsIn(REGISTERED_FILTERS)
  registration?: RegisteredFilter;

  @ApiPropertyOptional({ enum: EXPECTED_LEAVE_TYPES })
  @IsOptional()
  @IsIn(EXPECTED_LEAVE_TYPES)
  leaveType?: ExpectedLeaveType;

  @ApiPropertyOptional({ enum: OUTCOME_FILTERS, description: 'the latest contact outcome; `none`: never contacted' })
  @IsOptional()
  @IsIn(OUTCOME_FILTERS)
  latestOutcome?: OutcomeFilter;

  @ApiPropertyOptional({ example: '2027-03-31', description: 'expected leaves starting on or before this day' })
  @IsOptional()
  @IsCalendarDate()
  startsBy?: string;

  @ApiPropertyOptional({ description: 'one firm by its business registration number (dashes allowed)' })
  @IsOptional()
  @Transform(({ value }) => normalizeBusinessNumber(value))
  @Matches(/^\d{10}$/, { message: 'businessNumber must be 10 digits' })
  businessNumber?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'only expected leaves that this import listed' })
  @IsOptional()
  @IsUUID()
  importId?: string;
}

export type CallListFilters = Omit<CallListQuery, 'page' | 'pageSize' | 'offset'>;

export class CallListExportQuery extends OmitType(CallListQuery, ['page', 'pageSize'] as const) {
  @ApiProperty({ enum: ['csv', 'xlsx'] })
  @IsIn(['csv', 'xlsx'])
  format: 'csv' | 'xlsx';
}

export class CallListFirm {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: FIRM_STATUSES }) status: FirmStatus;
}

export class CallListComplex {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

export class ContactResponse {
  @ApiProperty() id: string;
  @ApiProperty({ format: 'uuid' }) expectedLeaveId: string;
  @ApiProperty({ enum: CONTACT_CHANNELS }) channel: ContactChannel;
  @ApiProperty({ enum: CONTACT_OUTCOMES }) outcome: ContactOutcome;
  @ApiProperty({ type: String, nullable: true, description: "the coordinator's own note; coordinators only" }) note: string | null;
  @ApiProperty() occurredAt: Date;
}

export class CallListEntry {
  @ApiProperty({ format: 'uuid' }) expectedLeaveId: string;
  @ApiProperty({ example: '1248100998' }) businessNumber: string;
  @ApiProperty({ enum: EXPECTED_LEAVE_TYPES }) leaveType: ExpectedLeaveType;
  @ApiProperty({ example: '2027-01-04' }) expectedStart: string;
  @ApiProperty({ example: '2027-04-03' }) expectedEnd: string;
  @ApiProperty({ description: 'days from today (Asia/Seoul) to the expected start; negative once begun' }) daysUntilStart: number;
  @ApiProperty({ type: String, nullable: true, description: 'the firm name as the data source gave it' }) sourceFirmName: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'the address as the data source gave it' }) sourceFirmAddress: string | null;
  @ApiProperty({ type: CallListFirm, nullable: true, description: 'the registered firm with this business number; null: not registered' }) firm: CallListFirm | null;
  @ApiProperty({ type: CallListComplex, nullable: true, description: "the registered firm's complex" }) complex: CallListComplex | null;
  @ApiProperty({ type: ContactResponse, nullable: true }) latestContact: ContactResponse | null;
  @ApiProperty() contactCount: number;
}

export class CallListPage extends PageOf(CallListEntry) {}
