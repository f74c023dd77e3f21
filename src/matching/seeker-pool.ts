import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DatabaseConnection } from '../database/database-connection';
import { COMMUTE_MODEL, cosineOfLatitude } from './core/commute';
import { prepareSeeker, SeekerProfile } from './core/prepared-instance';
import { buildScreeningColumns, ScreeningBlock, ScreeningColumns } from './core/screen-seekers';
import { CommuteMode, DateRange, Seeker, SkillLevel, Vacancy } from './core/types';
import { OPEN_REFERRAL_STATUSES } from '../referrals/referral-states';
import type { SeekerRow } from './instance-builder';
import { KM_PER_DEGREE_LATITUDE, NEAR_MISS_REACH_FACTOR } from './seeker-reach';

/**
 * One active seeker as the pool keeps it: the numbers of the box test, and the rest as JSON text.
 * As objects (skills, windows, a profile with its runs: some twenty per seeker) the 50,000 seekers
 * of a national pool were most of the main thread's 150 MB live heap, which V8 lets grow to ~3.5×
 * that between full collections; one string each is a fifth of it and nothing for the GC to trace.
 */
export interface PooledSeeker {
  readonly id: string;
  readonly lat: number;
  readonly lng: number;
  /** NEAR_MISS_REACH_FACTOR × reach, computed as seekerReachBoxSql computes it. */
  readonly km: number;
  /** Index of `km` among the pool's distinct reaches (SeekerPool.reachIndex). */
  reach: number;
  /** JSON of PoolDetails: parsed when a cell's screening is built, and for each seeker a ranking keeps. */
  readonly details: string;
}

/** What the pool keeps of a seeker beyond PooledSeeker's numbers: every window, placement and referral, clipped per gap on use. */
interface PoolDetails {
  readonly commuteMode: CommuteMode;
  readonly maxCommuteMinutes: number;
  readonly skills: SkillLevel[];
  readonly certifications: string[];
  readonly weeklyHours: { readonly min: number; readonly max: number };
  readonly minHourlyWage: number | null;
  readonly blockedFirmIds: string[];
  readonly waitingSince: string;
  /** Sorted by start, end; dates inclusive. */
  readonly availability: readonly DateRange[];
  /** Confirmed placements, inclusive ends. */
  readonly placements: readonly DateRange[];
  /** Periods of gaps the seeker has an open referral for. */
  readonly referred: readonly DateRange[];
}

const detailsOf = (seeker: PooledSeeker): PoolDetails => JSON.parse(seeker.details) as PoolDetails;
/** The box's half-height in degrees of latitude, as seekerReachBoxSql computes it. */
const dLatOf = (seeker: PooledSeeker) => seeker.km / KM_PER_DEGREE_LATITUDE;

/** A seeker's row as the instance builder reads it, with every window, placement and referral. */
interface PoolRow extends SeekerRow {
  availability: DateRange[] | null;
  placements: DateRange[] | null;
  referred: DateRange[] | null;
}

/** What the engine reads of each seeker, the same as InstanceBuilder's seeker queries but undipped to any span. */
const POOL_ROWS_SQL = `
  SELECT s.id, s.home_lat, s.home_lng, s.commute_mode, s.max_commute_minutes, s.skills, s.certifications,
    s.weekly_hours_min, s.weekly_hours_max, s.min_hourly_wage, s.blocked_firm_ids, s.waiting_since,
    (SELECT json_agg(json_build_object('start', a.start_date, 'end', a.end_date) ORDER BY a.start_date, a.end_date)
     FROM seeker_availability a WHERE a.seeker_id = s.id) AS availability,
    (SELECT json_agg(json_build_object('start', lower(p.period), 'end', upper(p.period) - 1) ORDER BY lower(p.period))
     FROM placements p WHERE p.seeker_id = s.id AND p.status = 'confirmed') AS placements,
    (SELECT json_agg(json_build_object('start', g.placement_start, 'end', g.placement_end) ORDER BY g.placement_start, g.placement_end)
     FROM referrals r JOIN leave_gaps g ON g.id = r.leave_gap_id
     WHERE r.seeker_id = s.id AND r.status IN (${OPEN_REFERRAL_STATUSES.map((status) => `'${status}'`).join(', ')})) AS referred
  FROM seekers s
  WHERE s.status = 'active' AND s.id = ANY($1::uuid[])`;

/**
 * cos(radians(least(89, max(|minLat|, |maxLat|) + km / 111))) for each reach km, as seekerReachBoxSql
 * computes it: JavaScript's cosine may differ from the database's in the last bit.
 */
const BOX_COSINES_SQL = `
  SELECT coalesce(array_agg(cos(radians(least(89.0, greatest(abs($1::float8), abs($2::float8)) + km / ${KM_PER_DEGREE_LATITUDE}))) ORDER BY n), '{}') AS cosines
  FROM unnest($3::float8[]) WITH ORDINALITY AS reach(km, n)`;

/**
 * Whether the statement it is part of sees a seeker change that the snapshot in parameter
 * `param` (a pool's) did not: false means the pool is exact as of that statement's snapshot.
 * Asked as "the first such change in xid order" rather than EXISTS: a named statement's generic
 * plan cannot know the snapshot's xmin, and for EXISTS it chose a scan of the whole log (7–9 ms
 * of database CPU per live-candidates answer on national data; 1 ms in all now). Ordered by
 * xid, the index is the cheap plan whatever the parameter (seeker-change-check-plan.e2e-spec.ts).
 */
export const changedSinceSql = (param: string) => `((SELECT xid FROM seeker_changes
  WHERE xid >= pg_snapshot_xmin(${param}::pg_snapshot) AND NOT pg_visible_in_snapshot(xid, ${param}::pg_snapshot)
  ORDER BY xid LIMIT 1) IS NOT NULL)`;

/** The snapshot of this statement, and whether it sees a change the previous snapshot did not. */
const UNCHANGED_SQL = `SELECT pg_current_snapshot()::text AS snapshot, ${changedSinceSql('$1')} AS changed`;

/** A run's seekers are serialised from the pool SERIALISE_STEP at a time, yielding to the event loop after SERIALISE_SLICE_MS. */
const SERIALISE_STEP = 250;
const SERIALISE_SLICE_MS = 20;

/** Rows read per query: the event loop parses one chunk at a time. */
const CHUNK = 2_000;
/** Seekers pooled between two turns of the event loop. */
const POOL_SLICE = 1_000;
/** Cells' screenings are built in the background until a slice of the event loop has taken this long. */
const WARM_SLICE_MS = 10;
/** Grid cell edge in degrees of the spatial index. */
const CELL_DEGREES = 0.25;
/** How often the pool marks a snapshot for pruning, and how old a mark must be to prune with it. */
const MARK_EVERY_MS = 5 * 60_000;
const PRUNE_AFTER = '20 minutes';
/** A pool not refreshed for this long rebuilds: the changes it would need may have been pruned. */
const REBUILD_AFTER_MS = 10 * 60_000;
/** Background refresh, so that a request finds little to apply. */
const BACKGROUND_REFRESH_MS = 1_000;

const kmPerMinute = (mode: CommuteMode) => (NEAR_MISS_REACH_FACTOR * COMMUTE_MODEL[mode].speedKmPerHour) / (60 * COMMUTE_MODEL[mode].detour);
const KM_PER_MINUTE: Record<CommuteMode, number> = {
  transit: kmPerMinute('transit'),
  car: kmPerMinute('car'),
  bicycle: kmPerMinute('bicycle'),
  walk: kmPerMinute('walk'),
};

/**
 * The seekers whose home lies in one grid cell, with the box test's numbers and what the
 * screening reads in typed arrays (both rebuilt on first use after a change to the cell).
 */
interface Cell {
  readonly seekers: PooledSeeker[];
  columns: { lat: Float64Array; lng: Float64Array; dLat: Float64Array; reach: Int32Array } | null;
  /** With a copy of `seekers` as they were: a block handed out stays valid when the cell changes. */
  screening: { readonly columns: ScreeningColumns; readonly seekers: readonly PooledSeeker[] } | null;
}

/** The seekers of one cell that lie in a vacancy's neighbourhood, as screenColumns reads them. */
export interface NeighbourhoodBlock extends ScreeningBlock {
  /** The cell's seekers: positions index them. */
  readonly seekers: readonly PooledSeeker[];
}

function screeningOf(cell: Cell): NonNullable<Cell['screening']> {
  if (cell.screening) return cell.screening;
  const seekers = cell.seekers.slice();
  return (cell.screening = {
    columns: buildScreeningColumns(
      seekers.map(screeningProfile),
      seekers.map((seeker) => cosineOfLatitude(seeker.lat)),
    ),
    seekers,
  });
}

/** The engine's profile of the seeker with every window and busy period: what screenColumns reads. */
function screeningProfile(seeker: PooledSeeker): SeekerProfile {
  const details = detailsOf(seeker);
  const busy = [...details.placements, ...details.referred].sort(byStartEnd);
  // Windows and busy days outside a vacancy's span change no rule of it: one profile serves every gap.
  return prepareSeeker(toContractSeeker(seeker, details, details.availability, busy, details.waitingSince), 0);
}

function columnsOf(cell: Cell): NonNullable<Cell['columns']> {
  if (cell.columns) return cell.columns;
  const count = cell.seekers.length;
  const columns = { lat: new Float64Array(count), lng: new Float64Array(count), dLat: new Float64Array(count), reach: new Int32Array(count) };
  cell.seekers.forEach((seeker, i) => {
    columns.lat[i] = seeker.lat;
    columns.lng[i] = seeker.lng;
    columns.dLat[i] = dLatOf(seeker);
    columns.reach[i] = seeker.reach;
  });
  return (cell.columns = columns);
}

const cellOf = (degrees: number) => Math.floor(degrees / CELL_DEGREES);
const cellKey = (latCell: number, lngCell: number) => latCell * 100_000 + lngCell;

function toPooled(row: PoolRow): PooledSeeker {
  const details: PoolDetails = {
    commuteMode: row.commute_mode,
    maxCommuteMinutes: row.max_commute_minutes,
    skills: row.skills.map(({ code, level }) => ({ code, level })),
    certifications: row.certifications,
    weeklyHours: { min: row.weekly_hours_min, max: row.weekly_hours_max },
    minHourlyWage: row.min_hourly_wage,
    blockedFirmIds: row.blocked_firm_ids,
    waitingSince: row.waiting_since,
    availability: row.availability ?? [],
    placements: row.placements ?? [],
    referred: row.referred ?? [],
  };
  return {
    id: row.id,
    lat: row.home_lat,
    lng: row.home_lng,
    km: row.max_commute_minutes * KM_PER_MINUTE[row.commute_mode],
    reach: -1,
    details: JSON.stringify(details),
  };
}

const overlapping = (ranges: readonly DateRange[], start: string, end: string) => ranges.filter((range) => range.end >= start && range.start <= end);
const byStartEnd = (a: DateRange, b: DateRange) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.end < b.end ? -1 : a.end > b.end ? 1 : 0);

/**
 * The active pool of seekers in memory, for live candidates: built once from the database and
 * kept exact by re-reading the seekers whose rows changed (migration SeekerChangeLog). A
 * refresh reads, in one REPEATABLE READ snapshot, every change not visible in the previous
 * refresh's snapshot and those seekers again; a change made by a transaction still open then
 * is therefore read once it commits, however late. Each service instance has its own pool.
 */
@Injectable()
export class SeekerPool implements OnModuleDestroy {
  private readonly logger = new Logger(SeekerPool.name);
  private readonly byId = new Map<string, PooledSeeker>();
  private readonly cells = new Map<number, Cell>();
  /** Every reach (km) ever pooled, by index: a seeker's longitude span is looked up by index. */
  private readonly reaches: number[] = [];
  private readonly reachIndex = new Map<number, number>();
  /** Distinct `km` of pooled seekers with how many hold each; and the largest. */
  private readonly kms = new Map<number, number>();
  private snapshot: string | null = null;
  private refreshedAt = -Infinity;
  private markedAt = -Infinity;
  private running: Promise<void> | null = null;
  private queued: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  private warming: Promise<void> | null = null;
  private warmAgain = false;

  /** The usual refresh's one statement, prepared (it runs on most requests). */
  private readonly unchangedSql: string;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    connection: DatabaseConnection,
  ) {
    this.unchangedSql = connection.statement('seeker_pool_unchanged', UNCHANGED_SQL);
  }

  onModuleDestroy(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  get size(): number {
    return this.byId.size;
  }

  /**
   * Resolves once the pool holds every change committed before the call: joins the refresh
   * that starts next (one already under way may have taken its snapshot too early).
   */
  refresh(): Promise<void> {
    if (!this.running) {
      this.running = this.apply().finally(() => {
        this.running = null;
        this.scheduleBackground();
      });
      return this.running;
    }
    this.queued ??= this.running
      .catch(() => undefined)
      .then(() => {
        this.queued = null;
        return this.refresh();
      });
    return this.queued;
  }

  /**
   * The pool's snapshot, for a statement of a caller's own that tests changedSinceSql against it
   * (see upToDate); null when only a refresh can tell: never built, or idle long enough that the
   * changes since may have been pruned (REBUILD_AFTER_MS).
   */
  currentSnapshot(): string | null {
    return this.mustRebuild() ? null : this.snapshot;
  }

  /**
   * Resolves once the pool holds every change committed before a statement that tested
   * changedSinceSql against `snapshot` (currentSnapshot() when it was sent) and found `changed`.
   * Found nothing: the pool (at that snapshot or, since refreshes only move forward, a later one)
   * already holds every change that statement saw, hence every change committed before the
   * caller sent it, and no refresh is needed. Otherwise, or without a snapshot, a refresh.
   */
  upToDate(snapshot: string | null, changed: boolean): Promise<void> {
    return snapshot !== null && !changed ? Promise.resolve() : this.refresh();
  }

  /**
   * The seekers InstanceBuilder would read for this one vacancy (active, within
   * NEAR_MISS_REACH_FACTOR × their reach: seekerReachBoxSql), cell by cell, with the positions
   * of those `rejected` names. `cosines` maps each of `distinctKms()` to the database's
   * cos(radians(least(89, |lat| + km / 111))), so that the box's edges are the database's to
   * the bit; undefined when one is missing.
   */
  neighbourhood(vacancy: Vacancy, cosines: ReadonlyMap<number, number>, rejected: readonly string[] = []): NeighbourhoodBlock[] | undefined {
    const { lat, lng } = vacancy.location;
    const lngSpans = new Float64Array(this.reaches.length);
    let widestLat = 0;
    let widestLng = 0;
    for (const km of this.kms.keys()) {
      const cosine = cosines.get(km);
      if (cosine === undefined) return undefined;
      const span = km / (KM_PER_DEGREE_LATITUDE * cosine);
      lngSpans[this.reachIndex.get(km)!] = span;
      widestLat = Math.max(widestLat, km / KM_PER_DEGREE_LATITUDE);
      widestLng = Math.max(widestLng, span);
    }
    const blocks: NeighbourhoodBlock[] = [];
    const inBox: number[] = [];
    const rejectedByCell = new Map<Cell, number[]>();
    for (const id of rejected) {
      const seeker = this.byId.get(id);
      const cell = seeker && this.cells.get(cellKey(cellOf(seeker.lat), cellOf(seeker.lng)));
      if (!cell) continue;
      const positions = rejectedByCell.get(cell);
      if (positions) positions.push(cell.seekers.indexOf(seeker));
      else rejectedByCell.set(cell, [cell.seekers.indexOf(seeker)]);
    }
    // One cell of margin: the cells' edges are computed in JavaScript, the test below is exact.
    for (let latCell = cellOf(lat - widestLat) - 1; latCell <= cellOf(lat + widestLat) + 1; latCell++) {
      for (let lngCell = cellOf(lng - widestLng) - 1; lngCell <= cellOf(lng + widestLng) + 1; lngCell++) {
        const cell = this.cells.get(cellKey(latCell, lngCell));
        if (!cell) continue;
        const columns = columnsOf(cell);
        inBox.length = 0;
        for (let i = 0; i < cell.seekers.length; i++) {
          const seekerLat = columns.lat[i];
          const dLat = columns.dLat[i];
          if (!(seekerLat >= lat - dLat && seekerLat <= lat + dLat)) continue;
          const span = lngSpans[columns.reach[i]];
          const seekerLng = columns.lng[i];
          if (seekerLng >= lng - span && seekerLng <= lng + span) inBox.push(i);
        }
        if (inBox.length === 0) continue;
        const screening = screeningOf(cell);
        blocks.push({
          seekers: screening.seekers,
          columns: screening.columns,
          positions: Int32Array.from(inBox),
          blocked: rejectedByCell.get(cell) ?? [],
        });
      }
    }
    return blocks;
  }

  /**
   * The seekers of a run's instance as its JSON array and their ids, from the pool: those
   * seekerDocumentsCopySql selects (active, within NEAR_MISS_REACH_FACTOR × their reach of the
   * vacancies' box, seekerReachBoxSql to the bit: the cosines come from the database), in id
   * order, windows and busy days clipped to `span`. Call it inside readAtSnapshot with its
   * manager: the pool is then exact as of that transaction's snapshot.
   */
  async seekersText(manager: EntityManager, box: readonly [number, number, number, number], span: DateRange, asOf: string): Promise<{ json: string; ids: string[] }> {
    const [minLat, maxLat, minLng, maxLng] = box;
    const kms = this.distinctKms();
    const [{ cosines }]: { cosines: number[] }[] = await manager.query(BOX_COSINES_SQL, [minLat, maxLat, kms]);
    const lngSpans = new Map(kms.map((km, i) => [km, km / (KM_PER_DEGREE_LATITUDE * cosines[i])]));
    const chosen: PooledSeeker[] = [];
    for (const seeker of this.byId.values()) {
      const dLat = dLatOf(seeker);
      if (!(seeker.lat >= minLat - dLat && seeker.lat <= maxLat + dLat)) continue;
      const lngSpan = lngSpans.get(seeker.km)!;
      if (seeker.lng >= minLng - lngSpan && seeker.lng <= maxLng + lngSpan) chosen.push(seeker);
    }
    // The database's uuid order is its bytes' order, which lowercase hex text keeps.
    chosen.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const parts: string[] = [];
    let sliceStarted = performance.now();
    for (let start = 0; start < chosen.length; start += SERIALISE_STEP) {
      // A turn of a loop busy with 50 list connections takes ~100 ms: yield by time, not by count.
      if (performance.now() - sliceStarted > SERIALISE_SLICE_MS) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        sliceStarted = performance.now();
      }
      const slice = chosen.slice(start, start + SERIALISE_STEP).map((seeker) => seekerForSpan(seeker, span, asOf));
      parts.push(JSON.stringify(slice).slice(1, -1));
    }
    return { json: `[${parts.join(',')}]`, ids: chosen.map((seeker) => seeker.id) };
  }

  /** The distinct reach values (km) of pooled seekers: their longitude spans come from the database. */
  distinctKms(): number[] {
    return [...this.kms.keys()];
  }

  private scheduleBackground(): void {
    if (this.stopped || this.timer || this.snapshot === null) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.refresh().catch((error: unknown) => this.logger.warn(`background refresh failed: ${String(error)}`));
    }, BACKGROUND_REFRESH_MS);
    this.timer.unref();
  }

  /**
   * Runs `read` in a REPEATABLE READ transaction whose snapshot the pool is first brought to,
   * no other refresh until `read` has settled: what `read` takes from the pool (seekersText)
   * and what it reads through the manager are of one snapshot, as a match run's instance must be.
   * The snapshot is the transaction's first statement, so it is never older than the pool's.
   */
  async readAtSnapshot<T>(read: (manager: EntityManager) => Promise<T>): Promise<T> {
    while (this.running) await this.running.catch(() => undefined);
    const reading = this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      await this.applyIn(manager, this.mustRebuild(), performance.now());
      return read(manager);
    });
    // Refreshes asked for meanwhile queue behind it (refresh() joins `running`).
    this.running = reading.then(
      () => undefined,
      () => undefined,
    );
    void this.running.finally(() => {
      this.running = null;
      this.scheduleBackground();
    });
    return reading;
  }

  /**
   * Builds the screening of every cell that has none, a slice of the event loop at a time, so
   * that the requests after a refresh seldom build one themselves (a national pool's are
   * 0.5–1 s of CPU, of which parsing the details ~0.12 s). A request still builds the cell it
   * needs at once if it gets there first.
   */
  private warmScreenings(): void {
    if (this.warming) {
      this.warmAgain = true;
      return;
    }
    this.warming = this.warmCells()
      .catch((error: unknown) => this.logger.warn(`warming the pool's screenings failed: ${String(error)}`))
      .finally(() => {
        this.warming = null;
        if (this.warmAgain && !this.stopped) {
          this.warmAgain = false;
          this.warmScreenings();
        }
      });
  }

  private async warmCells(): Promise<void> {
    let sliceStarted = performance.now();
    // A Map's iterator visits cells added meanwhile and skips those deleted.
    for (const cell of this.cells.values()) {
      if (this.stopped) return;
      if (cell.screening) continue;
      if (performance.now() - sliceStarted > WARM_SLICE_MS) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        sliceStarted = performance.now();
        if (cell.screening || this.stopped) continue;
      }
      screeningOf(cell);
    }
  }

  private mustRebuild(): boolean {
    return this.snapshot === null || performance.now() - this.refreshedAt > REBUILD_AFTER_MS;
  }

  private async apply(): Promise<void> {
    const rebuild = this.mustRebuild();
    const started = performance.now();
    if (!rebuild && (await this.unchangedSince(this.snapshot!, started))) return;
    await this.dataSource.transaction('REPEATABLE READ', (manager) => this.applyIn(manager, rebuild, started));
    // After the commit: pruning takes a connection of its own, which on the embedded database's one
    // session would wait for the open transaction forever.
    await this.markNowAndThen();
  }

  /** Brings the pool to the snapshot of `manager`'s transaction, which must not be older than the pool's. */
  private async applyIn(manager: EntityManager, rebuild: boolean, started: number): Promise<void> {
    const [{ snapshot }]: { snapshot: string }[] = await manager.query(`SELECT pg_current_snapshot()::text AS snapshot`);
    const ids: string[] = rebuild
      ? (await manager.query(`SELECT id FROM seekers WHERE status = 'active' ORDER BY id`)).map((row: { id: string }) => row.id)
      : (
          await manager.query(
            `SELECT DISTINCT seeker_id FROM seeker_changes
             WHERE xid >= pg_snapshot_xmin($1::pg_snapshot) AND NOT pg_visible_in_snapshot(xid, $1::pg_snapshot)`,
            [this.snapshot],
          )
        ).map((row: { seeker_id: string }) => row.seeker_id);
    const rows: PoolRow[] = [];
    for (let start = 0; start < ids.length; start += CHUNK) rows.push(...(await readRows(manager, ids.slice(start, start + CHUNK))));
    const pooled = await pooledInSlices(rows);
    // The swap is synchronous: a request never sees a pool half of one snapshot, half of another.
    if (rebuild) {
      this.byId.clear();
      this.cells.clear();
      this.kms.clear();
    } else {
      this.removeAll(ids);
    }
    for (const seeker of pooled) this.add(seeker);
    this.snapshot = snapshot;
    this.refreshedAt = started;
    if (pooled.length > 0 || ids.length > 0) this.warmScreenings();
    if (rebuild) this.logger.log(`built the pool of ${this.byId.size} active seekers in ${Math.round(performance.now() - started)} ms`);
  }

  /**
   * The usual refresh, one round trip instead of a transaction's four: a single statement's
   * pg_current_snapshot() is the snapshot its subquery reads with, so when it finds no change
   * invisible to the previous snapshot the pool is exact as of this one. Otherwise the caller
   * reads the changes in a transaction of their own (a newer snapshot, as exact).
   */
  private async unchangedSince(previous: string, started: number): Promise<boolean> {
    const [{ snapshot, changed }]: { snapshot: string; changed: boolean }[] = await this.dataSource.query(this.unchangedSql, [previous]);
    if (changed) return false;
    this.snapshot = snapshot;
    this.refreshedAt = started;
    await this.markNowAndThen();
    return true;
  }

  private async markNowAndThen(): Promise<void> {
    if (performance.now() - this.markedAt > MARK_EVERY_MS) {
      this.markedAt = performance.now();
      // The pool is already up to date: a failed clean-up must not fail the request that waits for it.
      await this.prune().catch((error: unknown) => this.logger.warn(`pruning seeker changes failed: ${String(error)}`));
    }
  }

  /**
   * Remembers this moment's xmin, and deletes the changes below the xmin of a mark old enough
   * that every pool refreshed since saw them (a pool idle longer rebuilds: REBUILD_AFTER_MS).
   */
  private async prune(): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`INSERT INTO seeker_change_marks (snapshot_xmin) VALUES (pg_snapshot_xmin(pg_current_snapshot()))`);
      const [{ horizon }]: { horizon: string | null }[] = await manager.query(
        `SELECT max(snapshot_xmin)::text AS horizon FROM seeker_change_marks WHERE taken_at < now() - interval '${PRUNE_AFTER}'`,
      );
      if (horizon === null) return;
      await manager.query(`DELETE FROM seeker_changes WHERE xid < $1::xid8`, [horizon]);
      await manager.query(`DELETE FROM seeker_change_marks WHERE snapshot_xmin < $1::xid8`, [horizon]);
    });
  }

  private add(seeker: PooledSeeker): void {
    this.byId.set(seeker.id, seeker);
    let reach = this.reachIndex.get(seeker.km);
    if (reach === undefined) {
      reach = this.reaches.push(seeker.km) - 1;
      this.reachIndex.set(seeker.km, reach);
    }
    seeker.reach = reach;
    const key = cellKey(cellOf(seeker.lat), cellOf(seeker.lng));
    let cell = this.cells.get(key);
    if (!cell) this.cells.set(key, (cell = { seekers: [], columns: null, screening: null }));
    cell.seekers.push(seeker);
    cell.columns = null;
    cell.screening = null;
    this.kms.set(seeker.km, (this.kms.get(seeker.km) ?? 0) + 1);
  }

  /** Each touched cell is filtered once: a national data load changes tens of thousands of seekers at a time. */
  private removeAll(ids: readonly string[]): void {
    const touched = new Set<number>();
    for (const id of ids) {
      const seeker = this.byId.get(id);
      if (!seeker) continue;
      this.byId.delete(id);
      touched.add(cellKey(cellOf(seeker.lat), cellOf(seeker.lng)));
      const holders = this.kms.get(seeker.km)! - 1;
      if (holders === 0) this.kms.delete(seeker.km);
      else this.kms.set(seeker.km, holders);
    }
    for (const key of touched) {
      const cell = this.cells.get(key)!;
      const kept = cell.seekers.filter((seeker) => this.byId.get(seeker.id) === seeker);
      if (kept.length === 0) {
        this.cells.delete(key);
        continue;
      }
      cell.seekers.length = kept.length;
      kept.forEach((seeker, position) => (cell.seekers[position] = seeker));
      cell.columns = null;
      cell.screening = null;
    }
  }
}

/** Seekers pooled a slice at a time, the event loop free in between (50,000 prepared at once stalled it ~300 ms). */
async function pooledInSlices(rows: readonly PoolRow[]): Promise<PooledSeeker[]> {
  const pooled: PooledSeeker[] = [];
  for (let start = 0; start < rows.length; start += POOL_SLICE) {
    if (start > 0) await new Promise<void>((resolve) => setImmediate(resolve));
    for (const row of rows.slice(start, start + POOL_SLICE)) pooled.push(toPooled(row));
  }
  return pooled;
}

function readRows(manager: EntityManager, ids: string[]): Promise<PoolRow[]> {
  return manager.query(POOL_ROWS_SQL, [ids]);
}

/**
 * The seeker as InstanceBuilder builds it for vacancies spanning `span` (one vacancy's period,
 * for live candidates): windows and busy days that touch the span, waitingSince from the last
 * confirmed placement begun by asOf.
 */
export function seekerForSpan(seeker: PooledSeeker, span: DateRange, asOf: string): Seeker {
  const details = detailsOf(seeker);
  const busy = [...overlapping(details.placements, span.start, span.end), ...overlapping(details.referred, span.start, span.end)];
  if (details.referred.length > 0) busy.sort(byStartEnd);
  let lastPlacementEnd: string | undefined;
  for (const placement of details.placements) {
    if (placement.start <= asOf && (lastPlacementEnd === undefined || placement.end > lastPlacementEnd)) lastPlacementEnd = placement.end;
  }
  const waitingSince = lastPlacementEnd !== undefined && lastPlacementEnd > details.waitingSince ? lastPlacementEnd : details.waitingSince;
  return toContractSeeker(seeker, details, overlapping(details.availability, span.start, span.end), busy, waitingSince);
}

function toContractSeeker(seeker: PooledSeeker, details: PoolDetails, availability: readonly DateRange[], busy: readonly DateRange[], waitingSince: string): Seeker {
  const contract: { -readonly [key in keyof Seeker]: Seeker[key] } = {
    id: seeker.id,
    location: { lat: seeker.lat, lng: seeker.lng },
    commuteMode: details.commuteMode,
    maxCommuteMinutes: details.maxCommuteMinutes,
    skills: details.skills,
    certifications: details.certifications,
    availability,
    busy,
    weeklyHours: details.weeklyHours,
    blockedFirmIds: details.blockedFirmIds,
    waitingSince,
  };
  if (details.minHourlyWage !== null) contract.minHourlyWage = details.minHourlyWage;
  return contract;
}
