import { deriveVacancy, lastDayOfMonthsFrom, LeaveTerms, leaveDays, leaveLawViolations } from './leave-law';
import { minimumHourlyWage } from './minimum-wage';

const lawful: LeaveTerms = {
  leaveType: 'other',
  leaveStart: '2026-03-02',
  leaveEnd: '2026-06-30',
  handoverDays: 0,
  multipleBirth: false,
  extendedParentalReason: null,
  weeklyHours: 40,
  reducedWeeklyHours: null,
  hourlyWage: 12_000,
};

function codesOf(changes: Partial<LeaveTerms>): string[] {
  return leaveLawViolations({ ...lawful, ...changes }).map((v) => v.code);
}

describe('leave law', () => {
  it('accepts lawful terms of every type', () => {
    expect(codesOf({})).toEqual([]);
    expect(codesOf({ leaveType: 'maternity', leaveEnd: '2026-05-30' })).toEqual([]);
    expect(codesOf({ leaveType: 'parental', leaveEnd: '2027-03-01' })).toEqual([]);
    expect(codesOf({ leaveType: 'reduced_hours', reducedWeeklyHours: 25 })).toEqual([]);
    expect(codesOf({ leaveType: 'spouse_maternity', leaveEnd: '2026-03-21' })).toEqual([]);
    expect(codesOf({ leaveType: 'infertility_treatment', leaveEnd: '2026-03-07' })).toEqual([]);
  });

  it('counts days inclusively', () => {
    expect(leaveDays('2026-03-02', '2026-03-02')).toBe(1);
    expect(leaveDays('2026-03-02', '2026-05-30')).toBe(90);
  });

  describe('end not before start', () => {
    it('refuses an end before the start, naming leaveEnd', () => {
      expect(leaveLawViolations({ ...lawful, leaveEnd: '2026-03-01' })).toEqual([
        expect.objectContaining({ code: 'leave_gap.end_before_start', field: 'leaveEnd' }),
      ]);
    });
    it('accepts a one-day leave', () => {
      expect(codesOf({ leaveEnd: '2026-03-02' })).toEqual([]);
    });
  });

  describe('maternity: at most 90 days, 120 for a multiple birth', () => {
    it('accepts 90 days and refuses 91', () => {
      expect(codesOf({ leaveType: 'maternity', leaveEnd: '2026-05-30' })).toEqual([]);
      expect(codesOf({ leaveType: 'maternity', leaveEnd: '2026-05-31' })).toEqual(['leave_gap.maternity_too_long']);
    });
    it('accepts 120 days with multipleBirth and refuses 121', () => {
      expect(codesOf({ leaveType: 'maternity', multipleBirth: true, leaveEnd: '2026-06-29' })).toEqual([]);
      expect(codesOf({ leaveType: 'maternity', multipleBirth: true, leaveEnd: '2026-06-30' })).toEqual([
        'leave_gap.maternity_too_long',
      ]);
    });
  });

  describe('parental: at most 12 months, 18 with a stated reason', () => {
    it('ends at the latest the day before the same date 12 months later', () => {
      expect(codesOf({ leaveType: 'parental', leaveEnd: '2027-03-01' })).toEqual([]);
      expect(codesOf({ leaveType: 'parental', leaveEnd: '2027-03-02' })).toEqual(['leave_gap.parental_too_long']);
    });
    it.each(['both_parents', 'single_parent', 'disabled_child'] as const)(
      'allows 18 months with the reason %s',
      (reason) => {
        expect(codesOf({ leaveType: 'parental', extendedParentalReason: reason, leaveEnd: '2027-09-01' })).toEqual([]);
        expect(codesOf({ leaveType: 'parental', extendedParentalReason: reason, leaveEnd: '2027-09-02' })).toEqual([
          'leave_gap.parental_too_long',
        ]);
      },
    );
    it('names the last allowed day in the message', () => {
      const [violation] = leaveLawViolations({ ...lawful, leaveType: 'parental', leaveEnd: '2028-01-01' });
      expect(violation).toMatchObject({ field: 'leaveEnd' });
      expect(violation.message).toContain('2027-03-01');
    });
  });

  describe('months counted as in the Civil Act', () => {
    it.each([
      ['2026-03-02', 12, '2027-03-01'],
      ['2026-01-01', 12, '2026-12-31'],
      ['2024-02-29', 12, '2025-02-28'],
      ['2025-01-31', 1, '2025-02-28'],
      ['2025-01-28', 1, '2025-02-27'],
      ['2026-07-15', 18, '2028-01-14'],
    ])('%s + %d months ends on %s', (start, months, end) => {
      expect(lastDayOfMonthsFrom(start, months)).toBe(end);
    });
  });

  describe('reduced hours: the employee keeps working 15–35 h a week, less than full time', () => {
    it('requires reducedWeeklyHours', () => {
      expect(codesOf({ leaveType: 'reduced_hours' })).toEqual(['leave_gap.reduced_hours_required']);
    });
    it.each([14, 36])('refuses %d hours', (hours) => {
      expect(codesOf({ leaveType: 'reduced_hours', reducedWeeklyHours: hours })).toEqual([
        'leave_gap.reduced_hours_out_of_range',
      ]);
    });
    it.each([15, 35])('accepts the bound %d', (hours) => {
      expect(codesOf({ leaveType: 'reduced_hours', reducedWeeklyHours: hours })).toEqual([]);
    });
    it('refuses reduced hours not below the weekly hours', () => {
      expect(codesOf({ leaveType: 'reduced_hours', weeklyHours: 30, reducedWeeklyHours: 30 })).toEqual([
        'leave_gap.reduced_hours_not_below_weekly',
      ]);
    });
  });

  describe('spouse maternity: at most 20 days', () => {
    it('accepts 20 days and refuses 21', () => {
      expect(codesOf({ leaveType: 'spouse_maternity', leaveEnd: '2026-03-21' })).toEqual([]);
      expect(codesOf({ leaveType: 'spouse_maternity', leaveEnd: '2026-03-22' })).toEqual([
        'leave_gap.spouse_maternity_too_long',
      ]);
    });
  });

  describe('handover: at most 60 days before the leave', () => {
    it('accepts 60 and refuses 61, naming handoverDays', () => {
      expect(codesOf({ handoverDays: 60 })).toEqual([]);
      expect(leaveLawViolations({ ...lawful, handoverDays: 61 })).toEqual([
        expect.objectContaining({ code: 'leave_gap.handover_too_long', field: 'handoverDays' }),
      ]);
    });
  });

  describe('minimum wage of the year the placement starts', () => {
    it('uses the 2026 table value: 10,320 passes, 10,319 does not', () => {
      expect(codesOf({ hourlyWage: 10_320 })).toEqual([]);
      expect(codesOf({ hourlyWage: 10_319 })).toEqual(['leave_gap.below_minimum_wage']);
    });
    it('uses 2025 when the handover pulls the placement start into 2025', () => {
      const terms = { leaveStart: '2026-01-10', leaveEnd: '2026-03-31', handoverDays: 20, hourlyWage: 10_100 };
      expect(codesOf(terms)).toEqual([]);
      expect(codesOf({ ...terms, handoverDays: 5 })).toEqual(['leave_gap.below_minimum_wage']);
    });
    it('uses the latest known year for a year not in the table', () => {
      expect(minimumHourlyWage(2025)).toBe(10_030);
      expect(minimumHourlyWage(2031)).toBe(minimumHourlyWage(2026));
      const [violation] = leaveLawViolations({ ...lawful, leaveStart: '2031-03-03', leaveEnd: '2031-04-30', hourlyWage: 10_000 });
      expect(violation.message).toBe('hourlyWage must be at least the latest known minimum wage (2026), applied to 2031: 10320 KRW');
      expect(codesOf({ leaveStart: '2031-03-03', leaveEnd: '2031-04-30', hourlyWage: 10_319 })).toEqual([
        'leave_gap.below_minimum_wage',
      ]);
    });
  });

  describe('fields of one leave type only', () => {
    it('refuses reducedWeeklyHours on another type', () => {
      expect(codesOf({ reducedWeeklyHours: 20 })).toEqual(['leave_gap.reduced_hours_not_applicable']);
    });
    it('refuses multipleBirth outside maternity', () => {
      expect(codesOf({ leaveType: 'parental', multipleBirth: true })).toEqual(['leave_gap.multiple_birth_not_maternity']);
    });
    it('refuses an extendedParentalReason outside parental leave', () => {
      expect(codesOf({ extendedParentalReason: 'single_parent' })).toEqual(['leave_gap.extended_reason_not_parental']);
    });
  });

  it('reports every broken rule at once', () => {
    expect(codesOf({ leaveType: 'maternity', leaveEnd: '2026-12-31', handoverDays: 90, hourlyWage: 5_000 })).toEqual([
      'leave_gap.handover_too_long',
      'leave_gap.maternity_too_long',
      'leave_gap.below_minimum_wage',
    ]);
  });
});

describe('derived vacancy', () => {
  it('starts the placement handoverDays before the leave and ends with it', () => {
    expect(deriveVacancy({ ...lawful, handoverDays: 14 })).toEqual({
      placementStart: '2026-02-16',
      placementEnd: '2026-06-30',
      weeklyHours: 40,
    });
  });
  it('fills only the hours given up on reduced hours: 40 − 25 = 15', () => {
    expect(deriveVacancy({ ...lawful, leaveType: 'reduced_hours', reducedWeeklyHours: 25 }).weeklyHours).toBe(15);
  });
  it('crosses a year boundary', () => {
    expect(deriveVacancy({ ...lawful, leaveStart: '2026-01-05', handoverDays: 10 }).placementStart).toBe('2025-12-26');
  });
});
