import { FEASIBILITY_RULES, FeasibilityRule, NearMiss } from './core/types';

export interface GapDiagnostics {
  readonly feasibleCandidates: number;
  readonly excludedBy: { readonly [rule in FeasibilityRule]: number };
  readonly nearMisses: readonly NearMiss[];
}

/** What each rule means for the seekers who fail it, in a coordinator's words: [one, several]. */
const FAILING: { [rule in FeasibilityRule]: readonly [string, string] } = {
  skills: ['lacks a required skill or its level', 'lack a required skill or its level'],
  certifications: ['lacks a required certification', 'lack a required certification'],
  dates: ['is not free for the whole placement period', 'are not free for the whole placement period'],
  hours: ['does not want these weekly hours', 'do not want these weekly hours'],
  wage: ['wants a higher hourly wage', 'want a higher hourly wage'],
  commute: ['lives beyond the commute limit', 'live beyond the commute limit'],
  blocked: [
    'is blocked for this gap or firm (rejected before, or firm excluded)',
    'are blocked for this gap or firm (rejected before, or firm excluded)',
  ],
};

/** The one rule a near miss fails, as in "fail only the commute limit". */
const ONLY: { [rule in FeasibilityRule]: string } = {
  skills: 'the skill requirements',
  certifications: 'the certification requirements',
  dates: 'the dates',
  hours: 'the weekly hours',
  wage: 'the wage',
  commute: 'the commute limit',
  blocked: 'a block',
};

const seekers = (count: number) => `${count} seeker${count === 1 ? '' : 's'}`;

/**
 * Why a gap is unfilled, sentence by sentence: "Nobody meets every requirement.",
 * "14 seekers live beyond the commute limit.", "3 seekers fail only the commute limit
 * (nearest: 72 min > 60 min)." Near misses are the engine's closest few, not all of them.
 */
export function explainUnfilled(diagnostics: GapDiagnostics): string[] {
  const lines: string[] = [];
  const { feasibleCandidates, excludedBy, nearMisses } = diagnostics;
  if (feasibleCandidates > 0) {
    lines.push(
      feasibleCandidates === 1
        ? '1 seeker fits, but is placed better elsewhere in this run.'
        : `${feasibleCandidates} seekers fit, but all are placed better elsewhere in this run.`,
    );
  } else {
    lines.push('Nobody meets every requirement.');
  }
  const byCount = FEASIBILITY_RULES.filter((rule) => excludedBy[rule] > 0).sort((a, b) => excludedBy[b] - excludedBy[a]);
  for (const rule of byCount) lines.push(`${seekers(excludedBy[rule])} ${FAILING[rule][excludedBy[rule] === 1 ? 0 : 1]}.`);
  for (const rule of FEASIBILITY_RULES) {
    const misses = nearMisses.filter((miss) => miss.failed === rule);
    if (misses.length === 0) continue;
    lines.push(`${seekers(misses.length)} fail${misses.length === 1 ? 's' : ''} only ${ONLY[rule]} (nearest: ${misses[0].detail}).`);
  }
  return lines;
}
