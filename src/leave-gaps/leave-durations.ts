import { addDays, daysBetween } from '../common/calendar-date';
import { lastDayOfMonthsFrom } from './leave-dates';
import type { LeaveLawFinding, LeaveTerms } from './leave-law';
import { workingDaysBetween, workingDaysByYear } from './working-days';

/** The 2025-02-23 amendments (근로기준법 §74, 남녀고용평등법 §18-2, §18-3) apply to leave starting on or after this day. */
export const AMENDMENTS_2025_02_23 = '2025-02-23';

/** 근로기준법 §74①: 90 days, 120 for a multiple birth, 100 for a premature birth (since 2025-02-23). */
export function maxMaternityDays(terms: Pick<LeaveTerms, 'multipleBirth' | 'prematureBirth' | 'leaveStart'>): number {
  if (terms.multipleBirth) return 120;
  if (terms.prematureBirth && terms.leaveStart >= AMENDMENTS_2025_02_23) return 100;
  return 90;
}

/** 근로기준법 §74①: at least 45 days (60 for a multiple birth) of the leave follow the birth, the day of birth included. */
export function postBirthDays(multipleBirth: boolean): number {
  return multipleBirth ? 60 : 45;
}

/** 남녀고용평등법 §18-2: 20 working days since 2025-02-23 (10 before). */
export function maxSpouseMaternityWorkingDays(leaveStart: string): number {
  return leaveStart >= AMENDMENTS_2025_02_23 ? 20 : 10;
}
/** 남녀고용평등법 §18-2③: spouse maternity leave is used within 120 days of the birth (the day of birth is day 1). */
export const SPOUSE_MATERNITY_WINDOW_DAYS = 120;

/** 남녀고용평등법 §18-3: infertility treatment leave, 6 working days a year since 2025-02-23 (3 before). */
export function maxInfertilityDaysPerYear(leaveStart: string): number {
  return leaveStart >= AMENDMENTS_2025_02_23 ? 6 : 3;
}

/** 남녀고용평등법 §19-2④: reduced hours last 1 year plus twice the unused parental leave. */
export function maxReducedHoursMonths(unusedParentalMonths: number | null): number {
  return 12 + 2 * (unusedParentalMonths ?? 12);
}

const days = (start: string, end: string) => daysBetween(start, end) + 1;

export function durationViolations(terms: LeaveTerms): LeaveLawFinding[] {
  switch (terms.leaveType) {
    case 'maternity':
      return maternityViolations(terms);
    case 'parental': {
      const months = terms.extendedParentalReason ? 18 : 12;
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
    case 'reduced_hours': {
      const months = maxReducedHoursMonths(terms.unusedParentalMonths);
      const lastDay = lastDayOfMonthsFrom(terms.leaveStart, months);
      return terms.leaveEnd > lastDay
        ? [
            {
              code: 'leave_gap.reduced_hours_too_long',
              field: 'leaveEnd',
              message: `reduced hours last at most 1 year plus twice the unused parental leave (${months} months here): leaveEnd must be on or before ${lastDay}`,
            },
          ]
        : [];
    }
    case 'spouse_maternity':
      return spouseMaternityViolations(terms);
    case 'infertility_treatment':
      return infertilityViolations(terms);
    default:
      return [];
  }
}

function maternityViolations(terms: LeaveTerms): LeaveLawFinding[] {
  const max = maxMaternityDays(terms);
  const length = days(terms.leaveStart, terms.leaveEnd);
  const kind = terms.multipleBirth ? ' for a multiple birth' : max === 100 ? ' for a premature birth' : '';
  if (terms.birthDate === null) {
    return length > max
      ? [{ code: 'leave_gap.maternity_too_long', field: 'leaveEnd', message: `maternity leave lasts at most ${max} days${kind} (this one: ${length})` }]
      : [];
  }
  if (terms.birthDate < terms.leaveStart || terms.birthDate > terms.leaveEnd) {
    return [{ code: 'leave_gap.birth_date_outside_leave', field: 'birthDate', message: 'birthDate must lie within the maternity leave' }];
  }
  const required = postBirthDays(terms.multipleBirth);
  const firstAllowedEnd = addDays(terms.birthDate, required - 1);
  if (terms.leaveEnd < firstAllowedEnd) {
    return [
      {
        code: 'leave_gap.maternity_post_birth_too_short',
        field: 'leaveEnd',
        message: `at least ${required} days of the leave follow the birth: leaveEnd must be on or after ${firstAllowedEnd}`,
      },
    ];
  }
  // A birth later than expected lets the leave run past the limit so that the post-birth days still follow.
  const lastAllowedEnd = [addDays(terms.leaveStart, max - 1), firstAllowedEnd].sort().at(-1)!;
  return terms.leaveEnd > lastAllowedEnd
    ? [
        {
          code: 'leave_gap.maternity_too_long',
          field: 'leaveEnd',
          message: `maternity leave lasts at most ${max} days${kind}, or until ${required} days after a later birth: leaveEnd must be on or before ${lastAllowedEnd}`,
        },
      ]
    : [];
}

function spouseMaternityViolations(terms: LeaveTerms): LeaveLawFinding[] {
  const violations: LeaveLawFinding[] = [];
  const max = maxSpouseMaternityWorkingDays(terms.leaveStart);
  const workingDays = workingDaysBetween(terms.leaveStart, terms.leaveEnd);
  if (workingDays > max) {
    violations.push({
      code: 'leave_gap.spouse_maternity_too_long',
      field: 'leaveEnd',
      message: `spouse maternity leave lasts at most ${max} working days, weekends and public holidays not counted (this one: ${workingDays})`,
    });
  }
  if (terms.birthDate !== null) {
    const lastDay = addDays(terms.birthDate, SPOUSE_MATERNITY_WINDOW_DAYS - 1);
    if (terms.leaveEnd > lastDay) {
      violations.push({
        code: 'leave_gap.spouse_maternity_after_window',
        field: 'leaveEnd',
        message: `spouse maternity leave is used within ${SPOUSE_MATERNITY_WINDOW_DAYS} days of the birth: leaveEnd must be on or before ${lastDay}`,
      });
    }
  }
  return violations;
}

function infertilityViolations(terms: LeaveTerms): LeaveLawFinding[] {
  const max = maxInfertilityDaysPerYear(terms.leaveStart);
  const over = [...workingDaysByYear(terms.leaveStart, terms.leaveEnd)].filter(([, count]) => count > max);
  return over.map(([year, count]) => ({
    code: 'leave_gap.infertility_treatment_too_long',
    field: 'leaveEnd',
    message: `infertility treatment leave is at most ${max} working days a year (this one: ${count} in ${year})`,
  }));
}
