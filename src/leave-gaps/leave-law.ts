import { addDays, daysBetween } from '../common/calendar-date';
import { lastDayOfMonthsFrom, sameDayMonthsLater } from './leave-dates';
import { durationViolations } from './leave-durations';
import { ExtendedParentalReason, LeaveType } from './leave-types';
import { checkMinimumWage } from './minimum-wage';
import { yearsWithoutHolidayData } from './working-days';

export { lastDayOfMonthsFrom } from './leave-dates';

/** What the leave-law rules look at: a leave gap as posted (or as it would be after a PATCH). */
export interface LeaveTerms {
  leaveType: LeaveType;
  leaveStart: string;
  leaveEnd: string;
  handoverDays: number;
  /** parental only: days the substitute stays after the employee is back (at most 1 month). */
  afterReturnDays: number;
  multipleBirth: boolean;
  prematureBirth: boolean;
  /** maternity and spouse maternity: the day of the birth, once known. */
  birthDate: string | null;
  extendedParentalReason: ExtendedParentalReason | null;
  /** reduced_hours only: parental-leave months the employee has not used (absent: all 12). */
  unusedParentalMonths: number | null;
  weeklyHours: number;
  reducedWeeklyHours: number | null;
  hourlyWage: number;
}

/** A broken rule (refused) or a lawful term worth knowing about (a warning). */
export interface LeaveLawFinding {
  /** Stable code a client can branch on, e.g. `leave_gap.maternity_too_long`. */
  code: string;
  /** The request field to correct or look at. */
  field: keyof LeaveTerms;
  message: string;
}


/** The vacancy a leave opens: what the matching works with. */
export interface Vacancy {
  placementStart: string;
  placementEnd: string;
  weeklyHours: number;
}

/** 고용노동부 출산육아기 고용안정장려금: a substitute hired from this many months before the leave is subsidised. */
export const SUBSIDISED_HANDOVER_MONTHS = 2;
/** From 2026 a parental leave's substitute may stay up to 1 month after the return, subsidised. */
export const AFTER_RETURN_MONTHS = 1;
/** Below this a week, a job is 초단시간: no weekly-holiday pay (근로기준법 §18③), no employment insurance. */
export const SHORT_HOURS_THRESHOLD = 15;

/** Days of leave, counting both the first and the last day. */
export function leaveDays(start: string, end: string): number {
  return daysBetween(start, end) + 1;
}

export function placementStartOf(terms: Pick<LeaveTerms, 'leaveStart' | 'handoverDays'>): string {
  return addDays(terms.leaveStart, -terms.handoverDays);
}

/** The first day a substitute may start and still be subsidised: the same day 2 months before the leave. */
export function subsidisedHandoverStart(leaveStart: string): string {
  return sameDayMonthsLater(leaveStart, -SUBSIDISED_HANDOVER_MONTHS);
}

/** The last day a substitute may stay after a parental leave ending on `leaveEnd`: 1 month after the return. */
export function lastAfterReturnDay(leaveEnd: string): string {
  return lastDayOfMonthsFrom(addDays(leaveEnd, 1), AFTER_RETURN_MONTHS);
}

/**
 * The vacancy: the handover days before the leave, the leave, and (parental) the days after the
 * return; the weekly hours to fill (for reduced hours only the hours the employee gives up).
 */
export function deriveVacancy(terms: LeaveTerms): Vacancy {
  return {
    placementStart: placementStartOf(terms),
    placementEnd: addDays(terms.leaveEnd, terms.afterReturnDays),
    weeklyHours: vacancyWeeklyHours(terms),
  };
}

function vacancyWeeklyHours(terms: Pick<LeaveTerms, 'leaveType' | 'weeklyHours' | 'reducedWeeklyHours'>): number {
  return terms.leaveType === 'reduced_hours' && terms.reducedWeeklyHours !== null
    ? terms.weeklyHours - terms.reducedWeeklyHours
    : terms.weeklyHours;
}

/** Every rule the terms break; empty when they are lawful. */
export function leaveLawViolations(terms: LeaveTerms): LeaveLawFinding[] {
  const violations: LeaveLawFinding[] = [];
  const datesInOrder = terms.leaveEnd >= terms.leaveStart;
  if (!datesInOrder) {
    violations.push({ code: 'leave_gap.end_before_start', field: 'leaveEnd', message: 'leaveEnd must not be before leaveStart' });
  }
  if (datesInOrder) violations.push(...durationViolations(terms), ...afterReturnViolations(terms));
  violations.push(...typeSpecificFieldViolations(terms));
  if (datesInOrder) {
    const vacancy = deriveVacancy(terms);
    const { below } = checkMinimumWage(terms.hourlyWage, vacancy.placementStart, vacancy.placementEnd);
    if (below.length > 0) {
      const highest = below.reduce((a, b) => (b.hourlyWage > a.hourlyWage ? b : a));
      violations.push({
        code: 'leave_gap.below_minimum_wage',
        field: 'hourlyWage',
        message: `hourlyWage must be at least the minimum wage of every year the placement touches: ${below
          .map((rate) => `${rate.year} ${rate.hourlyWage} KRW`)
          .join(', ')} (so at least ${highest.hourlyWage} KRW)`,
      });
    }
  }
  return violations;
}

/** Lawful terms that cost the firm something or that could not be fully checked. */
export function leaveLawWarnings(terms: LeaveTerms): LeaveLawFinding[] {
  if (terms.leaveEnd < terms.leaveStart) return [];
  const warnings: LeaveLawFinding[] = [];
  const vacancy = deriveVacancy(terms);
  const firstSubsidisedDay = subsidisedHandoverStart(terms.leaveStart);
  if (vacancy.placementStart < firstSubsidisedDay) {
    warnings.push({
      code: 'leave_gap.handover_unsubsidised',
      field: 'handoverDays',
      message: `a substitute hired before ${firstSubsidisedDay} (2 months before the leave) earns no replacement-worker subsidy (대체인력 지원금); start the handover on or after that day to keep it`,
    });
  }
  if (vacancy.weeklyHours < SHORT_HOURS_THRESHOLD) {
    warnings.push({
      code: 'leave_gap.vacancy_under_15_hours',
      field: terms.leaveType === 'reduced_hours' ? 'reducedWeeklyHours' : 'weeklyHours',
      message: `the vacancy is ${vacancy.weeklyHours} h a week, under 15 h (초단시간): no weekly-holiday pay, no employment insurance for under 3 months, and a subsidy capped at 80 % of a small wage`,
    });
  }
  for (const year of checkMinimumWage(terms.hourlyWage, vacancy.placementStart, vacancy.placementEnd).unknownYears) {
    warnings.push({
      code: 'leave_gap.minimum_wage_unknown',
      field: 'hourlyWage',
      message: `no minimum wage is published for ${year} yet: hourlyWage could not be checked for the part of the placement in ${year}`,
    });
  }
  if (terms.leaveType === 'spouse_maternity' || terms.leaveType === 'infertility_treatment') {
    for (const year of yearsWithoutHolidayData(terms.leaveStart, terms.leaveEnd)) {
      warnings.push({
        code: 'leave_gap.holidays_unknown',
        field: 'leaveEnd',
        message: `the public holidays of ${year} are not known yet: working days in ${year} were counted as Monday to Friday`,
      });
    }
  }
  return warnings;
}

function afterReturnViolations(terms: LeaveTerms): LeaveLawFinding[] {
  if (terms.afterReturnDays === 0) return [];
  if (terms.leaveType !== 'parental') {
    return [
      {
        code: 'leave_gap.after_return_not_parental',
        field: 'afterReturnDays',
        message: 'afterReturnDays applies to parental leave only (the subsidised month after the return)',
      },
    ];
  }
  const lastDay = lastAfterReturnDay(terms.leaveEnd);
  return addDays(terms.leaveEnd, terms.afterReturnDays) > lastDay
    ? [
        {
          code: 'leave_gap.after_return_too_long',
          field: 'afterReturnDays',
          message: `a substitute stays at most 1 month after the return: the placement must end on or before ${lastDay}`,
        },
      ]
    : [];
}

/** Fields that belong to some leave types only: required there, refused elsewhere. */
function typeSpecificFieldViolations(terms: LeaveTerms): LeaveLawFinding[] {
  const violations: LeaveLawFinding[] = [];
  const refuse = (code: string, field: keyof LeaveTerms, message: string) =>
    violations.push({ code: `leave_gap.${code}`, field, message });
  if (terms.leaveType === 'reduced_hours') {
    const reduced = terms.reducedWeeklyHours;
    if (reduced === null) {
      refuse('reduced_hours_required', 'reducedWeeklyHours', 'a reduced_hours leave needs reducedWeeklyHours: the hours a week the employee keeps working');
    } else if (reduced < 15 || reduced > 35) {
      refuse('reduced_hours_out_of_range', 'reducedWeeklyHours', 'on reduced hours the employee works 15 to 35 hours a week (남녀고용평등법 §19-2③)');
    } else if (reduced >= terms.weeklyHours) {
      refuse('reduced_hours_not_below_weekly', 'reducedWeeklyHours', 'reducedWeeklyHours must be less than weeklyHours (the full-time hours)');
    }
  } else {
    if (terms.reducedWeeklyHours !== null) {
      refuse('reduced_hours_not_applicable', 'reducedWeeklyHours', 'reducedWeeklyHours applies to reduced_hours leave only');
    }
    if (terms.unusedParentalMonths !== null) {
      refuse('unused_parental_months_not_applicable', 'unusedParentalMonths', 'unusedParentalMonths applies to reduced_hours leave only');
    }
  }
  if (terms.leaveType !== 'maternity') {
    if (terms.multipleBirth) refuse('multiple_birth_not_maternity', 'multipleBirth', 'multipleBirth applies to maternity leave only');
    if (terms.prematureBirth) refuse('premature_birth_not_maternity', 'prematureBirth', 'prematureBirth applies to maternity leave only');
  }
  if (terms.birthDate !== null && terms.leaveType !== 'maternity' && terms.leaveType !== 'spouse_maternity') {
    refuse('birth_date_not_applicable', 'birthDate', 'birthDate applies to maternity and spouse maternity leave only');
  }
  if (terms.extendedParentalReason !== null && terms.leaveType !== 'parental') {
    refuse('extended_reason_not_parental', 'extendedParentalReason', 'extendedParentalReason applies to parental leave only');
  }
  return violations;
}
