import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { LeaveGapStatus, LeaveType } from '../leave-gaps/leave-types';
import { visibleLeaveType } from '../leave-gaps/leave-types';
import type { FeasibilityRule } from '../matching/core/types';
import { parseDateRange } from '../placements/placement-period';
import type { PlacementStatus } from '../placements/placement.entity';
import type { ReferralStatus } from '../referrals/referral-states';
import { subsidyCaseOf } from '../subsidies/gap-subsidy';
import { estimateReplacementWorker } from '../subsidies/subsidy';
import { regionOf } from './region';
import type { GapFact, HireFact, ReferralFact } from './report-facts';
import { retentionOutcome } from './retention';

/** Gaps posted in [postedFrom, postedBefore), optionally only those of firms in `complexIds`. */
export interface FactSelection {
  readonly postedFrom: Date;
  readonly postedBefore: Date;
  readonly complexIds: readonly string[] | null;
  /** Asia/Seoul: what "30 days have passed" is measured against. */
  readonly today: string;
}

interface GapRow {
  id: string;
  posted_on: string;
  status: LeaveGapStatus;
  leave_type: LeaveType;
  leave_start: string;
  leave_end: string;
  after_return_days: number;
  weekly_hours: number;
  reduced_weekly_hours: number | null;
  vacancy_weekly_hours: number;
  hourly_wage: number;
  placement_start: string;
  placement_end: string;
  skill_code: string | null;
  skill_label: string | null;
  address: string;
  priority_support: boolean;
  employee_count: number;
  complex_id: string;
  complex_name: string;
  complex_region: string;
}

interface HireRow {
  leave_gap_id: string;
  status: PlacementStatus;
  period: string;
  hired_on: string;
  referral_status: ReferralStatus | null;
  reached_retained: boolean;
}

interface ReferralRow {
  leave_gap_id: string;
  status: ReferralStatus;
  reason_code: string | null;
}

interface DiagnosticsRow {
  leave_gap_id: string;
  excluded_by: { [rule in FeasibilityRule]?: number };
}

/** The cohort, as the gaps query selects it: the other queries read only these gaps' rows ($1, $2, $3 of each). */
const COHORT = `
  cohort AS (
    SELECT g.id FROM leave_gaps g JOIN firms f ON f.id = g.firm_id
    WHERE g.created_at >= $1 AND g.created_at < $2 AND ($3::uuid[] IS NULL OR f.complex_id = ANY ($3::uuid[])))`;

const SEOUL_DAY = (column: string) => `to_char(${column} AT TIME ZONE 'Asia/Seoul', 'YYYY-MM-DD')`;

/**
 * Reads the report's facts in one REPEATABLE READ snapshot, so that a hire confirmed while the
 * report runs is in all of its figures or in none. Four queries, each over the cohort of gaps.
 */
@Injectable()
export class ReportFactsReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async read(selection: FactSelection): Promise<GapFact[]> {
    const parameters = [selection.postedFrom, selection.postedBefore, selection.complexIds];
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      // These scans are cheap but large: JIT compiling them costs more (~70 ms a query) than it saves.
      await manager.query('SET LOCAL jit = off');
      const gaps = await this.gaps(manager, parameters);
      const hires = await this.hires(manager, parameters);
      const referrals = await this.referrals(manager, parameters);
      const diagnostics = await this.diagnostics(manager, parameters);
      return gaps.map((gap) => toGapFact(gap, hires.get(gap.id) ?? [], referrals.get(gap.id) ?? [], diagnostics.get(gap.id) ?? null, selection.today));
    });
  }

  private gaps(manager: EntityManager, parameters: unknown[]): Promise<GapRow[]> {
    return manager.query(
      `SELECT g.id, ${SEOUL_DAY('g.created_at')} AS posted_on, g.status, g.leave_type,
              g.leave_start::text AS leave_start, g.leave_end::text AS leave_end, g.after_return_days, g.weekly_hours,
              g.reduced_weekly_hours, g.vacancy_weekly_hours, g.hourly_wage,
              g.placement_start::text AS placement_start, g.placement_end::text AS placement_end,
              g.required_skills -> 0 ->> 'code' AS skill_code, skill.label_ko AS skill_label,
              f.address, f.priority_support, f.employee_count, c.id AS complex_id, c.name AS complex_name, c.region AS complex_region
       FROM leave_gaps g
       JOIN firms f ON f.id = g.firm_id
       JOIN industrial_complexes c ON c.id = f.complex_id
       LEFT JOIN catalog_entries skill ON skill.code = g.required_skills -> 0 ->> 'code'
       WHERE g.created_at >= $1 AND g.created_at < $2 AND ($3::uuid[] IS NULL OR f.complex_id = ANY ($3::uuid[]))`,
      parameters,
    );
  }

  private async hires(manager: EntityManager, parameters: unknown[]): Promise<Map<string, HireRow[]>> {
    const rows: HireRow[] = await manager.query(
      `WITH ${COHORT}
       SELECT p.leave_gap_id, p.status, p.period::text AS period,
              ${SEOUL_DAY('coalesce(hired.occurred_at, p.created_at)')} AS hired_on,
              r.status AS referral_status,
              EXISTS (SELECT 1 FROM referral_steps s WHERE s.referral_id = r.id AND s.status = 'retained_30_days') AS reached_retained
       FROM cohort JOIN placements p ON p.leave_gap_id = cohort.id
       LEFT JOIN referrals r ON r.placement_id = p.id
       LEFT JOIN LATERAL (
         SELECT min(s.occurred_at) AS occurred_at FROM referral_steps s WHERE s.referral_id = r.id AND s.status = 'hired'
       ) hired ON true`,
      parameters,
    );
    return byGap(rows);
  }

  private async referrals(manager: EntityManager, parameters: unknown[]): Promise<Map<string, ReferralRow[]>> {
    const rows: ReferralRow[] = await manager.query(
      `WITH ${COHORT}
       SELECT r.leave_gap_id, r.status, r.reason_code FROM cohort JOIN referrals r ON r.leave_gap_id = cohort.id`,
      parameters,
    );
    return byGap(rows);
  }

  /** The latest run (by when it finished) that reported each gap unfilled. */
  private async diagnostics(manager: EntityManager, parameters: unknown[]): Promise<Map<string, DiagnosticsRow>> {
    const rows: DiagnosticsRow[] = await manager.query(
      `WITH ${COHORT}
       SELECT DISTINCT ON (u.leave_gap_id) u.leave_gap_id, u.excluded_by
       FROM cohort JOIN match_run_unfilled u ON u.leave_gap_id = cohort.id
       JOIN match_runs run ON run.id = u.match_run_id
       ORDER BY u.leave_gap_id, run.finished_at DESC NULLS LAST, run.queued_at DESC, run.id`,
      parameters,
    );
    return new Map(rows.map((row) => [row.leave_gap_id, row]));
  }
}

function byGap<Row extends { leave_gap_id: string }>(rows: Row[]): Map<string, Row[]> {
  const grouped = new Map<string, Row[]>();
  for (const row of rows) grouped.set(row.leave_gap_id, [...(grouped.get(row.leave_gap_id) ?? []), row]);
  return grouped;
}

function toGapFact(gap: GapRow, hires: HireRow[], referrals: ReferralRow[], diagnostics: DiagnosticsRow | null, today: string): GapFact {
  const skillCode = gap.skill_code;
  return {
    id: gap.id,
    postedOn: gap.posted_on,
    status: gap.status,
    leaveType: visibleLeaveType(gap.leave_type, 'coordinator'),
    complex: { id: gap.complex_id, name: gap.complex_name },
    region: regionOf(gap.address) ?? regionOf(gap.complex_region),
    occupation: skillCode ? { code: skillCode, label: gap.skill_label ?? skillCode } : null,
    hires: hires.map((hire) => toHireFact(gap, hire, today)),
    referrals: referrals.map((referral): ReferralFact => ({ status: referral.status, reasonCode: referral.reason_code })),
    latestExcludedBy: diagnostics?.excluded_by ?? null,
  };
}

function toHireFact(gap: GapRow, hire: HireRow, today: string): HireFact {
  const period = parseDateRange(hire.period);
  return {
    hiredOn: hire.hired_on,
    viaReferral: hire.referral_status !== null,
    retention: retentionOutcome(
      { placementStatus: hire.status, placementStart: period.start, referralStatus: hire.referral_status, reachedRetained: hire.reached_retained },
      today,
    ),
    subsidy: hire.status === 'confirmed' ? subsidyOf(gap, period) : 0,
  };
}

/** The same estimate as a placement's `subsidy` field shows coordinators (withSubsidy in placements' DTO). */
function subsidyOf(gap: GapRow, period: { start: string; end: string }): number {
  const subsidised = {
    leaveType: visibleLeaveType(gap.leave_type, 'coordinator'),
    leaveStart: gap.leave_start,
    leaveEnd: gap.leave_end,
    afterReturnDays: gap.after_return_days,
    weeklyHours: gap.weekly_hours,
    reducedWeeklyHours: gap.reduced_weekly_hours,
    vacancyWeeklyHours: gap.vacancy_weekly_hours,
    hourlyWage: gap.hourly_wage,
    placementStart: gap.placement_start,
    placementEnd: gap.placement_end,
  };
  const firm = { prioritySupport: gap.priority_support, employeeCount: gap.employee_count };
  return estimateReplacementWorker(subsidyCaseOf(subsidised, firm, period)).total;
}
