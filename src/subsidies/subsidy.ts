import { addDays, daysBetween } from '../common/calendar-date';
import { lastAfterReturnDay, SHORT_HOURS_THRESHOLD, subsidisedHandoverStart } from '../leave-gaps/leave-law';
import type { LeaveType } from '../leave-gaps/leave-types';
import {
  MIN_SUBSIDISED_DAYS,
  MonthlyAmounts,
  REPLACEMENT_WORKER_RULES,
  ruleOn,
  SMALL_FIRM_LIMIT,
  SubsidyRule,
  WAGE_CAP_SHARE,
  WORKLOAD_SHARING_MIN_REDUCTION_HOURS,
  WORKLOAD_SHARING_RULES,
} from './subsidy-rules';

export type SubsidyScheme = 'replacement_worker' | 'workload_sharing';

export interface SubsidyReason {
  code: string;
  message: string;
}

export interface SubsidyEstimate {
  scheme: SubsidyScheme;
  eligible: boolean;
  /** Why it is not eligible; empty when it is. */
  reasons: SubsidyReason[];
  months: { month: string; amount: number }[];
  total: number;
}

export interface Period {
  start: string;
  end: string;
}

/** What the estimate needs of a gap, its firm and (for a placement) the substitute's employment. */
export interface SubsidyCase {
  leaveType: LeaveType;
  leaveStart: string;
  leaveEnd: string;
  afterReturnDays: number;
  weeklyHours: number;
  reducedWeeklyHours: number | null;
  /** Hours a week the substitute works. */
  vacancyWeeklyHours: number;
  hourlyWage: number;
  firm: { prioritySupport: boolean; employeeCount: number };
  /** The substitute's employment: a placement's period, or before matching the gap's vacancy. */
  employment: Period;
}

const COVERED_BY_REPLACEMENT: ReadonlySet<LeaveType> = new Set(['maternity', 'parental', 'reduced_hours']);
const COVERED_BY_WORKLOAD_SHARING: ReadonlySet<LeaveType> = new Set(['parental', 'reduced_hours']);

const days = (period: Period) => daysBetween(period.start, period.end) + 1;

/**
 * 대체인력 지원금 for a substitute: the monthly amount of the rule in force, pro rata for part
 * months, capped at 80 % of the wage paid, over the subsidised days (the handover from 2 months
 * before the leave, the leave, and for a parental leave from 2026 the month after the return).
 */
export function estimateReplacementWorker(c: SubsidyCase): SubsidyEstimate {
  const reasons: SubsidyReason[] = [];
  if (!c.firm.prioritySupport) reasons.push(notPrioritySupport());
  if (!COVERED_BY_REPLACEMENT.has(c.leaveType)) reasons.push(leaveTypeNotCovered('maternity, miscarriage/stillbirth, parental or reduced-hours'));
  if (days({ start: c.leaveStart, end: c.leaveEnd }) < MIN_SUBSIDISED_DAYS) reasons.push(leaveTooShort());
  const firstDay = subsidisedHandoverStart(c.leaveStart);
  if (c.employment.start < firstDay) {
    reasons.push({
      code: 'subsidy.hired_too_early',
      message: `the substitute starts on ${c.employment.start}, before ${firstDay} (2 months before the leave): only a substitute newly hired from that day is subsidised`,
    });
  }
  if (days(c.employment) < MIN_SUBSIDISED_DAYS) {
    reasons.push({ code: 'subsidy.employment_under_30_days', message: `the substitute must be employed at least ${MIN_SUBSIDISED_DAYS} days` });
  }
  const window = intersect(c.employment, { start: firstDay, end: lastSubsidisedDay(c) });
  return finish('replacement_worker', reasons, window, REPLACEMENT_WORKER_RULES, c, (amounts) =>
    c.leaveType === 'reduced_hours' ? amounts.reducedHours : sizeAmount(amounts, c), true);
}

/** 업무분담 지원금 for a gap nobody fills: colleagues share the work during the leave itself. */
export function estimateWorkloadSharing(c: SubsidyCase): SubsidyEstimate {
  const reasons: SubsidyReason[] = [];
  if (!c.firm.prioritySupport) reasons.push(notPrioritySupport());
  if (!COVERED_BY_WORKLOAD_SHARING.has(c.leaveType)) reasons.push(leaveTypeNotCovered('parental or reduced-hours'));
  if (days({ start: c.leaveStart, end: c.leaveEnd }) < MIN_SUBSIDISED_DAYS) reasons.push(leaveTooShort());
  if (c.leaveType === 'reduced_hours' && c.weeklyHours - (c.reducedWeeklyHours ?? c.weeklyHours) < WORKLOAD_SHARING_MIN_REDUCTION_HOURS) {
    reasons.push({
      code: 'subsidy.reduction_under_10_hours',
      message: `workload sharing for reduced hours needs the hours cut by at least ${WORKLOAD_SHARING_MIN_REDUCTION_HOURS} a week`,
    });
  }
  const window: Period = { start: c.leaveStart, end: c.leaveEnd };
  return finish('workload_sharing', reasons, window, WORKLOAD_SHARING_RULES, c, (amounts) =>
    c.leaveType === 'reduced_hours' ? amounts.reducedHours : sizeAmount(amounts, c), false);
}

/** The wage a substitute is paid for `coveredDays` days: weekly hours plus weekly-holiday pay from 15 h (근로기준법 §55, §18③). */
export function wagePaid(hourlyWage: number, weeklyHours: number, coveredDays: number): number {
  const weeklyHolidayHours = weeklyHours >= SHORT_HOURS_THRESHOLD ? Math.min(weeklyHours, 40) / 5 : 0;
  return (hourlyWage * (weeklyHours + weeklyHolidayHours) * coveredDays) / 7;
}

function lastSubsidisedDay(c: SubsidyCase): string {
  if (c.leaveType !== 'parental' || c.afterReturnDays === 0) return c.leaveEnd;
  const returnDay = addDays(c.leaveEnd, 1);
  return ruleOn(REPLACEMENT_WORKER_RULES, returnDay)?.afterReturnMonth ? lastAfterReturnDay(c.leaveEnd) : c.leaveEnd;
}

function sizeAmount(amounts: MonthlyAmounts, c: SubsidyCase): number {
  return c.firm.employeeCount < SMALL_FIRM_LIMIT ? amounts.under30 : amounts.from30;
}

function finish(
  scheme: SubsidyScheme,
  reasons: SubsidyReason[],
  window: Period | undefined,
  rules: readonly SubsidyRule[],
  c: SubsidyCase,
  monthlyAmount: (amounts: MonthlyAmounts) => number,
  /** 대체인력: at most 80 % of the wage paid; 업무분담 pays colleagues' allowance, not a wage we know. */
  capByWage: boolean,
): SubsidyEstimate {
  const months: { month: string; amount: number }[] = [];
  if (reasons.length === 0 && window) {
    for (const part of monthsOf(window)) {
      const rule = ruleOn(rules, part.start);
      if (!rule) continue;
      const covered = days(part);
      const proRata = (monthlyAmount(rule.monthly) * covered) / daysInMonthOf(part.start);
      const capped = capByWage ? Math.min(proRata, WAGE_CAP_SHARE * wagePaid(c.hourlyWage, c.vacancyWeeklyHours, covered)) : proRata;
      months.push({ month: part.start.slice(0, 7), amount: Math.floor(capped) });
    }
    if (months.length === 0) {
      reasons.push({ code: 'subsidy.no_rule_for_period', message: `no ${scheme === 'replacement_worker' ? '대체인력' : '업무분담'} amounts are known for this period` });
    }
  }
  const eligible = reasons.length === 0;
  return { scheme, eligible, reasons, months: eligible ? months : [], total: eligible ? months.reduce((sum, m) => sum + m.amount, 0) : 0 };
}

function intersect(a: Period, b: Period): Period | undefined {
  const start = a.start > b.start ? a.start : b.start;
  const end = a.end < b.end ? a.end : b.end;
  return start <= end ? { start, end } : undefined;
}

function daysInMonthOf(date: string): number {
  const [year, month] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The period cut at calendar-month boundaries. */
export function monthsOf(period: Period): Period[] {
  const parts: Period[] = [];
  let start = period.start;
  while (start <= period.end) {
    const monthEnd = `${start.slice(0, 8)}${String(daysInMonthOf(start)).padStart(2, '0')}`;
    const end = monthEnd < period.end ? monthEnd : period.end;
    parts.push({ start, end });
    start = addDays(end, 1);
  }
  return parts;
}

function notPrioritySupport(): SubsidyReason {
  return { code: 'subsidy.not_priority_support', message: 'only a priority-support firm (우선지원대상기업) receives it' };
}

function leaveTypeNotCovered(covered: string): SubsidyReason {
  return { code: 'subsidy.leave_type_not_covered', message: `only ${covered} leave is covered` };
}

function leaveTooShort(): SubsidyReason {
  return { code: 'subsidy.leave_under_30_days', message: `the leave must last at least ${MIN_SUBSIDISED_DAYS} days` };
}
