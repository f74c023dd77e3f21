import { lastDayOfMonthsFrom, sameDayMonthsLater } from './leave-dates';
import { deriveVacancy, LeaveTerms, leaveDays, leaveLawViolations, leaveLawWarnings, subsidisedHandoverStart } from './leave-law';
import { checkMinimumWage, minimumWageFor } from './minimum-wage';

const lawful: LeaveTerms = {
  leaveType: 'other',
  leaveStart: '2026-03-02',
  leaveEnd: '2026-06-30',
  handoverDays: 0,
  afterReturnDays: 0,
  multipleBirth: false,
  prematureBirth: false,
  birthDate: null,
  extendedParentalReason: null,
  unusedParentalMonths: null,
  weeklyHours: 40,
  reducedWeeklyHours: null,
  hourlyWage: 12_000,
};

function codesOf(changes: Partial<LeaveTerms>): string[] {
  return leaveLawViolations({ ...lawful, ...changes }).map((v) => v.code);
}
function warningsOf(changes: Partial<LeaveTerms>): string[] {
  return leaveLawWarnings({ ...lawful, ...changes }).map((w) => w.code);
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

  describe('maternity (근로기준법 §74): 90 days, 120 for a multiple birth, 100 for a premature birth', () => {
    const maternity = { leaveType: 'maternity' as const };
    it('accepts 90 days and refuses 91', () => {
      expect(codesOf({ ...maternity, leaveEnd: '2026-05-30' })).toEqual([]);
      expect(codesOf({ ...maternity, leaveEnd: '2026-05-31' })).toEqual(['leave_gap.maternity_too_long']);
    });
    it('accepts 120 days with multipleBirth and refuses 121', () => {
      expect(codesOf({ ...maternity, multipleBirth: true, leaveEnd: '2026-06-29' })).toEqual([]);
      expect(codesOf({ ...maternity, multipleBirth: true, leaveEnd: '2026-06-30' })).toEqual(['leave_gap.maternity_too_long']);
    });
    it('accepts 100 days for a premature birth and refuses 101', () => {
      expect(codesOf({ ...maternity, prematureBirth: true, leaveEnd: '2026-06-09' })).toEqual([]);
      expect(codesOf({ ...maternity, prematureBirth: true, leaveEnd: '2026-06-10' })).toEqual(['leave_gap.maternity_too_long']);
    });
    it('gives a premature birth 100 days from 2025-02-23, 90 the day before', () => {
      // 2025-02-23 + 99 days = 2025-06-02
      expect(codesOf({ ...maternity, prematureBirth: true, leaveStart: '2025-02-23', leaveEnd: '2025-06-02', hourlyWage: 10_030 })).toEqual([]);
      expect(codesOf({ ...maternity, prematureBirth: true, leaveStart: '2025-02-22', leaveEnd: '2025-06-01', hourlyWage: 10_030 })).toEqual([
        'leave_gap.maternity_too_long',
      ]);
    });
    it('refuses prematureBirth outside maternity', () => {
      expect(codesOf({ prematureBirth: true })).toEqual(['leave_gap.premature_birth_not_maternity']);
    });
    describe('with a birthDate: 45 days (60 for a multiple birth) follow the birth', () => {
      it('lets a late birth carry the leave past 90 days, to exactly 45 days after it', () => {
        // birth 2026-05-20: day 45 after it (the birth day is day 1) is 2026-07-03
        expect(codesOf({ ...maternity, birthDate: '2026-05-20', leaveEnd: '2026-07-03' })).toEqual([]);
        expect(codesOf({ ...maternity, birthDate: '2026-05-20', leaveEnd: '2026-07-04' })).toEqual(['leave_gap.maternity_too_long']);
      });
      it('refuses a leave ending before 45 days have followed the birth', () => {
        expect(codesOf({ ...maternity, birthDate: '2026-05-20', leaveEnd: '2026-07-02' })).toEqual([
          'leave_gap.maternity_post_birth_too_short',
        ]);
      });
      it('keeps the 90-day limit after an early birth', () => {
        expect(codesOf({ ...maternity, birthDate: '2026-03-20', leaveEnd: '2026-05-30' })).toEqual([]);
        expect(codesOf({ ...maternity, birthDate: '2026-03-20', leaveEnd: '2026-05-31' })).toEqual(['leave_gap.maternity_too_long']);
      });
      it('needs 60 post-birth days for a multiple birth', () => {
        // birth 2026-06-01: day 60 is 2026-07-30
        expect(codesOf({ ...maternity, multipleBirth: true, birthDate: '2026-06-01', leaveEnd: '2026-07-30' })).toEqual([]);
        expect(codesOf({ ...maternity, multipleBirth: true, birthDate: '2026-06-01', leaveEnd: '2026-07-29' })).toEqual([
          'leave_gap.maternity_post_birth_too_short',
        ]);
      });
      it('refuses a birthDate outside the leave, or on another leave type', () => {
        expect(codesOf({ ...maternity, birthDate: '2026-03-01', leaveEnd: '2026-05-30' })).toEqual(['leave_gap.birth_date_outside_leave']);
        expect(codesOf({ birthDate: '2026-03-10' })).toEqual(['leave_gap.birth_date_not_applicable']);
      });
    });
  });

  describe('parental: at most 12 months, 18 with a stated reason', () => {
    it('ends at the latest the day before the same date 12 months later', () => {
      expect(codesOf({ leaveType: 'parental', leaveEnd: '2027-03-01' })).toEqual([]);
      expect(codesOf({ leaveType: 'parental', leaveEnd: '2027-03-02' })).toEqual(['leave_gap.parental_too_long']);
    });
    it.each(['both_parents', 'single_parent', 'disabled_child'] as const)('allows 18 months with the reason %s', (reason) => {
      expect(codesOf({ leaveType: 'parental', extendedParentalReason: reason, leaveEnd: '2027-09-01' })).toEqual([]);
      expect(codesOf({ leaveType: 'parental', extendedParentalReason: reason, leaveEnd: '2027-09-02' })).toEqual([
        'leave_gap.parental_too_long',
      ]);
    });
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
    it.each([
      ['2026-03-02', -2, '2026-01-02'],
      ['2026-04-30', -2, '2026-02-28'], // 28-day February
      ['2024-04-30', -2, '2024-02-29'], // 29-day February
      ['2026-06-30', -2, '2026-04-30'], // 30-day month
      ['2026-05-31', -2, '2026-03-31'], // 31-day month
      ['2026-07-31', -2, '2026-05-31'],
      ['2026-02-15', -2, '2025-12-15'], // across the year
    ])('the same day as %s, %d months on, is %s', (date, months, expected) => {
      expect(sameDayMonthsLater(date, months)).toBe(expected);
    });
  });

  describe('reduced hours (§19-2): 15–35 h a week worked, 1 year plus twice the unused parental leave', () => {
    const reduced = { leaveType: 'reduced_hours' as const, reducedWeeklyHours: 25 };
    it('requires reducedWeeklyHours', () => {
      expect(codesOf({ leaveType: 'reduced_hours' })).toEqual(['leave_gap.reduced_hours_required']);
    });
    it.each([14, 36])('refuses %d hours', (hours) => {
      expect(codesOf({ ...reduced, reducedWeeklyHours: hours })).toEqual(['leave_gap.reduced_hours_out_of_range']);
    });
    it.each([15, 35])('accepts the bound %d', (hours) => {
      expect(codesOf({ ...reduced, reducedWeeklyHours: hours })).toEqual([]);
    });
    it('refuses reduced hours not below the weekly hours', () => {
      expect(codesOf({ ...reduced, weeklyHours: 30, reducedWeeklyHours: 30 })).toEqual(['leave_gap.reduced_hours_not_below_weekly']);
    });
    it('lasts 3 years when unusedParentalMonths is absent (all 12 unused)', () => {
      expect(codesOf({ ...reduced, leaveEnd: '2029-03-01' })).toEqual([]);
      expect(codesOf({ ...reduced, leaveEnd: '2029-03-02' })).toEqual(['leave_gap.reduced_hours_too_long']);
    });
    it('lasts 1 year when no parental leave is left, 1 year + 2 × 6 months with 6 left', () => {
      expect(codesOf({ ...reduced, unusedParentalMonths: 0, leaveEnd: '2027-03-01' })).toEqual([]);
      expect(codesOf({ ...reduced, unusedParentalMonths: 0, leaveEnd: '2027-03-02' })).toEqual(['leave_gap.reduced_hours_too_long']);
      expect(codesOf({ ...reduced, unusedParentalMonths: 6, leaveEnd: '2028-03-01' })).toEqual([]);
      expect(codesOf({ ...reduced, unusedParentalMonths: 6, leaveEnd: '2028-03-02' })).toEqual(['leave_gap.reduced_hours_too_long']);
    });
    it('refuses unusedParentalMonths on another leave type', () => {
      expect(codesOf({ unusedParentalMonths: 3 })).toEqual(['leave_gap.unused_parental_months_not_applicable']);
    });
    it('warns when the vacancy is under 15 h a week, not at 15', () => {
      expect(warningsOf({ ...reduced, weeklyHours: 40, reducedWeeklyHours: 26 })).toEqual(['leave_gap.vacancy_under_15_hours']);
      expect(warningsOf({ ...reduced, weeklyHours: 40, reducedWeeklyHours: 25 })).toEqual([]);
    });
  });

  describe('spouse maternity (§18-2): 20 working days within 120 days of the birth', () => {
    const spouse = { leaveType: 'spouse_maternity' as const };
    it('accepts 20 working days spanning 어린이날 and a substitute holiday (30 calendar days), refuses one working day more', () => {
      // 2026-05-04 (Mon) .. 2026-06-02: weekends, 05-05 and 05-25 do not count
      expect(codesOf({ ...spouse, leaveStart: '2026-05-04', leaveEnd: '2026-06-02' })).toEqual([]);
      // 06-03 is the local-election holiday: still 20
      expect(codesOf({ ...spouse, leaveStart: '2026-05-04', leaveEnd: '2026-06-03' })).toEqual([]);
      expect(codesOf({ ...spouse, leaveStart: '2026-05-04', leaveEnd: '2026-06-04' })).toEqual(['leave_gap.spouse_maternity_too_long']);
    });
    it('does not count a first day that is a public holiday (2026-03-02, substitute for 3·1절)', () => {
      expect(codesOf({ ...spouse, leaveStart: '2026-03-02', leaveEnd: '2026-03-30' })).toEqual([]);
      expect(codesOf({ ...spouse, leaveStart: '2026-03-02', leaveEnd: '2026-03-31' })).toEqual(['leave_gap.spouse_maternity_too_long']);
    });
    it('ends at the latest on the 120th day from the birth', () => {
      // birth 2026-01-10: day 120 is 2026-05-09
      const terms = { ...spouse, birthDate: '2026-01-10', leaveStart: '2026-04-27' };
      expect(codesOf({ ...terms, leaveEnd: '2026-05-09' })).toEqual([]);
      expect(codesOf({ ...terms, leaveEnd: '2026-05-10' })).toEqual(['leave_gap.spouse_maternity_after_window']);
    });
    it('warns when a year has no holiday data, naming it', () => {
      const warnings = leaveLawWarnings({ ...lawful, ...spouse, leaveStart: '2028-03-02', leaveEnd: '2028-03-20' });
      expect(warnings.map((w) => w.code)).toContain('leave_gap.holidays_unknown');
      expect(warnings.find((w) => w.code === 'leave_gap.holidays_unknown')!.message).toContain('2028');
    });
  });

  describe('infertility treatment (§18-3): at most 6 working days a year', () => {
    const infertility = { leaveType: 'infertility_treatment' as const };
    it('accepts 6 working days over a weekend and refuses 7', () => {
      expect(codesOf({ ...infertility, leaveStart: '2026-03-03', leaveEnd: '2026-03-10' })).toEqual([]);
      expect(codesOf({ ...infertility, leaveStart: '2026-03-03', leaveEnd: '2026-03-11' })).toEqual(['leave_gap.infertility_treatment_too_long']);
    });
    it('counts each calendar year on its own', () => {
      // 2026: 12-28..31 = 4; 2027: 01-01 is a holiday, 01-04..06 = 3
      expect(codesOf({ ...infertility, leaveStart: '2026-12-28', leaveEnd: '2027-01-06' })).toEqual([]);
    });
  });

  describe('handover: subsidised from the same day 2 months before the leave; longer is lawful but warned', () => {
    it('starts the subsidised handover on 2026-01-02 for a leave from 2026-03-02', () => {
      expect(subsidisedHandoverStart('2026-03-02')).toBe('2026-01-02');
    });
    it('does not warn a handover from 2026-01-02 and warns one from 2026-01-01, without refusing it', () => {
      const parental = { leaveType: 'parental' as const, leaveEnd: '2026-12-31' };
      expect(deriveVacancy({ ...lawful, ...parental, handoverDays: 59 }).placementStart).toBe('2026-01-02');
      expect(warningsOf({ ...parental, handoverDays: 59 })).toEqual([]);
      expect(codesOf({ ...parental, handoverDays: 60 })).toEqual([]);
      expect(leaveLawWarnings({ ...lawful, ...parental, handoverDays: 60 })).toEqual([
        expect.objectContaining({ code: 'leave_gap.handover_unsubsidised', field: 'handoverDays' }),
      ]);
      expect(codesOf({ ...parental, handoverDays: 400 })).toEqual([]);
    });
    it.each([
      ['2026-04-30', 61, 62], // back to 2026-02-28 (28-day February)
      ['2024-04-30', 61, 62], // back to 2024-02-29 (29-day February)
      ['2026-06-30', 61, 62], // back to 2026-04-30 (30-day month)
      ['2026-05-31', 61, 62], // back to 2026-03-31 (31-day month)
    ])('a leave from %s may have %d subsidised handover days, not %d', (leaveStart, fine, warned) => {
      const terms = { leaveStart, leaveEnd: leaveStart, hourlyWage: 12_000 };
      expect(warningsOf({ ...terms, handoverDays: fine })).toEqual([]);
      expect(warningsOf({ ...terms, handoverDays: warned })).toEqual(['leave_gap.handover_unsubsidised']);
    });
  });

  describe('after the return (parental only): the placement may end up to 1 month after the leave', () => {
    const parental = { leaveType: 'parental' as const, leaveStart: '2025-04-01' };
    it.each([
      ['2026-01-31', 28], // return 02-01, stays to 02-28
      ['2028-01-31', 29], // return 02-01 of a leap year, to 02-29
      ['2026-03-31', 30], // return 04-01, to 04-30
      ['2027-03-01', 31], // return 03-02, to 04-01
    ])('a leave ending %s allows %d days after it', (leaveEnd, days) => {
      const start = leaveEnd === '2028-01-31' ? '2027-02-01' : leaveEnd === '2027-03-01' ? '2026-03-02' : parental.leaveStart;
      const terms = { ...parental, leaveStart: start, leaveEnd };
      expect(codesOf({ ...terms, afterReturnDays: days })).toEqual([]);
      expect(codesOf({ ...terms, afterReturnDays: days + 1 })).toEqual(['leave_gap.after_return_too_long']);
    });
    it('ends the vacancy afterReturnDays after the leave', () => {
      expect(deriveVacancy({ ...lawful, leaveType: 'parental', leaveEnd: '2027-03-01', afterReturnDays: 31 }).placementEnd).toBe('2027-04-01');
    });
    it('refuses afterReturnDays on another leave type', () => {
      expect(codesOf({ leaveType: 'maternity', leaveEnd: '2026-05-30', afterReturnDays: 5 })).toEqual(['leave_gap.after_return_not_parental']);
    });
  });

  describe('minimum wage of every year the placement touches', () => {
    it('has the published rates as data with their notification dates', () => {
      expect(minimumWageFor(2024)).toMatchObject({ hourlyWage: 9_860 });
      expect(minimumWageFor(2025)).toMatchObject({ hourlyWage: 10_030, notifiedOn: '2024-08-05' });
      expect(minimumWageFor(2026)).toMatchObject({ hourlyWage: 10_320, notifiedOn: '2025-08-05' });
    });
    it('uses the 2026 rate: 10,320 passes, 10,319 does not', () => {
      expect(codesOf({ hourlyWage: 10_320 })).toEqual([]);
      expect(codesOf({ hourlyWage: 10_319 })).toEqual(['leave_gap.below_minimum_wage']);
    });
    // No 2027 rate was found in a checked source (docs/leave-rules.md). When it is added to the
    // table, this test turns into a check of 10,320 against it: update it with the new row.
    it('checks 2026-03-02 → 2027-03-01 against both years: 2026 passes, 2027 has no rate and is warned by name', () => {
      expect(checkMinimumWage(10_320, '2026-03-02', '2027-03-01')).toEqual({ below: [], unknownYears: [2027] });
      const terms = { leaveType: 'parental' as const, leaveEnd: '2027-03-01', hourlyWage: 10_320 };
      expect(codesOf(terms)).toEqual([]);
      const [warning] = leaveLawWarnings({ ...lawful, ...terms });
      expect(warning).toMatchObject({ code: 'leave_gap.minimum_wage_unknown', field: 'hourlyWage' });
      expect(warning.message).toContain('2027');
    });
    it('refuses a wage that meets the first year but not the second', () => {
      // 2025-12-01 .. 2026-02-28 at 10,100: above 2025's 10,030, below 2026's 10,320
      const terms = { leaveStart: '2025-12-01', leaveEnd: '2026-02-28', hourlyWage: 10_100 };
      const [violation] = leaveLawViolations({ ...lawful, ...terms });
      expect(violation.code).toBe('leave_gap.below_minimum_wage');
      expect(violation.message).toContain('2026 10320 KRW');
      expect(violation.message).not.toContain('2025');
    });
    it('checks the handover year too', () => {
      const terms = { leaveStart: '2026-01-10', leaveEnd: '2026-03-31', handoverDays: 20, hourlyWage: 10_320 };
      expect(codesOf(terms)).toEqual([]);
      expect(checkMinimumWage(10_000, '2025-12-21', '2026-03-31').below.map((rate) => rate.year)).toEqual([2025, 2026]);
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
    expect(codesOf({ leaveType: 'maternity', leaveEnd: '2026-12-31', prematureBirth: true, hourlyWage: 5_000, reducedWeeklyHours: 20 })).toEqual([
      'leave_gap.maternity_too_long',
      'leave_gap.reduced_hours_not_applicable',
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
