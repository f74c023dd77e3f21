import { regionLabel } from './region';
import type { GapFact } from './report-facts';
import { figuresOf, ReportFigures } from './report-figures';
import { LEAVE_TYPE_LABELS, NO_SKILL_LABEL, UNKNOWN_LABEL } from './report-labels';

export const REPORT_GROUPINGS = ['complex', 'sido', 'sigungu', 'month', 'leaveType', 'occupation'] as const;
export type ReportGrouping = (typeof REPORT_GROUPINGS)[number];

export const GROUPING_LABELS: { readonly [grouping in ReportGrouping]: string } = {
  complex: '산업단지',
  sido: '시·도',
  sigungu: '시·군·구',
  month: '등록 월',
  leaveType: '휴가 종류',
  occupation: '직무(필수 기술)',
};

export interface ReportGroup {
  readonly key: string;
  readonly label: string;
  readonly figures: ReportFigures;
}

const UNKNOWN_KEY = '';

/** The key and label a gap is grouped under. */
function groupOf(gap: GapFact, grouping: ReportGrouping): { key: string; label: string } {
  switch (grouping) {
    case 'complex':
      return { key: gap.complex.id, label: gap.complex.name };
    case 'sido':
    case 'sigungu': {
      if (!gap.region) return { key: UNKNOWN_KEY, label: UNKNOWN_LABEL };
      const label = regionLabel(gap.region, grouping);
      return { key: label, label };
    }
    case 'month':
      return { key: gap.postedOn.slice(0, 7), label: gap.postedOn.slice(0, 7) };
    case 'leaveType':
      return { key: gap.leaveType, label: LEAVE_TYPE_LABELS[gap.leaveType] };
    case 'occupation':
      return gap.occupation ? { key: gap.occupation.code, label: gap.occupation.label } : { key: UNKNOWN_KEY, label: NO_SKILL_LABEL };
  }
}

/** One group per key that occurs, months in calendar order, other groupings by label (Korean collation). */
export function groupsOf(gaps: readonly GapFact[], grouping: ReportGrouping): ReportGroup[] {
  const members = new Map<string, { label: string; gaps: GapFact[] }>();
  for (const gap of gaps) {
    const { key, label } = groupOf(gap, grouping);
    const group = members.get(key) ?? { label, gaps: [] };
    group.gaps.push(gap);
    members.set(key, group);
  }
  return [...members]
    .map(([key, group]) => ({ key, label: group.label, figures: figuresOf(group.gaps) }))
    .sort((a, b) => (grouping === 'month' ? a.key.localeCompare(b.key) : a.label.localeCompare(b.label, 'ko') || a.key.localeCompare(b.key)));
}
