/**
 * Group commit for a hot statement: an item submitted while a batch is in flight waits for it
 * and then goes with every other item that arrived meanwhile, in one call of `runBatch`; an
 * item submitted when nothing is in flight goes at once, alone. Under concurrent requests a
 * statement every request sends then costs one round trip for several of them, and never
 * makes a lone request wait.
 *
 * `runBatch` answers with one result per item, in their order; when it fails, every item of
 * that batch fails with its error (the batch is one statement: all of it or none).
 */
export class StatementBatcher<Item, Result> {
  private pending: { item: Item; resolve: (result: Result) => void; reject: (error: unknown) => void }[] = [];
  private inFlight = false;

  constructor(
    private readonly runBatch: (items: readonly Item[]) => Promise<readonly Result[]>,
    private readonly maxBatch = 64,
  ) {}

  submit(item: Item): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      if (!this.inFlight) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.inFlight = true;
    try {
      while (this.pending.length > 0) {
        const batch = this.pending.splice(0, this.maxBatch);
        try {
          const results = await this.runBatch(batch.map((entry) => entry.item));
          if (results.length !== batch.length) throw new Error(`a batch of ${batch.length} answered ${results.length} results`);
          batch.forEach((entry, i) => entry.resolve(results[i]));
        } catch (error) {
          for (const entry of batch) entry.reject(error);
        }
      }
    } finally {
      this.inFlight = false;
    }
  }
}
