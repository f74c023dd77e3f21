import type { Language } from '../common/messages/language';
import { koreanNearMissDetail } from './near-miss-detail-ko';
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

/** The same in Korean: "구직자 14명은 통근 한도보다 먼 곳에 삽니다." */
const FAILING_KO: { [rule in FeasibilityRule]: string } = {
  skills: '필요한 기술이 없거나 숙련도가 부족합니다',
  certifications: '필요한 자격증이 없습니다',
  dates: '배치 기간 내내 일할 수 있지는 않습니다',
  hours: '이 주당 근로시간을 원하지 않습니다',
  wage: '더 높은 시급을 원합니다',
  commute: '통근 한도보다 먼 곳에 삽니다',
  blocked: '이 공백이나 기업에서 제외되어 있습니다(이전에 거절되었거나 기업을 제외함)',
};

const ONLY_KO: { [rule in FeasibilityRule]: string } = {
  skills: '기술 요건',
  certifications: '자격 요건',
  dates: '기간',
  hours: '주당 근로시간',
  wage: '시급',
  commute: '통근 한도',
  blocked: '제외 설정',
};

/**
 * Why a gap is unfilled, sentence by sentence: "Nobody meets every requirement.",
 * "14 seekers live beyond the commute limit.", "3 seekers fail only the commute limit
 * (nearest: 72 min > 60 min)." Near misses are the engine's closest few, not all of them.
 */
export function explainUnfilled(diagnostics: GapDiagnostics, language: Language = 'en'): string[] {
  if (language === 'ko') return explainUnfilledInKorean(diagnostics);
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

/** "모든 조건을 충족하는 구직자가 없습니다.", "구직자 14명은 통근 한도보다 먼 곳에 삽니다.", "구직자 3명은 통근 한도만 맞지 않습니다(가장 가까운 경우: 통근 72분 > 통근 한도 60분)." */
function explainUnfilledInKorean({ feasibleCandidates, excludedBy, nearMisses }: GapDiagnostics): string[] {
  const lines = [
    feasibleCandidates > 0
      ? `조건에 맞는 구직자 ${feasibleCandidates}명이 있지만, 이번 실행에서 모두 다른 공백에 더 알맞게 배치되었습니다.`
      : '모든 조건을 충족하는 구직자가 없습니다.',
  ];
  const byCount = FEASIBILITY_RULES.filter((rule) => excludedBy[rule] > 0).sort((a, b) => excludedBy[b] - excludedBy[a]);
  for (const rule of byCount) lines.push(`구직자 ${excludedBy[rule]}명은 ${FAILING_KO[rule]}.`);
  for (const rule of FEASIBILITY_RULES) {
    const misses = nearMisses.filter((miss) => miss.failed === rule);
    if (misses.length > 0) lines.push(`구직자 ${misses.length}명은 ${ONLY_KO[rule]}만 맞지 않습니다(가장 가까운 경우: ${koreanNearMissDetail(misses[0].detail)}).`);
  }
  return lines;
}
