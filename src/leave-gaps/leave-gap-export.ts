import { IntersectionType } from '@nestjs/swagger';
import { SpreadsheetFormatQuery } from '../spreadsheets/dto/format-query.dto';
import { LEAVE_TYPE_KO, STATUS_KO } from '../spreadsheets/korean-labels';
import type { TableColumn } from '../spreadsheets/table-writer';
import { LeaveGapResponse, ListLeaveGapsQuery } from './dto/leave-gap.dto';

/** The list's filters and a format; page and pageSize are ignored (every matching gap is exported). */
export class ExportLeaveGapsQuery extends IntersectionType(ListLeaveGapsQuery, SpreadsheetFormatQuery) {}

const skills = (list: { code: string; level: number }[]) => list.map((skill) => `${skill.code}:${skill.level}`).join(', ');

/** The gap as its reader may see it (infertility treatment is 기타 to all but its firm), in the import template's notation. */
export const LEAVE_GAP_EXPORT_COLUMNS: TableColumn<LeaveGapResponse>[] = [
  { header: 'ID', value: (gap) => gap.id },
  { header: '사업장 ID', value: (gap) => gap.firmId },
  { header: '상태', value: (gap) => STATUS_KO[gap.status] ?? gap.status },
  { header: '휴직 유형', value: (gap) => LEAVE_TYPE_KO[gap.leaveType] },
  { header: '휴직 시작일', value: (gap) => gap.leaveStart },
  { header: '휴직 종료일', value: (gap) => gap.leaveEnd },
  { header: '대체 근무 시작일', value: (gap) => gap.vacancy.placementStart },
  { header: '대체 근무 종료일', value: (gap) => gap.vacancy.placementEnd },
  { header: '직무명', value: (gap) => gap.roleTitle },
  { header: '필수 기술', value: (gap) => skills(gap.requiredSkills) },
  { header: '우대 기술', value: (gap) => skills(gap.preferredSkills) },
  { header: '필수 자격증', value: (gap) => gap.requiredCertifications.join(', ') },
  { header: '주당 근로시간', value: (gap) => gap.weeklyHours },
  { header: '채울 주당 시간', value: (gap) => gap.vacancy.weeklyHours },
  { header: '시급', value: (gap) => gap.hourlyWage },
  { header: '인수인계 일수', value: (gap) => gap.handoverDays },
  { header: '최대 통근 시간(분)', value: (gap) => gap.maxCommuteMinutes },
  { header: '등록 일시', value: (gap) => gap.createdAt },
];
