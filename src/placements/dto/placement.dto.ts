import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { Page, PageQuery } from '../../common/pagination';
import { DatePeriod, parseDateRange } from '../placement-period';
import { PLACEMENT_STATUSES, Placement, PlacementStatus } from '../placement.entity';

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

export class PlacementResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) seekerId: string;
  @ApiProperty({ format: 'uuid' }) leaveGapId: string;
  @ApiProperty({ type: PeriodResponse }) period: PeriodResponse;
  @ApiProperty({ enum: PLACEMENT_STATUSES }) status: PlacementStatus;
  @ApiProperty({ nullable: true, type: String }) cancelledReason: string | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
}

export class PlacementPage implements Page<PlacementResponse> {
  @ApiProperty({ type: [PlacementResponse] }) items: PlacementResponse[];
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty() total: number;
}

export function toPlacementResponse(placement: Placement): PlacementResponse {
  return {
    id: placement.id,
    seekerId: placement.seekerId,
    leaveGapId: placement.leaveGapId,
    period: parseDateRange(placement.period),
    status: placement.status,
    cancelledReason: placement.cancelledReason,
    createdAt: placement.createdAt,
    updatedAt: placement.updatedAt,
  };
}
