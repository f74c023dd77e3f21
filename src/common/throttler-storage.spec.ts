import { ThrottlerStorageService } from '@nestjs/throttler';
import { QueueThrottlerStorage } from './throttler-storage';

/** A small deterministic generator: the same sequence on every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe('QueueThrottlerStorage', () => {
  let now = 0;
  beforeEach(() => {
    now = 1_800_000_000_000;
    jest.spyOn(Date, 'now').mockImplementation(() => now);
  });
  afterEach(() => jest.restoreAllMocks());

  it.each([
    ['blocking for the ttl (the guard’s default)', 1],
    ['blocking for longer than the ttl', 3],
    ['without blocking', 0],
  ])('answers every request as the library’s storage does, %s', async (_label, blockFactor) => {
    for (const seed of [1, 2, 3]) {
      const next = random(seed);
      const library = new ThrottlerStorageService();
      // The library sweeps on a timer, which never fires here: ours must not sweep either.
      const ours = new QueueThrottlerStorage(Infinity);
      for (let request = 0; request < 3_000; request++) {
        // Bursts and pauses across several windows; ttl 1–3 s, limits small enough to block.
        now += next() < 0.9 ? Math.floor(next() * 40) : Math.floor(next() * 4_000);
        const key = `client-${Math.floor(next() * 3)}`;
        const ttl = 1_000 * (1 + (seed % 3));
        const limit = 5 + seed * 3;
        const args = [key, ttl, limit, blockFactor * ttl, 'default'] as const;
        expect(await ours.increment(...args)).toEqual(await library.increment(...args));
      }
      library.onApplicationShutdown();
    }
  });

  it('forgets idle trackers after the sweep interval, as the library does', async () => {
    const ours = new QueueThrottlerStorage();
    await ours.increment('a', 1_000, 10, 1_000, 'default');
    now += 2_000;
    await ours.increment('b', 1_000, 10, 1_000, 'default');
    expect(ours.trackers).toBe(2);
    now += 60_000;
    await ours.increment('b', 1_000, 10, 1_000, 'default');
    expect(ours.trackers).toBe(1);
  });
});
