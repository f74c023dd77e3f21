/**
 * The coded vocabulary of outreach (선제 발굴): how a coordinator reached a firm, what came of it,
 * and which leave types stand in for one another when deciding whether a posted gap already
 * covers an expected leave. Pure; docs/outreach.md lists every code with its Korean label.
 */
import { LEAVE_TYPES, LeaveType } from '../leave-gaps/leave-types';

export const CONTACT_CHANNELS = ['phone', 'visit', 'email', 'sms'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

export const CONTACT_OUTCOMES = [
  'no_answer',
  'interested',
  'gap_to_be_posted',
  'call_back',
  'not_needed',
  'already_resolved',
] as const;
export type ContactOutcome = (typeof CONTACT_OUTCOMES)[number];

/** Outcomes after which the firm need not be called about this leave again. */
export const CLOSING_OUTCOMES = ['not_needed', 'already_resolved'] as const satisfies readonly ContactOutcome[];

export const CONTACT_OUTCOME_LABELS: Readonly<Record<ContactOutcome, string>> = {
  no_answer: '연결 안 됨',
  interested: '관심 있음',
  gap_to_be_posted: '공백 등록 예정',
  call_back: '다시 연락',
  not_needed: '필요 없음',
  already_resolved: '이미 해결',
};

export const CONTACT_CHANNEL_LABELS: Readonly<Record<ContactChannel, string>> = {
  phone: '전화',
  visit: '방문',
  email: '이메일',
  sms: '문자',
};

/**
 * The leave types an expected leave may hold. Infertility treatment is not among them: the
 * import stores it as `other`, because coordinators must not learn it (남녀고용평등법 §18-3④;
 * visibleLeaveType in leave-types.ts).
 */
export const EXPECTED_LEAVE_TYPES = LEAVE_TYPES.filter((type) => type !== 'infertility_treatment');
export type ExpectedLeaveType = Exclude<LeaveType, 'infertility_treatment'>;

/**
 * A posted gap covers an expected leave only within one family. Maternity and parental leave are
 * one family: a mother's 출산전후휴가 runs straight into 육아휴직 and firms often post the whole
 * absence as one gap, whichever type the administrative record names. Reduced hours leave a
 * part-time gap, so it covers only itself; infertility treatment is `other` to coordinators.
 */
export const LEAVE_TYPE_FAMILY: Readonly<Record<LeaveType, string>> = {
  maternity: 'childbirth_childcare',
  parental: 'childbirth_childcare',
  reduced_hours: 'reduced_hours',
  spouse_maternity: 'spouse_maternity',
  infertility_treatment: 'other',
  other: 'other',
};

export function isClosingOutcome(outcome: ContactOutcome): boolean {
  return (CLOSING_OUTCOMES as readonly ContactOutcome[]).includes(outcome);
}

/** The console's Korean names of the leave types (web/src/i18n/messages.ts), for exports. */
export const EXPECTED_LEAVE_TYPE_LABELS: Readonly<Record<ExpectedLeaveType, string>> = {
  maternity: '출산전후휴가',
  parental: '육아휴직',
  reduced_hours: '육아기 근로시간 단축',
  spouse_maternity: '배우자 출산휴가',
  other: '기타',
};
