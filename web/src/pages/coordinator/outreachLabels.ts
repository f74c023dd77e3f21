import type { Language } from '../../i18n/messages';

/** The outreach page's words (docs/outreach.md lists the same codes). */
export const OUTREACH_TEXT = {
  ko: {
    title: '선제 발굴',
    intro: '고용보험 등 행정데이터의 휴가 예정 자료를 올리면, 아직 대체인력 공백을 등록하지 않은 기업을 연락 목록으로 보여 줍니다.',
    uploadTitle: '휴가 예정 자료 올리기',
    uploadHint: 'CSV 또는 XLSX. 열: 사업자등록번호, 휴가 종류, 시작 예정일, 종료 예정일 (선택: 사업장명, 사업장 주소). 근로자 이름·주민등록번호는 넣지 마세요.',
    file: '파일',
    clearFile: '파일 지우기',
    check: '검사하기',
    import: '가져오기',
    checked: (n: number, fresh: number, known: number, dup: number) => `${n}행 검사 완료: 새 휴가 예정 ${fresh}건, 이미 있는 ${known}건${dup ? `, 파일 안 중복 ${dup}행` : ''}. 가져오기를 누르면 저장합니다.`,
    imported: (fresh: number, known: number) => `저장했습니다: 새 휴가 예정 ${fresh}건, 이미 있던 ${known}건은 그대로 두었습니다.`,
    fileErrors: (n: number) => `파일에 문제가 ${n}건 있어 아무것도 저장하지 않았습니다. 고친 뒤 다시 올려 주세요.`,
    where: '위치',
    problem: '문제',
    row: (n: string) => `${n}행`,
    column: (name: string) => `열 "${name}"`,
    listTitle: '연락 목록',
    listHint: '휴가 예정이 있지만 이를 덮는 공백(같은 기업, 겹치는 기간, 같은 휴가 계열)이 없는 기업입니다. 시작 예정일이 빠른 순서입니다.',
    registration: '등록 여부',
    registered: '등록 기업',
    unregistered: '미등록',
    latestOutcome: '최근 결과',
    neverContacted: '연락 전',
    startsBy: '이 날까지 시작',
    download: '내려받기',
    empty: '연락할 기업이 없습니다.',
    total: (n: number) => `${n}건`,
    businessNumber: '사업자등록번호',
    period: '예정 기간',
    dDay: (days: number) => (days > 0 ? `D-${days}` : days === 0 ? '오늘 시작' : `시작 후 ${-days}일`),
    complex: '산업단지',
    contacts: (n: number) => `연락 ${n}회`,
    record: '연락 기록',
    channel: '방법',
    outcome: '결과',
    note: '메모 (코디네이터만 봄)',
    saveContact: '기록 저장',
    closes: '목록에서 빠짐',
  },
  en: {
    title: 'Outreach',
    intro: 'Upload expected leaves from administrative data; firms without a gap posted for them appear on the call list.',
    uploadTitle: 'Upload expected leaves',
    uploadHint: 'CSV or XLSX. Columns: 사업자등록번호, 휴가 종류, 시작 예정일, 종료 예정일 (optional 사업장명, 사업장 주소). No employee names or resident numbers.',
    file: 'File',
    clearFile: 'Clear file',
    check: 'Check',
    import: 'Import',
    checked: (n: number, fresh: number, known: number, dup: number) => `${n} rows checked: ${fresh} new, ${known} already known${dup ? `, ${dup} repeated rows` : ''}. Import to save.`,
    imported: (fresh: number, known: number) => `Saved ${fresh} new expected leaves; ${known} were already known.`,
    fileErrors: (n: number) => `The file has ${n} problems; nothing was saved.`,
    where: 'Where',
    problem: 'Problem',
    row: (n: string) => `Row ${n}`,
    column: (name: string) => `Column "${name}"`,
    listTitle: 'Call list',
    listHint: 'Firms with an expected leave and no covering gap (same firm, overlapping dates, same leave family), soonest start first.',
    registration: 'Registration',
    registered: 'Registered',
    unregistered: 'Not registered',
    latestOutcome: 'Latest outcome',
    neverContacted: 'Not contacted',
    startsBy: 'Starting by',
    download: 'Download',
    empty: 'No firm to call.',
    total: (n: number) => `${n}`,
    businessNumber: 'Business number',
    period: 'Expected period',
    dDay: (days: number) => (days > 0 ? `in ${days} days` : days === 0 ? 'starts today' : `started ${-days} days ago`),
    complex: 'Complex',
    contacts: (n: number) => `${n} contacts`,
    record: 'Record contact',
    channel: 'Channel',
    outcome: 'Outcome',
    note: 'Note (coordinators only)',
    saveContact: 'Save',
    closes: 'leaves the list',
  },
} satisfies Record<Language, unknown>;

export const CONTACT_CHANNELS = ['phone', 'visit', 'email', 'sms'] as const;
export const CONTACT_OUTCOMES = ['no_answer', 'interested', 'gap_to_be_posted', 'call_back', 'not_needed', 'already_resolved'] as const;
export const CLOSING_OUTCOMES: readonly string[] = ['not_needed', 'already_resolved'];

export const CHANNEL_LABEL: Record<Language, Record<string, string>> = {
  ko: { phone: '전화', visit: '방문', email: '이메일', sms: '문자' },
  en: { phone: 'Phone', visit: 'Visit', email: 'Email', sms: 'Text message' },
};

export const OUTCOME_LABEL: Record<Language, Record<string, string>> = {
  ko: { no_answer: '연결 안 됨', interested: '관심 있음', gap_to_be_posted: '공백 등록 예정', call_back: '다시 연락', not_needed: '필요 없음', already_resolved: '이미 해결' },
  en: { no_answer: 'No answer', interested: 'Interested', gap_to_be_posted: 'Will post a gap', call_back: 'Call back', not_needed: 'Not needed', already_resolved: 'Already solved' },
};

/** The file's columns by API field, for saying where a problem is. */
export const COLUMN_OF_FIELD: Record<string, string> = {
  businessNumber: '사업자등록번호',
  leaveType: '휴가 종류',
  expectedStart: '시작 예정일',
  expectedEnd: '종료 예정일',
  firmName: '사업장명',
  firmAddress: '사업장 주소',
};
