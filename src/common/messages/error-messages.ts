/**
 * What every error code the service emits means, in Korean and English. Problem bodies
 * keep the thrown English text (it may name limits and values); with `Accept-Language: ko`
 * the `detail` and each `errors[i].message` come from here. A unit test collects every code
 * in `src` and fails when one is missing here (error-messages.spec.ts).
 */
export interface Message {
  readonly ko: string;
  readonly en: string;
}

export const ERROR_MESSAGES: { readonly [code: string]: Message } = {
  // request and routing
  internal: { ko: '예상하지 못한 오류가 발생했습니다. 문의하실 때 requestId를 알려 주세요.', en: 'An unexpected error occurred. Quote the requestId when reporting it.' },
  'request.invalid': { ko: '요청이 올바르지 않습니다.', en: 'The request is invalid.' },
  'request.malformed_json': { ko: '요청 본문이 올바른 JSON이 아닙니다.', en: 'The request body is not valid JSON.' },
  'request.too_large': { ko: '요청 본문이 너무 큽니다.', en: 'The request body is too large.' },
  'request.unsupported_media_type': { ko: '지원하지 않는 요청 본문 형식입니다.', en: 'The request body encoding is not supported.' },
  'request.not_acceptable': { ko: '요청한 응답 형식을 제공할 수 없습니다.', en: 'The requested response format is not available.' },
  'request.rate_limited': { ko: '요청이 너무 많습니다. 잠시 후 다시 시도해 주세요.', en: 'Too many requests; retry later.' },
  'request.nul_character': { ko: '요청에 NUL 문자(U+0000)가 들어 있습니다.', en: 'The request contains the NUL character (U+0000).' },
  'request.too_deep': { ko: '요청 본문의 중첩이 너무 깊습니다.', en: 'The request body is nested too deeply.' },
  'route.not_found': { ko: '요청한 주소를 찾을 수 없습니다.', en: 'No such route.' },
  'route.method_not_allowed': { ko: '이 주소에서 허용되지 않는 요청 방식입니다.', en: 'The method is not allowed on this route.' },
  'service.unavailable': { ko: '필요한 서비스에 연결할 수 없습니다. 잠시 후 다시 시도해 주세요.', en: 'A service dependency is unavailable; retry later.' },

  // validation (ValidationPipe and PostgreSQL)
  'validation.failed': { ko: '요청에 잘못된 항목이 있습니다.', en: 'The request has invalid fields.' },
  'validation.unknown_reference': { ko: '존재하지 않는 항목을 참조했습니다.', en: 'The request refers to a record that does not exist.' },
  'validation.check_failed': { ko: '값이 데이터 규칙에 맞지 않습니다.', en: 'A value breaks a rule of the data model.' },
  'validation.missing_value': { ko: '필수 값이 빠졌습니다.', en: 'A required value is missing.' },
  'validation.invalid_value': { ko: '값의 형식이 잘못되었거나 허용 범위를 벗어났습니다.', en: 'A value has the wrong format or is out of range.' },
  'conflict.duplicate': { ko: '같은 값을 가진 항목이 이미 있습니다.', en: 'A record with the same unique value already exists.' },
  'conflict.overlap': { ko: '기간이 기존 기간과 겹칩니다.', en: 'The period overlaps an existing one.' },
  'conflict.still_referenced': { ko: '다른 항목이 아직 참조하고 있어 바꿀 수 없습니다.', en: 'The record is still referenced by other records.' },
  'conflict.concurrent_update': { ko: '다른 요청이 같은 데이터를 동시에 바꿨습니다. 다시 시도해 주세요.', en: 'Another request changed the same data; retry.' },

  // auth (h4's contract codes are listed so that the console can show them from the start)
  'auth.unauthorized': { ko: '로그인이 필요합니다.', en: 'Sign-in required.' },
  'auth.forbidden': { ko: '이 작업을 할 권한이 없습니다.', en: 'Not allowed.' },
  'auth.missing_token': { ko: '로그인이 필요합니다.', en: 'This endpoint needs a bearer token.' },
  'auth.invalid_token': { ko: '로그인 정보가 잘못되었거나 만료되었습니다. 다시 로그인해 주세요.', en: 'The bearer token is invalid or has expired.' },
  'auth.role_not_allowed': { ko: '이 기능을 사용할 권한이 없습니다.', en: 'Your role may not use this endpoint.' },
  'auth.invalid_credentials': { ko: '이메일 또는 비밀번호가 올바르지 않습니다.', en: 'Wrong email or password.' },
  'auth.too_many_attempts': { ko: '로그인 시도가 너무 많습니다. 잠시 후 다시 시도해 주세요.', en: 'Too many sign-in attempts; retry later.' },
  'auth.csrf_failed': { ko: '보안 확인에 실패했습니다. 페이지를 새로 고친 뒤 다시 시도해 주세요.', en: 'The CSRF check failed.' },
  'auth.no_account': { ko: '로그인된 계정이 없거나 사용할 수 없는 계정입니다. 다시 로그인해 주세요.', en: 'No active account is signed in.' },
  'user.email_taken': { ko: '이 이메일로 만든 계정이 이미 있습니다.', en: 'An account with this email already exists.' },
  'user.seeker_has_account': { ko: '이 구직자에게는 이미 계정이 있습니다.', en: 'This seeker already has an account.' },
  'auth.already_set_up': { ko: '첫 코디네이터 계정이 이미 만들어졌습니다.', en: 'The first coordinator already exists.' },

  // personal data (PIPA)
  'pipa.resident_number_forbidden': { ko: '주민등록번호는 이 서비스에 보낼 수 없습니다.', en: 'Resident registration numbers must not be sent to this service.' },

  // idempotency
  'idempotency.key_invalid': { ko: 'Idempotency-Key 값이 올바르지 않습니다.', en: 'The Idempotency-Key is invalid.' },
  'idempotency.key_reused': { ko: '같은 Idempotency-Key가 다른 요청에 이미 쓰였습니다.', en: 'The Idempotency-Key was used for another request.' },

  // spreadsheets (imports and exports)
  'spreadsheet.unreadable': { ko: '파일을 읽을 수 없습니다. 양식에 맞는 .xlsx 또는 .csv 파일인지 확인해 주세요.', en: 'The file is not a readable spreadsheet.' },
  'spreadsheet.too_large': { ko: '파일의 내용이 너무 큽니다. 파일을 나누어 올려 주세요.', en: 'The workbook unpacks to too much data.' },
  'spreadsheet.unsupported_format': { ko: '.xlsx 또는 .csv 파일만 올릴 수 있습니다. (.xls는 .xlsx로 저장해 주세요.)', en: 'Upload a .xlsx or .csv file.' },
  'import.file_missing': { ko: '올릴 파일을 선택해 주세요.', en: 'Send the sheet as the multipart field `file`.' },
  'import.wrong_headers': { ko: '머리글(1행)이 양식과 다릅니다. 양식을 다시 내려받아 사용해 주세요.', en: 'The header row does not match the template.' },
  'import.missing_header': { ko: '필수 열이 없습니다.', en: 'A required column is missing.' },
  'import.unknown_header': { ko: '양식에 없는 열입니다.', en: 'The column is not part of the template.' },
  'import.repeated_header': { ko: '같은 열이 두 번 있습니다.', en: 'The column appears twice.' },
  'import.empty': { ko: '머리글 아래에 행이 없습니다.', en: 'The sheet has no rows below its header.' },
  'import.too_many_rows': { ko: '한 번에 올릴 수 있는 행 수를 넘었습니다. 파일을 나누어 올려 주세요.', en: 'The sheet has too many rows.' },
  'import.rows_invalid': { ko: '오류가 있는 행이 있어 아무것도 등록하지 않았습니다. 오류를 고친 뒤 다시 올려 주세요.', en: 'Some rows have problems: nothing was imported.' },
  'import.duplicate_in_sheet': { ko: '파일 안에 같은 값이 위쪽 행에 이미 있습니다.', en: 'An earlier row of the sheet has the same value.' },
  'import.duplicate_existing': { ko: '이미 등록된 값입니다.', en: 'Already registered.' },
  'import.unknown_firm': { ko: '이 사업자등록번호로 등록된 사업장이 없습니다. 사업장을 먼저 등록해 주세요.', en: 'No registered firm has this business registration number.' },

  // catalogue
  'catalog.unknown_code': { ko: '카탈로그에 없는 코드입니다. 제안된 코드 중에서 골라 주세요.', en: 'The code is not in the catalogue.' },
  'catalog.duplicate_code': { ko: '이미 카탈로그에 있는 코드입니다.', en: 'The catalogue already has this code.' },
  'geocode.unavailable': { ko: '주소 검색 서비스에 연결할 수 없습니다. 좌표를 직접 입력하거나 잠시 후 다시 시도해 주세요.', en: 'The geocoding service is unavailable.' },
  'geocode.not_found': { ko: '주소를 찾을 수 없습니다. 시·군·구와 읍·면·동을 확인하거나 좌표를 직접 입력해 주세요.', en: 'The address was not found.' },

  // not found
  'invitation.not_found': { ko: '초대를 찾을 수 없습니다.', en: 'The invitation was not found.' },
  'availability_window.not_found': { ko: '가능 기간을 찾을 수 없습니다.', en: 'The availability window was not found.' },
  'complex.not_found': { ko: '산업단지를 찾을 수 없습니다.', en: 'The industrial complex was not found.' },
  'firm.not_found': { ko: '기업을 찾을 수 없습니다.', en: 'The firm was not found.' },
  'leave_gap.not_found': { ko: '휴직 공백을 찾을 수 없습니다.', en: 'The leave gap was not found.' },
  'match_run.not_found': { ko: '매칭 실행을 찾을 수 없습니다.', en: 'The match run was not found.' },
  'placement.not_found': { ko: '배치를 찾을 수 없습니다.', en: 'The placement was not found.' },
  'notification.not_found': { ko: '알림을 찾을 수 없습니다.', en: 'The notification was not found.' },
  'proposal.not_found': { ko: '제안을 찾을 수 없습니다.', en: 'The proposal was not found.' },
  'seeker.not_found': { ko: '구직자를 찾을 수 없습니다.', en: 'The seeker was not found.' },

  // complexes and firms
  'complex.duplicate_name': { ko: '같은 이름의 산업단지가 이미 있습니다.', en: 'A complex with this name exists.' },
  'complex.in_use': { ko: '기업이 속해 있는 산업단지는 삭제할 수 없습니다.', en: 'The complex still has firms.' },
  'firm.unknown_complex': { ko: '존재하지 않는 산업단지입니다.', en: 'No such industrial complex.' },
  'firm.duplicate_business_number': { ko: '같은 사업자등록번호의 기업이 이미 등록되어 있습니다.', en: 'A firm with this business number exists.' },
  'firm.cancelled': { ko: '해지된 기업입니다.', en: 'The firm is cancelled.' },

  // leave gaps and the leave law (남녀고용평등법, 근로기준법 제74조, 최저임금법)
  'leave_gap.end_before_start': { ko: '휴직 종료일이 시작일보다 앞설 수 없습니다.', en: 'leaveEnd must not be before leaveStart.' },
  'leave_gap.handover_too_long': { ko: '인수인계 기간은 휴직 전 최대 60일입니다.', en: 'The handover is too long.' },
  'leave_gap.below_minimum_wage': { ko: '시급은 배치 시작 연도의 최저임금 이상이어야 합니다.', en: 'The hourly wage is below the minimum wage.' },
  'leave_gap.maternity_too_long': { ko: '출산전후휴가는 최대 90일(다태아 120일)입니다.', en: 'Maternity leave lasts at most 90 days (120 for a multiple birth).' },
  'leave_gap.parental_too_long': { ko: '육아휴직은 최대 1년(요건을 갖추면 1년 6개월)입니다.', en: 'Parental leave is too long.' },
  'leave_gap.spouse_maternity_too_long': { ko: '배우자 출산휴가는 최대 20일입니다.', en: 'Spouse maternity leave is too long.' },
  'leave_gap.reduced_hours_required': { ko: '육아기 근로시간 단축에는 단축 후 주당 근로시간(reducedWeeklyHours)이 필요합니다.', en: 'A reduced_hours leave needs reducedWeeklyHours.' },
  'leave_gap.reduced_hours_out_of_range': { ko: '단축 후 근로시간은 주 15시간 이상 35시간 이하여야 합니다.', en: 'Reduced hours are 15 to 35 hours a week.' },
  'leave_gap.reduced_hours_not_below_weekly': { ko: '단축 후 근로시간은 원래 주당 근로시간보다 적어야 합니다.', en: 'reducedWeeklyHours must be less than weeklyHours.' },
  'leave_gap.reduced_hours_not_applicable': { ko: '단축 후 근로시간은 육아기 근로시간 단축에만 입력합니다.', en: 'reducedWeeklyHours applies to reduced_hours leave only.' },
  'leave_gap.multiple_birth_not_maternity': { ko: '다태아 여부는 출산전후휴가에만 입력합니다.', en: 'multipleBirth applies to maternity leave only.' },
  'leave_gap.extended_reason_not_parental': { ko: '육아휴직 연장 사유는 육아휴직에만 입력합니다.', en: 'extendedParentalReason applies to parental leave only.' },
  'leave_gap.reduced_hours_too_long': { ko: '육아기 근로시간 단축은 최대 1년(쓰지 않은 육아휴직의 2배를 더할 수 있음)입니다.', en: 'Reduced hours last too long.' },
  'leave_gap.birth_date_outside_leave': { ko: '출산일은 출산전후휴가 기간 안에 있어야 합니다.', en: 'birthDate must lie within the maternity leave.' },
  'leave_gap.maternity_post_birth_too_short': { ko: '출산전후휴가는 출산 후 45일(다태아 60일) 이상이어야 합니다.', en: 'Too few days of the leave follow the birth.' },
  'leave_gap.spouse_maternity_after_window': { ko: '배우자 출산휴가는 출산일부터 120일 안에 사용해야 합니다.', en: 'Spouse maternity leave must be used soon after the birth.' },
  'leave_gap.infertility_treatment_too_long': { ko: '난임치료휴가는 연간 정해진 근로일 수를 넘을 수 없습니다.', en: 'Infertility treatment leave is too long for the year.' },
  'leave_gap.handover_unsubsidised': { ko: '인수인계 기간 일부는 지원금 대상이 아닙니다.', en: 'Part of the handover is not subsidised.' },
  'leave_gap.minimum_wage_unknown': { ko: '해당 연도의 최저임금이 아직 고시되지 않아 시급을 확인하지 못했습니다.', en: 'The minimum wage of that year is not published yet.' },
  'leave_gap.holidays_unknown': { ko: '해당 연도의 공휴일을 아직 알 수 없어 월~금을 근로일로 계산했습니다.', en: 'The public holidays of that year are not known yet.' },
  'leave_gap.after_return_not_parental': { ko: '복귀 후 인수인계 기간은 육아휴직에만 입력합니다.', en: 'afterReturnDays applies to parental leave only.' },
  'leave_gap.after_return_too_long': { ko: '대체인력은 복귀 후 최대 1개월까지 근무할 수 있습니다.', en: 'A substitute stays at most 1 month after the return.' },
  'subsidy.hired_too_early': { ko: '대체인력은 휴직 시작 2개월 전부터 새로 채용된 경우에만 지원됩니다.', en: 'Only a substitute hired from 2 months before the leave is subsidised.' },
  'subsidy.no_rule_for_period': { ko: '이 기간의 지원금 기준이 아직 없습니다.', en: 'No subsidy amounts are known for this period.' },
  'subsidy.not_priority_support': { ko: '우선지원대상기업만 받을 수 있습니다.', en: 'Only a priority-support firm receives it.' },
  'subsidy.leave_type_not_covered': { ko: '이 휴직 유형은 지원 대상이 아닙니다.', en: 'This leave type is not covered.' },
  'leave_gap.ended': { ko: '이 휴직 공백의 배치 기간이 이미 끝났습니다.', en: "The leave gap's placement period has ended." },
  'demo.unavailable': { ko: '데모 데이터 생성은 개발용 기능입니다. npm run seed:demo를 사용해 주세요.', en: 'The demo generator is a development tool.' },
  'demo.not_empty': { ko: '이미 기업이 등록되어 있어 여기서는 데모 데이터를 불러올 수 없습니다. npm run seed:demo로 추가해 주세요.', en: 'The database already has firms.' },
  'demo.running': { ko: '데모 데이터를 이미 불러오는 중입니다.', en: 'The demo data is already being loaded.' },
  'leave_gap.not_open': { ko: '모집 중이 아닌 휴직 공백은 바꿀 수 없습니다.', en: 'The leave gap is no longer open.' },
  'leave_gap.filled': { ko: '이미 배치된 휴직 공백입니다. 먼저 배치를 취소해 주세요.', en: 'The leave gap is filled: cancel its placement first.' },
  'leave_gap.not_matchable': { ko: '이 휴직 공백은 매칭할 수 없는 상태입니다.', en: 'The leave gap cannot be matched.' },

  // seekers
  'seeker.weekly_hours_min_above_max': { ko: '희망 주당 근로시간의 최소값이 최대값보다 클 수 없습니다.', en: 'weeklyHours.min must not be above weeklyHours.max.' },
  'seeker.availability_end_before_start': { ko: '가능 기간의 종료일이 시작일보다 앞설 수 없습니다.', en: 'An availability window must not end before it starts.' },
  'seeker.waiting_since_reserved': { ko: '구직 대기 시작일은 코디네이터만 바꿀 수 있습니다.', en: 'Only a coordinator may set waitingSince.' },
  'seeker.withdrawn': { ko: '탈퇴한 구직자입니다.', en: 'The seeker has withdrawn.' },
  'seeker.placement_ongoing': { ko: '끝나지 않은 확정 배치가 있습니다. 먼저 배치를 취소해 주세요.', en: 'The seeker has an ongoing confirmed placement.' },
  'seeker.not_active': { ko: '활동 중이 아닌 구직자라 배치할 수 없습니다.', en: 'The seeker is not active.' },
  'seeker.referred': { ko: '이 구직자는 같은 기간의 다른 자리에 알선 중입니다. 그 알선이 끝난 뒤에 확정하세요.', en: 'The seeker has an open referral on overlapping days.' },
  'seeker.unavailable': { ko: '구직자의 가능 기간이 더 이상 배치 기간을 포함하지 않습니다.', en: "The seeker's availability no longer covers the placement." },

  // matching, proposals, placements
  'match_run.invalid_weights': { ko: '점수 가중치가 올바르지 않습니다.', en: 'The score weights are invalid.' },
  'match_run.horizon_reversed': { ko: '기간의 끝이 시작보다 앞설 수 없습니다.', en: 'The horizon ends before it starts.' },
  'match_run.unknown_complex': { ko: '존재하지 않는 산업단지가 포함되어 있습니다.', en: 'An unknown complex is in the scope.' },
  'match_run.unknown_leave_gap': { ko: '존재하지 않는 휴직 공백이 포함되어 있습니다.', en: 'An unknown leave gap is in the scope.' },
  'match_run.scope_busy': { ko: '같은 범위의 매칭이 이미 진행 중입니다.', en: 'A run for this scope is already in progress.' },
  'match_run.not_succeeded': { ko: '아직 성공적으로 끝나지 않은 매칭 실행입니다.', en: 'The run has not succeeded.' },
  'match_run.not_failed': { ko: '실패한 매칭 실행만 다시 시도할 수 있습니다.', en: 'Only a failed run can be retried.' },
  'match_run.no_instance': { ko: '이 매칭 실행에는 저장된 입력 데이터가 없습니다.', en: 'The run has no stored instance.' },
  'proposal.not_proposed': { ko: '이미 결정된 제안입니다.', en: 'The proposal has already been decided.' },
  'placement.outside_gap': { ko: '변경된 휴직 공백 기간에는 이 배치의 근무일이 하루도 남지 않습니다. 배치를 먼저 취소하세요.', en: "The leave gap's new period leaves none of the placement's days: cancel the placement first." },
  'placement.seeker_double_booked': { ko: '이 구직자는 같은 기간에 이미 다른 곳에 배치되어 있습니다.', en: 'The seeker is already placed on overlapping days.' },
  'placement.gap_already_filled': { ko: '이 휴직 공백에는 이미 확정된 배치가 있습니다.', en: 'The leave gap already has a confirmed placement.' },
  'placement.already_cancelled': { ko: '이미 취소된 배치입니다.', en: 'The placement is already cancelled.' },

  // outreach (선제 발굴)
  'outreach.file_invalid': { ko: '파일에 잘못된 열이나 행이 있어 아무것도 저장하지 않았습니다.', en: 'The file has invalid columns or rows; nothing was written.' },
  'outreach.personal_data_column': { ko: '근로자 개인정보(이름, 주민등록번호, 생년월일, 연락처) 열은 파일에 넣을 수 없습니다.', en: 'A column about the employee must not be in the file.' },
  'outreach.unknown_column': { ko: '휴가 예정 파일의 열이 아닙니다.', en: 'Not a column of the expected-leave file.' },
  'outreach.duplicate_column': { ko: '같은 열이 두 번 있습니다.', en: 'The same column appears twice.' },
  'outreach.missing_column': { ko: '필수 열이 없습니다.', en: 'A required column is missing.' },
  'outreach.no_rows': { ko: '파일에 데이터 행이 없습니다.', en: 'The file has no data rows.' },
  'outreach.too_many_rows': { ko: '파일의 행이 너무 많습니다. 나누어 올려 주세요.', en: 'The file has too many rows.' },
  'outreach.end_before_start': { ko: '종료 예정일이 시작 예정일보다 앞섭니다.', en: 'The expected end is before the expected start.' },
  'expected_leave.not_found': { ko: '휴가 예정 정보를 찾을 수 없습니다.', en: 'The expected leave was not found.' },
  // reports
  'report.period_reversed': { ko: '보고 기간의 끝 달이 시작 달보다 앞설 수 없습니다.', en: 'The report period ends before it starts.' },
  'report.period_too_long': { ko: '보고 기간은 최대 60개월입니다.', en: 'The report period is too long.' },
  'report.unknown_region': { ko: '지역은 시·도 이름(예: 서울특별시) 또는 시·도와 시·군·구(예: 서울특별시 금천구)로 입력해 주세요.', en: 'The region is not a 시·도, or a 시·도 with its 시·군·구.' },
  'proposal.referred': { ko: '알선 중인 제안입니다. 알선에서 업체의 답변으로 결정됩니다.', en: "The proposal is referred: the firm's answer to its referral decides it." },
  'leave_gap.referral_open': { ko: '진행 중인 알선이 있는 휴직 공백입니다.', en: 'The leave gap has an open referral.' },

  // referrals
  'referral.not_found': { ko: '알선을 찾을 수 없습니다.', en: 'The referral was not found.' },
  'referral.illegal_move': { ko: '알선의 현재 상태에서는 할 수 없는 처리입니다.', en: 'The referral cannot make this move from its current status.' },
  'referral.gap_has_open_referral': { ko: '이 휴직 공백에는 이미 진행 중인 알선이 있습니다.', en: 'The leave gap already has an open referral.' },
  'referral.start_outside_period': { ko: '근무 시작일은 배치 기간 안이어야 합니다.', en: "The start date must lie within the leave gap's placement period." },
  'referral.ended_on_outside_placement': { ko: '조기 종료일은 배치 기간 안, 마지막 날보다 앞이어야 합니다.', en: 'The early end must be a day of the placement before its last.' },
  'referral.ended_on_before_retention': { ko: '30일 근속으로 기록된 배치라 조기 종료일은 근무 30일째 이후여야 합니다.', en: 'The placement was recorded as kept 30 days: it cannot have ended before its 30th day.' },
  'referral.retention_not_due': { ko: '근무 시작 후 30일이 아직 지나지 않았습니다.', en: 'Thirty days have not yet passed since the start.' },
  'referral.note_coordinator_only': { ko: '메모는 코디네이터만 남길 수 있습니다.', en: 'Only a coordinator writes a note.' },
  'referral.field_not_allowed': { ko: '이 답변에는 넣을 수 없는 항목입니다.', en: 'This field is not allowed with this answer.' },
};

/** Korean texts for class-validator's rules; `{field}` is the field's path, `{limit}` a number from the rule. */
export const VALIDATION_RULE_MESSAGES: { readonly [constraint: string]: Message } = {
  isNotEmpty: { ko: '{field}: 비워 둘 수 없습니다.', en: '{field} must not be empty' },
  isString: { ko: '{field}: 문자열이어야 합니다.', en: '{field} must be a string' },
  isInt: { ko: '{field}: 정수여야 합니다.', en: '{field} must be an integer' },
  isNumber: { ko: '{field}: 숫자여야 합니다.', en: '{field} must be a number' },
  isBoolean: { ko: '{field}: true 또는 false여야 합니다.', en: '{field} must be a boolean' },
  isArray: { ko: '{field}: 목록이어야 합니다.', en: '{field} must be an array' },
  isObject: { ko: '{field}: 객체여야 합니다.', en: '{field} must be an object' },
  nestedValidation: { ko: '{field}: 객체 또는 목록이어야 합니다.', en: '{field} must be an object or array' },
  isIn: { ko: '{field}: 허용된 값 중 하나여야 합니다.', en: '{field} must be one of the allowed values' },
  isUrl: { ko: '{field}: 올바른 URL이 아닙니다.', en: '{field} must be a URL' },
  isEmail: { ko: '{field}: 올바른 이메일 주소가 아닙니다.', en: '{field} must be an email' },
  isUuid: { ko: '{field}: 올바른 ID(UUID)가 아닙니다.', en: '{field} must be a UUID' },
  isCalendarDate: { ko: '{field}: 2027-03-02 같은 실제 날짜여야 합니다.', en: '{field} must be a calendar date like 2027-03-02' },
  isBusinessNumber: { ko: '{field}: 올바른 사업자등록번호(10자리)가 아닙니다.', en: '{field} must be a valid business registration number' },
  matches: { ko: '{field}: 형식이 올바르지 않습니다.', en: '{field} has the wrong format' },
  min: { ko: '{field}: {limit} 이상이어야 합니다.', en: '{field} must not be less than {limit}' },
  max: { ko: '{field}: {limit} 이하여야 합니다.', en: '{field} must not be greater than {limit}' },
  maxLength: { ko: '{field}: {limit}자 이하여야 합니다.', en: '{field} must be at most {limit} characters' },
  minLength: { ko: '{field}: {limit}자 이상이어야 합니다.', en: '{field} must be at least {limit} characters' },
  arrayMaxSize: { ko: '{field}: 최대 {limit}개까지 입력할 수 있습니다.', en: '{field} must contain at most {limit} elements' },
  arrayMinSize: { ko: '{field}: 최소 {limit}개가 필요합니다.', en: '{field} must contain at least {limit} elements' },
  arrayUnique: { ko: '{field}: 같은 값을 두 번 넣을 수 없습니다.', en: '{field} must not contain duplicates' },
  equals: { ko: '{field}: 동의가 필요합니다.', en: '{field} must be true' },
  isDefined: { ko: '{field}: 필수 항목입니다.', en: '{field} is required' },
  whitelistValidation: { ko: '{field}: 허용되지 않는 항목입니다.', en: '{field} is not allowed' },
};

/** Fallbacks for codes built at run time (`http.<status>`). */
export const STATUS_MESSAGES: { readonly [status: number]: Message } = {
  400: ERROR_MESSAGES['request.invalid'],
  401: ERROR_MESSAGES['auth.unauthorized'],
  403: ERROR_MESSAGES['auth.forbidden'],
  404: { ko: '찾을 수 없습니다.', en: 'Not found.' },
  409: { ko: '현재 상태와 충돌하여 처리할 수 없습니다.', en: 'The request conflicts with the current state.' },
  429: ERROR_MESSAGES['request.rate_limited'],
};
