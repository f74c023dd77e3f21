/**
 * Does the API stay responsive while a match run is solving?
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test_runs npx ts-node --transpile-only bench/api-responsiveness.bench.ts
 *   npx ts-node --transpile-only bench/api-responsiveness.bench.ts                 # embedded PGlite
 *   ... bench/api-responsiveness.bench.ts --gaps 1000 --seekers 5000             # one size only
 *
 * Starts the real service (AppModule, on port 0), writes a dataset per size, and requests
 * GET /api/v1/health back to back: first idle, then from the moment a match run is queued
 * until it has finished. Prints p50 / p99 / max latency for both. A control then times the
 * same instance's match() on the event loop itself: what the worker thread keeps off it.
 * Writes rows into the database it is given: use a test database.
 */
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';

interface Size {
  gaps: number;
  seekers: number;
}

const SIZES: Size[] = sizesFromArguments(process.argv.slice(2)) ?? [
  { gaps: 60, seekers: 400 }, // the demo data's size
  { gaps: 1_000, seekers: 5_000 },
];
const IDLE_SAMPLES = 200;

function sizesFromArguments(argv: string[]): Size[] | undefined {
  const value = (flag: string) => {
    const index = argv.indexOf(flag);
    return index >= 0 ? Number(argv[index + 1]) : undefined;
  };
  const gaps = value('--gaps');
  const seekers = value('--seekers');
  return gaps && seekers ? [{ gaps, seekers }] : undefined;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function summary(latencies: number[]): string {
  const sorted = [...latencies].sort((a, b) => a - b);
  const f = (ms: number) => `${ms.toFixed(1)} ms`;
  return `n=${sorted.length}  p50 ${f(percentile(sorted, 50))}  p99 ${f(percentile(sorted, 99))}  max ${f(sorted[sorted.length - 1] ?? NaN)}`;
}

async function timedHealth(base: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${base}/api/v1/health`);
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`health answered ${response.status}`);
  return performance.now() - started;
}

async function main(): Promise<void> {
  // Set before the application's modules are loaded: configuration is read at import.
  process.env.THROTTLE_LIMIT = '100000000';
  process.env.LOG_LEVEL ??= 'warn';
  let embeddedDir: string | undefined;
  if (!process.env.DATABASE_URL) {
    embeddedDir = mkdtempSync(join(tmpdir(), 'chaeum-bench-'));
    process.env.EMBEDDED_DB_DIR = embeddedDir;
    process.env.EMBEDDED_DB_PORT = '0';
  }
  const { NestFactory } = await import('@nestjs/core');
  const { AppModule } = await import('../src/app.module');
  const { APPLICATION_OPTIONS, setUpApplication } = await import('../src/app.setup');
  const { DatabaseConnection } = await import('../src/database/database-connection');
  const { DataSource } = await import('typeorm');
  const { match } = await import('../src/matching/core/match');
  const { bearer } = await import('../test/e2e/support/auth');
  const { insertBulkDataset, retireBulkDataset } = await import('../test/e2e/factories/bulk-matching-data');

  const app = await NestFactory.create<NestExpressApplication>(AppModule, { ...APPLICATION_OPTIONS, logger: ['error', 'warn'] });
  setUpApplication(app);
  await app.listen(0, '127.0.0.1');
  const base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const authorization = bearer({ role: 'coordinator', subject: 'bench' });
  const api = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${base}/api/v1${path}`, {
      method,
      headers: { authorization, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, any> };
  };

  console.log(`database: ${app.get(DatabaseConnection).describe()}`);
  console.log(`node ${process.version}, ${require('node:os').cpus().length} cores`);
  try {
    for (const size of SIZES) {
      const data = await insertBulkDataset(app.get(DataSource), size);
      const idle: number[] = [];
      for (let i = 0; i < IDLE_SAMPLES; i += 1) idle.push(await timedHealth(base));

      const started = performance.now();
      const created = await api('POST', '/match-runs', { complexIds: [data.complexId], timeLimitMs: 30_000 });
      if (created.status !== 202) throw new Error(`POST /match-runs: ${created.status} ${JSON.stringify(created.body)}`);
      const duringRun: number[] = [];
      let run = created.body;
      let lastPoll = 0;
      while (run.status === 'queued' || run.status === 'running') {
        duringRun.push(await timedHealth(base));
        if (performance.now() - lastPoll > 100) {
          run = (await api('GET', `/match-runs/${created.body.id}`)).body;
          lastPoll = performance.now();
        }
      }
      const wallMs = performance.now() - started;
      if (run.status !== 'succeeded') throw new Error(`run failed: ${run.error}`);

      console.log(`\n${size.gaps} gaps x ${size.seekers} seekers`);
      console.log(`  run: ${(wallMs / 1000).toFixed(2)} s from POST to succeeded; engine ${JSON.stringify(run.stats)}`);
      console.log(`  GET /health idle:              ${summary(idle)}`);
      console.log(`  GET /health during the run:    ${summary(duringRun)}`);

      // Control: the same solve on the event loop would hold every request for its whole duration.
      const instance = (await api('GET', `/match-runs/${created.body.id}/instance`)).body;
      const before = performance.now();
      match(instance as never, { timeLimitMs: 30_000 });
      console.log(`  control: match() on the event loop blocks every request for ${((performance.now() - before) / 1000).toFixed(1)} s`);
      await retireBulkDataset(app.get(DataSource), data);
    }
  } finally {
    await app.close();
    if (embeddedDir) rmSync(embeddedDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
