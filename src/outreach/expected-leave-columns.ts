/**
 * The columns of an expected-leave file (docs/outreach.md): what each header may be called in the
 * administrative data, and which headers mark personal data the file must not carry. Pure.
 */

export const EXPECTED_LEAVE_FIELDS = ['businessNumber', 'leaveType', 'expectedStart', 'expectedEnd', 'firmName', 'firmAddress'] as const;
export type ExpectedLeaveField = (typeof EXPECTED_LEAVE_FIELDS)[number];

export const REQUIRED_FIELDS: readonly ExpectedLeaveField[] = ['businessNumber', 'leaveType', 'expectedStart', 'expectedEnd'];

/** The header our template and the docs use for each field. */
export const COLUMN_HEADERS: Readonly<Record<ExpectedLeaveField, string>> = {
  businessNumber: '사업자등록번호',
  leaveType: '휴가 종류',
  expectedStart: '시작 예정일',
  expectedEnd: '종료 예정일',
  firmName: '사업장명',
  firmAddress: '사업장 주소',
};

/** Other names the same column goes by (compared without spaces, case-insensitively). */
const ALIASES: Readonly<Record<ExpectedLeaveField, readonly string[]>> = {
  businessNumber: ['사업자등록번호', '사업자번호', '사업장등록번호', 'businessnumber'],
  leaveType: ['휴가종류', '휴가유형', '휴직종류', '휴직유형', 'leavetype'],
  expectedStart: ['시작예정일', '휴가시작예정일', '휴직시작예정일', '시작일', 'expectedstart'],
  expectedEnd: ['종료예정일', '휴가종료예정일', '휴직종료예정일', '종료일', 'expectedend'],
  firmName: ['사업장명', '기업명', '회사명', 'firmname'],
  firmAddress: ['사업장주소', '사업장소재지', '주소', '소재지', 'firmaddress'],
};

/**
 * Header words of columns about the employee (name, resident or foreigner number, birth date,
 * contact): chaeum holds no employee data, so a file with such a column is refused whole.
 */
const PERSONAL_DATA_WORDS = ['성명', '이름', '근로자', '피보험자', '주민', '외국인등록', '생년월일', '전화', '휴대', '연락처', '이메일', 'name', 'rrn', 'birth', 'phone', 'email'];

export function headerKey(header: string): string {
  return header.replace(/\s+/g, '').toLowerCase();
}

const FIELD_OF_KEY = new Map<string, ExpectedLeaveField>(
  EXPECTED_LEAVE_FIELDS.flatMap((field) => ALIASES[field].map((alias) => [alias, field] as const)),
);

export type HeaderMeaning = { kind: 'field'; field: ExpectedLeaveField } | { kind: 'personal_data' } | { kind: 'unknown' };

export function meaningOfHeader(header: string): HeaderMeaning {
  const key = headerKey(header);
  const field = FIELD_OF_KEY.get(key);
  if (field) return { kind: 'field', field };
  if (PERSONAL_DATA_WORDS.some((word) => key.includes(word))) return { kind: 'personal_data' };
  return { kind: 'unknown' };
}
