import { readTable } from '../spreadsheets/table-reader';
import type { ReportResponse } from './dto/report.dto';
import type { GapFact } from './report-facts';
import { writeReport } from './report-export';
import { figuresOf } from './report-figures';

const gap = (id: string, kept: boolean | null): GapFact => ({
  id,
  postedOn: '2026-10-01',
  status: 'open',
  leaveType: 'maternity',
  complex: { id: 'c', name: '단지' },
  region: null,
  occupation: null,
  hires: kept === null ? [] : [{ hiredOn: '2026-10-11', viaReferral: false, retention: kept ? 'kept' : 'lost', subsidy: 0 }],
  referrals: [],
  latestExcludedBy: null,
});

describe('report export', () => {
  it('rounds percentages once, from the counts: 6 of 11 is 54.5 %, not 54.6 % from the API’s 0.5455', async () => {
    // 6 filled (3 kept, 3 lost) and 5 unfilled: fill rate 6/11 = 54.545… %; retention 3/6 = 50 %.
    const gaps = [...Array.from({ length: 6 }, (_, i) => gap(`f${i}`, i < 3)), ...Array.from({ length: 5 }, (_, i) => gap(`u${i}`, null))];
    const figures = figuresOf(gaps);
    expect(figures.fillRate).toBe(0.5455);
    const report: ReportResponse = {
      from: '2026-10',
      to: '2026-10',
      asOf: '2026-12-01',
      groupBy: 'complex',
      groupByLabel: '산업단지',
      complexIds: [],
      region: null,
      groups: [{ key: 'c', label: '단지', figures }],
      total: figures,
    };
    const table = await readTable(await writeReport('csv', report), 'csv');
    expect(table.rows.map((row) => [row.cells['충원율(%)'], row.cells['30일 유지율(%)']])).toEqual([
      ['54.5', '50'],
      ['54.5', '50'],
    ]);
  });
});
