import ExcelJS from 'exceljs';
import { CallListService } from '../../src/outreach/call-list.service';
import { readTable } from '../../src/spreadsheets/table-reader';
import { API, createComplex, createFirm, createLeaveGap, problemOf, uniqueBusinessNumber } from './factories';
import { TestApp, createTestApp } from './support/test-app';
import { TEST_TODAY, testDay } from './support/test-today';

const IMPORT = `${API}/outreach/expected-leaves/import`;
const DRY_RUN = `${API}/outreach/expected-leaves/dry-run`;
const CALL_LIST = `${API}/outreach/call-list`;
const HEADER = '사업자등록번호,휴가 종류,시작 예정일,종료 예정일,사업장명,사업장 주소';

function csv(lines: string[]): Buffer {
  return Buffer.from([HEADER, ...lines].join('\r\n') + '\r\n', 'utf8');
}

/** A business number with a wrong check digit. */
function badCheckDigit(valid: string): string {
  return valid.slice(0, 9) + ((Number(valid[9]) + 1) % 10);
}

describe('outreach: expected leaves from administrative data, the call list and contacts', () => {
  let t: TestApp;
  let complexId: string;
  let firmA: { id: string; businessNumber: string };
  let firmB: { id: string; businessNumber: string };
  let unregistered1: string;
  let unregistered2: string;
  let goodFile: Buffer;

  const upload = (file: Buffer, name = '휴가예정.csv', dryRun = false) => t.api.post(dryRun ? DRY_RUN : IMPORT).attach('file', file, name);
  const storedLeaves = async (businessNumbers: string[]) =>
    Number((await t.dataSource.query(`SELECT count(*) AS n FROM expected_leaves WHERE business_number = ANY($1)`, [businessNumbers]))[0].n);
  const callList = async (query: Record<string, string>) => (await t.api.get(CALL_LIST).query({ pageSize: '100', ...query }).expect(200)).body;
  const keysOf = (body: { items: { businessNumber: string; leaveType: string; expectedStart: string }[] }) =>
    body.items.map((item) => `${item.businessNumber} ${item.leaveType} ${item.expectedStart}`);

  beforeAll(async () => {
    t = await createTestApp();
    complexId = (await createComplex(t)).id;
    firmA = (await createFirm(t, { complexId })) as unknown as typeof firmA;
    firmB = (await createFirm(t, { complexId })) as unknown as typeof firmB;
    unregistered1 = uniqueBusinessNumber();
    unregistered2 = uniqueBusinessNumber();
    // Firm A has posted a maternity gap for days 30–119.
    await createLeaveGap(t, firmA.id, { leaveType: 'maternity', leaveStart: testDay(30), leaveEnd: testDay(119) });
    goodFile = csv([
      `${firmA.businessNumber},육아휴직,${testDay(100)},${testDay(400)},,`, // covered by A's maternity gap (same family, overlapping)
      `${firmA.businessNumber},육아기 근로시간 단축,${testDay(40)},${testDay(200)},,`, // overlaps, but another family
      `${firmA.businessNumber},출산전후휴가,${testDay(200)},${testDay(289)},,`, // same family, no overlap
      `${firmB.businessNumber.slice(0, 3)}-${firmB.businessNumber.slice(3, 5)}-${firmB.businessNumber.slice(5)},maternity,${testDay(10)},${testDay(99)},,`,
      `${unregistered1},배우자 출산휴가,${testDay(5)},${testDay(24)},(주)미등록정밀,경기 시흥시 정왕동 1`,
      `${unregistered2},난임치료휴가,${testDay(60)},${testDay(62)},"(주)둘째, 공업",`,
      `${unregistered1},육아휴직,${testDay(-100)},${testDay(-10)},,`, // already over
      `${unregistered1},배우자 출산휴가,${testDay(5)},${testDay(24)},,`, // the same leave again
    ]);
  });
  afterAll(() => t.close());

  it('reports every bad column and cell of a file, on the dry run and the import alike, and writes nothing', async () => {
    const rrnLike = '900101-1234567';
    const file = Buffer.from(
      [
        `${HEADER},근로자 성명,비고`,
        `${firmA.businessNumber},육아휴직,${testDay(10)},${testDay(100)},,,,`,
        `${badCheckDigit(unregistered1)},육아휴직,${testDay(10)},${testDay(100)},,,,`,
        `${unregistered1},연차,${testDay(10)},${testDay(100)},,,,`,
        `${unregistered1},육아휴직,2027-02-30,${testDay(100)},,,,${rrnLike}`,
        `${unregistered2},육아휴직,${testDay(100)},${testDay(10)},,,,`,
        `,육아휴직,${testDay(10)},${testDay(100)},${'가'.repeat(201)},,,`,
      ].join('\n'),
      'utf8',
    );
    const imports = Number((await t.dataSource.query(`SELECT count(*) AS n FROM outreach_imports`))[0].n);
    for (const dryRun of [true, false]) {
      const response = await upload(file, 'bad.csv', dryRun).expect(400);
      const problem = problemOf(response);
      expect(problem.code).toBe('outreach.file_invalid');
      expect(problem.errors?.map(({ field, code }) => `${field} ${code}`).sort()).toEqual(
        [
          'columns.근로자 성명 outreach.personal_data_column',
          'columns.비고 outreach.unknown_column',
          'columns.비고 pipa.resident_number_forbidden',
          'rows[3].businessNumber isBusinessNumber',
          'rows[4].leaveType isIn',
          'rows[5].expectedStart isCalendarDate',
          'rows[6].expectedEnd outreach.end_before_start',
          'rows[7].businessNumber isNotEmpty',
          'rows[7].firmName maxLength',
        ].sort(),
      );
      // The resident number itself is never quoted back.
      expect(response.text).not.toContain('1234567');
    }
    expect(await storedLeaves([firmA.businessNumber, unregistered1, unregistered2])).toBe(0);
    expect(Number((await t.dataSource.query(`SELECT count(*) AS n FROM outreach_imports`))[0].n)).toBe(imports);
  });

  it('names a missing required column once, not in every row', async () => {
    const file = Buffer.from(`사업자등록번호,휴가 종류,시작 예정일\n${unregistered1},육아휴직,${testDay(10)}\n`, 'utf8');
    const problem = problemOf(await upload(file, 'short.csv', true).expect(400));
    expect(problem.errors?.map(({ field, code }) => `${field} ${code}`)).toEqual(['columns.종료 예정일 outreach.missing_column']);
  });

  it('dry-runs the corrected file, imports all of it, and a re-import or an overlapping file adds nothing twice', async () => {
    const businessNumbers = [firmA.businessNumber, firmB.businessNumber, unregistered1, unregistered2];
    const dryRun = await upload(goodFile, '휴가예정.csv', true).expect(200);
    expect(dryRun.body).toEqual({ dryRun: true, importId: null, rowCount: 8, duplicateRowCount: 1, newCount: 7, existingCount: 0 });
    expect(await storedLeaves(businessNumbers)).toBe(0);

    const first = await upload(goodFile).expect(201);
    expect(first.body).toEqual({ dryRun: false, importId: expect.any(String), rowCount: 8, duplicateRowCount: 1, newCount: 7, existingCount: 0 });
    expect(await storedLeaves(businessNumbers)).toBe(7);
    const [imported] = await t.dataSource.query(`SELECT file_name, row_count, created_count FROM outreach_imports WHERE id = $1`, [first.body.importId]);
    expect(imported).toEqual({ file_name: '휴가예정.csv', row_count: 8, created_count: 7 });

    const again = await upload(goodFile).expect(201);
    expect(again.body).toMatchObject({ newCount: 0, existingCount: 7 });
    expect(await storedLeaves(businessNumbers)).toBe(7);

    // An XLSX extract overlapping the first file: one known leave (with a real Excel date), one new.
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('자료');
    sheet.addRow(['사업자등록번호', '휴가유형', '휴가 시작 예정일', '휴가 종료 예정일']);
    sheet.addRow([unregistered1, '배우자 출산휴가', new Date(`${testDay(5)}T00:00:00Z`), testDay(24)]);
    sheet.addRow([unregistered2, '육아휴직', testDay(300), testDay(500)]);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    const overlapping = await upload(xlsx, 'overlap.xlsx').expect(201);
    expect(overlapping.body).toMatchObject({ rowCount: 2, newCount: 1, existingCount: 1 });
    expect(await storedLeaves(businessNumbers)).toBe(8);
    // Infertility treatment is stored as "other": coordinators do not learn it.
    const types = await t.dataSource.query(`SELECT DISTINCT leave_type FROM expected_leaves WHERE business_number = $1`, [unregistered2]);
    expect(types.map((row: { leave_type: string }) => row.leave_type).sort()).toEqual(['other', 'parental']);
  });

  it('two imports of one file at once write each expected leave once', async () => {
    const businessNumber = uniqueBusinessNumber();
    const file = csv([0, 1, 2, 3].map((week) => `${businessNumber},육아휴직,${testDay(30 + 7 * week)},${testDay(200 + 7 * week)},,`));
    const answers = await Promise.all([upload(file), upload(file)]);
    expect(answers.map((answer) => answer.status)).toEqual([201, 201]);
    expect(answers.map((answer) => answer.body.newCount).sort()).toEqual([0, 4]);
    expect(await storedLeaves([businessNumber])).toBe(4);
  });

  describe('the call list', () => {
    let importId: string;

    beforeAll(async () => {
      importId = (await upload(goodFile).expect(201)).body.importId;
    });

    it('lists exactly the expected leaves without a covering gap, registered and not, soonest expected start first', async () => {
      const body = await callList({ importId });
      expect(keysOf(body)).toEqual([
        `${unregistered1} spouse_maternity ${testDay(5)}`,
        `${firmB.businessNumber} maternity ${testDay(10)}`,
        `${firmA.businessNumber} reduced_hours ${testDay(40)}`,
        `${unregistered2} other ${testDay(60)}`,
        `${firmA.businessNumber} maternity ${testDay(200)}`,
      ]);
      expect(body.total).toBe(5);
      const [first, second] = body.items;
      expect(first).toMatchObject({
        daysUntilStart: 5,
        expectedEnd: testDay(24),
        sourceFirmName: '(주)미등록정밀',
        sourceFirmAddress: '경기 시흥시 정왕동 1',
        firm: null,
        complex: null,
        latestContact: null,
        contactCount: 0,
      });
      expect(second).toMatchObject({ firm: { id: firmB.id, status: 'active' }, complex: { id: complexId } });

      expect(keysOf(await callList({ importId, registration: 'unregistered' }))).toEqual([
        `${unregistered1} spouse_maternity ${testDay(5)}`,
        `${unregistered2} other ${testDay(60)}`,
      ]);
      expect((await callList({ importId, complexId })).total).toBe(3);
      expect(keysOf(await callList({ importId, leaveType: 'maternity', startsBy: testDay(100) }))).toEqual([`${firmB.businessNumber} maternity ${testDay(10)}`]);
      const paged = await callList({ importId, pageSize: '2', page: '3' });
      expect(paged).toMatchObject({ page: 3, pageSize: 2, total: 5 });
      expect(keysOf(paged)).toEqual([`${firmA.businessNumber} maternity ${testDay(200)}`]);
    });

    it('shows the latest contact; a closing outcome or a newly posted covering gap takes the row off', async () => {
      const before = await callList({ importId });
      const firmBLeave = before.items.find((item: { firm: { id: string } | null }) => item.firm?.id === firmB.id);
      const unregisteredLeave = before.items[0];

      await t.api.post(`${API}/outreach/expected-leaves/${firmBLeave.expectedLeaveId}/contacts`).send({ channel: 'phone', outcome: 'no_answer' }).expect(201);
      const contact = await t.api
        .post(`${API}/outreach/expected-leaves/${firmBLeave.expectedLeaveId}/contacts`)
        .send({ channel: 'visit', outcome: 'gap_to_be_posted', note: '  인사 담당자와 면담, 다음 주 등록 예정  ' })
        .expect(201);
      expect(contact.body).toEqual({
        id: expect.any(String),
        expectedLeaveId: firmBLeave.expectedLeaveId,
        channel: 'visit',
        outcome: 'gap_to_be_posted',
        note: '인사 담당자와 면담, 다음 주 등록 예정',
        occurredAt: new Date(`${TEST_TODAY}T12:00:00+09:00`).toISOString(),
      });
      const withContact = await callList({ importId, businessNumber: firmB.businessNumber });
      expect(withContact.items).toEqual([expect.objectContaining({ latestContact: contact.body, contactCount: 2 })]);
      expect(keysOf(await callList({ importId, latestOutcome: 'gap_to_be_posted' }))).toEqual([`${firmB.businessNumber} maternity ${testDay(10)}`]);
      expect((await callList({ importId, latestOutcome: 'none' })).total).toBe(4);
      const history = await t.api.get(`${API}/outreach/expected-leaves/${firmBLeave.expectedLeaveId}/contacts`).expect(200);
      expect(history.body.map((item: { outcome: string }) => item.outcome).sort()).toEqual(['gap_to_be_posted', 'no_answer']);

      await t.api.post(`${API}/outreach/expected-leaves/${unregisteredLeave.expectedLeaveId}/contacts`).send({ channel: 'phone', outcome: 'not_needed' }).expect(201);
      // Firm B posts the gap it promised: days 10–99, maternity.
      await createLeaveGap(t, firmB.id, { leaveType: 'maternity', leaveStart: testDay(10), leaveEnd: testDay(99) });

      expect(keysOf(await callList({ importId }))).toEqual([
        `${firmA.businessNumber} reduced_hours ${testDay(40)}`,
        `${unregistered2} other ${testDay(60)}`,
        `${firmA.businessNumber} maternity ${testDay(200)}`,
      ]);
    });

    it('finds a firm that registers after the import by its business number', async () => {
      const registered = await createFirm(t, { complexId, businessNumber: unregistered2 });
      const body = await callList({ importId, businessNumber: unregistered2 });
      expect(body.items).toEqual([expect.objectContaining({ firm: expect.objectContaining({ id: registered.id }), complex: expect.objectContaining({ id: complexId }) })]);
    });

    it('exports the list with the same filters as CSV and XLSX, without notes', async () => {
      for (const format of ['csv', 'xlsx'] as const) {
        const response = await t.api.get(`${CALL_LIST}/export`).query({ importId, format }).buffer(true).parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        }).expect(200);
        const table = await readTable(response.body as Buffer, format);
        expect(table.headers).toContain('최근 연락 결과');
        expect(table.rows.map((row) => `${row.cells['사업자등록번호']} ${row.cells['휴가 종류']}`)).toEqual([
          `${firmA.businessNumber} 육아기 근로시간 단축`,
          `${unregistered2} 기타`,
          `${firmA.businessNumber} 출산전후휴가`,
        ]);
        expect((response.body as Buffer).toString('utf8')).not.toContain('면담');
      }
    });
  });

  it('refuses an unknown outcome or channel with the field and the rule, and an unknown leave with 404', async () => {
    const [leave] = await t.dataSource.query(`SELECT id FROM expected_leaves WHERE business_number = $1 LIMIT 1`, [firmA.businessNumber]);
    const response = await t.api.post(`${API}/outreach/expected-leaves/${leave.id}/contacts`).send({ channel: 'fax', outcome: 'maybe' }).expect(400);
    expect(problemOf(response).errors?.map(({ field, code }) => `${field} ${code}`).sort()).toEqual(['channel isIn', 'outcome isIn']);
    const missing = await t.api.post(`${API}/outreach/expected-leaves/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}/contacts`).send({ channel: 'phone', outcome: 'no_answer' }).expect(404);
    expect(problemOf(missing).code).toBe('expected_leave.not_found');
  });

  it('two imports at once of the same leaves in opposite orders both succeed, each leave written once', async () => {
    // Rows locked in opposite orders deadlock unless the import takes its locks in one order; a few rounds make the race likely.
    for (let round = 0; round < 5; round += 1) {
      const businessNumbers = Array.from({ length: 300 }, () => uniqueBusinessNumber());
      const lines = businessNumbers.map((businessNumber) => `${businessNumber},육아휴직,${testDay(30)},${testDay(200)},,`);
      const answers = await Promise.all([upload(csv(lines), 'a.csv'), upload(csv([...lines].reverse()), 'b.csv')]);
      expect(answers.map((answer) => answer.status)).toEqual([201, 201]);
      expect(answers.map((answer) => answer.body.newCount).reduce((sum: number, count: number) => sum + count, 0)).toBe(300);
      expect(await storedLeaves(businessNumbers)).toBe(300);
    }
  });

  it('exports every row once when the list changes between the batches an export reads', async () => {
    const businessNumbers = Array.from({ length: 2_050 }, () => uniqueBusinessNumber());
    const imported = await upload(csv(businessNumbers.map((businessNumber) => `${businessNumber},육아휴직,${testDay(30)},${testDay(200)},,`))).expect(201);
    const entries = t.app.get(CallListService).all({ importId: imported.body.importId });
    const first = await entries.next();
    // A coordinator closes the first leave while the export is on its first batch.
    await t.api.post(`${API}/outreach/expected-leaves/${first.value.expectedLeaveId}/contacts`).send({ channel: 'phone', outcome: 'not_needed' }).expect(201);
    const ids = [first.value.expectedLeaveId];
    for await (const entry of entries) ids.push(entry.expectedLeaveId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(2_050);
  });

  it('refuses a resident number in a column without a header, past the last header', async () => {
    const businessNumber = uniqueBusinessNumber();
    const file = Buffer.from(
      [HEADER, `${businessNumber},육아휴직,${testDay(10)},${testDay(100)},,,900101-1234567`, `${businessNumber},출산휴가,${testDay(10)},${testDay(100)},,,`].join('\n'),
      'utf8',
    );
    for (const dryRun of [true, false]) {
      const response = await upload(file, 'extra.csv', dryRun).expect(400);
      expect(problemOf(response).errors?.map(({ code }) => code)).toContain('pipa.resident_number_forbidden');
      expect(response.text).not.toContain('1234567');
    }
    expect(await storedLeaves([businessNumber])).toBe(0);
  });

  it('never quotes back a resident number from a file whose first row is data, not headers', async () => {
    const businessNumber = uniqueBusinessNumber();
    const file = Buffer.from(`${businessNumber},육아휴직,${testDay(10)},${testDay(100)},900101-1234567\n`, 'utf8');
    const response = await upload(file, 'noheader.csv', true).expect(400);
    expect(problemOf(response).errors?.map(({ code }) => code)).toContain('pipa.resident_number_forbidden');
    expect(response.text).not.toContain('1234567');
  });

  it('exports the latest contact time in Seoul time, as the coordinator saw it', async () => {
    const businessNumber = uniqueBusinessNumber();
    await upload(csv([`${businessNumber},육아휴직,${testDay(10)},${testDay(100)},,`])).expect(201);
    const [leave] = await t.dataSource.query(`SELECT id FROM expected_leaves WHERE business_number = $1`, [businessNumber]);
    const contact = await t.api.post(`${API}/outreach/expected-leaves/${leave.id}/contacts`).send({ channel: 'phone', outcome: 'call_back' }).expect(201);
    const seoul = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Seoul', dateStyle: 'short', timeStyle: 'short' }).format(new Date(contact.body.occurredAt));
    for (const format of ['csv', 'xlsx'] as const) {
      const response = await t.api.get(`${CALL_LIST}/export`).query({ businessNumber, format }).buffer(true).parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      }).expect(200);
      const table = await readTable(response.body as Buffer, format);
      expect(table.rows.map((row) => row.cells['최근 연락 일시'])).toEqual([seoul]);
    }
  });

  it('refuses a file that is not CSV or XLSX, and a request without a file', async () => {
    expect(problemOf(await upload(Buffer.from('x'), 'leaves.pdf').expect(400)).code).toBe('spreadsheet.unsupported_format');
    expect(problemOf(await t.api.post(IMPORT).field('note', 'no file').expect(400)).code).toBe('import.file_missing');
  });
});
