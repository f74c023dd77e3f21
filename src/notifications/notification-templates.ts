/**
 * The Korean texts of every notification: one function per event type, pure (no Nest, no
 * database). A text holds only what its recipient may see (docs/notifications.md, contracts):
 * firm name, role title and dates; never a seeker's phone or address, never a coordinator's
 * note, never a free-text reason. Reasons appear as the labels of their codes
 * (src/referrals/referral-states.ts, src/placements/placement.entity.ts).
 */

export type Audience = 'seeker' | 'firm' | 'coordinator';

/** What a template may mention, loaded for the event from ids in its payload. */
export interface NotificationFacts {
  readonly firmName: string | null;
  readonly roleTitle: string | null;
  /** The gap's placement period (or a placement's current one), `YYYY-MM-DD`. */
  readonly periodStart: string | null;
  readonly periodEnd: string | null;
  /** A hire's first day. */
  readonly startDate: string | null;
  readonly reasonCode: string | null;
  readonly vacancies: number | null;
  readonly filled: number | null;
}

export interface RenderedNotification {
  /** Inbox title and e-mail subject. */
  readonly subject: string;
  /** Inbox text and e-mail body. */
  readonly body: string;
  /** The SMS/알림톡 form: one short line. */
  readonly short: string;
}

type Template = (facts: NotificationFacts, audience: Audience) => RenderedNotification;

/** Korean labels of the reason codes (referral decline/end/withdrawal, placement cancellation). */
export const REASON_LABELS: Readonly<Record<string, string>> = {
  wage: '임금 조건',
  commute: '통근 거리',
  hours: '근무 시간',
  dates: '근무 기간',
  job_content: '업무 내용',
  found_other_work: '다른 일자리 구함',
  personal: '개인 사정',
  no_response: '응답 없음',
  skills: '직무 역량',
  experience: '경력',
  interview_no_show: '면접 불참',
  firm_found_someone: '기업이 다른 인력 채용',
  position_withdrawn: '채용 취소',
  seeker_quit: '본인 사직',
  dismissed: '계약 해지',
  employee_returned_early: '휴직자 조기 복귀',
  health: '건강 사유',
  gap_cancelled: '구인 취소',
  gap_changed: '구인 조건 변경',
  seeker_unavailable: '구직자 사정',
  coordinator: '인재채움뱅크 판단',
  firm_request: '기업 요청',
  seeker_request: '구직자 요청',
  leave_changed: '휴직 일정 변경',
  other: '기타',
};

const SERVICE = '인재채움뱅크';
const SIGNATURE = `\n\n자세한 내용은 채움 콘솔의 알림함에서 확인하세요.\n— ${SERVICE}`;

/** `2027-03-02` → `2027년 3월 2일`. */
export function koreanDate(day: string): string {
  const [year, month, date] = day.split('-').map(Number);
  return `${year}년 ${month}월 ${date}일`;
}

export function reasonLabel(code: string | null): string | null {
  return code === null ? null : (REASON_LABELS[code] ?? REASON_LABELS.other);
}

function job(facts: NotificationFacts): string {
  const role = facts.roleTitle ?? '구인';
  return facts.firmName ? `${facts.firmName} ${role}` : role;
}

function period(facts: NotificationFacts): string | null {
  return facts.periodStart && facts.periodEnd ? `${koreanDate(facts.periodStart)} ~ ${koreanDate(facts.periodEnd)}` : null;
}

function lines(...parts: (string | null | false)[]): string {
  return parts.filter((part): part is string => typeof part === 'string' && part !== '').join('\n');
}

function message(subject: string, body: string, short: string): RenderedNotification {
  return { subject, body: `${body}${SIGNATURE}`, short: `[${SERVICE}] ${short}` };
}

function reasonLine(facts: NotificationFacts): string | null {
  const label = reasonLabel(facts.reasonCode);
  return label ? `사유: ${label}` : null;
}

function periodLine(facts: NotificationFacts): string | null {
  const text = period(facts);
  return text ? `근무 기간: ${text}` : null;
}

export const referralOffered: Template = (facts) =>
  message(
    '새 일자리 제안이 도착했습니다',
    lines(`${job(facts)} 자리를 제안드립니다.`, periodLine(facts), '콘솔에서 수락 또는 거절로 답해 주세요.'),
    `새 일자리 제안: ${job(facts)}. 콘솔에서 답해 주세요.`,
  );

export const referralSeekerAccepted: Template = (facts, audience) =>
  audience === 'firm'
    ? message(
        '추천 구직자가 제안을 수락했습니다',
        lines(`${facts.roleTitle ?? '구인'} 자리에 추천된 구직자가 제안을 수락했습니다.`, periodLine(facts), '콘솔에서 면접 여부를 알려 주세요.'),
        `${facts.roleTitle ?? '구인'} 추천 구직자가 수락했습니다.`,
      )
    : message(
        '구직자가 알선을 수락했습니다',
        lines(`${job(facts)} 알선을 구직자가 수락했습니다.`, periodLine(facts)),
        `${job(facts)} 알선 수락`,
      );

export const referralSeekerDeclined: Template = (facts) =>
  message(
    '구직자가 알선을 거절했습니다',
    lines(`${job(facts)} 알선을 구직자가 거절했습니다.`, reasonLine(facts)),
    `${job(facts)} 알선 거절`,
  );

export const referralFirmInterview: Template = (facts) =>
  message(
    '기업이 면접을 요청했습니다',
    lines(`${job(facts)} 자리에 대해 기업이 면접을 요청했습니다.`, '면접 일정은 인재채움뱅크 담당자가 안내드립니다.'),
    `${job(facts)} 면접 요청. 담당자가 일정을 안내드립니다.`,
  );

export const referralHired: Template = (facts, audience) => {
  const start = facts.startDate ? `근무 시작일: ${koreanDate(facts.startDate)}` : null;
  return audience === 'firm'
    ? message(
        '채용이 확정되었습니다',
        lines(`${facts.roleTitle ?? '구인'} 자리의 대체인력 채용이 확정되었습니다.`, start, periodLine(facts)),
        `${facts.roleTitle ?? '구인'} 채용 확정`,
      )
    : message(
        '채용이 확정되었습니다',
        lines(`${job(facts)} 자리에 채용이 확정되었습니다. 축하드립니다.`, start, periodLine(facts)),
        `${job(facts)} 채용 확정${facts.startDate ? `, ${koreanDate(facts.startDate)} 시작` : ''}`,
      );
};

export const referralFirmDeclined: Template = (facts, audience) =>
  audience === 'seeker'
    ? message(
        '이번 제안은 채용으로 이어지지 않았습니다',
        lines(`${job(facts)} 자리는 이번에 채용으로 이어지지 않았습니다.`, '인재채움뱅크가 다른 일자리를 찾아 드리겠습니다.'),
        `${job(facts)} 불합격. 다른 일자리를 찾아 드리겠습니다.`,
      )
    : message(
        '기업이 추천 구직자를 채용하지 않았습니다',
        lines(`${job(facts)} 알선을 기업이 거절했습니다.`, reasonLine(facts) ?? '사유: 기재 없음'),
        `${job(facts)} 기업 거절`,
      );

export const referralRetained30Days: Template = (facts) =>
  message('30일 근속을 달성했습니다', lines(`${job(facts)} 배치가 30일 근속을 달성했습니다.`, periodLine(facts)), `${job(facts)} 30일 근속`);

export const referralEndedEarly: Template = (facts, audience) =>
  message(
    '배치가 조기 종료되었습니다',
    lines(`${audience === 'firm' ? (facts.roleTitle ?? '구인') : job(facts)} 배치가 예정보다 일찍 종료되었습니다.`, reasonLine(facts)),
    `${job(facts)} 배치 조기 종료`,
  );

export const referralWithdrawn: Template = (facts, audience) =>
  message(
    '알선이 철회되었습니다',
    lines(
      audience === 'firm'
        ? `${facts.roleTitle ?? '구인'} 자리의 구직자 추천을 인재채움뱅크가 철회했습니다.`
        : `${job(facts)} 자리 제안을 인재채움뱅크가 철회했습니다.`,
      reasonLine(facts),
    ),
    `${job(facts)} 알선 철회`,
  );

export const proposalConfirmed: Template = (facts, audience) =>
  message(
    '배치가 확정되었습니다',
    lines(audience === 'firm' ? `${facts.roleTitle ?? '구인'} 자리의 대체인력 배치가 확정되었습니다.` : `${job(facts)} 자리 배치가 확정되었습니다.`, periodLine(facts)),
    `${job(facts)} 배치 확정`,
  );

export const placementCancelled: Template = (facts, audience) =>
  message(
    '배치가 취소되었습니다',
    lines(audience === 'firm' ? `${facts.roleTitle ?? '구인'} 자리의 배치가 취소되었습니다.` : `${job(facts)} 자리 배치가 취소되었습니다.`, reasonLine(facts)),
    `${job(facts)} 배치 취소`,
  );

export const placementAmended: Template = (facts, audience) =>
  message(
    '배치 기간이 변경되었습니다',
    lines(audience === 'firm' ? `${facts.roleTitle ?? '구인'} 자리의 배치 기간이 변경되었습니다.` : `${job(facts)} 자리의 근무 기간이 변경되었습니다.`, periodLine(facts) && `변경된 ${periodLine(facts)}`),
    `${job(facts)} 근무 기간 변경${period(facts) ? `: ${period(facts)}` : ''}`,
  );

export const matchRunSucceeded: Template = (facts) =>
  message(
    '매칭 실행이 완료되었습니다',
    lines(facts.vacancies !== null ? `빈자리 ${facts.vacancies}곳 중 ${facts.filled ?? 0}곳에 제안이 만들어졌습니다.` : '매칭 실행이 완료되었습니다.', '제안을 검토해 주세요.'),
    `매칭 완료: ${facts.filled ?? 0}/${facts.vacancies ?? 0}`,
  );

export const matchRunFailed: Template = () =>
  message('매칭 실행이 실패했습니다', '매칭 실행이 끝내 실패했습니다. 실행 목록에서 확인하고 다시 실행해 주세요.', '매칭 실행 실패');

/** The template of each event type somebody hears about. */
export const TEMPLATES = {
  'referral.offered': referralOffered,
  'referral.seeker_accepted': referralSeekerAccepted,
  'referral.seeker_declined': referralSeekerDeclined,
  'referral.firm_interview': referralFirmInterview,
  'referral.hired': referralHired,
  'referral.firm_declined': referralFirmDeclined,
  'referral.retained_30_days': referralRetained30Days,
  'referral.ended_early': referralEndedEarly,
  'referral.withdrawn': referralWithdrawn,
  'proposal.confirmed': proposalConfirmed,
  'placement.cancelled': placementCancelled,
  'placement.amended': placementAmended,
  'match_run.succeeded': matchRunSucceeded,
  'match_run.failed': matchRunFailed,
} as const satisfies Record<string, Template>;

export type NotifiedEventType = keyof typeof TEMPLATES;

export function renderNotification(type: NotifiedEventType, facts: NotificationFacts, audience: Audience): RenderedNotification {
  return TEMPLATES[type](facts, audience);
}
