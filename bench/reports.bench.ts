/**
 * The programme report at national size: how long GET /reports/outcomes takes over a year of
 * postings. Writes its own data set into a test database (set-based INSERTs), then times the
 * endpoint as a coordinator would call it, and removes nothing (use a scratch test database).
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test_reports npm run bench:reports [-- --gaps 30000]
 * `--gaps 0` adds nothing and times the report over what an earlier run left.
 */
import type { NestExpressApplication } from '@nestjs/platform-express';

const SAMPLES = 7;

function argument(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
}

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url || !/test/.test(new URL(url).pathname)) throw new Error('DATABASE_URL must name a database whose name contains "test"');
  process.env.THROTTLE_LIMIT = '100000000';
  process.env.LOG_LEVEL ??= 'warn';
  const gapCount = argument('gaps', 30_000);
  const { NestFactory } = await import('@nestjs/core');
  const { AppModule } = await import('../src/app.module');
  const { APPLICATION_OPTIONS, setUpApplication } = await import('../src/app.setup');
  const { DataSource } = await import('typeorm');
  const { bearer } = await import('../test/e2e/support/auth');
  const { insertBulkDataset } = await import('../test/e2e/factories/bulk-matching-data');

  const app = await NestFactory.create<NestExpressApplication>(AppModule, { ...APPLICATION_OPTIONS, logger: ['error', 'warn'] });
  setUpApplication(app);
  await app.listen(0, '127.0.0.1');
  const base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const dataSource = app.get(DataSource);
  try {
    const started = performance.now();
    const placed = Math.floor(gapCount * 0.4);
    const data = gapCount > 0 ? await insertBulkDataset(dataSource, { gaps: gapCount, seekers: placed * 2, firms: Math.ceil(gapCount / 10) }) : undefined;
    if (data) await addReportHistory(dataSource, data, placed);
    // A live database has planner statistics; freshly bulk-loaded tables have none until autovacuum
    // gets to them, and the planner then nests loops over tens of thousands of rows (30 s seen).
    await dataSource.query('ANALYZE');
    if (data) console.log(`data: ${gapCount} gaps posted over 2026, ${placed} placements and referred hires, ${placed} declined referrals, ` +
      `${gapCount - placed} unfilled gaps with diagnostics (written in ${((performance.now() - started) / 1000).toFixed(1)} s)`);
    const authorization = bearer({ role: 'coordinator', subject: 'bench' });
    for (const [name, query] of [
      ['whole country, 12 months, by complex', 'from=2026-01&to=2026-12&groupBy=complex'],
      ['whole country, 12 months, by month', 'from=2026-01&to=2026-12&groupBy=month'],
      ...(data ? [['one complex, 12 months, by leave type', `from=2026-01&to=2026-12&groupBy=leaveType&complexId=${data.complexId}`]] : []),
      ['whole country, one month', 'from=2026-06&to=2026-06'],
    ]) {
      const times: number[] = [];
      let body: { total: { gapsPosted: number } } | undefined;
      for (let i = 0; i < SAMPLES; i += 1) {
        const before = performance.now();
        const response = await fetch(`${base}/api/v1/reports/outcomes?${query}`, { headers: { authorization } });
        if (response.status !== 200) throw new Error(`${response.status}: ${await response.text()}`);
        body = (await response.json()) as typeof body;
        times.push(performance.now() - before);
      }
      times.sort((a, b) => a - b);
      console.log(`${name}: ${body!.total.gapsPosted} gaps, median ${times[SAMPLES >> 1].toFixed(0)} ms, best ${times[0].toFixed(0)} ms, worst ${times.at(-1)!.toFixed(0)} ms (${SAMPLES} requests)`);
    }
    const [{ load }] = [{ load: require('node:os').loadavg() as number[] }];
    console.log(`load average ${load.map((value) => value.toFixed(2)).join(' ')}, node ${process.version}`);
  } finally {
    await app.close();
  }
}

/** Postings spread over 2026, the first `placed` gaps hired through a referral, as many declines, diagnostics for the rest. */
async function addReportHistory(dataSource: import('typeorm').DataSource, data: { gapIds: string[]; seekerIds: string[] }, placed: number): Promise<void> {
  const gapIds = data.gapIds;
  await dataSource.query(
    `UPDATE leave_gaps SET created_at = timestamptz '2026-01-01 09:00+09' + (abs(hashtext(id::text)) % 360) * interval '1 day' WHERE id = ANY($1::uuid[])`,
    [gapIds],
  );
  const [{ id: runId }] = await dataSource.query(
    `INSERT INTO match_runs (status, scope, scope_period, time_limit_ms, as_of, finished_at, stats)
     VALUES ('succeeded', '{}', '[2027-01-01,2027-12-31]', 1000, '2026-12-01', now(), '{}') RETURNING id`,
  );
  const pairs = `SELECT g.id AS gap_id, g.firm_id, g.placement_start, g.placement_end, s.id AS seeker_id, g.n
                 FROM unnest($1::uuid[]) WITH ORDINALITY AS g0(id, n) JOIN leave_gaps g USING (id)
                 JOIN unnest($2::uuid[]) WITH ORDINALITY AS s(id, n) ON s.n = g0.n`;
  const hiredGaps = gapIds.slice(0, placed);
  await dataSource.query(
    `WITH pair AS (${pairs.replace('g.n', 'g0.n AS n')}),
          placement AS (INSERT INTO placements (seeker_id, leave_gap_id, period)
                        SELECT seeker_id, gap_id, daterange(placement_start, placement_end, '[]') FROM pair RETURNING id, seeker_id, leave_gap_id, lower(period) AS start),
          proposal AS (INSERT INTO proposals (match_run_id, leave_gap_id, seeker_id, score, breakdown, commute_minutes, alternatives, status, placement_id, decided_at)
                       SELECT $3, leave_gap_id, seeker_id, 50, '{}', 30, '[]', 'confirmed', id, now() FROM placement RETURNING id, leave_gap_id, seeker_id, placement_id)
     INSERT INTO referrals (proposal_id, leave_gap_id, seeker_id, firm_id, status, placement_id, start_date, offered_at, status_changed_at)
     SELECT proposal.id, proposal.leave_gap_id, proposal.seeker_id, g.firm_id, 'hired', proposal.placement_id, placement.start, now(), now()
     FROM proposal JOIN placement ON placement.id = proposal.placement_id JOIN leave_gaps g ON g.id = proposal.leave_gap_id`,
    [hiredGaps, data.seekerIds.slice(0, placed), runId],
  );
  const [{ id: declineRun }] = await dataSource.query(
    `INSERT INTO match_runs (status, scope, scope_period, time_limit_ms, as_of, finished_at, stats)
     VALUES ('succeeded', '{}', '[2027-01-01,2027-12-31]', 1000, '2026-12-01', now(), '{}') RETURNING id`,
  );
  await dataSource.query(
    `WITH pair AS (${pairs.replace('g.n', 'g0.n AS n')}),
          proposal AS (INSERT INTO proposals (match_run_id, leave_gap_id, seeker_id, score, breakdown, commute_minutes, alternatives, status, decided_at)
                       SELECT $3, gap_id, seeker_id, 50, '{}', 30, '[]', 'rejected', now() FROM pair RETURNING id, leave_gap_id, seeker_id)
     INSERT INTO referrals (proposal_id, leave_gap_id, seeker_id, firm_id, status, reason_code, offered_at, status_changed_at)
     SELECT proposal.id, proposal.leave_gap_id, proposal.seeker_id, g.firm_id, 'seeker_declined', (ARRAY['wage', 'commute', 'hours'])[1 + abs(hashtext(proposal.id::text)) % 3], now(), now()
     FROM proposal JOIN leave_gaps g ON g.id = proposal.leave_gap_id`,
    [hiredGaps, data.seekerIds.slice(placed, placed * 2), declineRun],
  );
  await dataSource.query(
    `INSERT INTO referral_steps (referral_id, status, actor_role, occurred_at)
     SELECT id, status, 'coordinator', now() FROM referrals WHERE leave_gap_id = ANY($1::uuid[])`,
    [hiredGaps],
  );
  await dataSource.query(`UPDATE leave_gaps SET status = 'filled' WHERE id = ANY($1::uuid[])`, [hiredGaps]);
  await dataSource.query(
    `INSERT INTO match_run_unfilled (match_run_id, leave_gap_id, feasible_candidates, excluded_by, near_misses)
     SELECT $1, id, 0, jsonb_build_object('skills', abs(hashtext(id::text)) % 9, 'commute', abs(hashtext(id::text || 'c')) % 9, 'wage', 2), '[]'
     FROM unnest($2::uuid[]) AS id`,
    [runId, gapIds.slice(placed)],
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
