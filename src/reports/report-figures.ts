import { daysBetween } from '../common/calendar-date';
import { FEASIBILITY_RULES, FeasibilityRule } from '../matching/core/types';
import { ENDED_EARLY_REASONS, FIRM_DECLINE_REASONS, SEEKER_DECLINE_REASONS } from '../referrals/referral-states';
import type { GapFact, HireFact } from './report-facts';
import {
  CONTESTED,
  ENDED_EARLY_LABELS,
  FIRM_DECLINE_LABELS,
  NO_REASON,
  NO_REASON_LABEL,
  NOT_DIAGNOSED,
  RULE_LABELS,
  SEEKER_DECLINE_LABELS,
  UNFILLED_EXTRA_LABELS,
} from './report-labels';

/** How often one code occurs, with its Korean label. */
export interface CodeCount {
  readonly code: string;
  readonly label: string;
  readonly count: number;
}

/** The figures of one group of gaps; docs/reports.md defines each. Rates are fractions (0–1) rounded to 4 places. */
export interface ReportFigures {
  readonly gapsPosted: number;
  readonly gapsCancelled: number;
  readonly gapsFilled: number;
  readonly gapsUnfilled: number;
  readonly fillRate: number | null;
  readonly medianDaysToHire: number | null;
  readonly hires: number;
  readonly referredHires: number;
  readonly referrals: number;
  readonly referralsPerHire: number | null;
  readonly retention: { readonly kept: number; readonly lost: number; readonly pending: number; readonly rate: number | null };
  readonly subsidy: { readonly placements: number; readonly total: number };
  readonly seekerDeclines: CodeCount[];
  readonly firmDeclines: CodeCount[];
  readonly endedEarly: CodeCount[];
  readonly unfilledByRule: CodeCount[];
}

export function figuresOf(gaps: readonly GapFact[]): ReportFigures {
  const filled = gaps.filter((gap) => gap.hires.length > 0);
  const cancelled = gaps.filter((gap) => gap.hires.length === 0 && gap.status === 'cancelled');
  const unfilled = gaps.filter((gap) => gap.hires.length === 0 && gap.status !== 'cancelled');
  const hires = gaps.flatMap((gap) => gap.hires);
  const referredHires = hires.filter((hire) => hire.viaReferral).length;
  const referrals = gaps.flatMap((gap) => gap.referrals);
  const retention = retentionOf(hires);
  const subsidised = hires.filter((hire) => hire.subsidy > 0);
  return {
    gapsPosted: gaps.length,
    gapsCancelled: cancelled.length,
    gapsFilled: filled.length,
    gapsUnfilled: unfilled.length,
    fillRate: ratio(filled.length, filled.length + unfilled.length),
    medianDaysToHire: median(filled.map((gap) => daysBetween(gap.postedOn, firstHireDay(gap.hires)))),
    hires: hires.length,
    referredHires,
    referrals: referrals.length,
    referralsPerHire: ratio(referrals.length, referredHires),
    retention: { ...retention, rate: ratio(retention.kept, retention.kept + retention.lost) },
    subsidy: { placements: subsidised.length, total: subsidised.reduce((sum, hire) => sum + hire.subsidy, 0) },
    seekerDeclines: countCodes(
      referrals.filter((r) => r.status === 'seeker_declined').map((r) => r.reasonCode ?? NO_REASON),
      [...SEEKER_DECLINE_REASONS, NO_REASON],
      { ...SEEKER_DECLINE_LABELS, [NO_REASON]: NO_REASON_LABEL },
    ),
    firmDeclines: countCodes(
      referrals.filter((r) => r.status === 'firm_declined').map((r) => r.reasonCode ?? NO_REASON),
      [...FIRM_DECLINE_REASONS, NO_REASON],
      { ...FIRM_DECLINE_LABELS, [NO_REASON]: NO_REASON_LABEL },
    ),
    endedEarly: countCodes(
      referrals.filter((r) => r.status === 'ended_early').map((r) => r.reasonCode ?? NO_REASON),
      [...ENDED_EARLY_REASONS, NO_REASON],
      { ...ENDED_EARLY_LABELS, [NO_REASON]: NO_REASON_LABEL },
    ),
    unfilledByRule: countCodes(unfilled.map(decisiveRule), [...FEASIBILITY_RULES, CONTESTED, NOT_DIAGNOSED], {
      ...RULE_LABELS,
      ...UNFILLED_EXTRA_LABELS,
    }),
  };
}

/** The middle value; for an even count the mean of the two middle ones. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** `part / whole` to 4 places, or null when there is nothing to divide by. */
export function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000;
}

/**
 * The rule that excluded the most seekers in the gap's latest diagnostics (ties: the engine's
 * rule order); `contested` when it excluded nobody, `not_diagnosed` when no run reported it.
 */
export function decisiveRule(gap: Pick<GapFact, 'latestExcludedBy'>): string {
  if (!gap.latestExcludedBy) return NOT_DIAGNOSED;
  let best: FeasibilityRule | undefined;
  for (const rule of FEASIBILITY_RULES) {
    const count = gap.latestExcludedBy[rule] ?? 0;
    if (count > 0 && (best === undefined || count > (gap.latestExcludedBy[best] ?? 0))) best = rule;
  }
  return best ?? CONTESTED;
}

function firstHireDay(hires: readonly HireFact[]): string {
  return hires.map((hire) => hire.hiredOn).reduce((first, day) => (day < first ? day : first));
}

function retentionOf(hires: readonly HireFact[]) {
  const count = (outcome: HireFact['retention']) => hires.filter((hire) => hire.retention === outcome).length;
  return { kept: count('kept'), lost: count('lost'), pending: count('pending') };
}

/** Counts per code, most frequent first (ties in the list's order), without codes that do not occur. */
function countCodes(codes: readonly string[], order: readonly string[], labels: Readonly<Record<string, string>>): CodeCount[] {
  const counts = new Map<string, number>();
  for (const code of codes) counts.set(code, (counts.get(code) ?? 0) + 1);
  const rank = (code: string) => (order.includes(code) ? order.indexOf(code) : order.length);
  return [...counts]
    .map(([code, count]) => ({ code, label: labels[code] ?? code, count }))
    .sort((a, b) => b.count - a.count || rank(a.code) - rank(b.code));
}
