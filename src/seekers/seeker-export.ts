import { IntersectionType } from '@nestjs/swagger';
import { COMMUTE_MODE_KO, STATUS_KO } from '../spreadsheets/korean-labels';
import { SpreadsheetFormatQuery } from '../spreadsheets/dto/format-query.dto';
import type { TableColumn } from '../spreadsheets/table-writer';
import { ListSeekersQuery, SeekerResponse } from './dto/seeker.dto';

/** The list's filters and a format; page and pageSize are ignored (every matching row is exported). */
export class ExportSeekersQuery extends IntersectionType(ListSeekersQuery, SpreadsheetFormatQuery) {}

/**
 * The import template's columns (same headers, same notation) after the id, status and dates,
 * so an exported sheet reads like the one a Talent Bank fills in. The address is not stored:
 * the home's coordinates go into 위도/경도.
 */
export const SEEKER_EXPORT_COLUMNS: TableColumn<SeekerResponse>[] = [
  { header: 'ID', value: (seeker) => seeker.id },
  { header: '상태', value: (seeker) => STATUS_KO[seeker.status] ?? seeker.status },
  { header: '이름', value: (seeker) => seeker.displayName },
  { header: '휴대전화', value: (seeker) => seeker.phone },
  { header: '이메일', value: (seeker) => seeker.email },
  { header: '위도', value: (seeker) => seeker.home?.lat ?? null },
  { header: '경도', value: (seeker) => seeker.home?.lng ?? null },
  { header: '통근 수단', value: (seeker) => COMMUTE_MODE_KO[seeker.commuteMode] },
  { header: '최대 통근 시간(분)', value: (seeker) => seeker.maxCommuteMinutes },
  { header: '기술', value: (seeker) => seeker.skills.map((skill) => `${skill.code}:${skill.level}`).join(', ') },
  { header: '자격증', value: (seeker) => seeker.certifications.join(', ') },
  { header: '희망 주당 최소 시간', value: (seeker) => seeker.weeklyHours.min },
  { header: '희망 주당 최대 시간', value: (seeker) => seeker.weeklyHours.max },
  { header: '희망 최저 시급', value: (seeker) => seeker.minHourlyWage },
  { header: '근무 가능 기간', value: (seeker) => seeker.availability.map((window) => `${window.start}~${window.end}`).join(', ') },
  { header: '구직 시작일', value: (seeker) => seeker.waitingSince },
  { header: '제외 사업장 ID', value: (seeker) => seeker.blockedFirmIds.join(', ') },
  { header: '동의 일시', value: (seeker) => seeker.consentAt },
  { header: '등록 일시', value: (seeker) => seeker.createdAt },
];
