import { ApiProperty } from '@nestjs/swagger';
import { IsCalendarDate } from '../../common/calendar-date';
import { SeekerAvailability } from '../seeker-availability.entity';

export class AvailabilityWindowDto {
  @ApiProperty({ example: '2026-03-01', description: 'first free day' })
  @IsCalendarDate()
  start: string;

  @ApiProperty({ example: '2026-08-31', description: 'last free day (inclusive)' })
  @IsCalendarDate()
  end: string;
}

export class AvailabilityWindowResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() start: string;
  @ApiProperty() end: string;
}

export function toAvailabilityWindowResponse(window: SeekerAvailability): AvailabilityWindowResponse {
  return { id: window.id, start: window.startDate, end: window.endDate };
}
