import { UnavailableError } from './domain-error';

/**
 * At most `concurrency` tasks at once; up to `queueLimit` more wait their turn in arrival
 * order; beyond that a caller is refused at once (UnavailableError: 503 + Retry-After), so
 * that one heavy endpoint cannot take every database connection and starve the others.
 */
export class ConcurrencyGate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly name: string,
    private readonly concurrency: number,
    private readonly queueLimit: number,
    private readonly retryAfterSeconds = 1,
  ) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await task();
    } finally {
      this.release();
    }
  }

  get inFlight(): number {
    return this.running;
  }

  private acquire(): Promise<void> {
    if (this.running < this.concurrency) {
      this.running++;
      return Promise.resolve();
    }
    if (this.waiting.length >= this.queueLimit) {
      return Promise.reject(
        new UnavailableError(`${this.name}.saturated`, `too many ${this.name} requests at once; retry shortly`, this.retryAfterSeconds),
      );
    }
    // The slot passes straight to the next waiter: `running` stays counted.
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running--;
  }
}
