import type { ThrottlerStorage } from '@nestjs/throttler';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/** How often trackers with no live hit and no block are dropped (the library's sweep interval), checked on a request: no timer. */
const SWEEP_INTERVAL_MS = 60_000;

/**
 * One tracker's hit expirations for one throttler, ascending: `times[head ..]` are live. Hits
 * are appended with now + ttl, so they expire from the head; the dead prefix is compacted away
 * once it is the larger half, each hit moved at most once.
 */
class Expirations {
  private times: number[] = [];
  private head = 0;

  get count(): number {
    return this.times.length - this.head;
  }

  get earliest(): number {
    return this.times[this.head];
  }

  /** `at` is kept ≥ the last one: a wall clock set back must not unsort the queue (the hit then expires a little later). */
  push(at: number): void {
    const last = this.times.length > this.head ? this.times[this.times.length - 1] : -Infinity;
    this.times.push(Math.max(at, last));
  }

  /** Drops the hits expired at `now` (those ≤ now), as the library's filter(expiresAt > now) does. */
  prune(now: number): void {
    while (this.head < this.times.length && this.times[this.head] <= now) this.head++;
    if (this.head === this.times.length) this.clear();
    else if (this.head > this.times.length / 2) {
      this.times = this.times.slice(this.head);
      this.head = 0;
    }
  }

  clear(): void {
    this.times = [];
    this.head = 0;
  }
}

interface TrackerRecord {
  expiresAt: number;
  blockExpiresAt: number;
  isBlocked: boolean;
  readonly hits: Map<string, Expirations>;
}

/**
 * @nestjs/throttler's in-memory storage (ThrottlerStorageService of 6.7) with the same answers,
 * but O(1) per request: the library copies a tracker's whole array of hit expirations with
 * `filter` on every request, which at a high THROTTLE_LIMIT (the benchmarks' 1e8; ~12,000 hits a
 * minute from one client) was ~3.5 % of the service's CPU plus the garbage. Its own methods are
 * private, hence a storage of our own rather than a subclass.
 */
export class QueueThrottlerStorage implements ThrottlerStorage {
  private readonly records = new Map<string, TrackerRecord>();
  private sweptAt = Date.now();

  constructor(private readonly sweepIntervalMs = SWEEP_INTERVAL_MS) {}

  /** The library's interface is async; nothing here waits. */
  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    if (Date.now() - this.sweptAt >= this.sweepIntervalMs) {
      this.sweptAt = Date.now();
      this.evictIdle(this.sweptAt);
    }
    let record = this.records.get(key);
    if (!record) {
      record = { expiresAt: Date.now() + ttl, blockExpiresAt: 0, isBlocked: false, hits: new Map() };
      this.records.set(key, record);
    }
    let hits = record.hits.get(throttlerName);
    if (!hits) record.hits.set(throttlerName, (hits = new Expirations()));
    hits.prune(Date.now());
    let timeToExpire = Math.ceil((record.expiresAt - Date.now()) / 1000);
    if (timeToExpire <= 0) {
      record.expiresAt = Date.now() + ttl;
      timeToExpire = Math.ceil((record.expiresAt - Date.now()) / 1000);
    }
    if (blockDuration <= 0) {
      const isBlocked = hits.count >= limit;
      if (!isBlocked) hits.push(Date.now() + ttl);
      const timeToBlockExpire = hits.count > 0 ? Math.ceil((hits.earliest - Date.now()) / 1000) : timeToExpire;
      return { totalHits: hits.count + (isBlocked ? 1 : 0), timeToExpire, isBlocked, timeToBlockExpire: isBlocked ? timeToBlockExpire : 0 };
    }
    if (!record.isBlocked) hits.push(Date.now() + ttl);
    if (hits.count > limit && !record.isBlocked) {
      record.isBlocked = true;
      record.blockExpiresAt = Date.now() + blockDuration;
    }
    const timeToBlockExpire = Math.ceil((record.blockExpiresAt - Date.now()) / 1000);
    if (timeToBlockExpire <= 0 && record.isBlocked) {
      record.isBlocked = false;
      hits.clear();
      hits.push(Date.now() + ttl);
    }
    return { totalHits: hits.count, timeToExpire, isBlocked: record.isBlocked, timeToBlockExpire };
  }

  get trackers(): number {
    return this.records.size;
  }

  /** Drops trackers neither blocked nor with a live window or hit, as the library's sweep does. */
  evictIdle(now: number): void {
    for (const [key, record] of this.records) {
      if (record.isBlocked && record.blockExpiresAt > now) continue;
      if (record.expiresAt > now) continue;
      let live = false;
      for (const hits of record.hits.values()) {
        hits.prune(now);
        if (hits.count > 0) live = true;
      }
      if (!live) this.records.delete(key);
    }
  }
}
