import { seoulDateTime } from '../clock/seoul-date';
import type { TableColumn } from '../spreadsheets/table-writer';
import type { CallListEntry } from './dto/call-list.dto';
import { CONTACT_CHANNEL_LABELS, CONTACT_OUTCOME_LABELS, EXPECTED_LEAVE_TYPE_LABELS } from './outreach-codes';

/** The export's columns. No coordinator note: a file leaves the service and notes stay in it. */
export const CALL_LIST_COLUMNS: TableColumn<CallListEntry>[] = [
  { header: '시작 예정일', value: (entry) => entry.expectedStart },
  { header: '종료 예정일', value: (entry) => entry.expectedEnd },
  { header: '시작까지 남은 일수', value: (entry) => entry.daysUntilStart },
  { header: '휴가 종류', value: (entry) => EXPECTED_LEAVE_TYPE_LABELS[entry.leaveType] },
  { header: '사업자등록번호', value: (entry) => entry.businessNumber },
  { header: '등록 기업', value: (entry) => entry.firm?.name ?? '미등록' },
  { header: '산업단지', value: (entry) => entry.complex?.name ?? null },
  { header: '사업장명(자료)', value: (entry) => entry.sourceFirmName },
  { header: '사업장 주소(자료)', value: (entry) => entry.sourceFirmAddress },
  { header: '최근 연락 결과', value: (entry) => (entry.latestContact ? CONTACT_OUTCOME_LABELS[entry.latestContact.outcome] : null) },
  { header: '최근 연락 방법', value: (entry) => (entry.latestContact ? CONTACT_CHANNEL_LABELS[entry.latestContact.channel] : null) },
  // Seoul time as text: an Excel date-time has no zone, so an instant would show as UTC wall-clock time.
  { header: '최근 연락 일시', value: (entry) => (entry.latestContact ? seoulDateTime(entry.latestContact.occurredAt) : null) },
  { header: '연락 횟수', value: (entry) => entry.contactCount },
];
