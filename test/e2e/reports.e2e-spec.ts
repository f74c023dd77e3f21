import type { Response } from 'supertest';
import { Clock, FixedClock } from '../../src/clock/clock';
import { readTable } from '../../src/spreadsheets/table-reader';
import { API, fieldsOf, problemOf } from './factories';
import { buildReportFixture, ReportFixture } from './factories/report-fixture';
import { firmToken } from './support/auth';
import { TestApp, createTestApp } from './support/test-app';

/** The day the figures are as of; the fixture's dates are fixed around it. */
const REPORT_TODAY = '2026-12-01';

/**
 * Every expected figure below was worked out by hand from the fixture (report-fixture.ts) and
 * the definitions in docs/reports.md; the arithmetic is in the comments.
 *
 * Posted 2026-09..11 in the fixture's two complexes: G1 (09), G7 (09-01 00:30 Seoul), G2, G3, G6 (10),
 * G4, G5 (11). Not G9 (08-31 23:30 Seoul) nor G10 (12-01 00:00 Seoul).
 * Filled G1, G2, G3, G6; cancelled G5; unfilled G4, G7.
 * Days to the first hire: G1 09-10→09-30 = 20, G2 10-05→10-15 = 10, G3 10-20→11-04 = 15, G6 10-25→11-28 = 34.
 * 대체인력 지원금 (2026 rule in force in 2027, no wage cap reached except for the 10 h vacancy):
 *   G1 maternity, 20 employees, 03-01..05-29: 1,400,000 + 1,400,000 + floor(1,400,000 × 29/31 = 1,309,677.4) = 4,109,677
 *   G2 parental, 20 employees, 04-01..09-30: 6 × 1,400,000 = 8,400,000
 *   G3 reduced hours, 10 h a week, 04..09: the 80 % wage cap 12,500 × 10 h × days/7 × 0.8 is below 1,200,000:
 *      30 days floor(428,571.4) = 428,571, 31 days floor(442,857.1) = 442,857; 3 × 428,571 + 3 × 442,857 = 2,614,284
 *   G6 at a firm without priority support: 0
 *   total 4,109,677 + 8,400,000 + 2,614,284 = 15,123,961 over 3 placements
 */
const G1_SUBSIDY = 4_109_677;
const G2_SUBSIDY = 8_400_000;
const G3_SUBSIDY = 2_614_284;

describe('programme report', () => {
  let t: TestApp;
  let fixture: ReportFixture;

  beforeAll(async () => {
    t = await createTestApp((builder) => builder.overrideProvider(Clock).useValue(FixedClock.onSeoulDay(REPORT_TODAY)));
    fixture = await buildReportFixture(t);
  });
  afterAll(() => t.close());

  const report = (query: Record<string, string | string[]>) =>
    t.api.get(`${API}/reports/outcomes`).query({ from: '2026-09', to: '2026-11', complexId: [fixture.complexA.id, fixture.complexB.id], ...query });
  const groups = (response: Response) => response.body.groups as { key: string; label: string; figures: Record<string, unknown> }[];

  it('answers every figure of the whole period as computed by hand', async () => {
    const response = await report({ groupBy: 'complex' });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ from: '2026-09', to: '2026-11', asOf: REPORT_TODAY, groupBy: 'complex', groupByLabel: '산업단지', region: null });
    expect(response.body.total).toEqual({
      gapsPosted: 7,
      gapsCancelled: 1,
      gapsFilled: 4,
      gapsUnfilled: 2,
      fillRate: 0.6667, // 4 / (4 + 2)
      medianDaysToHire: 17.5, // 10, 15, 20, 34 → (15 + 20) / 2
      hires: 4,
      referredHires: 2,
      referrals: 7, // G1 2, G2 2, G4 2, G5 1
      referralsPerHire: 3.5, // 7 / 2
      retention: { kept: 1, lost: 1, pending: 2, rate: 0.5 }, // G1 kept, G2 ended early, G3 and G6 start in 2027
      subsidy: { placements: 3, total: G1_SUBSIDY + G2_SUBSIDY + G3_SUBSIDY },
      seekerDeclines: [
        { code: 'wage', label: '임금', count: 1 },
        { code: 'commute', label: '통근 거리', count: 1 },
      ],
      firmDeclines: [
        { code: 'skills', label: '기술 부족', count: 1 },
        { code: 'no_reason', label: '사유 없음', count: 1 },
      ],
      endedEarly: [{ code: 'seeker_quit', label: '본인 퇴사', count: 1 }],
      unfilledByRule: [
        { code: 'wage', label: '시급 불일치', count: 1 }, // G4's latest run: wage 6 > skills 3 > commute 1 (the older run's commute 9 is not its latest)
        { code: 'not_diagnosed', label: '매칭 진단 없음', count: 1 }, // G7: no run reported it
      ],
    });
    expect(response.body.total.subsidy.total).toBe(15_123_961);
  });

  it('groups by complex', async () => {
    const [a, b] = groups(await report({ groupBy: 'complex' }));
    expect(a).toMatchObject({ key: fixture.complexA.id, label: fixture.complexA.name });
    expect(a.figures).toMatchObject({
      gapsPosted: 4, // G1 G2 G3 G4
      gapsCancelled: 0,
      gapsFilled: 3,
      gapsUnfilled: 1,
      fillRate: 0.75,
      medianDaysToHire: 15, // 10, 15, 20
      hires: 3,
      referredHires: 2,
      referrals: 6,
      referralsPerHire: 3,
      retention: { kept: 1, lost: 1, pending: 1, rate: 0.5 },
      subsidy: { placements: 3, total: 15_123_961 },
      unfilledByRule: [{ code: 'wage', label: '시급 불일치', count: 1 }],
    });
    expect(b).toMatchObject({ key: fixture.complexB.id, label: fixture.complexB.name });
    expect(b.figures).toMatchObject({
      gapsPosted: 3, // G5 G6 G7
      gapsCancelled: 1,
      gapsFilled: 1,
      gapsUnfilled: 1,
      fillRate: 0.5,
      medianDaysToHire: 34,
      hires: 1,
      referredHires: 0,
      referrals: 1, // G5's withdrawn referral
      referralsPerHire: null,
      retention: { kept: 0, lost: 0, pending: 1, rate: null },
      subsidy: { placements: 0, total: 0 },
      seekerDeclines: [],
      firmDeclines: [],
      unfilledByRule: [{ code: 'not_diagnosed', label: '매칭 진단 없음', count: 1 }],
    });
  });

  it('groups by 시·도 and by 시·군·구 from the firms’ addresses, written short or in full', async () => {
    const bySido = groups(await report({ groupBy: 'sido' }));
    expect(bySido.map((group) => [group.key, group.figures.gapsPosted, group.figures.gapsFilled])).toEqual([
      ['경상북도', 3, 1],
      ['서울특별시', 4, 3],
    ]);
    const bySigungu = groups(await report({ groupBy: 'sigungu' }));
    expect(bySigungu.map((group) => [group.label, group.figures.gapsPosted, group.figures.gapsFilled, group.figures.fillRate])).toEqual([
      ['경상북도 구미시', 3, 1, 0.5],
      ['서울특별시 구로구', 2, 1, 0.5], // G3 filled, G4 open
      ['서울특별시 금천구', 2, 2, 1], // G1 G2
    ]);
  });

  it('groups by the month of posting, in the Seoul calendar', async () => {
    const byMonth = groups(await report({ groupBy: 'month' }));
    expect(byMonth.map((group) => group.key)).toEqual(['2026-09', '2026-10', '2026-11']);
    const [september, october, november] = byMonth.map((group) => group.figures);
    expect(september).toMatchObject({ gapsPosted: 2, gapsFilled: 1, gapsUnfilled: 1, fillRate: 0.5, medianDaysToHire: 20, subsidy: { placements: 1, total: G1_SUBSIDY } });
    expect(october).toMatchObject({
      gapsPosted: 3,
      gapsFilled: 3,
      fillRate: 1,
      medianDaysToHire: 15, // 10, 15, 34
      referrals: 2,
      referralsPerHire: 2,
      retention: { kept: 0, lost: 1, pending: 2, rate: 0 },
      subsidy: { placements: 2, total: G2_SUBSIDY + G3_SUBSIDY },
    });
    expect(november).toMatchObject({ gapsPosted: 2, gapsCancelled: 1, gapsFilled: 0, gapsUnfilled: 1, fillRate: 0, medianDaysToHire: null, referrals: 3, referralsPerHire: null });
  });

  it('groups by leave type, reporting infertility treatment as other leave', async () => {
    const byType = groups(await report({ groupBy: 'leaveType' }));
    expect(byType.map((group) => [group.key, group.label, group.figures.gapsPosted, group.figures.fillRate, group.figures.medianDaysToHire])).toEqual([
      ['other', '기타 휴가', 1, 0, null], // G7
      ['reduced_hours', '육아기 근로시간 단축', 1, 1, 15], // G3
      ['parental', '육아휴직', 2, 1, 10], // G2 filled, G5 cancelled
      ['maternity', '출산전후휴가', 3, 0.6667, 27], // G1 20, G6 34, G4 open
    ]);
  });

  it('groups by occupation: the first required skill with its catalogue label', async () => {
    const byOccupation = groups(await report({ groupBy: 'occupation' }));
    const figures = (code: string) => byOccupation.find((group) => group.key === code)!;
    expect(byOccupation).toHaveLength(2);
    expect(figures(fixture.skillA)).toMatchObject({ label: `시험 기술 ${fixture.skillA}`, figures: { gapsPosted: 4, gapsFilled: 3, fillRate: 0.75, medianDaysToHire: 20 } });
    expect(figures(fixture.skillB)).toMatchObject({ figures: { gapsPosted: 3, gapsCancelled: 1, gapsFilled: 1, fillRate: 0.5, medianDaysToHire: 15 } });
  });

  it('filters by region (a 시·도 or a 시·군·구) and by one complex', async () => {
    const guro = await report({ region: '서울특별시 구로구' });
    expect(guro.body.region).toBe('서울특별시 구로구');
    expect(guro.body.total).toMatchObject({ gapsPosted: 2, gapsFilled: 1, gapsUnfilled: 1, subsidy: { placements: 1, total: G3_SUBSIDY } });
    const seoulOnly = await report({ region: '서울' });
    expect(seoulOnly.body.region).toBe('서울특별시');
    expect(seoulOnly.body.total).toMatchObject({ gapsPosted: 4, gapsFilled: 3 });
    const complexB = await report({ complexId: fixture.complexB.id });
    expect(complexB.body.total).toMatchObject({ gapsPosted: 3, gapsCancelled: 1 });
    const october = await report({ from: '2026-10', to: '2026-10' });
    expect(october.body.total).toMatchObject({ gapsPosted: 3, hires: 3 });
  });

  it('reports the same subsidy as each placement’s own subsidy field', async () => {
    const totals = await Promise.all(
      Object.values(fixture.placements).map(async (id) => (await t.api.get(`${API}/placements/${id}`)).body.subsidy.total as number),
    );
    expect(totals).toEqual([G1_SUBSIDY, G2_SUBSIDY, G3_SUBSIDY, 0]);
  });

  it('exports the report as CSV with Korean headers, one row per group and the total', async () => {
    const response = await t.api
      .get(`${API}/reports/outcomes/export`)
      .query({ from: '2026-09', to: '2026-11', complexId: [fixture.complexA.id, fixture.complexB.id], groupBy: 'complex', format: 'csv' })
      .buffer(true)
      .parse(binary);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('채움보고서_2026-09_2026-11_산업단지.csv')}`);
    const sheet = await readTable(response.body as Buffer, 'csv');
    expect(sheet.headers.slice(0, 7)).toEqual(['산업단지', '등록 공백', '취소 공백', '충원 공백', '미충원 공백', '충원율(%)', '채용까지 일수(중앙값)']);
    expect(sheet.rows.map((row) => row.cells['산업단지'])).toEqual([fixture.complexA.name, fixture.complexB.name, '합계']);
    const total = sheet.rows[2].cells;
    expect(total).toMatchObject({
      '등록 공백': '7',
      '충원율(%)': '66.7',
      '채용까지 일수(중앙값)': '17.5',
      '채용당 알선': '3.5',
      '30일 유지율(%)': '50',
      '대체인력 지원금(원)': '15123961',
      '구직자 거절 사유': '임금 1, 통근 거리 1',
      '기업 거절 사유': '기술 부족 1, 사유 없음 1',
      '미충원 주된 제외 사유': '시급 불일치 1, 매칭 진단 없음 1',
    });
    expect(sheet.rows[1].cells['채용당 알선']).toBe('');
  });

  it('exports the same cells as XLSX', async () => {
    const response = await t.api
      .get(`${API}/reports/outcomes/export`)
      .query({ from: '2026-09', to: '2026-11', complexId: [fixture.complexA.id, fixture.complexB.id], groupBy: 'month', format: 'xlsx' })
      .buffer(true)
      .parse(binary);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const sheet = await readTable(response.body as Buffer, 'xlsx');
    expect(sheet.rows.map((row) => [row.cells['등록 월'], row.cells['등록 공백'], row.cells['충원율(%)'], row.cells['대체인력 지원금(원)']])).toEqual([
      ['2026-09', '2', '50', String(G1_SUBSIDY)],
      ['2026-10', '3', '100', String(G2_SUBSIDY + G3_SUBSIDY)],
      ['2026-11', '2', '0', '0'],
      ['합계', '7', '66.7', '15123961'],
    ]);
  });

  it.each([
    [{ from: '2026-13' }, 'from', 'matches'],
    [{ from: '9999-12', to: '9999-12' }, ['from', 'to'], 'matches'], // the month after 9999-12 is no date PostgreSQL reads
    [{ from: '0000-01' }, 'from', 'matches'], // nor is year 0
    [{ from: '2026-11', to: '2026-09' }, 'to', 'report.period_reversed'],
    [{ from: '2020-01', to: '2026-11' }, 'from', 'report.period_too_long'],
    [{ region: '화성' }, 'region', 'report.unknown_region'],
    [{ region: '서울 가산동' }, 'region', 'report.unknown_region'],
    [{ groupBy: 'firm' }, 'groupBy', 'isIn'],
    [{ complexId: 'not-a-uuid' }, 'complexId', 'isUuid'],
  ])('answers 400 naming the field and the rule for %j', async (query, field, rule) => {
    const response = await t.api.get(`${API}/reports/outcomes`).query(query);
    expect(response.status).toBe(400);
    expect(fieldsOf(response)).toEqual(typeof field === 'string' ? [field] : field);
    expect(problemOf(response).errors![0].code).toBe(rule);
  });

  it('answers 400 for an export without a known format', async () => {
    const response = await t.api.get(`${API}/reports/outcomes/export`).query({ format: 'pdf' });
    expect(response.status).toBe(400);
    expect(fieldsOf(response)).toEqual(['format']);
  });

  it('is for coordinators only', async () => {
    const response = await t.api.get(`${API}/reports/outcomes`).set('Authorization', firmToken(fixture.complexA.id));
    expect(response.status).toBe(403);
  });
});

/** supertest buffers a download as bytes instead of text. */
function binary(response: Response, done: (error: Error | null, body: Buffer) => void): void {
  const stream = response as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
}
