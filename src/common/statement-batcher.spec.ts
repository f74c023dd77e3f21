import { StatementBatcher } from './statement-batcher';

function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (error: unknown) => void } {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((done, fail) => ((resolve = done), (reject = fail)));
  return { promise, resolve, reject };
}

/** A batcher whose batches are answered by hand: `calls` are the batches it was given. */
function manual(maxBatch?: number) {
  const calls: { items: readonly number[]; answer: ReturnType<typeof deferred<readonly string[]>> }[] = [];
  const batcher = new StatementBatcher<number, string>((items) => {
    const answer = deferred<readonly string[]>();
    calls.push({ items, answer });
    return answer.promise;
  }, maxBatch);
  return { batcher, calls };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('StatementBatcher', () => {
  it('sends a lone item at once and those that arrive meanwhile as the next batch, each answered with its own result', async () => {
    const { batcher, calls } = manual();
    const first = batcher.submit(1);
    expect(calls.map((call) => call.items)).toEqual([[1]]);

    const later = [batcher.submit(2), batcher.submit(3), batcher.submit(4)];
    await flush();
    expect(calls).toHaveLength(1);
    calls[0].answer.resolve(['one']);
    await expect(first).resolves.toBe('one');
    await flush();
    expect(calls.map((call) => call.items)).toEqual([[1], [2, 3, 4]]);
    calls[1].answer.resolve(['two', 'three', 'four']);
    await expect(Promise.all(later)).resolves.toEqual(['two', 'three', 'four']);

    // Idle again: the next item goes at once.
    const again = batcher.submit(5);
    expect(calls.map((call) => call.items)).toEqual([[1], [2, 3, 4], [5]]);
    calls[2].answer.resolve(['five']);
    await expect(again).resolves.toBe('five');
  });

  it('fails every item of a failed batch with its error, and goes on with the next', async () => {
    const { batcher, calls } = manual();
    const first = batcher.submit(1);
    const second = [batcher.submit(2), batcher.submit(3)];
    const third = batcher.submit(4);
    calls[0].answer.resolve(['one']);
    await first;
    await flush();
    calls[1].answer.reject(new Error('connection lost'));
    const outcomes = await Promise.allSettled(second);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected']);
    expect((outcomes[0] as PromiseRejectedResult).reason).toEqual(new Error('connection lost'));
    // 2, 3 and 4 all arrived while the first batch was in flight: they went as one batch.
    await expect(third).rejects.toThrow('connection lost');
    const after = batcher.submit(5);
    expect(calls.map((call) => call.items)).toEqual([[1], [2, 3, 4], [5]]);
    calls[2].answer.resolve(['five']);
    await expect(after).resolves.toBe('five');
  });

  it('splits a long queue at maxBatch and refuses an answer of the wrong length', async () => {
    const { batcher, calls } = manual(2);
    const first = batcher.submit(1);
    const queued = [batcher.submit(2), batcher.submit(3), batcher.submit(4)];
    calls[0].answer.resolve(['one']);
    await first;
    await flush();
    expect(calls.map((call) => call.items)).toEqual([[1], [2, 3]]);
    calls[1].answer.resolve(['only one']);
    await expect(queued[0]).rejects.toThrow('a batch of 2 answered 1 results');
    await expect(queued[1]).rejects.toThrow('a batch of 2 answered 1 results');
    await flush();
    expect(calls.map((call) => call.items)).toEqual([[1], [2, 3], [4]]);
    calls[2].answer.resolve(['four']);
    await expect(queued[2]).resolves.toBe('four');
  });
});
