import type { OnApplicationShutdown } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';

/** What `ThrottlerStorage.increment` answers (the package does not export the record's type by name). */
type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/**
 * One tracker's hits under one throttler, oldest first: the expiry times live in `expiries`
 * from `head` on. A hit expires `ttl` after it, and a key's ttl is the same for every hit, so
 * the expiry times are appended in order and the expired ones are always at the head.
 */
interface Hits {
  expiries: number[];
  head: number;
}

interface KeyRecord {
  hits: Map<string, Hits>;
  expiresAt: number;
  blockExpiresAt: number;
  isBlocked: boolean;
}

/** Idle trackers are forgotten this often, as the package's storage does. */
const SWEEP_INTERVAL_MS = 60_000;

/**
 * The throttler's in-memory storage with the package's semantics (`ThrottlerStorageService`,
 * @nestjs/throttler 6: a sliding window of each hit's expiry, a block for `blockDuration` once
 * over the limit), but with the expired hits dropped from the head of the window instead of the
 * whole window being copied by `filter` on every request: the package's cost per request grows
 * with the requests a tracker made within the ttl (at a high THROTTLE_LIMIT, tens of thousands),
 * this one's does not. `throttler-storage.spec.ts` replays random request sequences through
 * both and compares every answer.
 */
export class SlidingWindowThrottlerStorage implements ThrottlerStorage, OnApplicationShutdown {
  private readonly records = new Map<string, KeyRecord>();
  private sweep?: NodeJS.Timeout;

  increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    return Promise.resolve(this.incrementNow(key, ttl, limit, blockDuration, throttlerName));
  }

  private incrementNow(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): ThrottlerStorageRecord {
    this.sweep ??= setInterval(() => this.evictIdle(Date.now()), SWEEP_INTERVAL_MS).unref();
    let record = this.records.get(key);
    if (record === undefined) {
      record = { hits: new Map(), expiresAt: Date.now() + ttl, blockExpiresAt: 0, isBlocked: false };
      this.records.set(key, record);
    }
    const hits = hitsOf(record, throttlerName);
    prune(hits, Date.now());
    let timeToExpire = secondsUntil(record.expiresAt);
    if (timeToExpire <= 0) {
      record.expiresAt = Date.now() + ttl;
      timeToExpire = secondsUntil(record.expiresAt);
    }
    if (blockDuration <= 0) {
      const isBlocked = count(hits) >= limit;
      if (!isBlocked) hits.expiries.push(Date.now() + ttl);
      const timeToBlockExpire = count(hits) > 0 ? secondsUntil(oldest(hits)) : timeToExpire;
      return { totalHits: count(hits) + (isBlocked ? 1 : 0), timeToExpire, isBlocked, timeToBlockExpire: isBlocked ? timeToBlockExpire : 0 };
    }
    if (!record.isBlocked) hits.expiries.push(Date.now() + ttl);
    if (count(hits) > limit && !record.isBlocked) {
      record.isBlocked = true;
      record.blockExpiresAt = Date.now() + blockDuration;
    }
    const timeToBlockExpire = secondsUntil(record.blockExpiresAt);
    if (timeToBlockExpire <= 0 && record.isBlocked) {
      record.isBlocked = false;
      hits.expiries = [Date.now() + ttl];
      hits.head = 0;
    }
    return { totalHits: count(hits), timeToExpire, isBlocked: record.isBlocked, timeToBlockExpire };
  }

  /** Trackers neither blocked, nor within their window, nor with a live hit are forgotten. */
  evictIdle(now: number): void {
    for (const [key, record] of this.records) {
      if (record.isBlocked && record.blockExpiresAt > now) continue;
      if (record.expiresAt > now) continue;
      if ([...record.hits.values()].some((hits) => count(hits) > 0 && hits.expiries[hits.expiries.length - 1] > now)) continue;
      this.records.delete(key);
    }
  }

  /** Trackers remembered (for tests). */
  get size(): number {
    return this.records.size;
  }

  onApplicationShutdown(): void {
    clearInterval(this.sweep);
    this.sweep = undefined;
    this.records.clear();
  }
}

function hitsOf(record: KeyRecord, throttlerName: string): Hits {
  let hits = record.hits.get(throttlerName);
  if (hits === undefined) {
    hits = { expiries: [], head: 0 };
    record.hits.set(throttlerName, hits);
  }
  return hits;
}

/** Drops the hits expired at `now` (expiry ≤ now) from the head; compacts once half the array is dead. */
function prune(hits: Hits, now: number): void {
  const { expiries } = hits;
  while (hits.head < expiries.length && expiries[hits.head] <= now) hits.head++;
  if (hits.head === expiries.length) {
    expiries.length = 0;
    hits.head = 0;
  } else if (hits.head > 1024 && hits.head * 2 > expiries.length) {
    hits.expiries = expiries.slice(hits.head);
    hits.head = 0;
  }
}

function count(hits: Hits): number {
  return hits.expiries.length - hits.head;
}

function oldest(hits: Hits): number {
  return hits.expiries[hits.head];
}

function secondsUntil(time: number): number {
  return Math.ceil((time - Date.now()) / 1000);
}
