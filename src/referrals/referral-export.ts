import { IntersectionType } from '@nestjs/swagger';
import { REASON_LABELS } from '../notifications/notification-templates';
import { SpreadsheetFormatQuery } from '../spreadsheets/dto/format-query.dto';
import type { TableColumn } from '../spreadsheets/table-writer';
import { ListReferralsQuery, ReferralResponse } from './dto/referral.dto';
import type { ReferralStatus } from './referral-states';

/** The list's filters and a format; page and pageSize are ignored (every matching referral is exported). */
export class ExportReferralsQuery extends IntersectionType(ListReferralsQuery, SpreadsheetFormatQuery) {}

export const REFERRAL_STATUS_KO: { readonly [status in ReferralStatus]: string } = {
  offered: '제안함',
  seeker_accepted: '구직자 수락',
  seeker_declined: '구직자 거절',
  firm_interview: '면접',
  hired: '채용',
  firm_declined: '기업 거절',
  retained_30_days: '30일 근속',
  ended_early: '조기 종료',
  withdrawn: '철회',
};

/** What the reader's list shows, nothing more: the seeker's name only where the list shows it, never a note. */
export const REFERRAL_EXPORT_COLUMNS: TableColumn<ReferralResponse>[] = [
  { header: 'ID', value: (referral) => referral.id },
  { header: '상태', value: (referral) => REFERRAL_STATUS_KO[referral.status] },
  { header: '사유', value: (referral) => (referral.reasonCode === null ? null : (REASON_LABELS[referral.reasonCode] ?? referral.reasonCode)) },
  { header: '사업장명', value: (referral) => referral.job.firmName },
  { header: '직무명', value: (referral) => referral.job.roleTitle },
  { header: '구직자 이름', value: (referral) => referral.seeker?.displayName ?? null },
  { header: '근무 시작일', value: (referral) => referral.startDate },
  { header: '조기 종료일', value: (referral) => referral.endedOn },
  { header: '알선일', value: (referral) => referral.offeredAt },
  { header: '상태 변경 일시', value: (referral) => referral.statusChangedAt },
];
