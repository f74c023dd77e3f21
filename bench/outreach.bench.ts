/**
 * How long do the outreach endpoints take at an administrative extract's size?
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test_outreach npm run bench:outreach
 *   ... npm run bench:outreach -- --rows 20000 --firms 2000
 *
 * Starts the real service (AppModule, port 0), registers `--firms` firms (half the file's
 * business numbers), then through HTTP: the dry run and the import of a CSV of `--rows` expected
 * leaves, the re-import of the same file (nothing new), the call list's first page and the export
 * of the whole list as XLSX. Prints wall time and the process's CPU time (service and client share
 * the process) for each. Writes rows into the database it is given: use a test database.
 */
import 'reflect-metadata';
import { randomInt } from 'node:crypto';
import type { NestExpressApplication } from '@nestjs/platform-express';

function argument(flag: string, fallback: number): number {
  const index = process.argv.indexOf(flag);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}

const ROWS = argument('--rows', 20_000);
const FIRMS = argument('--firms', 2_000);
const TYPES = ['출산전후휴가', '육아휴직', '육아기 근로시간 단축', '배우자 출산휴가'];

async function main(): Promise<void> {
  if (!process.env.DATABASE_URL) throw new Error('set DATABASE_URL to a test database');
  process.env.THROTTLE_LIMIT = '100000000';
  process.env.LOG_LEVEL ??= 'warn';
  const { NestFactory } = await import('@nestjs/core');
  const { AppModule } = await import('../src/app.module');
  const { APPLICATION_OPTIONS, setUpApplication } = await import('../src/app.setup');
  const { DataSource } = await import('typeorm');
  const { Clock } = await import('../src/clock/clock');
  const { addDays } = await import('../src/common/calendar-date');
  const { completeBusinessNumber } = await import('../src/firms/business-number');
  const { assertTestDatabase } = await import('../test/e2e/support/test-database');
  const { bearer } = await import('../test/e2e/support/auth');
  assertTestDatabase(process.env.DATABASE_URL);

  const app = await NestFactory.create<NestExpressApplication>(AppModule, { ...APPLICATION_OPTIONS, logger: ['error', 'warn'] });
  setUpApplication(app);
  await app.listen(0, '127.0.0.1');
  const base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const authorization = bearer({ role: 'coordinator', subject: 'bench' });
  const today = app.get(Clock).today();
  const dataSource = app.get(DataSource);

  const businessNumbers = Array.from({ length: FIRMS * 2 }, () => completeBusinessNumber(String(randomInt(100_000_000, 1_000_000_000))));
  const [{ id: complexId }] = await dataSource.query(
    `INSERT INTO industrial_complexes (name, region, centroid_lat, centroid_lng) VALUES ($1, '경기 시흥시', 37.33, 126.73) RETURNING id`,
    [`벤치 산단 ${randomInt(1e9)}`],
  );
  await dataSource.query(
    `INSERT INTO firms (name, business_number, employee_count, priority_support, complex_id, address, site_lat, site_lng)
     SELECT '(주)벤치 ' || n, n, 30, true, $2, '경기 시흥시', 37.33, 126.73 FROM unnest($1::text[]) AS n ON CONFLICT DO NOTHING`,
    [businessNumbers.slice(0, FIRMS), complexId],
  );
  const lines = ['사업자등록번호,휴가 종류,시작 예정일,종료 예정일,사업장명'];
  for (let row = 0; row < ROWS; row += 1) {
    const start = addDays(today, randomInt(-30, 365));
    lines.push(`${businessNumbers[row % businessNumbers.length]},${TYPES[row % TYPES.length]},${start},${addDays(start, randomInt(10, 365))},(주)자료 ${row}`);
  }
  const file = Buffer.from(lines.join('\n'), 'utf8');

  const upload = (path: string) => {
    const form = new FormData();
    form.append('file', new Blob([file], { type: 'text/csv' }), 'bench.csv');
    return fetch(`${base}/api/v1/outreach/expected-leaves/${path}`, { method: 'POST', headers: { authorization }, body: form });
  };
  const get = (path: string) => fetch(`${base}/api/v1/outreach/${path}`, { headers: { authorization } });
  const timed = async (label: string, call: () => Promise<Response>) => {
    const cpu = process.cpuUsage();
    const started = performance.now();
    const response = await call();
    const body = Buffer.from(await response.arrayBuffer());
    const wall = performance.now() - started;
    const used = process.cpuUsage(cpu);
    if (!response.ok) throw new Error(`${label}: ${response.status} ${body.toString().slice(0, 300)}`);
    const summary = response.headers.get('content-type')?.includes('json') ? body.toString().slice(0, 120) : `${body.length} bytes`;
    console.log(`${label.padEnd(28)} wall ${(wall / 1000).toFixed(2)} s  cpu ${((used.user + used.system) / 1e6).toFixed(2)} s  ${summary}`);
    return body;
  };

  console.log(`node ${process.version}, ${require('node:os').cpus().length} cores, load ${require('node:os').loadavg().map((n: number) => n.toFixed(2)).join(' ')}`);
  console.log(`file: ${ROWS} rows, ${(file.length / 1024).toFixed(0)} KB; ${FIRMS} registered firms`);
  try {
    await timed('dry run', () => upload('dry-run'));
    const imported = JSON.parse((await timed('import', () => upload('import'))).toString());
    await timed('re-import (nothing new)', () => upload('import'));
    await timed('call list, first page', () => get(`call-list?pageSize=20&importId=${imported.importId}`));
    await timed('call list, page 50', () => get(`call-list?pageSize=100&page=50&importId=${imported.importId}`));
    await timed('export XLSX (whole list)', () => get(`call-list/export?format=xlsx&importId=${imported.importId}`));
  } finally {
    await app.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
