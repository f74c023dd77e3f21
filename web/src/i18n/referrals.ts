import type { Language } from './messages';

/** Referral (알선) words: statuses, reason codes and the pages' texts (docs/referrals.md). */
export const REFERRAL_STATUS_LABEL: Record<Language, Record<string, string>> = {
  ko: {
    offered: '제안됨', seeker_accepted: '구직자 수락', seeker_declined: '구직자 거절', firm_interview: '면접',
    hired: '채용', firm_declined: '업체 거절', retained_30_days: '30일 근속', ended_early: '조기 종료', withdrawn: '철회',
  },
  en: {
    offered: 'offered', seeker_accepted: 'seeker accepted', seeker_declined: 'seeker declined', firm_interview: 'interview',
    hired: 'hired', firm_declined: 'firm declined', retained_30_days: 'kept 30 days', ended_early: 'ended early', withdrawn: 'withdrawn',
  },
};

export const REFERRAL_REASON_LABEL: Record<Language, Record<string, string>> = {
  ko: {
    wage: '임금', commute: '통근 거리', hours: '근무 시간', dates: '근무 기간', job_content: '직무 내용', found_other_work: '다른 일자리 구함',
    personal: '개인 사정', no_response: '연락 두절', other: '기타', skills: '기술 부족', experience: '경력 부족', interview_no_show: '면접 불참',
    firm_found_someone: '다른 사람 채용', position_withdrawn: '채용 취소', seeker_quit: '본인 퇴사', dismissed: '업체 해고',
    employee_returned_early: '휴직자 조기 복귀', health: '건강', gap_cancelled: '휴직 공백 취소', gap_changed: '휴직 공백 변경',
    seeker_unavailable: '구직자 활동 불가', coordinator: '코디네이터 판단',
  },
  en: {
    wage: 'wage', commute: 'commute', hours: 'hours', dates: 'dates', job_content: 'job content', found_other_work: 'found other work',
    personal: 'personal reasons', no_response: 'no response', other: 'other', skills: 'skills', experience: 'experience', interview_no_show: 'interview no-show',
    firm_found_someone: 'firm found someone', position_withdrawn: 'position withdrawn', seeker_quit: 'seeker quit', dismissed: 'dismissed',
    employee_returned_early: 'employee returned early', health: 'health', gap_cancelled: 'gap cancelled', gap_changed: 'gap changed',
    seeker_unavailable: 'seeker unavailable', coordinator: "coordinator's decision",
  },
};

export const SEEKER_DECLINE_CODES = ['wage', 'commute', 'hours', 'dates', 'job_content', 'found_other_work', 'personal', 'no_response', 'other'];
export const FIRM_DECLINE_CODES = ['skills', 'experience', 'wage', 'hours', 'interview_no_show', 'firm_found_someone', 'position_withdrawn', 'other'];
export const ENDED_EARLY_CODES = ['seeker_quit', 'dismissed', 'employee_returned_early', 'health', 'found_other_work', 'other'];
export const WITHDRAWAL_CODES = ['gap_cancelled', 'gap_changed', 'seeker_unavailable', 'coordinator', 'other'];

export const REFERRAL_TEXT = {
  ko: {
    refer: '알선', referred: '알선했습니다', referrals: '알선', offers: '받은 제안', accept: '수락', decline: '거절', reason: '사유',
    note: '메모 (코디네이터만 봄)', interview: '면접', hire: '채용', startDate: '근무 시작일', endedOn: '마지막 근무일', retained: '30일 근속 확인',
    endedEarly: '조기 종료', withdraw: '철회', timeline: '진행 기록', flagged: '사유 없는 거절 2회 이상', onBehalf: '대신 기록', noReason: '사유 없음',
    actor: { coordinator: '코디네이터', firm: '업체', seeker: '구직자', system: '시스템' } as Record<string, string>, answerFor: '답변',
    hireRefused: (code: string) => `채용이 확정되지 않았습니다 (규칙: ${code}). 알선은 그대로 열려 있습니다: 가능한 다른 근무 시작일로 다시 채용하거나, 진행할 수 없으면 알선을 철회하세요.`,
  },
  en: {
    refer: 'Refer', referred: 'Referred', referrals: 'Referrals', offers: 'Offers', accept: 'Accept', decline: 'Decline', reason: 'Reason',
    note: 'Note (coordinators only)', interview: 'Interview', hire: 'Hire', startDate: 'Start date', endedOn: 'Last day worked', retained: 'Kept 30 days',
    endedEarly: 'Ended early', withdraw: 'Withdraw', timeline: 'Timeline', flagged: 'Two or more declines without a reason', onBehalf: 'Record on behalf', noReason: 'No reason',
    actor: { coordinator: 'coordinator', firm: 'firm', seeker: 'seeker', system: 'system' } as Record<string, string>, answerFor: 'Answer',
    hireRefused: (code: string) => `The hire was not confirmed (rule: ${code}). The referral stays open: hire again from another start date that works, or withdraw the referral if it cannot go ahead.`,
  },
};
