import type { LeaveGapStatus, LeaveType } from '../leave-gaps/leave-types';
import type { FeasibilityRule } from '../matching/core/types';
import type { ReferralStatus } from '../referrals/referral-states';
import type { Region } from './region';

/**
 * What the report knows of one gap posted in the period, read from the database in one snapshot
 * (reports.service.ts) and turned into figures by pure functions (report-figures.ts).
 * docs/reports.md defines every figure in these terms.
 */
export interface GapFact {
  readonly id: string;
  /** The calendar day (Asia/Seoul) the gap was posted: it puts the gap and all that follows from it in a month. */
  readonly postedOn: string;
  readonly status: LeaveGapStatus;
  /** As coordinators see it: infertility treatment is reported as other leave (남녀고용평등법 §18-3④). */
  readonly leaveType: LeaveType;
  readonly complex: { readonly id: string; readonly name: string };
  readonly region: Region | null;
  /** The first required skill: the gap's occupation. */
  readonly occupation: { readonly code: string; readonly label: string } | null;
  readonly hires: readonly HireFact[];
  readonly referrals: readonly ReferralFact[];
  /** The engine's excluded-by counts from the latest run that reported the gap unfilled. */
  readonly latestExcludedBy: { readonly [rule in FeasibilityRule]?: number } | null;
}

export type RetentionOutcome = 'kept' | 'lost' | 'pending';

/** A placement made for the gap (through a referral reaching `hired`, or confirmed directly). */
export interface HireFact {
  readonly hiredOn: string;
  readonly viaReferral: boolean;
  readonly retention: RetentionOutcome;
  /** 대체인력 지원금 the placement earns over its period (0 when cancelled or not eligible). */
  readonly subsidy: number;
}

export interface ReferralFact {
  readonly status: ReferralStatus;
  readonly reasonCode: string | null;
}
