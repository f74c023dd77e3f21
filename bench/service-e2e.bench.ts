/**
 * The service end to end, on real PostgreSQL, against a RUNNING service:
 *
 *   createdb -h 127.0.0.1 -U postgres bench_h8test
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_h8test PORT=3108 THROTTLE_LIMIT=100000000 npm start   # in one shell
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_h8test BENCH_URL=http://127.0.0.1:3108 npm run bench:service -- --size regional
 *
 * Per size (`--size regional|national`, repeatable; default regional; `--no-candidates` skips
 * step 4, for comparing the run and the lists alone): writes the bench
 * generator's instance (bench/instance-generator.ts) into the database with SQL, with uuid
 * ids, the real mix of leave types (maternity, parental, reduced hours, spouse maternity,
 * other) and confirmed placements for the seekers' busy periods; then
 *   1. POST /match-runs for its complexes → succeeded: wall time, optimality;
 *   2. meanwhile 50 connections request GET /leave-gaps?pageSize=20 back to back (latencies);
 *      split by the run's phases (build, solve, write: match_runs.built_at, solved_at); before the
 *      run, as many lists warm the service and as many more are timed alone, the reference;
 *   3. the service's own event-loop delay and peak RSS over the run (GET /runtime-metrics);
 *   4. live candidates of random gaps from 50 concurrent callers (latencies, status codes), after
 *      one request alone (its time is shown: what the service does once per dataset); with
 *      BENCH_SERVICE_PID, CPU per request of the service and of this database's backends.
 * `--only-candidates` skips 1–3.
 * `--keep` leaves the dataset in place and prints its tag; `--reuse <tag>` then measures that
 * dataset again instead of loading one (national takes minutes to load).
 * Prints a table. The dataset is retired afterwards (gaps cancelled, seekers inactive). The
 * database name must contain "test" or "bench": this writes rows.
 *
 * A service on its embedded database (DATABASE_URL unset) serves that database at
 * 127.0.0.1:EMBEDDED_DB_PORT; `--embedded-port <EMBEDDED_DB_PORT>` loads the data there instead
 * of DATABASE_URL. Its database is always called "postgres", so the flag is the consent to
 * write: start that service on a throwaway EMBEDDED_DB_DIR.
 *
 * `--list-connections <n>` (default 50) list callers during the run; 0 times the run alone.
 * `--candidate-requests <n>` (default 500) live-candidate requests after it.
 * `--service-pid <pid>` adds the service process's CPU seconds (Linux /proc) per phase: on the
 * embedded database they include the database's work, on PostgreSQL they do not.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Client } from 'pg';
import { BENCH_SIZES, generateInstance } from './instance-generator';
import { completeBusinessNumber } from '../src/firms/business-number';
import { addDays } from '../src/common/calendar-date';
import type { Instance } from '../src/matching/core/types';
import { embeddedDatabaseUrl } from '../src/database/embedded-database';
import { bearer } from '../test/e2e/support/auth';

const CONNECTIONS = 50;
const CANDIDATE_REQUESTS = 500;
const BATCH = 5_000;
/** How often the client asks for the run's status: the run wall is the client seeing `succeeded`, so this is part of it. */
const RUN_POLL_MS = 25;

interface Latencies {
  ms: number[];
  /** When each request was sent (epoch ms), in the order of ms. */
  sentAt: number[];
  statuses: Map<number, number>;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function describe(latencies: Latencies): { n: number; p50: string; p99: string; max: string; codes: string } {
  const sorted = [...latencies.ms].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50).toFixed(0),
    p99: percentile(sorted, 99).toFixed(0),
    max: (sorted[sorted.length - 1] ?? NaN).toFixed(0),
    codes: [...latencies.statuses.entries()].map(([code, count]) => `${code}×${count}`).join(' '),
  };
}

class Api {
  private readonly authorization = bearer({ role: 'coordinator', subject: 'bench-service-e2e' });

  constructor(private readonly base: string) {}

  async request(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
    const response = await fetch(`${this.base}/api/v1${path}`, {
      method,
      headers: { authorization: this.authorization, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text.startsWith('{') || text.startsWith('[') ? JSON.parse(text) : text };
  }

  async timed(path: string, into: Latencies): Promise<void> {
    const started = performance.now();
    into.sentAt.push(performance.timeOrigin + started);
    let status: number;
    try {
      status = (await this.request('GET', path)).status;
    } catch {
      status = 0; // connection refused or reset
    }
    into.ms.push(performance.now() - started);
    into.statuses.set(status, (into.statuses.get(status) ?? 0) + 1);
  }
}

const LEAVE_TYPE_OF_ID_HASH = ['maternity', 'parental', 'parental', 'reduced_hours', 'spouse_maternity', 'other'] as const;

interface Loaded {
  complexIds: string[];
  gapIds: string[];
  seekerIds: string[];
}

/**
 * The generator's instance as rows: every id a uuid, dates moved so that its asOf is today.
 * Leave types follow the generator's mix, told apart by the gap's hours and length.
 */
async function load(db: Client, instance: Instance, shiftDays: number, tag: string): Promise<Loaded> {
  const shift = (day: string) => addDays(day, shiftDays);
  const firmUuid = new Map<string, string>();
  const complexes = new Map<string, { id: string; lat: number; lng: number }>();
  for (const vacancy of instance.vacancies) {
    if (firmUuid.has(vacancy.firmId)) continue;
    firmUuid.set(vacancy.firmId, randomUUID());
  }
  // One complex per ~0.5° cell of firm sites: scopes the run to this dataset only.
  const cellOf = (lat: number, lng: number) => `${Math.round(lat * 2)}:${Math.round(lng * 2)}`;
  const firmRows = [...new Map(instance.vacancies.map((v) => [v.firmId, v])).values()].map((vacancy) => {
    const cell = cellOf(vacancy.location.lat, vacancy.location.lng);
    if (!complexes.has(cell)) complexes.set(cell, { id: randomUUID(), lat: vacancy.location.lat, lng: vacancy.location.lng });
    return {
      id: firmUuid.get(vacancy.firmId)!,
      complex_id: complexes.get(cell)!.id,
      business_number: completeBusinessNumber(String(100_000_000 + Math.floor(Math.random() * 899_999_999))),
      lat: vacancy.location.lat,
      lng: vacancy.location.lng,
    };
  });
  await insert(
    db,
    [...complexes.values()].map((c, index) => ({ ...c, name: `bench ${tag} ${index}` })),
    `INSERT INTO industrial_complexes (id, name, region, centroid_lat, centroid_lng)
     SELECT id, name, 'bench', lat, lng FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, name text, lat float8, lng float8)`,
  );
  await insert(
    db,
    firmRows,
    `INSERT INTO firms (id, name, business_number, employee_count, complex_id, address, site_lat, site_lng)
     SELECT id, 'bench firm ' || left(id::text, 8), business_number, 30, complex_id, 'bench address', lat, lng
     FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, complex_id uuid, business_number text, lat float8, lng float8)`,
  );
  const gapRows = instance.vacancies.map((vacancy) => {
    const days = (Date.parse(vacancy.end) - Date.parse(vacancy.start)) / 86_400_000 + 1;
    const reduced = vacancy.weeklyHours < 35;
    const type = reduced ? 'reduced_hours' : days <= 25 ? 'spouse_maternity' : days >= 85 && days <= 110 ? 'maternity' : days < 85 ? 'other' : 'parental';
    const handover = type === 'spouse_maternity' ? 0 : 7;
    const reducedWeekly = reduced ? Math.max(15, 40 - vacancy.weeklyHours) : null;
    return {
      id: randomUUID(),
      firm_id: firmUuid.get(vacancy.firmId)!,
      leave_type: type,
      placement_start: shift(vacancy.start),
      leave_start: addDays(shift(vacancy.start), handover),
      leave_end: shift(vacancy.end),
      handover,
      required_skills: vacancy.requiredSkills,
      preferred_skills: vacancy.preferredSkills,
      certs: vacancy.requiredCertifications,
      weekly_hours: reduced ? vacancy.weeklyHours + reducedWeekly! : vacancy.weeklyHours,
      reduced_weekly_hours: reducedWeekly,
      vacancy_weekly_hours: vacancy.weeklyHours,
      wage: vacancy.hourlyWage,
      lat: vacancy.location.lat,
      lng: vacancy.location.lng,
      max_commute: vacancy.maxCommuteMinutes ?? null,
    };
  });
  // Spouse-maternity gaps shorter than the handover would break the period check: they have none.
  await insert(
    db,
    gapRows,
    `INSERT INTO leave_gaps (id, firm_id, leave_type, leave_start, leave_end, handover_days, role_title, required_skills, preferred_skills,
                             required_certifications, weekly_hours, reduced_weekly_hours, hourly_wage, site_lat, site_lng, max_commute_minutes,
                             placement_start, placement_end, vacancy_weekly_hours)
     SELECT id, firm_id, leave_type, leave_start, leave_end, handover, 'bench role', required_skills, preferred_skills,
            ARRAY(SELECT jsonb_array_elements_text(certs)), weekly_hours, reduced_weekly_hours, wage, lat, lng, max_commute,
            placement_start, leave_end, vacancy_weekly_hours
     FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, firm_id uuid, leave_type text, leave_start date, leave_end date, handover int,
       required_skills jsonb, preferred_skills jsonb, certs jsonb, weekly_hours int, reduced_weekly_hours int, wage int, lat float8,
       lng float8, max_commute int, placement_start date, vacancy_weekly_hours int)`,
  );
  const seekerUuid = new Map(instance.seekers.map((seeker) => [seeker.id, randomUUID()]));
  await insert(
    db,
    instance.seekers.map((seeker, index) => ({
      id: seekerUuid.get(seeker.id)!,
      name: `벤치 ${index}`,
      lat: seeker.location.lat,
      lng: seeker.location.lng,
      mode: seeker.commuteMode,
      max_commute: seeker.maxCommuteMinutes,
      skills: seeker.skills,
      certs: seeker.certifications,
      hours_min: seeker.weeklyHours.min,
      hours_max: seeker.weeklyHours.max,
      wage: seeker.minHourlyWage ?? null,
      blocked: seeker.blockedFirmIds?.map((id) => firmUuid.get(id)) ?? [],
      waiting_since: shift(seeker.waitingSince ?? instance.asOf!),
    })),
    `INSERT INTO seekers (id, display_name, phone, home_lat, home_lng, commute_mode, max_commute_minutes, skills, certifications,
                          weekly_hours_min, weekly_hours_max, min_hourly_wage, blocked_firm_ids, consent_at, waiting_since)
     SELECT id, name, '010-0000-0000', lat, lng, mode, max_commute, skills, ARRAY(SELECT jsonb_array_elements_text(certs)),
            hours_min, hours_max, wage, ARRAY(SELECT jsonb_array_elements_text(blocked))::uuid[], now(), waiting_since
     FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, name text, lat float8, lng float8, mode text, max_commute int, skills jsonb,
       certs jsonb, hours_min int, hours_max int, wage int, blocked jsonb, waiting_since date)`,
  );
  await insert(
    db,
    instance.seekers.flatMap((seeker) =>
      seeker.availability.map((window) => ({ seeker_id: seekerUuid.get(seeker.id)!, start: shift(window.start), end: shift(window.end) })),
    ),
    `INSERT INTO seeker_availability (seeker_id, start_date, end_date)
     SELECT seeker_id, start, "end" FROM jsonb_to_recordset($1::jsonb) AS r(seeker_id uuid, start date, "end" date)`,
  );
  // Busy periods are confirmed placements, each on a filled gap of the first firm.
  const anyFirm = firmRows[0];
  await insert(
    db,
    instance.seekers.flatMap((seeker) =>
      seeker.busy.map((busy) => ({ gap_id: randomUUID(), seeker_id: seekerUuid.get(seeker.id)!, start: shift(busy.start), end: shift(busy.end) })),
    ),
    `WITH rows AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(gap_id uuid, seeker_id uuid, start date, "end" date)),
          gaps AS (
            INSERT INTO leave_gaps (id, firm_id, leave_type, leave_start, leave_end, role_title, weekly_hours, hourly_wage, site_lat, site_lng,
                                    placement_start, placement_end, vacancy_weekly_hours, status)
            SELECT gap_id, '${anyFirm.id}', 'other', start, "end", 'bench busy', 40, 11000, ${anyFirm.lat}, ${anyFirm.lng}, start, "end", 40, 'filled'
            FROM rows RETURNING id)
     INSERT INTO placements (seeker_id, leave_gap_id, period) SELECT seeker_id, gap_id, daterange(start, "end", '[]') FROM rows`,
  );
  await db.query('ANALYZE');
  return { complexIds: [...complexes.values()].map((c) => c.id), gapIds: gapRows.map((g) => g.id), seekerIds: [...seekerUuid.values()] };
}

async function insert(db: Client, rows: object[], sql: string): Promise<void> {
  for (let start = 0; start < rows.length; start += BATCH) await db.query(sql, [JSON.stringify(rows.slice(start, start + BATCH))]);
}

/** A dataset an earlier `--keep` run left: its complexes are named `bench <tag> <n>`. */
async function loaded(db: Client, tag: string): Promise<Loaded> {
  const complexes = await db.query(`SELECT id FROM industrial_complexes WHERE name LIKE $1`, [`bench ${tag} %`]);
  const complexIds = complexes.rows.map((row: { id: string }) => row.id);
  if (complexIds.length === 0) throw new Error(`no dataset tagged ${tag}`);
  const gaps = await db.query(
    `SELECT g.id FROM leave_gaps g JOIN firms f ON f.id = g.firm_id WHERE f.complex_id = ANY($1::uuid[]) AND g.status = 'open'`,
    [complexIds],
  );
  return { complexIds, gapIds: gaps.rows.map((row: { id: string }) => row.id), seekerIds: [] };
}

async function retire(db: Client, data: Loaded): Promise<void> {
  await db.query(`UPDATE leave_gaps SET status = 'cancelled' WHERE id = ANY($1::uuid[]) AND status = 'open'`, [data.gapIds]);
  await db.query(`UPDATE seekers SET status = 'inactive' WHERE id = ANY($1::uuid[])`, [data.seekerIds]);
}

/** `connections` loops requesting `path()` until `until()` is true (checked between requests). */
async function load50(api: Api, path: () => string, until: () => boolean, connections = CONNECTIONS): Promise<Latencies> {
  const latencies: Latencies = { ms: [], sentAt: [], statuses: new Map() };
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (!until()) await api.timed(path(), latencies);
    }),
  );
  return latencies;
}

const CLOCK_TICKS_PER_SECOND = 100;

/** utime + stime of a process in seconds (Linux /proc), undefined where unreadable. */
function processCpuSeconds(pid: number): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

/**
 * CPU seconds so far of the service (BENCH_SERVICE_PID) and of each database backend serving
 * this database (other than the bench's own), when the bench runs on their machine.
 */
async function cpuSeconds(db: Client, servicePid: number): Promise<{ service?: number; backends: Map<number, number> }> {
  const { rows } = await db.query(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`);
  const backends = new Map<number, number>();
  for (const { pid } of rows as { pid: number }[]) {
    const cpu = processCpuSeconds(pid);
    if (cpu !== undefined) backends.set(pid, cpu);
  }
  return { service: servicePid > 0 ? processCpuSeconds(servicePid) : undefined, backends };
}

/** Service and database CPU ms per request between two readings (a backend born in between counts from zero). */
function cpuPerRequest(before: Awaited<ReturnType<typeof cpuSeconds>>, after: Awaited<ReturnType<typeof cpuSeconds>>, requests: number): string {
  const service = before.service === undefined || after.service === undefined ? 'n/a' : (((after.service - before.service) * 1000) / requests).toFixed(1);
  let database = 0;
  for (const [pid, cpu] of after.backends) database += cpu - (before.backends.get(pid) ?? 0);
  return `${service} + ${after.backends.size > 0 ? ((database * 1000) / requests).toFixed(1) : 'n/a'}`;
}

const WARM_UP_LISTS = 500;

/** Warms the list path (discarded), then times as many lists again: the reference for lists during the run. */
async function listsWithoutRun(api: Api, connections: number): Promise<ReturnType<typeof describe>> {
  let sent = 0;
  await load50(api, () => (sent++, '/leave-gaps?pageSize=20'), () => sent >= WARM_UP_LISTS, connections);
  sent = 0;
  return describe(await load50(api, () => (sent++, '/leave-gaps?pageSize=20'), () => sent >= WARM_UP_LISTS, connections));
}

/** The run's phases as the service recorded them (epoch ms): started, built, solved, finished. */
async function runPhases(db: Client, runId: string): Promise<number[]> {
  const [row] = (
    await db.query(
      `SELECT extract(epoch FROM started_at) * 1000 AS started, extract(epoch FROM built_at) * 1000 AS built,
              extract(epoch FROM solved_at) * 1000 AS solved, extract(epoch FROM finished_at) * 1000 AS finished
         FROM match_runs WHERE id = $1`,
      [runId],
    )
  ).rows;
  return [row.started, row.built, row.solved, row.finished].map(Number);
}

/** p50/p99 ms (n) of the requests sent during each phase of the run: build | solve | write. */
function byPhase(latencies: Latencies, [started, built, solved, finished]: number[]): string {
  const phases = [
    [started, built],
    [built, solved],
    [solved, finished],
  ];
  return phases
    .map(([from, to]) => {
      const ms = latencies.ms.filter((_, i) => latencies.sentAt[i] >= from && latencies.sentAt[i] < to);
      const phase = describe({ ms, sentAt: [], statuses: new Map() });
      return `${phase.p50}/${phase.p99} (${phase.n})`;
    })
    .join(' | ');
}

function optionValues(argv: string[], name: string): string[] {
  return argv.flatMap((arg, i) => (argv[i - 1] === name ? [arg] : []));
}

/** Live candidates of random gaps: one request alone first, then CANDIDATE_REQUESTS from 50 callers. */
async function liveCandidates(api: Api, db: Client, servicePid: number, gapIds: string[], requests: number, peakRssMb: number): Promise<Record<string, unknown>> {
  let served = 0;
  const pick = () => gapIds[Math.floor(Math.random() * gapIds.length)];
  // One request first, alone: it waits for whatever the service does once per dataset (e.g. absorbing the load).
  const warmStarted = performance.now();
  const warm = await api.request('GET', `/leave-gaps/${pick()}/candidates?limit=20`);
  const warmMs = performance.now() - warmStarted;
  const cpuBefore = await cpuSeconds(db, servicePid);
  const candidatesStarted = performance.now();
  const candidates = await load50(api, () => (served++, `/leave-gaps/${pick()}/candidates?limit=20`), () => served >= requests);
  const candidatesS = (performance.now() - candidatesStarted) / 1000;
  const cpuAfter = await cpuSeconds(db, servicePid);
  const after = (await api.request('GET', '/runtime-metrics')).body;
  const live = describe(candidates);
  return {
    'loop max/p99 ms (candidates)': `${after.eventLoopDelayMs.max}/${after.eventLoopDelayMs.p99}`,
    'first candidates ms': `${warmMs.toFixed(0)} (${warm.status})`,
    'candidates p50/p99 ms': `${live.p50}/${live.p99} (${live.codes})`,
    'candidates/s': (live.n / candidatesS).toFixed(0),
    'CPU ms/request service + db': cpuPerRequest(cpuBefore, cpuAfter, live.n),
    'peak RSS MB': Math.round(Math.max(peakRssMb, after.peakRssBytes / 2 ** 20)),
  };
}

/** The generator's instance of one size, its dates moved so that its asOf is today, written as rows. */
async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const [embeddedPort] = optionValues(argv, '--embedded-port').map(Number);
  // 0: the run alone, without list requests beside it.
  const [listConnections = CONNECTIONS] = optionValues(argv, '--list-connections').map(Number);
  const [candidateRequests = argv.includes('--no-candidates') ? 0 : CANDIDATE_REQUESTS] = optionValues(argv, '--candidate-requests').map(Number);
  const url = embeddedPort === undefined ? process.env.DATABASE_URL : embeddedDatabaseUrl(embeddedPort);
  if (embeddedPort === undefined && (!url || !/test|bench/.test(new URL(url).pathname))) {
    throw new Error('DATABASE_URL must name a database whose name contains "test" or "bench" (or give --embedded-port)');
  }
  const api = new Api(process.env.BENCH_URL ?? 'http://127.0.0.1:3108');
  const names = optionValues(argv, '--size');
  const onlyCandidates = argv.includes('--only-candidates');
  const keep = argv.includes('--keep');
  const [reuseTag] = optionValues(argv, '--reuse');
  const [servicePid = Number(process.env.BENCH_SERVICE_PID)] = optionValues(argv, '--service-pid').map(Number);
  // A reused dataset's tag starts with the size it was generated at (see `tag` below).
  const wanted = reuseTag !== undefined ? BENCH_SIZES.filter((size) => reuseTag.startsWith(`${size.name}-`)).map((size) => size.name) : names;
  const sizes = BENCH_SIZES.filter((size) => (wanted.length > 0 ? wanted : ['regional']).includes(size.name));
  const db = new Client({ connectionString: url });
  await db.connect();
  const rows: Record<string, unknown>[] = [];
  try {
    for (const size of sizes) {
      const tag = reuseTag ?? `${size.name}-${randomUUID().slice(0, 8)}`;
      const loadStarted = performance.now();
      let data: Loaded;
      if (reuseTag !== undefined) {
        data = await loaded(db, reuseTag);
      } else {
        const instance = generateInstance(size.options);
        const today = new Date().toISOString().slice(0, 10);
        const shiftDays = Math.round((Date.parse(today) - Date.parse(instance.asOf!)) / 86_400_000);
        data = await load(db, instance, shiftDays, tag);
      }
      const loadS = ((performance.now() - loadStarted) / 1000).toFixed(1);
      console.log(`${size.name} ${tag}: ${reuseTag === undefined ? 'loaded' : 'reused'} ${data.gapIds.length} gaps, ${data.seekerIds.length} seekers in ${loadS} s`);
      try {
        // A freshly started service answers its first few hundred lists 2-3x slower (p99 0.9-1.1 s vs
        // 0.35 s at load 10): unwarmed, they all fell in the run's build phase and read as its tail.
        const listsAlone = onlyCandidates || listConnections === 0 ? undefined : await listsWithoutRun(api, listConnections);
        await api.request('POST', '/runtime-metrics/reset');
        // A reused dataset's seekers are not listed (nothing tags them), so their count is not known.
        const seekers = reuseTag === undefined ? String(data.seekerIds.length) : '?';
        let row: Record<string, unknown> = { size: `${size.name} ${data.gapIds.length}×${seekers}` };
        if (listsAlone) row['lists p50/p99 ms without a run (warmed)'] = `${listsAlone.p50}/${listsAlone.p99} (n=${listsAlone.n})`;
        if (!onlyCandidates) {
          const cpuBeforeRun = await cpuSeconds(db, servicePid);
          const started = performance.now();
          const created = await api.request('POST', '/match-runs', { complexIds: data.complexIds });
          if (created.status !== 202) throw new Error(`POST /match-runs: ${created.status} ${JSON.stringify(created.body)}`);
          let run = created.body;
          let finished = false;
          const poll = (async () => {
            while (run.status === 'queued' || run.status === 'running') {
              // Every 25 ms (was 200: up to 0.2 s, on average 0.1 s, of the wall was this client waiting to look again).
              await new Promise((resolve) => setTimeout(resolve, RUN_POLL_MS));
              run = (await api.request('GET', `/match-runs/${created.body.id}`)).body;
            }
            finished = true;
          })();
          const duringRun = await load50(api, () => '/leave-gaps?pageSize=20', () => finished, listConnections);
          await poll;
          const wallS = (performance.now() - started) / 1000;
          const cpuAfterRun = await cpuSeconds(db, servicePid);
          // Ends the run's window (returned) and starts the candidates' one.
          const runtime = (await api.request('POST', '/runtime-metrics/reset')).body;
          if (run.status !== 'succeeded') throw new Error(`run ${run.id} ${run.status}: ${run.error}`);
          // The service's own record of the run, free of this client's polling and of the list load's queue.
          const [recorded] = (
            await db.query(`SELECT extract(epoch FROM finished_at - queued_at)::float8 AS seconds FROM match_runs WHERE id = $1`, [run.id])
          ).rows;
          const lists = describe(duringRun);
          const phases = await runPhases(db, run.id);
          row = {
            ...row,
            'load s': loadS,
            'run wall s': wallS.toFixed(1),
            'run s (queued → finished)': Number(recorded.seconds).toFixed(2),
            'solve s': ((run.stats?.solveMs ?? NaN) / 1000).toFixed(1),
            filled: run.stats?.filled,
            optimal: run.stats?.optimal,
            gap: run.stats?.gap,
            'loop max ms': runtime.eventLoopDelayMs.max,
            'loop p99 ms': runtime.eventLoopDelayMs.p99,
            'CPU s (run) service + db': cpuPerRequest(cpuBeforeRun, cpuAfterRun, 1000),
            'lists p50/p99 ms': `${lists.p50}/${lists.p99} (n=${lists.n}; ${lists.codes})`,
            'lists p50/p99 (n) build | solve | write': listConnections > 0 ? byPhase(duringRun, phases) : '—',
            'build / solve / write s': [phases[1] - phases[0], phases[2] - phases[1], phases[3] - phases[2]].map((ms) => (ms / 1000).toFixed(1)).join(' / '),
            'peak RSS MB': Math.round(runtime.peakRssBytes / 2 ** 20),
          };
        }

        if (candidateRequests > 0) {
          row = { ...row, ...(await liveCandidates(api, db, servicePid, data.gapIds, candidateRequests, Number(row['peak RSS MB'] ?? 0))) };
        }
        rows.push(row);
        console.table(rows.slice(-1));
      } finally {
        if (keep || reuseTag !== undefined) console.log(`kept dataset ${tag}: --reuse ${tag}`);
        else await retire(db, data);
      }
    }
  } finally {
    await db.end();
  }
  const database = embeddedPort === undefined ? 'PostgreSQL' : `the embedded database at 127.0.0.1:${embeddedPort}`;
  console.log(
    `\nservice ${process.env.BENCH_URL ?? 'http://127.0.0.1:3108'} on ${database}, ${listConnections} list connections during the run, ` +
      `${CONNECTIONS} candidate callers, node ${process.version}`,
  );
  console.table(rows);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
