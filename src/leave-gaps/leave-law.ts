import { addDays, daysBetween } from '../common/calendar-date';
import { ExtendedParentalReason, LeaveType } from './leave-types';
import { minimumHourlyWage, minimumWageYearFor } from './minimum-wage';

/** What the leave-law rules look at: a leave gap as posted (or as it would be after a PATCH). */
export interface LeaveTerms {
  leaveType: LeaveType;
  leaveStart: string;
  leaveEnd: string;
  handoverDays: number;
  multipleBirth: boolean;
  extendedParentalReason: ExtendedParentalReason | null;
  weeklyHours: number;
  reducedWeeklyHours: number | null;
  hourlyWage: number;
}

export interface LeaveLawViolation {
  /** Stable code a client can branch on, e.g. `leave_gap.maternity_too_long`. */
  code: string;
  /** The request field to correct. */
  field: keyof LeaveTerms;
  message: string;
}

/** The vacancy a leave opens: what the matching works with. */
export interface Vacancy {
  placementStart: string;
  placementEnd: string;
  weeklyHours: number;
}

export const MAX_MATERNITY_DAYS = 90;
export const MAX_MATERNITY_DAYS_MULTIPLE_BIRTH = 120;
export const MAX_PARENTAL_MONTHS = 12;
export const MAX_PARENTAL_MONTHS_EXTENDED = 18;
export const MAX_SPOUSE_MATERNITY_DAYS = 20;
export const MAX_HANDOVER_DAYS = 60;
/** Hours a week an employee on reduced childcare hours keeps working. */
export const REDUCED_WEEKLY_HOURS_MIN = 15;
export const REDUCED_WEEKLY_HOURS_MAX = 35;

/** Days of leave, counting both the first and the last day. */
export function leaveDays(start: string, end: string): number {
  return daysBetween(start, end) + 1;
}

/**
 * The last day of a leave of `months` months starting on `start`: the day before the same
 * date `months` later (2026-03-02 + 12 months → 2027-03-01). When that date does not exist,
 * the period ends on the last day of that month (민법 §160: 2024-02-29 + 12 months → 2025-02-28).
 */
export function lastDayOfMonthsFrom(start: string, months: number): string {
  const [year, month, day] = start.split('-').map(Number);
  const targetMonthIndex = month - 1 + months;
  const targetYear = year + Math.floor(targetMonthIndex / 12);
  const targetMonth = targetMonthIndex % 12; // 0-based
  const daysInTargetMonth = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  if (day > daysInTargetMonth) {
    return new Date(Date.UTC(targetYear, targetMonth, daysInTargetMonth)).toISOString().slice(0, 10);
  }
  return addDays(new Date(Date.UTC(targetYear, targetMonth, day)).toISOString().slice(0, 10), -1);
}

export function placementStartOf(terms: Pick<LeaveTerms, 'leaveStart' | 'handoverDays'>): string {
  return addDays(terms.leaveStart, -terms.handoverDays);
}

/**
 * The vacancy: the handover days before the leave plus the leave itself, and the weekly hours
 * to fill (for reduced hours only the hours the employee gives up).
 */
export function deriveVacancy(terms: LeaveTerms): Vacancy {
  const weeklyHours =
    terms.leaveType === 'reduced_hours' && terms.reducedWeeklyHours !== null
      ? terms.weeklyHours - terms.reducedWeeklyHours
      : terms.weeklyHours;
  return { placementStart: placementStartOf(terms), placementEnd: terms.leaveEnd, weeklyHours };
}

/** Every rule the terms break; empty when they are lawful. */
export function leaveLawViolations(terms: LeaveTerms): LeaveLawViolation[] {
  const violations: LeaveLawViolation[] = [];
  const violate = (code: string, field: keyof LeaveTerms, message: string) =>
    violations.push({ code: `leave_gap.${code}`, field, message });

  const datesInOrder = terms.leaveEnd >= terms.leaveStart;
  if (!datesInOrder) violate('end_before_start', 'leaveEnd', 'leaveEnd must not be before leaveStart');

  if (terms.handoverDays > MAX_HANDOVER_DAYS) {
    violate('handover_too_long', 'handoverDays', `handover lasts at most ${MAX_HANDOVER_DAYS} days before the leave`);
  }

  if (datesInOrder) violations.push(...durationViolations(terms));
  violations.push(...typeSpecificFieldViolations(terms));

  const placementYear = Number(placementStartOf(terms).slice(0, 4));
  const minimum = minimumHourlyWage(placementYear);
  if (terms.hourlyWage < minimum) {
    const tableYear = minimumWageYearFor(placementYear);
    const whichWage =
      tableYear === placementYear
        ? `the ${placementYear} minimum wage`
        : `the latest known minimum wage (${tableYear}), applied to ${placementYear}`;
    violate('below_minimum_wage', 'hourlyWage', `hourlyWage must be at least ${whichWage}: ${minimum} KRW`);
  }
  return violations;
}

function durationViolations(terms: LeaveTerms): LeaveLawViolation[] {
  const days = leaveDays(terms.leaveStart, terms.leaveEnd);
  switch (terms.leaveType) {
    case 'maternity': {
      const max = terms.multipleBirth ? MAX_MATERNITY_DAYS_MULTIPLE_BIRTH : MAX_MATERNITY_DAYS;
      return days > max
        ? [
            {
              code: 'leave_gap.maternity_too_long',
              field: 'leaveEnd',
              message: `maternity leave lasts at most ${max} days${terms.multipleBirth ? ' for a multiple birth' : ''} (this one: ${days})`,
            },
          ]
        : [];
    }
    case 'parental': {
      const months = terms.extendedParentalReason ? MAX_PARENTAL_MONTHS_EXTENDED : MAX_PARENTAL_MONTHS;
      const lastDay = lastDayOfMonthsFrom(terms.leaveStart, months);
      return terms.leaveEnd > lastDay
        ? [
            {
              code: 'leave_gap.parental_too_long',
              field: 'leaveEnd',
              message: `parental leave lasts at most ${months} months${
                terms.extendedParentalReason ? '' : ' (18 with an extendedParentalReason)'
              }: leaveEnd must be on or before ${lastDay}`,
            },
          ]
        : [];
    }
    case 'spouse_maternity':
      return days > MAX_SPOUSE_MATERNITY_DAYS
        ? [
            {
              code: 'leave_gap.spouse_maternity_too_long',
              field: 'leaveEnd',
              message: `spouse maternity leave lasts at most ${MAX_SPOUSE_MATERNITY_DAYS} days (this one: ${days})`,
            },
          ]
        : [];
    default:
      return [];
  }
}

/** Fields that belong to one leave type only: required there, refused elsewhere. */
function typeSpecificFieldViolations(terms: LeaveTerms): LeaveLawViolation[] {
  const violations: LeaveLawViolation[] = [];
  if (terms.leaveType === 'reduced_hours') {
    const reduced = terms.reducedWeeklyHours;
    if (reduced === null) {
      violations.push({
        code: 'leave_gap.reduced_hours_required',
        field: 'reducedWeeklyHours',
        message: 'a reduced_hours leave needs reducedWeeklyHours: the hours a week the employee keeps working',
      });
    } else if (reduced < REDUCED_WEEKLY_HOURS_MIN || reduced > REDUCED_WEEKLY_HOURS_MAX) {
      violations.push({
        code: 'leave_gap.reduced_hours_out_of_range',
        field: 'reducedWeeklyHours',
        message: `on reduced hours the employee works ${REDUCED_WEEKLY_HOURS_MIN} to ${REDUCED_WEEKLY_HOURS_MAX} hours a week`,
      });
    } else if (reduced >= terms.weeklyHours) {
      violations.push({
        code: 'leave_gap.reduced_hours_not_below_weekly',
        field: 'reducedWeeklyHours',
        message: 'reducedWeeklyHours must be less than weeklyHours (the full-time hours)',
      });
    }
  } else if (terms.reducedWeeklyHours !== null) {
    violations.push({
      code: 'leave_gap.reduced_hours_not_applicable',
      field: 'reducedWeeklyHours',
      message: 'reducedWeeklyHours applies to reduced_hours leave only',
    });
  }
  if (terms.multipleBirth && terms.leaveType !== 'maternity') {
    violations.push({
      code: 'leave_gap.multiple_birth_not_maternity',
      field: 'multipleBirth',
      message: 'multipleBirth applies to maternity leave only',
    });
  }
  if (terms.extendedParentalReason !== null && terms.leaveType !== 'parental') {
    violations.push({
      code: 'leave_gap.extended_reason_not_parental',
      field: 'extendedParentalReason',
      message: 'extendedParentalReason applies to parental leave only',
    });
  }
  return violations;
}
