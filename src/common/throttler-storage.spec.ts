import { ThrottlerStorageService } from '@nestjs/throttler';
import { SlidingWindowThrottlerStorage } from './throttler-storage';

/** A small deterministic generator (mulberry32), so a failing sequence can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('SlidingWindowThrottlerStorage', () => {
  let now: number;
  beforeEach(() => {
    now = 1_800_000_000_000;
    jest.spyOn(Date, 'now').mockImplementation(() => now);
  });
  afterEach(() => jest.restoreAllMocks());

  it.each([
    { seed: 1, limit: 5, ttl: 1_000, blockDuration: 1_000 },
    { seed: 2, limit: 3, ttl: 2_000, blockDuration: 5_000 },
    { seed: 3, limit: 10, ttl: 60_000, blockDuration: 60_000 },
    { seed: 4, limit: 4, ttl: 1_500, blockDuration: 0 },
    { seed: 5, limit: 40, ttl: 60_000, blockDuration: 30_000, keys: 1 },
  ])('answers every request as the package’s storage does (%o)', async ({ seed, limit, ttl, blockDuration, keys: keyCount = 3 }) => {
    const next = random(seed);
    const ours = new SlidingWindowThrottlerStorage();
    const theirs = new ThrottlerStorageService();
    const keys = ['a', 'b', 'c'].slice(0, keyCount);
    let blocked = 0;
    for (let i = 0; i < 10_000; i++) {
      // Bursts (many requests in the same millisecond) and pauses longer than the ttl.
      const gap = next();
      now += gap < 0.5 ? 0 : gap < 0.995 ? Math.floor(next() * (ttl / limit)) : Math.floor(next() * ttl * 3);
      const key = keys[Math.floor(next() * keys.length)];
      const expected = await theirs.increment(key, ttl, limit, blockDuration, 'default');
      const answer = await ours.increment(key, ttl, limit, blockDuration, 'default');
      if (JSON.stringify(answer) !== JSON.stringify(expected)) expect({ i, ...answer }).toEqual({ i, ...expected });
      if (answer.isBlocked) blocked++;
      if (i % 2_500 === 2_499) {
        (theirs as unknown as { evictIdleRecords(now: number): void }).evictIdleRecords(now);
        ours.evictIdle(now);
        expect(ours.size).toBe(theirs.storage.size);
      }
    }
    // The sequences must reach the limit, or the block paths were not compared.
    expect(blocked).toBeGreaterThan(0);
    ours.onApplicationShutdown();
    theirs.onApplicationShutdown();
  });

  it('forgets a tracker once its window and hits have expired', async () => {
    const storage = new SlidingWindowThrottlerStorage();
    await storage.increment('a', 1_000, 10, 1_000, 'default');
    storage.evictIdle(now + 999);
    expect(storage.size).toBe(1);
    storage.evictIdle(now + 1_000);
    expect(storage.size).toBe(0);
    storage.onApplicationShutdown();
  });

  it('keeps the cost per request flat when a tracker has many live hits', async () => {
    const storage = new SlidingWindowThrottlerStorage();
    for (let i = 0; i < 50_000; i++) {
      now += 1;
      const record = await storage.increment('a', 20_000, 100_000_000, 20_000, 'default');
      // 20,000 hits live at most: one per millisecond of the ttl.
      expect(record.totalHits).toBe(Math.min(i + 1, 20_000));
    }
    storage.onApplicationShutdown();
  });
});
