import { estimateReplacementWorker, estimateWorkloadSharing, monthsOf, SubsidyCase, wagePaid } from './subsidy';

/** A parental leave from 2026-03-02 for 12 months at a priority-support firm of 20, the substitute from 2026-01-02. */
const parental: SubsidyCase = {
  leaveType: 'parental',
  leaveStart: '2026-03-02',
  leaveEnd: '2027-03-01',
  afterReturnDays: 0,
  weeklyHours: 40,
  reducedWeeklyHours: null,
  vacancyWeeklyHours: 40,
  hourlyWage: 12_000,
  firm: { prioritySupport: true, employeeCount: 20 },
  employment: { start: '2026-01-02', end: '2027-03-01' },
};

const amountOf = (estimate: { months: { month: string; amount: number }[] }, month: string) =>
  estimate.months.find((m) => m.month === month)?.amount;
const codesOf = (estimate: { reasons: { code: string }[] }) => estimate.reasons.map((r) => r.code);

describe('대체인력 지원금 (replacement-worker subsidy)', () => {
  it('pays 1,400,000 KRW a month in 2026 at a firm under 30, pro rata for part months, with the total', () => {
    const estimate = estimateReplacementWorker(parental);
    expect(estimate).toMatchObject({ scheme: 'replacement_worker', eligible: true, reasons: [] });
    expect(estimate.months[0]).toEqual({ month: '2026-01', amount: 1_354_838 }); // 30 of 31 days
    expect(amountOf(estimate, '2026-02')).toBe(1_400_000);
    expect(amountOf(estimate, '2026-12')).toBe(1_400_000);
    expect(estimate.months.at(-1)).toEqual({ month: '2027-03', amount: 45_161 }); // 1 of 31 days
    expect(estimate.months).toHaveLength(15);
    expect(estimate.total).toBe(1_354_838 + 13 * 1_400_000 + 45_161);
  });

  it('subsidises a handover from 2026-01-02 and refuses one from 2026-01-01, naming the reason', () => {
    expect(estimateReplacementWorker(parental).eligible).toBe(true);
    const early = estimateReplacementWorker({ ...parental, employment: { ...parental.employment, start: '2026-01-01' } });
    expect(early).toMatchObject({ eligible: false, months: [], total: 0 });
    expect(codesOf(early)).toEqual(['subsidy.hired_too_early']);
    expect(early.reasons[0].message).toContain('2026-01-02');
  });

  it('pays 1,300,000 at 30 insured employees and more, 1,400,000 at 29', () => {
    expect(amountOf(estimateReplacementWorker({ ...parental, firm: { prioritySupport: true, employeeCount: 30 } }), '2026-05')).toBe(1_300_000);
    expect(amountOf(estimateReplacementWorker({ ...parental, firm: { prioritySupport: true, employeeCount: 29 } }), '2026-05')).toBe(1_400_000);
  });

  it('pays 1,200,000 a month in 2025 whatever the size', () => {
    const estimate = estimateReplacementWorker({
      ...parental,
      leaveStart: '2025-03-03',
      leaveEnd: '2025-09-02',
      employment: { start: '2025-03-03', end: '2025-09-02' },
      firm: { prioritySupport: true, employeeCount: 100 },
    });
    expect(amountOf(estimate, '2025-04')).toBe(1_200_000);
  });

  it.each([
    ['2026-02-15', '2026-02', 700_000], // 14 of 28 days
    ['2028-02-15', '2028-02', 724_137], // 15 of 29 days
    ['2026-04-16', '2026-04', 700_000], // 15 of 30 days
    ['2026-05-17', '2026-05', 677_419], // 15 of 31 days
  ])('pro-rates a maternity leave from %s in its first month %s to %d', (leaveStart, month, amount) => {
    const start = new Date(`${leaveStart}T00:00:00Z`);
    const leaveEnd = new Date(start.getTime() + 89 * 86_400_000).toISOString().slice(0, 10);
    const estimate = estimateReplacementWorker({ ...parental, leaveType: 'maternity', leaveStart, leaveEnd, employment: { start: leaveStart, end: leaveEnd } });
    expect(estimate.months[0]).toEqual({ month, amount });
  });

  it('caps a 5 h/week vacancy at 80 % of the wage paid, without weekly-holiday pay under 15 h', () => {
    const reduced: SubsidyCase = {
      ...parental,
      leaveType: 'reduced_hours',
      reducedWeeklyHours: 35,
      vacancyWeeklyHours: 5,
      hourlyWage: 10_320,
      leaveEnd: '2026-08-31',
      employment: { start: '2026-03-02', end: '2026-08-31' },
    };
    const estimate = estimateReplacementWorker(reduced);
    expect(estimate.eligible).toBe(true);
    // April: 10,320 × 5 h × 30/7 weeks = 221,142.86; 80 % = 176,914 (far below 1,200,000)
    expect(amountOf(estimate, '2026-04')).toBe(176_914);
    // May: 31 days → 10,320 × 5 × 31/7 × 0.8 = 182,811
    expect(amountOf(estimate, '2026-05')).toBe(182_811);
  });

  it('adds weekly-holiday pay from 15 h a week: 15 h are paid as 18', () => {
    expect(wagePaid(10_000, 15, 7)).toBe(180_000);
    expect(wagePaid(10_000, 14, 7)).toBe(140_000);
    expect(wagePaid(10_000, 40, 7)).toBe(480_000);
  });

  it('subsidises the month after a parental leave from 2026, not in 2025', () => {
    const after = estimateReplacementWorker({
      ...parental,
      leaveStart: '2026-01-01',
      leaveEnd: '2026-12-31',
      afterReturnDays: 31,
      employment: { start: '2026-01-01', end: '2027-01-31' },
    });
    expect(amountOf(after, '2027-01')).toBe(1_400_000);
    const in2025 = estimateReplacementWorker({
      ...parental,
      leaveStart: '2025-01-01',
      leaveEnd: '2025-06-30',
      afterReturnDays: 31,
      employment: { start: '2025-01-01', end: '2025-07-31' },
    });
    expect(in2025.eligible).toBe(true);
    expect(amountOf(in2025, '2025-07')).toBeUndefined();
  });

  it('names every reason it is not eligible', () => {
    const estimate = estimateReplacementWorker({
      ...parental,
      leaveType: 'spouse_maternity',
      leaveStart: '2026-03-02',
      leaveEnd: '2026-03-27',
      firm: { prioritySupport: false, employeeCount: 20 },
      employment: { start: '2026-03-02', end: '2026-03-27' },
    });
    expect(estimate).toMatchObject({ eligible: false, months: [], total: 0 });
    expect(codesOf(estimate)).toEqual([
      'subsidy.not_priority_support',
      'subsidy.leave_type_not_covered',
      'subsidy.leave_under_30_days',
      'subsidy.employment_under_30_days',
    ]);
  });

  it('needs 30 days of leave: 29 refused, 30 accepted', () => {
    const maternity = { ...parental, leaveType: 'maternity' as const, leaveStart: '2026-03-02' };
    expect(estimateReplacementWorker({ ...maternity, leaveEnd: '2026-03-30', employment: { start: '2026-03-02', end: '2026-04-30' } }).eligible).toBe(false);
    expect(estimateReplacementWorker({ ...maternity, leaveEnd: '2026-03-31', employment: { start: '2026-03-02', end: '2026-04-30' } }).eligible).toBe(true);
  });

  it('knows no amounts before 2025', () => {
    const estimate = estimateReplacementWorker({ ...parental, leaveStart: '2024-03-04', leaveEnd: '2024-09-03', employment: { start: '2024-03-04', end: '2024-09-03' } });
    expect(codesOf(estimate)).toEqual(['subsidy.no_rule_for_period']);
  });
});

describe('업무분담 지원금 (workload-sharing subsidy) for an unfilled gap', () => {
  it('pays 600,000 a month under 30 employees and 400,000 from 30 during the leave', () => {
    const small = estimateWorkloadSharing(parental);
    expect(small).toMatchObject({ scheme: 'workload_sharing', eligible: true });
    expect(small.months[0]).toEqual({ month: '2026-03', amount: 580_645 }); // 30 of 31 days
    expect(amountOf(small, '2026-04')).toBe(600_000);
    expect(amountOf(estimateWorkloadSharing({ ...parental, firm: { prioritySupport: true, employeeCount: 30 } }), '2026-04')).toBe(400_000);
  });

  it('pays 200,000 for reduced hours cut by 10 h a week and nothing for 9', () => {
    const reduced = { ...parental, leaveType: 'reduced_hours' as const, leaveEnd: '2026-08-31' };
    expect(amountOf(estimateWorkloadSharing({ ...reduced, reducedWeeklyHours: 30, vacancyWeeklyHours: 10 }), '2026-04')).toBe(200_000);
    expect(codesOf(estimateWorkloadSharing({ ...reduced, reducedWeeklyHours: 31, vacancyWeeklyHours: 9 }))).toEqual([
      'subsidy.reduction_under_10_hours',
    ]);
  });

  it('does not cover maternity leave', () => {
    expect(codesOf(estimateWorkloadSharing({ ...parental, leaveType: 'maternity', leaveEnd: '2026-05-30' }))).toEqual([
      'subsidy.leave_type_not_covered',
    ]);
  });
});

describe('calendar months of a period', () => {
  it('cuts at month ends of 28, 29, 30 and 31 days', () => {
    expect(monthsOf({ start: '2028-01-31', end: '2028-05-01' })).toEqual([
      { start: '2028-01-31', end: '2028-01-31' },
      { start: '2028-02-01', end: '2028-02-29' },
      { start: '2028-03-01', end: '2028-03-31' },
      { start: '2028-04-01', end: '2028-04-30' },
      { start: '2028-05-01', end: '2028-05-01' },
    ]);
    expect(monthsOf({ start: '2026-02-01', end: '2026-02-28' })).toEqual([{ start: '2026-02-01', end: '2026-02-28' }]);
  });
});
