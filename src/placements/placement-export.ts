import { IntersectionType } from '@nestjs/swagger';
import { SpreadsheetFormatQuery } from '../spreadsheets/dto/format-query.dto';
import { STATUS_KO } from '../spreadsheets/korean-labels';
import type { TableColumn } from '../spreadsheets/table-writer';
import { ListPlacementsQuery, PlacementResponse } from './dto/placement.dto';

/** The list's filters and a format; page and pageSize are ignored (every matching placement is exported). */
export class ExportPlacementsQuery extends IntersectionType(ListPlacementsQuery, SpreadsheetFormatQuery) {}

/**
 * What the reader's list shows, nothing more: the contact only for a firm's confirmed
 * placements, the job only for the seeker; never the coordinator's internal note.
 */
export const PLACEMENT_EXPORT_COLUMNS: TableColumn<PlacementResponse>[] = [
  { header: 'ID', value: (placement) => placement.id },
  { header: '구직자 ID', value: (placement) => placement.seekerId },
  { header: '휴직 공백 ID', value: (placement) => placement.leaveGapId },
  { header: '상태', value: (placement) => STATUS_KO[placement.status] ?? placement.status },
  { header: '시작일', value: (placement) => placement.period.start },
  { header: '종료일', value: (placement) => placement.period.end },
  { header: '취소 사유', value: (placement) => placement.cancellation?.message ?? null },
  { header: '직무명', value: (placement) => placement.job?.roleTitle ?? null },
  { header: '사업장명', value: (placement) => placement.job?.firmName ?? null },
  { header: '이름', value: (placement) => placement.contact?.displayName ?? null },
  { header: '휴대전화', value: (placement) => placement.contact?.phone ?? null },
  { header: '등록 일시', value: (placement) => placement.createdAt },
];
