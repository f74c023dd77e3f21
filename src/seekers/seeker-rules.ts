import { FieldProblem } from '../common/domain-error';
import { DatePeriod } from '../placements/placement-period';

/** Rules across fields of a seeker that a DTO decorator cannot express; empty when all hold. */
export function seekerRuleViolations(input: {
  weeklyHours?: { min: number; max: number };
  availability?: readonly DatePeriod[];
}): (FieldProblem & { code: string })[] {
  const problems: (FieldProblem & { code: string })[] = [];
  if (input.weeklyHours && input.weeklyHours.min > input.weeklyHours.max) {
    problems.push({
      code: 'seeker.weekly_hours_min_above_max',
      field: 'weeklyHours.min',
      message: 'weeklyHours.min must not be above weeklyHours.max',
    });
  }
  (input.availability ?? []).forEach((window, index) => {
    if (window.end < window.start) {
      problems.push({
        code: 'seeker.availability_end_before_start',
        field: `availability[${index}].end`,
        message: 'an availability window must not end before it starts',
      });
    }
  });
  return problems;
}
