/**
 * A 10,000-seeker sheet through the import's service code on real PostgreSQL:
 *
 *   createdb -h 127.0.0.1 -U postgres bench_import_test
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_import_test npm run bench:import -- --rows 10000
 *
 * Generates an XLSX of realistic Korean rows (names, unique 010 numbers, 금천구/영등포구
 * addresses the bundled gazetteer locates, catalogue skills by Korean label or code,
 * availability windows, blocked firms as uuids), then times readTable, the dry run (every row
 * checked and written, then rolled back) and the import (committed) with the wall clock and
 * this process's CPU time, and prints them. The application runs in this process with its
 * migrations; the database name must contain "test" (rows are written and kept).
 */
import { randomUUID } from 'node:crypto';
import type { NestExpressApplication } from '@nestjs/platform-express';

const SURNAMES = ['김', '이', '박', '최', '정', '강', '조', '윤', '장', '임', '한', '오', '서', '신', '권'];
const GIVEN = ['민지', '서준', '지우', '하은', '도윤', '서연', '예준', '지민', '수아', '현우', '유나', '준서', '지호', '은서', '시우'];
const PLACES = ['서울 금천구 가산동', '서울 금천구 독산제1동', '서울 금천구 독산제2동', '서울 금천구 시흥제1동', '서울 영등포구 문래동', '서울 영등포구 당산제1동', '서울 영등포구 도림동'];
const SKILLS = ['CNC 밀링 가공', 'welding', '용접', 'cnc-milling'];
const MODES = ['대중교통', '자가용', '도보', '자전거'];

function argument(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}

function seekerRows(count: number, runTag: number): Record<string, string>[] {
  return Array.from({ length: count }, (_, index) => {
    const pick = <T>(list: T[], salt = 0) => list[(index * 7 + salt) % list.length];
    const skill = pick(SKILLS);
    const second = skill.includes('용접') || skill === 'welding' ? 'cnc-milling' : 'welding';
    const min = 15 + (index % 4) * 5;
    return {
      이름: `${pick(SURNAMES)}${pick(GIVEN, 3)}`,
      // Unique per run: 010-RRRR-NNNN with the run's own middle block range.
      휴대전화: `010-${String(runTag + Math.floor(index / 10_000)).padStart(4, '0')}-${String(index % 10_000).padStart(4, '0')}`,
      이메일: index % 3 === 0 ? `seeker${index}.${runTag}@example.kr` : '',
      주소: pick(PLACES, 1),
      '통근 수단': pick(MODES, 2),
      '최대 통근 시간(분)': String(30 + (index % 5) * 15),
      기술: `${skill}:${1 + (index % 5)}, ${second}:${1 + ((index + 2) % 5)}`,
      자격증: index % 4 === 0 ? '지게차운전기능사' : '',
      '희망 주당 최소 시간': String(min),
      '희망 주당 최대 시간': String(min + 20),
      '희망 최저 시급': String(10_320 + (index % 6) * 500),
      '근무 가능 기간': index % 2 === 0 ? '2027-01-04~2027-06-30' : '2027-03-02~2027-12-31, 2028-01-02~2028-02-28',
      '구직 시작일': index % 5 === 0 ? '2026-09-01' : '',
      '제외 사업장 ID': index % 10 === 0 ? randomUUID() : '',
      '개인정보 수집·이용 동의': 'Y',
    };
  });
}

async function timed<T>(work: () => Promise<T>): Promise<{ result: T; wallSeconds: number; cpuSeconds: number }> {
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  const result = await work();
  const wallSeconds = Number(process.hrtime.bigint() - start) / 1e9;
  const used = process.cpuUsage(cpu);
  return { result, wallSeconds, cpuSeconds: (used.user + used.system) / 1e6 };
}

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url || !/test/.test(new URL(url).pathname)) throw new Error('set DATABASE_URL to a PostgreSQL database whose name contains "test"');
  process.env.LOG_LEVEL ??= 'warn';
  const rowCount = argument('rows', 10_000);
  const { NestFactory } = await import('@nestjs/core');
  const { AppModule } = await import('../src/app.module');
  const { APPLICATION_OPTIONS } = await import('../src/app.setup');
  const { DataSource } = await import('typeorm');
  const { ImportService } = await import('../src/spreadsheets/import.service');
  const { SEEKER_COLUMNS } = await import('../src/seekers/seeker-import');
  const { writeTable } = await import('../src/spreadsheets/table-writer');
  const { readTable } = await import('../src/spreadsheets/table-reader');

  const app = await NestFactory.create<NestExpressApplication>(AppModule, { ...APPLICATION_OPTIONS, logger: ['error', 'warn'] });
  await app.init();
  try {
    await app.get(DataSource).runMigrations();
    const imports = app.get(ImportService);
    const principal = { role: 'coordinator' as const, subject: 'bench-import' };
    const rows = seekerRows(rowCount, 1000 + Math.floor(Math.random() * 8000));
    const columns = SEEKER_COLUMNS.map((column) => ({ header: column.header, value: (row: Record<string, string>) => row[column.header] ?? '' }));
    const sheet = await timed(() => writeTable('xlsx', '구직자', columns, rows));
    const read = await timed(() => readTable(sheet.result, 'xlsx'));
    const dryRun = await timed(() => imports.run('seekers', { buffer: sheet.result, format: 'xlsx' }, principal, { dryRun: true, language: 'ko' }));
    const written = await timed(() => imports.run('seekers', { buffer: sheet.result, format: 'xlsx' }, principal, { dryRun: false, language: 'ko' }));
    const load = (await import('node:os')).loadavg().map((value) => value.toFixed(2)).join(' ');
    console.log(`node ${process.version}; load average ${load}; ${rowCount} seekers, XLSX ${(sheet.result.length / 1024).toFixed(0)} KiB`);
    console.table({
      'write XLSX': { wallSeconds: sheet.wallSeconds.toFixed(2), cpuSeconds: sheet.cpuSeconds.toFixed(2), rows: rowCount, errors: '' },
      'read XLSX': { wallSeconds: read.wallSeconds.toFixed(2), cpuSeconds: read.cpuSeconds.toFixed(2), rows: read.result.rows.length, errors: '' },
      'dry run': { wallSeconds: dryRun.wallSeconds.toFixed(2), cpuSeconds: dryRun.cpuSeconds.toFixed(2), rows: dryRun.result.validRowCount, errors: dryRun.result.errorCount },
      import: { wallSeconds: written.wallSeconds.toFixed(2), cpuSeconds: written.cpuSeconds.toFixed(2), rows: written.result.writtenCount, errors: written.result.errorCount },
    });
    if (dryRun.result.errorCount > 0) console.log('first problems:', dryRun.result.errors.slice(0, 5));
  } finally {
    await app.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
