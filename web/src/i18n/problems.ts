import type { ApiProblem } from '../api/client';
import type { Language } from './messages';

/**
 * Fallback wording per problem code, used when the service's answer carries no message in the
 * console's language (e.g. a code added before its translation).
 */
const PROBLEM_TEXT: Record<string, { ko: string; en: string }> = {
  'network.unreachable': { ko: '서버에 연결할 수 없습니다. 잠시 후 다시 시도하세요.', en: 'The server cannot be reached. Try again shortly.' },
  'auth.invalid_credentials': { ko: '이메일 또는 비밀번호가 올바르지 않습니다.', en: 'Wrong email or password.' },
  'auth.too_many_attempts': { ko: '로그인 시도가 너무 많습니다. 잠시 후 다시 시도하세요.', en: 'Too many sign-in attempts. Try again later.' },
  'auth.csrf_failed': { ko: '보안 확인에 실패했습니다. 페이지를 새로 고친 뒤 다시 시도하세요.', en: 'Security check failed. Reload the page and try again.' },
  'auth.already_set_up': { ko: '첫 코디네이터 계정이 이미 만들어졌습니다. 로그인하세요.', en: 'The first coordinator already exists. Sign in.' },
  'auth.missing_token': { ko: '로그인이 필요합니다.', en: 'Please sign in.' },
  'auth.invalid_token': { ko: '로그인이 만료되었습니다. 다시 로그인하세요.', en: 'Your session expired. Sign in again.' },
  'auth.unauthorized': { ko: '로그인이 필요합니다.', en: 'Please sign in.' },
  'auth.role_not_allowed': { ko: '이 기능을 사용할 권한이 없습니다.', en: 'Your role may not use this.' },
  'auth.forbidden': { ko: '권한이 없습니다.', en: 'Not allowed.' },
  'auth.email_taken': { ko: '이미 가입된 이메일입니다.', en: 'This email already has an account.' },
  'validation.failed': { ko: '입력한 값을 확인하세요.', en: 'Check the highlighted fields.' },
  'request.rate_limited': { ko: '요청이 너무 많습니다. 잠시 후 다시 시도하세요.', en: 'Too many requests. Try again shortly.' },
  'service.unavailable': { ko: '서비스를 잠시 사용할 수 없습니다.', en: 'The service is briefly unavailable.' },
  'route.not_found': { ko: '찾을 수 없습니다.', en: 'Not found.' },
  'leave_gap.maternity_too_long': { ko: '출산전후휴가는 90일(다태아 120일)을 넘을 수 없습니다.', en: 'Maternity leave may not exceed 90 days (120 for a multiple birth).' },
  'leave_gap.parental_too_long': { ko: '육아휴직은 12개월(요건 충족 시 18개월)을 넘을 수 없습니다.', en: 'Parental leave may not exceed 12 months (18 when extended).' },
  'leave_gap.spouse_maternity_too_long': { ko: '배우자 출산휴가는 20일을 넘을 수 없습니다.', en: 'Spouse maternity leave may not exceed 20 days.' },
  'leave_gap.end_before_start': { ko: '휴가 종료일이 시작일보다 빠릅니다.', en: 'The leave ends before it starts.' },
  'leave_gap.infertility_treatment_too_long': { ko: '난임치료휴가가 허용 일수를 넘습니다.', en: 'Infertility treatment leave is too long.' },
  'leave_gap.reduced_hours_too_long': { ko: '육아기 근로시간 단축 기간이 허용 범위를 넘습니다.', en: 'Reduced hours last too long.' },
  'leave_gap.spouse_maternity_after_window': { ko: '배우자 출산휴가는 출산 후 정해진 기간 안에 시작해야 합니다.', en: 'Spouse maternity leave starts too late after the birth.' },
  'leave_gap.after_return_too_long': { ko: '복귀 후 함께 근무는 1개월을 넘을 수 없습니다.', en: 'At most one month after the return.' },
  'leave_gap.birth_date_outside_leave': { ko: '출산일은 휴가 기간 안에 있어야 합니다.', en: 'The birth date must lie within the leave.' },
  'leave_gap.maternity_post_birth_too_short': { ko: '출산 후 휴가 기간이 법정 최소보다 짧습니다.', en: 'Too few days after the birth.' },
  'leave_gap.handover_unsubsidised': { ko: '인수인계 기간이 2개월을 넘으면 그 부분은 지원금 대상이 아닙니다.', en: 'Handover beyond two months is not subsidised.' },
  'leave_gap.minimum_wage_unknown': { ko: '해당 연도 최저임금이 아직 고시되지 않아 시급을 확인하지 못했습니다.', en: 'No minimum wage is published for that year yet; the wage could not be checked.' },
  'leave_gap.holidays_unknown': { ko: '해당 연도 공휴일 정보가 없어 근무일을 정확히 셀 수 없습니다.', en: 'No public-holiday data for that year yet.' },
  'leave_gap.handover_too_long': { ko: '인수인계 기간은 60일을 넘을 수 없습니다.', en: 'Handover may not exceed 60 days.' },
  'leave_gap.below_minimum_wage': { ko: '시급이 최저임금보다 낮습니다.', en: 'The hourly wage is below the minimum wage.' },
  'leave_gap.reduced_hours_required': { ko: '근로시간 단축에는 단축 후 주당 근로시간이 필요합니다.', en: 'Reduced hours need the hours still worked.' },
  'leave_gap.reduced_hours_out_of_range': { ko: '단축 후 주당 근로시간은 15~35시간이어야 합니다.', en: 'Hours still worked must be 15–35 a week.' },
  'leave_gap.reduced_hours_not_below_weekly': { ko: '단축 후 근로시간은 원래 주당 근로시간보다 적어야 합니다.', en: 'Hours still worked must be below the weekly hours.' },
  'leave_gap.not_open': { ko: '이미 채워졌거나 취소된 공백입니다.', en: 'This gap is no longer open.' },
  'leave_gap.filled': { ko: '이미 채워진 공백입니다.', en: 'This gap is already filled.' },
  'placement.seeker_double_booked': { ko: '이 구직자는 같은 기간에 이미 다른 곳에 배치되어 있습니다.', en: 'This seeker is already placed elsewhere in that period.' },
  'placement.gap_already_filled': { ko: '이 공백은 이미 다른 사람으로 채워졌습니다.', en: 'This gap was already filled by someone else.' },
  'placement.already_cancelled': { ko: '이미 취소된 배치입니다.', en: 'This placement is already cancelled.' },
  'proposal.not_proposed': { ko: '이미 처리된 제안입니다.', en: 'This proposal was already decided.' },
  'proposal.superseded': { ko: '조건이 바뀌어 더 이상 유효하지 않은 제안입니다. 매칭을 다시 실행하세요.', en: 'This proposal is out of date. Run matching again.' },
  'seeker.unavailable': { ko: '구직자의 가능 기간이 더 이상 이 공백을 포함하지 않습니다.', en: "The seeker's availability no longer covers this gap." },
  'seeker.not_active': { ko: '구직자가 활동 중이 아니거나 탈퇴했습니다.', en: 'The seeker is inactive or withdrew.' },
  'seeker.placement_ongoing': { ko: '진행 중인 배치가 끝나기 전에는 탈퇴할 수 없습니다.', en: 'You cannot withdraw while a placement is ongoing.' },
  'match_run.scope_busy': { ko: '같은 범위의 매칭이 이미 진행 중입니다.', en: 'A run for this scope is already in progress.' },
  'match_run.not_succeeded': { ko: '매칭이 아직 끝나지 않았습니다.', en: 'The run has not finished.' },
  'catalog.unknown_code': { ko: '목록에 없는 기술 코드입니다.', en: 'Unknown skill code.' },
  'pipa.resident_number_forbidden': { ko: '주민등록번호는 입력할 수 없습니다.', en: 'Resident registration numbers may not be entered.' },
};

const FIELD_GENERIC = { ko: '이 값을 확인하세요.', en: 'Check this value.' };
const GENERIC = { ko: '요청을 처리하지 못했습니다.', en: 'The request failed.' };

/**
 * What to tell the user about a problem: the service's own message when it answered in the
 * console's language (it was asked with Accept-Language), else the fallback for its code.
 */
export function problemMessage(error: unknown, language: Language): string {
  const problem = (error as ApiProblem | undefined)?.problem;
  if (!problem) return GENERIC[language];
  const fallback = PROBLEM_TEXT[problem.code]?.[language];
  const detail = problem.detail;
  const detailInLanguage = detail && (language === 'en' || /[가-힣]/.test(detail)) ? detail : undefined;
  return detailInLanguage ?? fallback ?? `${GENERIC[language]} (${problem.code})`;
}

/** Field messages, keyed by field, in the console's language where the service gave them so. */
export function fieldMessages(error: unknown, language: Language): Record<string, string> {
  const problem = (error as ApiProblem | undefined)?.problem;
  const messages: Record<string, string> = {};
  for (const item of problem?.errors ?? []) {
    const inLanguage = language === 'en' || /[가-힣]/.test(item.message);
    const byCode = (item.code ? PROBLEM_TEXT[item.code]?.[language] : undefined) ?? (problem ? PROBLEM_TEXT[problem.code]?.[language] : undefined);
    messages[item.field] = inLanguage ? item.message : (byCode ?? FIELD_GENERIC[language]);
  }
  return messages;
}

/** The fallback wording of one code, if there is one. */
export function codeText(code: string, language: Language): string | undefined {
  return PROBLEM_TEXT[code]?.[language];
}
