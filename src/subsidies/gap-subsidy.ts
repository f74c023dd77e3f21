import type { Firm } from '../firms/firm.entity';
import type { LeaveGap } from '../leave-gaps/leave-gap.entity';
import type { Period, SubsidyCase } from './subsidy';

/** The gap's columns the estimate reads: a report can pass a plain row, not only an entity. */
export type SubsidisedGap = Pick<
  LeaveGap,
  | 'leaveType'
  | 'leaveStart'
  | 'leaveEnd'
  | 'afterReturnDays'
  | 'weeklyHours'
  | 'reducedWeeklyHours'
  | 'vacancyWeeklyHours'
  | 'hourlyWage'
  | 'placementStart'
  | 'placementEnd'
>;

/** The estimate's input for a gap of `firm`; the employment is a placement's period, or before matching the vacancy. */
export function subsidyCaseOf(gap: SubsidisedGap, firm: Pick<Firm, 'prioritySupport' | 'employeeCount'>, employment?: Period): SubsidyCase {
  return {
    leaveType: gap.leaveType,
    leaveStart: gap.leaveStart,
    leaveEnd: gap.leaveEnd,
    afterReturnDays: gap.afterReturnDays,
    weeklyHours: gap.weeklyHours,
    reducedWeeklyHours: gap.reducedWeeklyHours,
    vacancyWeeklyHours: gap.vacancyWeeklyHours,
    hourlyWage: gap.hourlyWage,
    firm: { prioritySupport: firm.prioritySupport, employeeCount: firm.employeeCount },
    employment: employment ?? { start: gap.placementStart, end: gap.placementEnd },
  };
}
