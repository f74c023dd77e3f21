import { ApiProperty } from '@nestjs/swagger';
import type { SubsidyEstimate, SubsidyScheme } from '../subsidy';

export class SubsidyReasonResponse {
  @ApiProperty({ example: 'subsidy.hired_too_early' }) code: string;
  @ApiProperty() message: string;
}

export class SubsidyMonthResponse {
  @ApiProperty({ example: '2026-03' }) month: string;
  @ApiProperty({ example: 1_400_000, description: 'KRW, rounded down' }) amount: number;
}

/** An estimate from the dated rules in src/subsidies/subsidy-rules.ts; never shown to seekers. */
export class SubsidyResponse {
  @ApiProperty({ enum: ['replacement_worker', 'workload_sharing'], description: '대체인력 지원금 or 업무분담 지원금' })
  scheme: SubsidyScheme;
  @ApiProperty() eligible: boolean;
  @ApiProperty({ type: [SubsidyReasonResponse], description: 'why it is not eligible; empty when it is' })
  reasons: SubsidyReasonResponse[];
  @ApiProperty({ type: [SubsidyMonthResponse] }) months: SubsidyMonthResponse[];
  @ApiProperty({ description: 'KRW' }) total: number;
}

export function toSubsidyResponse(estimate: SubsidyEstimate): SubsidyResponse {
  return {
    scheme: estimate.scheme,
    eligible: estimate.eligible,
    reasons: estimate.reasons.map(({ code, message }) => ({ code, message })),
    months: estimate.months.map(({ month, amount }) => ({ month, amount })),
    total: estimate.total,
  };
}
