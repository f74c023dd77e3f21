/** Korean names of the API's codes as sheets write them (the console's labels, web/src/i18n/messages.ts). */
export const COMMUTE_MODE_KO: Readonly<Record<string, string>> = { transit: '대중교통', car: '자가용', walk: '도보', bicycle: '자전거' };

export const LEAVE_TYPE_KO: Readonly<Record<string, string>> = {
  maternity: '출산전후휴가',
  parental: '육아휴직',
  reduced_hours: '육아기 근로시간 단축',
  spouse_maternity: '배우자 출산휴가',
  infertility_treatment: '난임치료휴가',
  other: '기타',
};

export const EXTENDED_PARENTAL_REASON_KO: Readonly<Record<string, string>> = {
  both_parents: '부모 모두 육아휴직',
  single_parent: '한부모',
  disabled_child: '장애아동',
};

export const STATUS_KO: Readonly<Record<string, string>> = {
  open: '미충원', filled: '충원', cancelled: '취소', confirmed: '확정', active: '활동', inactive: '휴면', withdrawn: '탈퇴', ended: '종료',
};
