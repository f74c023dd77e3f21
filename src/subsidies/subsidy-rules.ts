/**
 * 출산육아기 고용안정장려금 (고용보험법 §23, 시행령 §29) as dated tables: a rule is in force
 * from `from` until the day before the next rule's `from`. A change in the law is one new row
 * here and a test (docs/leave-rules.md says where the figures come from).
 */
export interface MonthlyAmounts {
  /** Firms with fewer than 30 insured employees. */
  under30: number;
  /** Firms with 30 or more. */
  from30: number;
  /** Reduced childcare hours, whatever the size. */
  reducedHours: number;
}

export interface SubsidyRule {
  from: string;
  monthly: MonthlyAmounts;
  /** Whether the month after a parental leave's return is subsidised too. */
  afterReturnMonth: boolean;
  source: string;
}

/** 대체인력 지원금: a substitute hired for an employee on maternity, miscarriage/stillbirth, parental or reduced-hours leave. */
export const REPLACEMENT_WORKER_RULES: readonly SubsidyRule[] = [
  {
    from: '2025-01-01',
    monthly: { under30: 1_200_000, from30: 1_200_000, reducedHours: 1_200_000 },
    afterReturnMonth: false,
    source: '고용노동부 2025 출산육아기 고용안정장려금: 대체인력 지원금 월 최대 120만 원',
  },
  {
    from: '2026-01-01',
    monthly: { under30: 1_400_000, from30: 1_300_000, reducedHours: 1_200_000 },
    afterReturnMonth: true,
    source: '고용노동부 2026 출산육아기 사업주 지원금 개편: 30인 미만 140만, 30인 이상 130만, 근로시간 단축 120만; 육아휴직 복직 후 1개월',
  },
];

/** 업무분담 지원금: colleagues who take over the work of an employee on parental or reduced-hours leave. */
export const WORKLOAD_SHARING_RULES: readonly SubsidyRule[] = [
  {
    from: '2026-01-01',
    monthly: { under30: 600_000, from30: 400_000, reducedHours: 200_000 },
    afterReturnMonth: false,
    source: '고용노동부 2026 출산육아기 사업주 지원금 개편: 업무분담 지원금 30인 미만 60만, 30인 이상 40만, 근로시간 단축 20만',
  },
];

/** The rule in force on `date`, or undefined before the table begins. */
export function ruleOn(rules: readonly SubsidyRule[], date: string): SubsidyRule | undefined {
  let inForce: SubsidyRule | undefined;
  for (const rule of rules) if (rule.from <= date) inForce = rule;
  return inForce;
}

/** 80 %: the subsidy never exceeds this share of the wage paid to the substitute. */
export const WAGE_CAP_SHARE = 0.8;
/** The firm-size line of the 2026 amounts (피보험자 수). */
export const SMALL_FIRM_LIMIT = 30;
/** 업무분담 for reduced hours only when the hours are cut by at least this much a week. */
export const WORKLOAD_SHARING_MIN_REDUCTION_HOURS = 10;
/** Leave, and the substitute's employment, last at least this many days. */
export const MIN_SUBSIDISED_DAYS = 30;
