import type { LeaveType } from '../leave-gaps/leave-types';
import type { FeasibilityRule } from '../matching/core/types';
import type { EndedEarlyReason, FirmDeclineReason, SeekerDeclineReason } from '../referrals/referral-states';

/**
 * The Korean words the report and its exports print for each code. The report is read by
 * programme managers and sent on as spreadsheets, so the labels travel with the figures
 * instead of living only in the console.
 */
export const LEAVE_TYPE_LABELS: { readonly [type in LeaveType]: string } = {
  maternity: '출산전후휴가',
  parental: '육아휴직',
  reduced_hours: '육아기 근로시간 단축',
  spouse_maternity: '배우자 출산휴가',
  infertility_treatment: '난임치료휴가',
  other: '기타 휴가',
};

export const SEEKER_DECLINE_LABELS: { readonly [code in SeekerDeclineReason]: string } = {
  wage: '임금',
  commute: '통근 거리',
  hours: '근로시간',
  dates: '근무 기간',
  job_content: '직무 내용',
  found_other_work: '다른 일자리 구함',
  personal: '개인 사정',
  no_response: '응답 없음',
  other: '기타',
};

export const FIRM_DECLINE_LABELS: { readonly [code in FirmDeclineReason]: string } = {
  skills: '기술 부족',
  experience: '경력 부족',
  wage: '임금 조건',
  hours: '근로시간 조건',
  interview_no_show: '면접 불참',
  firm_found_someone: '다른 사람 채용',
  position_withdrawn: '채용 취소',
  other: '기타',
};

/** A firm may turn a referral down without a reason (docs/referrals.md): counted under its own key. */
export const NO_REASON = 'no_reason';
export const NO_REASON_LABEL = '사유 없음';

export const ENDED_EARLY_LABELS: { readonly [code in EndedEarlyReason]: string } = {
  seeker_quit: '본인 퇴사',
  dismissed: '해고',
  employee_returned_early: '휴직자 조기 복귀',
  health: '건강 문제',
  found_other_work: '다른 일자리 구함',
  other: '기타',
};

/** The engine's hard rules, as the console's "why nobody" panel words them. */
export const RULE_LABELS: { readonly [rule in FeasibilityRule]: string } = {
  skills: '기술 부족',
  certifications: '자격증 없음',
  dates: '기간 불일치',
  hours: '근로시간 불일치',
  wage: '시급 불일치',
  commute: '통근 거리 초과',
  blocked: '회사 제외',
};

/** An unfilled gap whose latest diagnostics excluded nobody: its candidates were placed elsewhere. */
export const CONTESTED = 'contested';
/** An unfilled gap no match run has reported on. */
export const NOT_DIAGNOSED = 'not_diagnosed';
export const UNFILLED_EXTRA_LABELS = { [CONTESTED]: '후보 있음(다른 공백에 배정)', [NOT_DIAGNOSED]: '매칭 진단 없음' } as const;

/** Shown for a group whose key is unknown (an address without a 시·도, a gap without a required skill). */
export const UNKNOWN_LABEL = '(미상)';
export const NO_SKILL_LABEL = '(필수 기술 없음)';
