import { ConcurrencyGate } from './concurrency-gate';
import { UnavailableError } from './domain-error';

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

describe('ConcurrencyGate', () => {
  it('runs at most `concurrency` tasks, queues up to the limit and refuses the rest with a retry hint', async () => {
    const gate = new ConcurrencyGate('candidates', 2, 1, 3);
    const blockers = [deferred(), deferred(), deferred()];
    let started = 0;
    const tasks = blockers.map((blocker) =>
      gate.run(async () => {
        started++;
        await blocker.promise;
        return started;
      }),
    );
    await Promise.resolve();
    expect(started).toBe(2);
    expect(gate.inFlight).toBe(2);

    const refused = await gate.run(async () => 'never').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(UnavailableError);
    expect(refused).toMatchObject({ code: 'candidates.saturated', retryAfterSeconds: 3 });

    blockers[0].resolve();
    await tasks[0];
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toBe(3);
    blockers[1].resolve();
    blockers[2].resolve();
    await Promise.all(tasks);
    expect(gate.inFlight).toBe(0);
  });

  it('frees the slot of a task that failed', async () => {
    const gate = new ConcurrencyGate('candidates', 1, 0);
    await expect(gate.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(gate.run(async () => 'ran')).resolves.toBe('ran');
  });
});
