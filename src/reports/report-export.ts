import type { SpreadsheetFormat, TableColumn } from '../spreadsheets/table-writer';
import { writeTable } from '../spreadsheets/table-writer';
import type { ReportResponse } from './dto/report.dto';
import type { CodeCount, ReportFigures } from './report-figures';

/** One row of the exported sheet: a group, or the total at the end. */
interface ExportRow {
  readonly label: string;
  readonly figures: ReportFigures;
}

const TOTAL_LABEL = '합계';

/** From the counts, not the API's 4-place rate: rounding 0.54545 to 0.5455 and then to 54.6 % rounds twice. */
const percent = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 10);
const summary = (counts: readonly CodeCount[]) => counts.map((count) => `${count.label} ${count.count}`).join(', ');
const sum = (counts: readonly CodeCount[]) => counts.reduce((total, count) => total + count.count, 0);

/** The report's columns with Korean headers; rates as percentages to one decimal, as the console shows them. */
function columnsFor(groupByLabel: string): TableColumn<ExportRow>[] {
  return [
    { header: groupByLabel, value: (row) => row.label },
    { header: '등록 공백', value: (row) => row.figures.gapsPosted },
    { header: '취소 공백', value: (row) => row.figures.gapsCancelled },
    { header: '충원 공백', value: (row) => row.figures.gapsFilled },
    { header: '미충원 공백', value: (row) => row.figures.gapsUnfilled },
    { header: '충원율(%)', value: (row) => percent(row.figures.gapsFilled, row.figures.gapsFilled + row.figures.gapsUnfilled) },
    { header: '채용까지 일수(중앙값)', value: (row) => row.figures.medianDaysToHire },
    { header: '채용', value: (row) => row.figures.hires },
    { header: '알선 채용', value: (row) => row.figures.referredHires },
    { header: '알선', value: (row) => row.figures.referrals },
    { header: '채용당 알선', value: (row) => row.figures.referralsPerHire },
    { header: '30일 유지', value: (row) => row.figures.retention.kept },
    { header: '30일 전 종료', value: (row) => row.figures.retention.lost },
    { header: '30일 미경과', value: (row) => row.figures.retention.pending },
    { header: '30일 유지율(%)', value: (row) => percent(row.figures.retention.kept, row.figures.retention.kept + row.figures.retention.lost) },
    { header: '지원금 대상 배치', value: (row) => row.figures.subsidy.placements },
    { header: '대체인력 지원금(원)', value: (row) => row.figures.subsidy.total },
    { header: '구직자 거절', value: (row) => sum(row.figures.seekerDeclines) },
    { header: '구직자 거절 사유', value: (row) => summary(row.figures.seekerDeclines) },
    { header: '기업 거절', value: (row) => sum(row.figures.firmDeclines) },
    { header: '기업 거절 사유', value: (row) => summary(row.figures.firmDeclines) },
    { header: '조기 종료 사유', value: (row) => summary(row.figures.endedEarly) },
    { header: '미충원 주된 제외 사유', value: (row) => summary(row.figures.unfilledByRule) },
  ];
}

/** The report as a sheet: one row per group, then the total. */
export function writeReport(format: SpreadsheetFormat, report: ReportResponse): Promise<Buffer> {
  const rows: ExportRow[] = [...report.groups, { label: TOTAL_LABEL, figures: report.total }];
  return writeTable(format, `보고서 ${report.from}~${report.to}`, columnsFor(report.groupByLabel), rows);
}

/** `채움보고서_2026-09_2026-11_산업단지` */
export function reportFileName(report: ReportResponse): string {
  return `채움보고서_${report.from}_${report.to}_${report.groupByLabel}`;
}
